"""One Vietnamese sentence per target, the way a report states a result: the figure, the
resolution's target, the comparison and the assessment.

    Tỷ lệ dân số tham gia bảo hiểm y tế đạt 97,81%, chỉ tiêu Nghị quyết 97,5%, ước cả năm đạt chỉ tiêu.
    Tỷ lệ hộ nghèo còn 0,22%, chỉ tiêu Nghị quyết không quá 0,2%, có nguy cơ không đạt chỉ tiêu.
    Giới thiệu việc làm đạt 146 lao động, bằng 53,09% chỉ tiêu Nghị quyết (275 lao động); ước cả năm
    đạt 292 lao động, vượt chỉ tiêu.
    Công tác cải cách hành chính xếp thứ 4 trên 15 xã, phường, chỉ tiêu Nghị quyết nằm trong top 3, …
    Cải cách hành chính xếp loại tốt: kết quả Khá, chỉ tiêu Nghị quyết Tốt, có nguy cơ không đạt chỉ tiêu.
    Mô hình CCHC mới tại địa phương: chưa có số liệu báo cáo (chỉ tiêu Nghị quyết ít nhất 1 mô hình).

Lower-is-better targets never get a TH/KH % (DESIGN §3): they are worded by the comparison
alone, "còn …" (or "giảm còn …" / "tăng lên …" when last year's figure is known).
Numbers are rounded for reading as everywhere else (core.wording: two decimals at most,
TH/KH % to one).
"""

from __future__ import annotations

from kehoach.core.evaluation import Outcome
from kehoach.core.observations import Figure
from kehoach.core.status import Status, achievement_text
from kehoach.core.targets import ChangeBasis, Comparator, Target
from kehoach.core.text import fold
from kehoach.core.wording import exact_number, number_text, with_unit
from kehoach.reports.facts import TargetFacts

_ESTIMATE_REASON = "đánh giá theo số ước thực hiện cả năm"


def plan_phrase(target: Target) -> str:
    """The resolution's target in words: "97,5%", "trên 50%", "không quá 0,2%", "dưới 12%",
    "từ 6,5% đến 7%", "5/5 khóm", "giảm 0,5%", "nằm trong top 3", "Tốt"."""
    c, unit = target.comparator, target.unit
    total = f"/{exact_number(target.total)}" if target.total is not None else ""
    value = exact_number(target.value)
    if c is Comparator.QUALITATIVE:
        return target.grade or "Đạt"
    if c is Comparator.RANK_TOP:
        return f"nằm trong top {value}"
    if c is Comparator.RANGE:
        return f"từ {with_unit(value, unit)} đến {with_unit(exact_number(target.value_max) + total, unit)}"
    amount = with_unit(value + total, unit)
    return {
        Comparator.AT_LEAST: amount,
        Comparator.EQUAL: amount,
        Comparator.MORE_THAN: f"trên {amount}",
        Comparator.AT_MOST: f"không quá {amount}",
        Comparator.LESS_THAN: f"dưới {amount}",
        Comparator.REDUCE_BY: f"giảm {with_unit(value, _change_unit(target))}",
        Comparator.INCREASE_BY: f"tăng thêm {with_unit(value, _change_unit(target))}",
    }[c]


def _change_unit(target: Target) -> str | None:
    if target.is_percent and target.basis is not ChangeBasis.RELATIVE:
        return "điểm %"
    return target.unit


def amount(figure: Figure | None, target: Target) -> str | None:
    """A figure in a sentence: "97,81%", "146 lao động", "5/5 khóm", "Khá", "thứ 4"; None if empty."""
    if figure is None or figure.is_empty:
        return None
    if figure.grade is not None:
        return figure.grade
    if figure.rank is not None:
        return f"thứ {figure.rank}"
    number = figure.number(target.is_percent)
    if number is None:
        return None
    if target.total is not None and target.comparator is not Comparator.RANGE:
        return with_unit(number_text(number) + f"/{exact_number(target.total)}", target.unit)
    return number_text(number, target.unit)


def verdict(facts: TargetFacts) -> str:
    """ "ước cả năm vượt chỉ tiêu", "có nguy cơ không đạt chỉ tiêu", "đạt chỉ tiêu" …"""
    status = facts.status
    if status is Status.AT_RISK:
        return "có nguy cơ không đạt chỉ tiêu"
    if status is Status.ON_TRACK:
        ahead = "vượt" if facts.outcome is Outcome.EXCEEDED else "đạt"
        return f"ước cả năm {ahead} chỉ tiêu"
    final = {Status.EXCEEDED: "vượt", Status.MET: "đạt", Status.NOT_MET: "không đạt"}.get(status)
    if final is None:
        return facts.evaluation.reason or "chưa đánh giá được"
    prefix = "ước cả năm " if facts.evaluation.reason == _ESTIMATE_REASON else ""
    return f"{prefix}{final} chỉ tiêu"


def _subject_verb(name: str, verb: str) -> str:
    """ "Tỷ lệ … đạt", or "Khóm đạt khóm văn minh đô thị:" when the name says "đạt" already."""
    if verb == "đạt" and " đạt " in f" {fold(name)} ":
        return f"{name}:"
    return f"{name} {verb}"


def _coverage(facts: TargetFacts) -> str:
    coverage = facts.evaluation.coverage
    return "" if coverage.complete else f" (số liệu của {coverage.text} đơn vị)"


def _previous(facts: TargetFacts) -> str:
    before = amount(facts.previous, facts.target)
    return f" (cùng kỳ năm trước {before})" if before else ""


def sentence(facts: TargetFacts) -> str:
    """The sentence a report prints for one target."""
    target = facts.target
    name = target.name.strip() or "Chỉ tiêu"
    c = target.comparator
    actual = amount(facts.actual, target)
    if actual is None:
        text = f"{name}: chưa có số liệu báo cáo (chỉ tiêu Nghị quyết {plan_phrase(target)})"
        return text + "."
    if c is Comparator.RANK_TOP:
        among = f" trên {exact_number(target.total)} {target.unit or 'đơn vị'}" if target.total is not None else ""
        text = f"{name} xếp {actual}{among}, chỉ tiêu Nghị quyết {plan_phrase(target)}"
    elif c is Comparator.QUALITATIVE:
        text = f"{name}: kết quả {actual}, chỉ tiêu Nghị quyết {plan_phrase(target)}"
    elif c in (Comparator.REDUCE_BY, Comparator.INCREASE_BY):
        text = _change(facts, name, actual)
    elif facts.cumulative:
        return _cumulative(facts, name, actual)
    elif facts.lower_is_better:
        text = f"{name} {_lower_verb(facts)} {actual}{_previous(facts)}, chỉ tiêu Nghị quyết {plan_phrase(target)}"
    else:
        text = f"{_subject_verb(name, 'đạt')} {actual}{_previous(facts)}, chỉ tiêu Nghị quyết {plan_phrase(target)}"
    return f"{text}{_coverage(facts)}, {verdict(facts)}."


def _lower_verb(facts: TargetFacts) -> str:
    before = None if facts.previous is None else facts.previous.number(facts.target.is_percent)
    now = facts.actual.number(facts.target.is_percent)
    if before is None or now is None:
        return "còn"
    if now < before:
        return "giảm còn"
    return "tăng lên" if now > before else "giữ ở mức"


def _cumulative(facts: TargetFacts, name: str, actual: str) -> str:
    """A count summed over the year: the figure, its share of the year's target, the projection."""
    target = facts.target
    plan = plan_phrase(target)
    verb = "" if facts.lower_is_better else "đạt"
    head = f"{_subject_verb(name, verb)} {actual}" if verb else f"{name}: {actual}"
    to_date = amount(facts.to_date, target)
    if to_date is not None and facts.evaluation.year_to_date.period != facts.evaluation.period:
        head += f", lũy kế từ đầu năm {to_date}"
    pct = facts.evaluation.achievement_pct
    if pct is not None and not target.is_percent:
        head += f", bằng {achievement_text(pct)} chỉ tiêu Nghị quyết ({plan})"
    else:
        head += f", chỉ tiêu Nghị quyết {plan}"
    head += _previous(facts) + _coverage(facts)
    projected = amount(facts.projected, target)
    status = facts.status
    if status is Status.NO_DATA:
        return f"{head}; {verdict(facts)}."
    if status.is_final:
        return f"{head}, {verdict(facts)}."
    lead = "ước cả năm chỉ đạt" if status is Status.AT_RISK else "ước cả năm đạt"
    if projected is None:
        return f"{head}, {verdict(facts)}."
    tail = "có nguy cơ không đạt chỉ tiêu" if status is Status.AT_RISK else verdict(facts).removeprefix("ước cả năm ")
    return f"{head}; {lead} {projected}, {tail}."


def _change(facts: TargetFacts, name: str, actual: str) -> str:
    """A reduction or increase against last year: "… còn 1,8% (năm trước 2,3%), giảm 0,5 điểm %"."""
    target = facts.target
    verb = "còn" if target.comparator is Comparator.REDUCE_BY else "đạt"
    text = f"{name} {verb} {actual}"
    now = facts.actual.number(target.is_percent)
    if facts.baseline is not None and now is not None:
        change = now - facts.baseline
        word = "giảm" if change < 0 else "tăng"
        before = number_text(facts.baseline, target.unit)
        text += f" (năm trước {before}), {word} {number_text(abs(change), _change_unit(target))}"
    return f"{text}, chỉ tiêu Nghị quyết {plan_phrase(target)}"


def short_result(facts: TargetFacts) -> str:
    """A target in a list of targets at risk: "Tỷ lệ hộ nghèo: 0,22% (chỉ tiêu không quá 0,2%)"."""
    target = facts.target
    shown = amount(facts.projected, target) if facts.cumulative else amount(facts.actual, target)
    label = "ước cả năm " if facts.cumulative and not facts.status.is_final else ""
    if shown is None:
        return f"{target.name} (chỉ tiêu Nghị quyết {plan_phrase(target)})"
    return f"{target.name}: {label}{shown} (chỉ tiêu Nghị quyết {plan_phrase(target)})"
