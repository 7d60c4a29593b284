"""The report's text that numbers cannot give, written by officers per plan, unit and period:
results and shortcomings of each focus task and each indicator group, the causes, the
directions for the next period, proposals. Each piece is a *section* with a stable key:

    ket-qua:nv-1.1        kết quả thực hiện nhiệm vụ trọng tâm 1.1
    han-che:nv-1.1        hạn chế của nhiệm vụ 1.1
    ket-qua:kinh-te       kết quả lĩnh vực kinh tế (beside the generated sentences)
    han-che:kinh-te       hạn chế lĩnh vực kinh tế
    ket-qua               kết quả đạt được (đánh giá chung)
    han-che               tồn tại, hạn chế (đánh giá chung)
    nguyen-nhan           nguyên nhân
    phuong-huong          phương hướng, nhiệm vụ kỳ tới
    kien-nghi             đề xuất, kiến nghị

Keys are read in any case, with or without diacritics ("kết quả:Kinh tế", "han che:nv1.1",
"ket-qua:T1.1"). Texts are kept with every revision, like figures (append-only storage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kehoach.core.groups import group_label
from kehoach.core.plan import Plan
from kehoach.core.text import ascii_slug, nfc


class SectionKind(StrEnum):
    RESULTS = "ket-qua"
    SHORTCOMINGS = "han-che"
    CAUSES = "nguyen-nhan"
    DIRECTIONS = "phuong-huong"
    PROPOSALS = "kien-nghi"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def takes_subject(self) -> bool:
        return self in (SectionKind.RESULTS, SectionKind.SHORTCOMINGS)


KIND_LABELS = {
    SectionKind.RESULTS: "Kết quả đạt được",
    SectionKind.SHORTCOMINGS: "Tồn tại, hạn chế",
    SectionKind.CAUSES: "Nguyên nhân",
    SectionKind.DIRECTIONS: "Phương hướng, nhiệm vụ kỳ tới",
    SectionKind.PROPOSALS: "Đề xuất, kiến nghị",
}
TASK_PREFIX = "nv-"
_TASK_WORDS = re.compile(r"^(?:nhiem-vu|nv|t)-?(?=\d)")


class SectionError(ValueError):
    """A section key that is not one of the plan's sections (message in Vietnamese)."""


@dataclass(frozen=True)
class Section:
    """One piece of narrative: a kind, and for results and shortcomings a subject (a focus
    task ``nv-1.1`` or an indicator group ``kinh-te``; None for the whole report)."""

    kind: SectionKind
    subject: str | None = None
    subject_label: str = ""

    @property
    def key(self) -> str:
        return self.kind.value if self.subject is None else f"{self.kind.value}:{self.subject}"

    @property
    def label(self) -> str:
        if self.subject is None:
            return self.kind.label
        word = "Kết quả" if self.kind is SectionKind.RESULTS else "Hạn chế"
        return f"{word}: {self.subject_label}"

    @property
    def task_code(self) -> str | None:
        if self.subject is None or not self.subject.startswith(TASK_PREFIX):
            return None
        return self.subject[len(TASK_PREFIX) :]


def task_code(code: str) -> str:
    """A task's code as keys use it: "(1.2)" → "1.2"."""
    return code.strip("().")


def plan_sections(plan: Plan) -> list[Section]:
    """Every section a report of ``plan`` has, in the order the report prints them."""
    sections: list[Section] = []
    for task in plan.tasks:
        code = task_code(task.code)
        label = f"nhiệm vụ trọng tâm {code}"
        sections += [Section(kind, f"{TASK_PREFIX}{code}", label) for kind in _SUBJECT_KINDS]
    seen: set[str] = set()
    for indicator in plan.indicators:
        name = group_label(indicator.group)
        slug = ascii_slug(name)
        if slug in seen:
            continue
        seen.add(slug)
        label = f"lĩnh vực {name[:1].lower()}{name[1:]}"
        sections += [Section(kind, slug, label) for kind in _SUBJECT_KINDS]
    sections += [Section(kind) for kind in SectionKind]
    return sections


_SUBJECT_KINDS = (SectionKind.RESULTS, SectionKind.SHORTCOMINGS)


def parse_section(text: str, plan: Plan) -> Section:
    """The section of ``plan`` named by ``text`` ("ket-qua:kinh-te", "Hạn chế:NV 1.1" …)."""
    kind_text, _, subject_text = nfc(text).partition(":")
    kind = _kind(kind_text)
    if kind is None:
        raise SectionError(
            f"không có mục '{text.strip()}' trong báo cáo; các loại mục: "
            + ", ".join(k.value for k in SectionKind)
            + " (ví dụ: ket-qua:kinh-te, han-che:nv-1.1, phuong-huong)"
        )
    subject = ascii_slug(subject_text)
    if not subject:
        return Section(kind)
    if not kind.takes_subject:
        raise SectionError(f"mục '{kind.value}' viết cho cả báo cáo, không theo nhiệm vụ hay lĩnh vực")
    wanted = _TASK_WORDS.sub(TASK_PREFIX.rstrip("-") + "-", subject)
    for section in plan_sections(plan):
        if section.kind is kind and section.subject is not None and ascii_slug(section.subject) == wanted:
            return section
    choices = sorted({s.subject for s in plan_sections(plan) if s.subject is not None})
    raise SectionError(
        f"kế hoạch không có nhiệm vụ hay lĩnh vực '{subject_text.strip()}'; chọn một trong: {', '.join(choices)}"
    )


def _kind(text: str) -> SectionKind | None:
    slug = ascii_slug(text)
    for kind in SectionKind:
        if slug == kind.value:
            return kind
    return None


@dataclass(frozen=True)
class NarrativeRevision:
    """One version of a section's text: who wrote it and when; the latest is current."""

    seq: int
    text: str
    written_by: str
    written_at: datetime


@dataclass(frozen=True)
class Narrative:
    """A section's current text and its history, for one plan, unit and period."""

    section: Section
    revisions: tuple[NarrativeRevision, ...] = ()

    @property
    def text(self) -> str:
        return self.revisions[-1].text if self.revisions else ""


def clean_text(text: str) -> str:
    """NFC, Windows line ends dropped, trailing spaces of lines and blank edges removed;
    paragraphs are separated by blank lines or single line breaks alike."""
    lines = [line.rstrip() for line in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def paragraphs(text: str) -> list[str]:
    """A narrative's paragraphs: one per non-empty line."""
    return [line.strip() for line in text.split("\n") if line.strip()]
