"""View models of the official documents: what the DOCX, PDF, XLSX and chart writers print,
already in words and Vietnamese numbers; the writers only lay it out.

A document is a :class:`Letterhead` (the NĐ 30 header), a body of :class:`Block` s, a
:class:`SignatureBlock`, and for a report the :class:`Annex` table and the charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kehoach.core.status import Status


class BlockKind(StrEnum):
    HEADING = "heading"  # level 1: "I. KẾT QUẢ …" (upper case, bold); 2: "1. …" (bold); 3: bold italic
    TEXT = "text"  # a body paragraph: justified, first line indented
    BULLET = "bullet"  # "- …"
    PLACEHOLDER = "placeholder"  # italic text for the officer to replace
    CHART = "chart"  # a chart image (``chart`` is its index in the document's charts) and its caption
    CENTERED = "centered"  # a centred bold line: "QUYẾT NGHỊ:", "HỘI ĐỒNG NHÂN DÂN PHƯỜNG 1"
    BASIS = "basis"  # a legal basis line ("Căn cứ …;"): italic, indented


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str = ""
    level: int = 0
    lead: str = ""  # a bold lead-in before the text: "Điều 1. ", "Hạn chế: "
    chart: int = -1


@dataclass(frozen=True)
class Letterhead:
    """Nghị định 30/2020, Phụ lục I: issuer left, Quốc hiệu and Tiêu ngữ right, then the number,
    the place and date, the document type and its subject (trích yếu)."""

    issuer: tuple[str, ...]  # "ỦY BAN NHÂN DÂN", "PHƯỜNG 1" (bold)
    number: str  # "Số:       /BC-UBND"
    place_date: str  # "Phường 1, ngày       tháng       năm 2024"
    doc_type: str  # "BÁO CÁO"
    subject: str  # "Tình hình thực hiện Nghị quyết số …"
    parent: tuple[str, ...] = ()  # cơ quan chủ quản above the issuer (not bold)
    draft: bool = False  # print "DỰ THẢO" above the header


@dataclass(frozen=True)
class SignatureBlock:
    authority: tuple[str, ...]  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    signer: str  # the name, or "" to be written by hand
    recipients: tuple[str, ...]  # without the leading "- " and the final ";" / "."


@dataclass(frozen=True)
class ChartData:
    """Counts of targets by status for each category (a group, or a sub-unit)."""

    title: str
    categories: tuple[str, ...]
    counts: tuple[tuple[tuple[Status, int], ...], ...]  # per category, (status, count) pairs
    caption: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(n for row in self.counts for _, n in row)


class AnnexColumn(StrEnum):
    UNIT = "unit"
    PLAN = "plan"
    PREVIOUS = "previous"
    ACTUAL = "actual"
    PROJECTED = "projected"
    PCT_PLAN = "pct_plan"
    PCT_PREVIOUS = "pct_previous"
    ASSESSMENT = "assessment"
    NOTE = "note"


@dataclass(frozen=True)
class AnnexCell:
    """What a cell shows, and for a number the rounded Decimal behind it (XLSX writes numbers)."""

    text: str
    value: Decimal | None = None
    places: int = 0


@dataclass(frozen=True)
class AnnexRow:
    number: str  # STT: "I", "II" for a group; "4", "5.2" for a target
    name: str
    cells: dict[AnnexColumn, AnnexCell] = field(default_factory=dict)
    is_group: bool = False
    key: str = ""  # the target key ("5.2", "T1.1.1"); "" for a group row
    status: Status | None = None

    def cell(self, column: AnnexColumn) -> AnnexCell:
        return self.cells.get(column, AnnexCell(""))


@dataclass(frozen=True)
class Annex:
    """Phụ lục: Biểu tổng hợp kết quả thực hiện các chỉ tiêu."""

    label: str  # "Phụ lục"
    title: str  # "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
    subtitle: str  # "(Kèm theo Báo cáo số       /BC-UBND ngày … của Ủy ban nhân dân Phường 1)"
    headers: dict[AnnexColumn, str]
    rows: tuple[AnnexRow, ...]

    @property
    def target_rows(self) -> tuple[AnnexRow, ...]:
        return tuple(row for row in self.rows if not row.is_group)


@dataclass(frozen=True)
class ReportModel:
    letterhead: Letterhead
    body: tuple[Block, ...]
    signature: SignatureBlock
    annex: Annex | None = None
    charts: tuple[ChartData, ...] = ()
    title: str = ""  # the document's title in its properties
    author: str = ""


def heading(text: str, level: int) -> Block:
    return Block(BlockKind.HEADING, text, level=level)


def text(body: str, lead: str = "") -> Block:
    return Block(BlockKind.TEXT, body, lead=lead)


def bullet(body: str) -> Block:
    return Block(BlockKind.BULLET, body)


def placeholder(body: str) -> Block:
    return Block(BlockKind.PLACEHOLDER, body)


def close_lists(blocks: Sequence[Block], *, every_item: bool = False) -> list[Block]:
    """The last item of each run of bullets ends with "." instead of ";"; with ``every_item``
    the other items end with ";" (a list of clauses, as in a resolution)."""
    out = list(blocks)
    for n, block in enumerate(out):
        if block.kind is not BlockKind.BULLET:
            continue
        following = out[n + 1] if n + 1 < len(out) else None
        last = following is None or following.kind is not BlockKind.BULLET
        if every_item:
            out[n] = bullet(block.text.rstrip(" ;.") + ("." if last else ";"))
        elif last and block.text.endswith(";"):
            out[n] = bullet(block.text[:-1] + ".")
    return out
