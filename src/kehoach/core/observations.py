"""Recorded figures (số liệu thực hiện): target × unit × period, and their revisions.

A :class:`Figure` is what a number cell holds: a value, or a numerator and denominator,
or a grade, or a rank. An :class:`Observation` is a figure recorded for one target key,
one unit and one period, as an actual or as an officer's estimate ("ước"). Storage keeps
every change as a revision (core.revisions); nothing is overwritten.

Decisions where the brief was silent:

- ``period`` may be given as a code (``"2024-Q1"``); it is stored as a :class:`Period`.
  ``int`` figures are taken as Decimal; ``float`` is refused (inexact), and so are NaN
  and infinities. These are programming errors (``ValueError``); what an officer can get
  wrong is reported by :func:`validate_observation` as a list of Vietnamese messages.
- A value derived from a numerator and denominator is ``numerator / denominator × 100``
  for a percent target, ``numerator / denominator`` otherwise ("thu nhập bình quân
  đầu người" = income / people). Division keeps 34 significant digits (:func:`quotient`);
  sums and differences stay exact. 0/0 has no value; it adds nothing to a ratio roll-up.
- A value given together with a numerator and denominator must agree with them up to the
  rounding of the value as written: 33,3 agrees with 1/3, 34 does not.
- A percent target is a *share* (at most 100%, never negative) when it is rolled up as a
  ratio or its name starts with "tỷ lệ", unless its name speaks of growth or of a share of
  a plan or estimate (tăng trưởng, tốc độ, so với, dự toán, kế hoạch): 115% of the budget
  estimate is a real figure.
- An observation with nothing recorded is a problem for validation and is ignored by the
  roll-up (missing, never zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

from kehoach.core.evaluation import Actual, Grade, Rank
from kehoach.core.numbers import format_vn_number
from kehoach.core.periods import Period, parse_period
from kehoach.core.targets import GRADE_SCALES, Comparator, OverUnits, Target
from kehoach.core.text import fold

DIVISION_PRECISION = 34
_DIVISION = Context(prec=DIVISION_PRECISION)


def quotient(dividend: Decimal, divisor: Decimal) -> Decimal:
    """``dividend / divisor`` to 34 significant digits (exact when the quotient is short)."""
    with localcontext(_DIVISION):
        return dividend / divisor


def ratio_value(numerator: Decimal, denominator: Decimal, percent: bool) -> Decimal | None:
    """numerator / denominator (× 100 for a percent target); None when the denominator is 0."""
    if denominator == 0:
        return None
    return quotient(numerator * 100 if percent else numerator, denominator)


class ObservationError(ValueError):
    """An observation that cannot exist (a float, a non-finite number) or a duplicate."""


def _decimal(name: str, value: object) -> Decimal | None:
    if value is None:
        return None
    if type(value) is Decimal and value.is_finite():  # the common case, checked first
        return value
    if isinstance(value, (bool, float)):
        raise ObservationError(f"{name} phải là số Decimal chính xác, không phải {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if not isinstance(value, Decimal):
        raise ObservationError(f"{name} phải là số, không phải {value!r}")
    if not value.is_finite():
        raise ObservationError(f"{name} '{value}' không phải là số hữu hạn")
    return value


def _grade(grade: str | None) -> str | None:
    return None if grade is None else grade.strip() or None


def _check_rank(rank: object) -> None:
    if rank is not None and (isinstance(rank, bool) or not isinstance(rank, int)):
        raise ObservationError(f"thứ hạng phải là số nguyên, không phải {rank!r}")


class FigureParts:
    """The five parts of a figure (value, numerator and denominator, grade, rank) and what they
    say; shared by figures, observations, entries and the roll-up's records."""

    __slots__ = ()
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    grade: str | None
    rank: int | None

    @property
    def is_empty(self) -> bool:
        return (
            self.value is None
            and self.numerator is None
            and self.denominator is None
            and self.grade is None
            and self.rank is None
        )

    @property
    def has_ratio(self) -> bool:
        return self.numerator is not None and self.denominator is not None

    def number(self, percent: bool) -> Decimal | None:
        """The value, or the one derived from the numerator and denominator."""
        if self.value is not None:
            return self.value
        if self.numerator is not None and self.denominator is not None:
            return ratio_value(self.numerator, self.denominator, percent)
        return None


@dataclass(frozen=True, slots=True)
class Figure(FigureParts):
    """A figure as recorded or rolled up; every part may be missing (None)."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    grade: str | None = None
    rank: int | None = None

    def __post_init__(self) -> None:
        for name in ("value", "numerator", "denominator"):
            object.__setattr__(self, name, _decimal(name, getattr(self, name)))
        object.__setattr__(self, "grade", _grade(self.grade))
        _check_rank(self.rank)

    def as_actual(self, percent: bool = False) -> Actual | None:
        """What core.evaluation.evaluate takes: a Decimal, a Grade or a Rank (None if nothing)."""
        if self.grade is not None:
            return Grade(self.grade)
        if self.rank is not None:
            return Rank(self.rank)
        return self.number(percent)


@dataclass(frozen=True, init=False, slots=True)
class Observation(FigureParts):
    """A figure recorded for ``target_key`` × ``unit_code`` × ``period`` (an actual, or an
    estimate "ước" when ``estimate`` is set); ``period`` may be given as a code."""

    target_key: str
    unit_code: str
    period: Period
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    grade: str | None
    rank: int | None
    estimate: bool
    note: str
    source: str

    def __init__(
        self,
        target_key: str,
        unit_code: str,
        period: Period | str,
        value: Decimal | int | None = None,
        numerator: Decimal | int | None = None,
        denominator: Decimal | int | None = None,
        grade: str | None = None,
        rank: int | None = None,
        estimate: bool = False,
        note: str = "",
        source: str = "",
    ) -> None:
        if not target_key or not unit_code:
            raise ObservationError("số liệu cần mã chỉ tiêu và mã đơn vị")
        if isinstance(period, str):
            period = parse_period(period)
        if not isinstance(period, Period):
            raise ObservationError(f"kỳ báo cáo phải là Period hoặc mã kỳ, không phải {period!r}")
        _check_rank(rank)
        set_ = object.__setattr__
        set_(self, "target_key", target_key)
        set_(self, "unit_code", unit_code)
        set_(self, "period", period)
        set_(self, "value", _decimal("value", value))
        set_(self, "numerator", _decimal("numerator", numerator))
        set_(self, "denominator", _decimal("denominator", denominator))
        set_(self, "grade", _grade(grade))
        set_(self, "rank", rank)
        set_(self, "estimate", bool(estimate))
        set_(self, "note", note)
        set_(self, "source", source)

    @classmethod
    def stored(
        cls,
        target_key: str,
        unit_code: str,
        period: Period,
        value: Decimal | None,
        numerator: Decimal | None,
        denominator: Decimal | None,
        grade: str | None,
        rank: int | None,
        estimate: bool,
        note: str = "",
        source: str = "",
    ) -> Observation:
        """An observation read back from storage, where it was checked when recorded: built
        without checking again (a province's year is hundreds of thousands of them)."""
        obs = object.__new__(cls)
        set_ = object.__setattr__
        set_(obs, "target_key", target_key)
        set_(obs, "unit_code", unit_code)
        set_(obs, "period", period)
        set_(obs, "value", value)
        set_(obs, "numerator", numerator)
        set_(obs, "denominator", denominator)
        set_(obs, "grade", grade)
        set_(obs, "rank", rank)
        set_(obs, "estimate", estimate)
        set_(obs, "note", note)
        set_(obs, "source", source)
        return obs

    @property
    def key(self) -> tuple[str, str, Period, bool]:
        """What identifies the observation: target, unit, period, actual or estimate."""
        return (self.target_key, self.unit_code, self.period, self.estimate)

    @property
    def figure(self) -> Figure:
        return Figure(self.value, self.numerator, self.denominator, self.grade, self.rank)


# Validation -------------------------------------------------------------------------------

_NOT_A_SHARE_WORDS = ("tăng trưởng", "tốc độ", "so với", "dự toán", "kế hoạch", "vượt")
_KNOWN_GRADES = {" ".join(fold(g).split()) for scale in GRADE_SCALES for g in scale}


def is_share(target: Target) -> bool:
    """A percent target whose figure is a part of a whole: at most 100%, never negative."""
    if not target.is_percent or target.comparator in (Comparator.INCREASE_BY, Comparator.REDUCE_BY):
        return False
    name = " ".join(fold(target.name).split())
    if any(word in name for word in _NOT_A_SHARE_WORDS):
        return False
    return target.over_units is OverUnits.RATIO or name.startswith("tỷ lệ")


def _n(value: Decimal) -> str:
    return format_vn_number(value)


def _agrees(value: Decimal, numerator: Decimal, denominator: Decimal, percent: bool) -> bool:
    """``value`` is numerator/denominator (× 100) rounded to the places it is written with."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    half_unit = Decimal((0, (5,), exponent - 1))
    scaled = numerator * 100 if percent else numerator
    # |value - scaled/denominator| <= half_unit, without dividing
    return abs(value * denominator - scaled) <= half_unit * abs(denominator)


def validate_observation(obs: Observation, target: Target) -> list[str]:
    """Every problem with recording ``obs`` for ``target``, in Vietnamese (empty when fine)."""
    if obs.is_empty:
        return ["chưa nhập số liệu (giá trị, tử số và mẫu số, mức đánh giá hoặc thứ hạng)"]
    problems: list[str] = []
    numeric = obs.value is not None or obs.numerator is not None or obs.denominator is not None
    if target.comparator is Comparator.QUALITATIVE:
        if numeric:
            problems.append("chỉ tiêu định tính cần mức đánh giá (Tốt, Đạt …), không nhận giá trị số")
        if obs.grade is None and obs.rank is None and not numeric:
            problems.append("chỉ tiêu định tính cần mức đánh giá (Tốt, Đạt …)")
        elif obs.grade is not None and " ".join(fold(obs.grade).split()) not in _KNOWN_GRADES:
            problems.append(f"không nhận ra mức đánh giá '{obs.grade}'")
    elif obs.grade is not None:
        problems.append(f"chỉ tiêu định lượng không nhận mức đánh giá '{obs.grade}', cần một số")
    if target.comparator is Comparator.RANK_TOP:
        if numeric:
            problems.append("chỉ tiêu xếp hạng cần thứ hạng, không nhận giá trị hay tử số, mẫu số")
        if obs.rank is not None:
            problems.extend(_rank_problems(obs.rank, target))
    elif obs.rank is not None:
        problems.append(f"chỉ tiêu không phải chỉ tiêu xếp hạng, không nhận thứ hạng {obs.rank}")
    problems.extend(_ratio_problems(obs, target))
    if obs.value is not None and is_share(target):
        if obs.value > 100:
            problems.append(f"tỷ lệ {_n(obs.value)}% lớn hơn 100%")
        elif obs.value < 0:
            problems.append(f"tỷ lệ {_n(obs.value)}% không được âm")
    return problems


def _rank_problems(rank: int, target: Target) -> list[str]:
    if rank < 1:
        return [f"thứ hạng {rank} không hợp lệ (thứ hạng tính từ 1)"]
    if target.total is not None and rank > target.total:
        return [f"thứ hạng {rank} vượt quá tổng số {_n(target.total)} đơn vị xếp hạng"]
    return []


def _ratio_problems(obs: Observation, target: Target) -> list[str]:
    num, den = obs.numerator, obs.denominator
    if num is None and den is None:
        return []
    if num is None:
        return ["có mẫu số nhưng thiếu tử số"]
    if den is None:
        return ["có tử số nhưng thiếu mẫu số"]
    problems: list[str] = []
    if num < 0:
        problems.append(f"tử số {_n(num)} không được âm")
    if den < 0:
        problems.append(f"mẫu số {_n(den)} không được âm")
    elif den == 0:
        if num != 0:
            problems.append(f"mẫu số bằng 0 nhưng tử số là {_n(num)}")
    elif num > den and is_share(target):
        problems.append(f"tử số {_n(num)} lớn hơn mẫu số {_n(den)}")
    if (
        obs.value is not None
        and den > 0
        and num >= 0
        and not problems
        and not _agrees(obs.value, num, den, target.is_percent)
    ):
        derived = ratio_value(num, den, target.is_percent)
        assert derived is not None
        unit = "%" if target.is_percent else ""
        problems.append(
            f"giá trị {_n(obs.value)}{unit} không khớp với tử số/mẫu số {_n(num)}/{_n(den)} "
            f"(= {format_vn_number(derived, 2)}{unit})"
        )
    return problems
