"""What a unit's reports say around the figures: the issuing body in the header, the place
in the date line, the signature block and the recipients (Nơi nhận), for the UBND report
and for the HĐND draft resolution (Nghị định 30/2020/NĐ-CP).

Settings are stored for a unit (every plan of it) or for one plan of a unit; a field not
set falls back to the next scope, then to the default made from the unit
(:func:`default_settings`):

    issuer        ("ỦY BAN NHÂN DÂN", "PHƯỜNG 1")       header lines of the issuing body
    parent        ()                                     cơ quan chủ quản above it (not bold)
    place         "Phường 1"                             địa danh of the date line
    signature     ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")    quyền hạn and chức vụ of the signer
    signer        ""                                     họ và tên
    recipients    ("Thường trực HĐND phường", …, "Lưu: VT, VP")
    council_*     the same for the draft resolution (TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from kehoach.core.text import fold, nfc
from kehoach.core.unitlevels import UnitLevel
from kehoach.core.units import OrgUnit

# Words that name a commune- or province-level unit, with the word used in running text.
_LEVEL_WORDS = ("thành phố", "thị trấn", "đặc khu", "phường", "xã", "tỉnh", "quận", "huyện", "thị xã")


@dataclass(frozen=True)
class ReportSettings:
    issuer: tuple[str, ...] = ()
    parent: tuple[str, ...] = ()
    place: str = ""
    signature: tuple[str, ...] = ()
    signer: str = ""
    recipients: tuple[str, ...] = ()
    council_issuer: tuple[str, ...] = ()
    council_signature: tuple[str, ...] = ()
    council_signer: str = ""
    council_recipients: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Only the fields that are set, lists as lists (what storage keeps as JSON)."""
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportSettings:
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known or value is None:
                continue
            if isinstance(value, (list, tuple)):
                values[name] = tuple(nfc(str(v)).strip() for v in value if str(v).strip())
            else:
                values[name] = nfc(str(value)).strip()
        return cls(**values)

    def over(self, base: ReportSettings) -> ReportSettings:
        """These settings, with every field not set taken from ``base``."""
        changes = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}
        return replace(base, **changes)

    def without(self, names: set[str]) -> ReportSettings:
        """These settings with ``names`` cleared (they fall back to the next scope again)."""
        unknown = names - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"không có mục cài đặt: {', '.join(sorted(unknown))}")
        return replace(self, **{name: type(getattr(self, name))() for name in names})


FIELD_LABELS = {
    "issuer": "Cơ quan ban hành (tiêu đề)",
    "parent": "Cơ quan chủ quản",
    "place": "Địa danh",
    "signature": "Quyền hạn, chức vụ người ký",
    "signer": "Người ký",
    "recipients": "Nơi nhận",
    "council_issuer": "Cơ quan ban hành nghị quyết",
    "council_signature": "Chức vụ người ký nghị quyết",
    "council_signer": "Người ký nghị quyết",
    "council_recipients": "Nơi nhận nghị quyết",
}


def level_word(unit: OrgUnit) -> str:
    """The level word of a unit's name in running text: "Phường 1" → "phường", "Xã Phú Sơn" → "xã"."""
    folded = fold(unit.name)
    for word in _LEVEL_WORDS:
        if folded.startswith(word + " "):
            return word
    return {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã", "khom": "khóm"}[unit.level.value]


def place_name(unit: OrgUnit) -> str:
    """The địa danh of the date line (NĐ 30, Phụ lục I II.4.a): a unit named after a number keeps
    its full name ("Phường 1", "Quận 3"); otherwise the proper name ("Xã Phú Sơn" → "Phú Sơn")."""
    name = nfc(unit.name).strip()
    word = level_word(unit)
    if fold(name).startswith(word + " "):
        rest = name[len(word) + 1 :].strip()
        if rest and not re.match(r"\d", rest):
            return rest
    return name


def default_settings(unit: OrgUnit, parent: OrgUnit | None = None) -> ReportSettings:
    """What a unit's reports say when nobody has set anything. A khóm, ấp, thôn or tổ dân phố is
    no administrative body: its report comes from its Ban điều hành, signed by its head, and
    goes to the Ủy ban nhân dân of the commune above it (``parent``)."""
    word = level_word(unit)
    upper_name = nfc(unit.name).upper()
    if unit.level is UnitLevel.KHOM:
        above = f"Ủy ban nhân dân {parent.name}" if parent is not None else "Ủy ban nhân dân cấp xã"
        return ReportSettings(
            issuer=("BAN ĐIỀU HÀNH", upper_name),
            place=place_name(parent) if parent is not None else nfc(unit.name),
            signature=(f"TRƯỞNG {word.upper()}",),
            recipients=(above, "Lưu"),
            council_issuer=("HỘI ĐỒNG NHÂN DÂN", upper_name),
            council_signature=("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"),
            council_recipients=(above, "Lưu: VT"),
        )
    return ReportSettings(
        issuer=("ỦY BAN NHÂN DÂN", upper_name),
        place=place_name(unit),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        recipients=(
            f"Thường trực HĐND {word}",
            f"Đại biểu HĐND {word}",
            f"Chủ tịch, các Phó Chủ tịch UBND {word}",
            "Lưu: VT, VP",
        ),
        council_issuer=("HỘI ĐỒNG NHÂN DÂN", upper_name),
        council_signature=("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"),
        council_recipients=(
            f"Thường trực HĐND, UBND {word}",
            f"Ủy ban MTTQ Việt Nam {word}",
            f"Đại biểu HĐND {word}",
            f"Các ban, ngành, đoàn thể {word}",
            "Lưu: VT",
        ),
    )
