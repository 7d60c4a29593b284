"""What a heading announces: a section kind (indicators, tasks, solutions …) or an
indicator group ("Về kinh tế:", "Nhóm chỉ tiêu xã hội (08 chỉ tiêu):")."""

from __future__ import annotations

import re
from functools import lru_cache

from kehoach.core.plan import IndicatorGroup
from kehoach.core.text import fold
from kehoach.parsing import vocab

INDICATORS = "indicators"
TASKS = "tasks"
SOLUTIONS = "solutions"
RESULTS = "results"
GOAL = "goal"
ORGANIZATION = "organization"
EFFECT = "effect"
SKIPPED = (RESULTS, GOAL, ORGANIZATION, EFFECT)

_W = "a-zà-ỹđ0-9"


@lru_cache(maxsize=512)
def _word_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![{_W}]){re.escape(phrase)}(?![{_W}])")


def _has(text: str, phrase: str) -> bool:
    return _word_pattern(phrase).search(text) is not None


def section_kind(heading: str) -> str | None:
    """The kind of section a heading opens, or None for a plain container."""
    h = fold(heading)
    if any(_has(h, w) for w in vocab.ORGANIZATION_WORDS) or h.startswith(("giao ủy ban", "trách nhiệm")):
        return ORGANIZATION
    if any(_has(h, w) for w in vocab.EFFECT_WORDS):
        return EFFECT
    if any(_has(h, w) for w in vocab.GOAL_WORDS) or h.startswith(("mục đích", "mục tiêu:", "mục tiêu tổng")):
        return GOAL
    if any(_has(h, w) for w in vocab.TASK_WORDS):
        return TASKS
    if any(_has(h, w) for w in vocab.SOLUTION_WORDS):
        return SOLUTIONS
    if _has(h, "chỉ tiêu") or _has(h, "các chỉ tiêu"):
        return INDICATORS
    if any(_has(h, w) for w in vocab.RESULT_WORDS) or h.startswith(("tình hình", "năm qua")):
        return RESULTS
    return None


_LABEL_PREFIX = re.compile(
    r"^(?:\s|\*|_)*(?:(?:nhóm\s+)?(?:các\s+)?chỉ tiêu(?:\s+chủ yếu)?(?:\s+về)?|về|lĩnh vực|trên lĩnh vực|khối|nhóm)?\s*"
)
_LABEL_FILLER = (
    "phát triển",
    "bảo đảm",
    "đảm bảo",
    "lĩnh vực",
    "các",
    "giảm nghèo",
    "dân số",
    "thể thao",
    "thông tin",
    "nông nghiệp",
    "ngân sách",
    "và",
    "thể dục",
    "an sinh",
    "chuyển đổi số",
    "tài chính",
    "du lịch",
    "trật tự",
    "an toàn",
    "khoa học",
    "công nghệ",
    "hạ tầng",
    "quốc phòng",
    "cải cách hành chính",
    "phòng chống tham nhũng",
    "thi đua",
    "tư pháp",
    "dân tộc",
    "tôn giáo",
    "chủ yếu",
)
_COUNT = re.compile(r"\(\s*\d+\s*(?:chỉ tiêu|nhiệm vụ)\s*\)")


def group_label(label: str) -> list[str] | None:
    """The groups a label names ("Về văn hóa - xã hội" → [văn hóa - xã hội]); None if it is
    not a group label (a label with other words is an indicator's name)."""
    h = fold(label).strip().strip("*_:. ")
    if not h or re.search(r"\d", _COUNT.sub("", h)):
        return None
    h = _COUNT.sub(" ", h)
    h = h.replace("kinh tế - xã hội", " ")
    m = _LABEL_PREFIX.match(h)
    rest = h[m.end() :] if m else h
    groups: list[str] = []
    remainder = rest
    for word, group in vocab.GROUP_HEADING_WORDS:
        if _has(remainder, word):
            if group not in groups:
                groups.append(group)
            remainder = re.sub(rf"(?<![{_W}]){re.escape(word)}(?![{_W}])", " ", remainder)
    for filler in _LABEL_FILLER:
        remainder = re.sub(rf"(?<![{_W}]){re.escape(filler)}(?![{_W}])", " ", remainder)
    remainder = re.sub(r"[\s,;:.\-–—&/()]+", " ", remainder).strip()
    if not groups or len(remainder.split()) > 1:
        return None
    if "kinh tế - xã hội" in fold(label) and len(groups) > 2:
        return None
    return _ordered(groups)


def _ordered(groups: list[str]) -> list[str]:
    order = {g: i for i, g in enumerate(IndicatorGroup.ALL)}
    seen: list[str] = []
    for g in groups:
        if g not in seen:
            seen.append(g)
    return sorted(seen, key=lambda g: order.get(g, 99)) if len(seen) > 1 else seen


_LABEL_AT_START = re.compile(r"^\s*(?:\*(?P<a>[^*]{2,120}?)\*|(?P<b>[^:;.]{2,120}?):)\s*")


def split_label(text: str) -> tuple[list[str] | None, int]:
    """A group label at the start of ``text`` ("*Về kinh tế:* …", "Nhóm chỉ tiêu xã hội (08 chỉ
    tiêu): …"): its groups and the offset where the content begins."""
    m = _LABEL_AT_START.match(text)
    if not m:
        return None, 0
    label = m.group("a") or m.group("b") or ""
    groups = group_label(label)
    if groups is None:
        return None, 0
    return groups, m.end()


def group_by_content(text: str, candidates: list[str] | None) -> str:
    """Place an indicator in a group by its words, among ``candidates`` when given."""
    pool = candidates or [g for g in IndicatorGroup.ALL if g != IndicatorGroup.OTHER]
    if len(pool) == 1:
        return pool[0]
    key = fold(text)
    best, best_score = None, 0
    for group in pool:
        words = vocab.GROUP_CONTENT_WORDS.get(group, ())
        score = sum(len(w) for w in words if _has(key, w))
        if score > best_score:
            best, best_score = group, score
    if best is not None:
        return best
    return pool[0] if candidates else IndicatorGroup.OTHER


STATED_INDICATORS = re.compile(r"(?<![\d.,])(\d{1,3})\s+chỉ tiêu(?:\s+chủ yếu)?")
STATED_TASKS = re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:nhiệm vụ trọng tâm|nhiệm vụ)")
