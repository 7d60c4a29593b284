"""Administrative units: levels, validation, history (mergers, reused codes), tree queries."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.core.unitlevels import UnitError, UnitLevel, guess_level, parse_level
from kehoach.core.units import OrgUnit, UnitTree

TINH, HUYEN, XA, KHOM = UnitLevel.TINH, UnitLevel.HUYEN, UnitLevel.XA, UnitLevel.KHOM
MERGER = date(2025, 7, 1)
BEFORE = date(2025, 6, 30)


# Levels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("tinh", TINH),
        ("Tỉnh", TINH),
        ("TỈNH", TINH),
        ("thành phố trực thuộc trung ương", TINH),
        ("Cấp tỉnh", TINH),
        ("huyện", HUYEN),
        ("Quận", HUYEN),
        ("thị xã", HUYEN),
        ("Thành phố thuộc tỉnh", HUYEN),
        ("xa", XA),
        ("Xã", XA),
        ("phường", XA),
        ("PHƯỜNG", XA),
        ("phuong", XA),
        ("Đặc khu", XA),
        ("dac khu", XA),
        ("thị trấn", XA),
        ("khom", KHOM),
        ("Khóm", KHOM),
        ("ấp", KHOM),
        ("Thôn", KHOM),
        ("tổ dân phố", KHOM),
        ("Tổ  dân   phố", KHOM),
        ("to dan pho", KHOM),
        ("khu phố", KHOM),
        ("bản", KHOM),
        ("Buôn", KHOM),
        ("xóm", KHOM),
        # decomposed (NFD) input is folded too
        ("Kho\u0301m", KHOM),
    ],
    ids=lambda v: str(v),
)
def test_parse_level(text: str, level: UnitLevel) -> None:
    assert parse_level(text) is level


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("thành phố", "chưa rõ"),
        ("Thành phố", "cấp tỉnh"),
        ("làng xã", "không nhận ra cấp đơn vị 'làng xã'"),
        ("ward", "không nhận ra cấp đơn vị 'ward'"),
        ("", "không nhận ra cấp đơn vị ''"),
    ],
    ids=lambda v: v or "empty",
)
def test_parse_level_rejects(text: str, fragment: str) -> None:
    with pytest.raises(UnitError, match=fragment):
        parse_level(text)


def test_level_labels_and_order() -> None:
    assert TINH.label.startswith("Tỉnh")
    assert "phường" in XA.label and "đặc khu" in XA.label
    assert "tổ dân phố" in KHOM.label
    assert "quận" in HUYEN.label
    assert [lv.rank for lv in (TINH, HUYEN, XA, KHOM)] == [0, 1, 2, 3]
    assert TINH.is_above(XA) and not XA.is_above(XA) and not KHOM.is_above(XA)


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Phường 1", XA),
        ("Xã Tân Hòa", XA),
        ("Đặc khu Phú Quốc", XA),
        ("Khóm 3", KHOM),
        ("Tổ dân phố 5", KHOM),
        ("Ấp Tân Lợi", KHOM),
        ("Quận 1", HUYEN),
        ("Tỉnh Cà Mau", TINH),
        ("Thành phố Cần Thơ", None),
        ("Bến Thành", None),
    ],
    ids=lambda v: str(v),
)
def test_guess_level(name: str, level: UnitLevel | None) -> None:
    assert guess_level(name) is level


# Units ----------------------------------------------------------------------------------


def test_unit_validity_is_inclusive_and_open_ended() -> None:
    unit = OrgUnit("00001", "Phường 1", XA, valid_from=date(2020, 1, 1), valid_to=BEFORE)
    assert unit.active_on(date(2020, 1, 1))
    assert unit.active_on(BEFORE)
    assert not unit.active_on(MERGER)
    assert not unit.active_on(date(2019, 12, 31))
    assert not unit.active_on(None)  # closed: not part of today's tree
    forever = OrgUnit("00002", "Phường 2", XA)
    assert forever.active_on(date(1900, 1, 1)) and forever.active_on(None)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"code": " ", "name": "Phường 1", "level": XA}, "thiếu mã"),
        ({"code": "00001", "name": "", "level": XA}, "00001 thiếu tên"),
        (
            {"code": "00001", "name": "Phường 1", "level": XA, "valid_from": MERGER, "valid_to": BEFORE},
            "đơn vị 00001: ngày hết hiệu lực 30/06/2025 trước ngày bắt đầu hiệu lực 01/07/2025",
        ),
        ({"code": "00001", "name": "Phường 1", "level": "ward"}, "không nhận ra cấp"),
    ],
    ids=["no code", "no name", "ends before it starts", "bad level"],
)
def test_invalid_unit(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(UnitError, match=fragment):
        OrgUnit(**kwargs)  # type: ignore[arg-type]


def test_level_given_as_vietnamese_word() -> None:
    assert OrgUnit("K1", "Khóm 1", "khóm", "P1").level is KHOM  # type: ignore[arg-type]


# Tree validation ------------------------------------------------------------------------

PROVINCE = OrgUnit("96", "Tỉnh Cà Mau", TINH)


def ward(code: str = "P1", parent: str | None = "96", **kw: object) -> OrgUnit:
    return OrgUnit(code, f"Phường {code}", XA, parent, **kw)  # type: ignore[arg-type]


def khom(code: str, parent: str = "P1", **kw: object) -> OrgUnit:
    return OrgUnit(code, f"Khóm {code}", KHOM, parent, **kw)  # type: ignore[arg-type]


INVALID_TREES = [
    ("duplicate code, no dates", [PROVINCE, ward(), ward()], ["đơn vị P1 được khai báo hai lần"]),
    (
        "duplicate (code, valid_from)",
        [PROVINCE, ward(valid_from=MERGER), ward(valid_from=MERGER, valid_to=date(2030, 1, 1))],
        ["đơn vị P1 được khai báo hai lần với cùng ngày bắt đầu hiệu lực (từ 01/07/2025)"],
    ),
    (
        "overlapping versions",
        [PROVINCE, ward(valid_to=MERGER), ward(valid_from=MERGER)],
        ["đơn vị P1 có hai thời kỳ hiệu lực chồng lên nhau"],
    ),
    (
        "missing parent",
        [PROVINCE, ward(), khom("K1", "P9")],
        ["đơn vị K1 ghi cấp trên là P9 nhưng không có đơn vị mã P9"],
    ),
    ("self parent", [ward("P1", "P1")], ["đơn vị P1 không thể là cấp trên của chính nó"]),
    (
        "parent at the same level",
        [PROVINCE, ward("P1"), ward("P2", "P1")],
        ["đơn vị P2 (xã, phường, đặc khu, thị trấn) không thể trực thuộc đơn vị P1"],
    ),
    (
        "parent at a lower level",
        [PROVINCE, ward("P1"), khom("K1"), OrgUnit("P3", "Phường 3", XA, "K1")],
        ["đơn vị P3", "không thể trực thuộc đơn vị K1"],
    ),
    (
        "cycle",
        [ward("P1", "P2"), ward("P2", "P1")],
        ["đơn vị P1", "không thể trực thuộc đơn vị P2", "đơn vị P2", "không thể trực thuộc đơn vị P1"],
    ),
    (
        "parent closed before the child",
        [PROVINCE, ward("P1", valid_to=BEFORE), khom("K1")],
        ["đơn vị K1: đơn vị cấp trên P1 không có hiệu lực vào ngày 01/07/2025"],
    ),
    (
        "parent opened after the child",
        [PROVINCE, ward("P1", valid_from=MERGER), khom("K1", valid_from=date(2020, 1, 1))],
        ["đơn vị K1: đơn vị cấp trên P1 không có hiệu lực vào ngày 01/01/2020"],
    ),
    (
        "gap between parent versions",
        [
            PROVINCE,
            ward("P1", valid_to=date(2024, 12, 31)),
            ward("P1", valid_from=date(2025, 2, 1)),
            khom("K1"),
        ],
        ["đơn vị K1: đơn vị cấp trên P1 không có hiệu lực vào ngày 01/01/2025"],
    ),
]


@pytest.mark.parametrize(("units", "fragments"), [c[1:] for c in INVALID_TREES], ids=[c[0] for c in INVALID_TREES])
def test_invalid_tree(units: list[OrgUnit], fragments: list[str]) -> None:
    with pytest.raises(UnitError) as info:
        UnitTree(units)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message
    assert info.value.problems


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(UnitError) as info:
        UnitTree([PROVINCE, khom("K1", "P8"), khom("K2", "P9"), ward("P1", "P1")])
    assert len(info.value.problems) == 3
    assert {p.split()[2] for p in info.value.problems} == {"K1", "K2", "P1"}


def test_parent_versions_may_follow_each_other() -> None:
    tree = UnitTree(
        [PROVINCE, ward("P1", valid_to=BEFORE), ward("P1", valid_from=MERGER), khom("K1", valid_from=date(2020, 1, 1))]
    )
    assert tree.ancestors("K1", date(2025, 1, 1))[0].valid_to == BEFORE
    assert tree.ancestors("K1", date(2025, 8, 1))[0].valid_from == MERGER


def test_xa_directly_under_tinh_after_2025_and_khom_under_huyen_allowed() -> None:
    tree = UnitTree([PROVINCE, OrgUnit("H1", "Huyện 1", HUYEN, "96"), ward("P1", "96"), khom("K1", "H1")])
    assert [u.code for u in tree.children("96")] == ["H1", "P1"]


# Queries --------------------------------------------------------------------------------


@pytest.fixture
def merged() -> UnitTree:
    """Two wards merge on 1/7/2025 into a new ward that reuses the code of the first.

    Before: P1 (khóm A, B) and P2 (khóm C). After: P1 "Phường Mới" with khóm A, B
    (kept under the code P1) and khóm C re-created as C2 under the new P1.
    """
    return UnitTree(
        [
            PROVINCE,
            OrgUnit("P1", "Phường Cũ", XA, "96", valid_to=BEFORE),
            OrgUnit("P2", "Phường Hai", XA, "96", valid_to=BEFORE),
            OrgUnit("P1", "Phường Mới", XA, "96", valid_from=MERGER),
            OrgUnit("A", "Khóm A", KHOM, "P1"),
            OrgUnit("B", "Khóm B", KHOM, "P1"),
            OrgUnit("C", "Khóm C", KHOM, "P2", valid_to=BEFORE),
            OrgUnit("C2", "Khóm C", KHOM, "P1", valid_from=MERGER),
        ]
    )


def test_get_by_date_and_latest(merged: UnitTree) -> None:
    assert merged.get("P1", date(2024, 1, 1)).name == "Phường Cũ"
    assert merged.get("P1", BEFORE).name == "Phường Cũ"
    assert merged.get("P1", MERGER).name == "Phường Mới"
    assert merged.get("P1").name == "Phường Mới"
    assert merged.get("P2").name == "Phường Hai"  # latest version even though closed
    assert [u.name for u in merged.versions("P1")] == ["Phường Cũ", "Phường Mới"]
    assert merged.find("P2", MERGER) is None
    assert merged.versions("ZZ") == ()
    assert "P1" in merged and "ZZ" not in merged
    assert len(merged) == 8


@pytest.mark.parametrize(
    ("code", "on", "message"),
    [
        ("ZZ", None, "không có đơn vị mã ZZ"),
        ("P2", MERGER, "không có đơn vị mã P2 vào ngày 01/07/2025"),
    ],
    ids=["unknown", "closed"],
)
def test_get_errors(merged: UnitTree, code: str, on: date | None, message: str) -> None:
    with pytest.raises(UnitError, match=message):
        merged.get(code, on)


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        ("P1", date(2025, 1, 1), ["A", "B"]),
        ("P2", date(2025, 1, 1), ["C"]),
        ("P1", MERGER, ["A", "B", "C2"]),
        ("P1", None, ["A", "B", "C2"]),
        ("96", date(2025, 1, 1), ["P1", "P2"]),
        ("96", MERGER, ["P1"]),
        ("A", MERGER, []),
    ],
    ids=lambda v: str(v),
)
def test_children(merged: UnitTree, code: str, on: date | None, expected: list[str]) -> None:
    assert [u.code for u in merged.children(code, on)] == expected


def test_children_of_a_closed_unit_is_an_error(merged: UnitTree) -> None:
    with pytest.raises(UnitError, match="không có đơn vị mã P2 còn hiệu lực vào ngày 01/07/2025"):
        merged.children("P2", MERGER)
    with pytest.raises(UnitError, match="không có đơn vị mã P2 còn hiệu lực hiện nay"):
        merged.children("P2")


def test_descendants_ancestors_leaves(merged: UnitTree) -> None:
    before = date(2025, 1, 1)
    assert [u.code for u in merged.descendants("96", before)] == ["P1", "A", "B", "P2", "C"]
    assert [u.code for u in merged.descendants("96", MERGER)] == ["P1", "A", "B", "C2"]
    assert [u.name for u in merged.ancestors("A", before)] == ["Phường Cũ", "Tỉnh Cà Mau"]
    assert [u.name for u in merged.ancestors("A", MERGER)] == ["Phường Mới", "Tỉnh Cà Mau"]
    assert merged.ancestors("96", MERGER) == ()
    assert [u.code for u in merged.leaves_under("96", before)] == ["A", "B", "C"]
    assert [u.code for u in merged.leaves_under("P1", MERGER)] == ["A", "B", "C2"]
    assert [u.code for u in merged.leaves_under("A", MERGER)] == ["A"]  # a leaf is its own leaf


@pytest.mark.parametrize(
    ("code", "scope", "on", "expected"),
    [
        ("A", "P1", date(2025, 1, 1), True),
        ("A", "96", MERGER, True),
        ("C", "P2", date(2025, 1, 1), True),
        ("C", "P1", date(2025, 1, 1), False),
        ("C", "P2", MERGER, False),  # closed
        ("C2", "P1", MERGER, True),
        ("P1", "P1", MERGER, True),
        ("P1", "A", MERGER, False),
        ("ZZ", "96", MERGER, False),
        ("C2", "P1", None, True),
        ("C", "P2", None, False),
    ],
    ids=lambda v: str(v),
)
def test_is_within(merged: UnitTree, code: str, scope: str, on: date | None, expected: bool) -> None:
    assert merged.is_within(code, scope, on) is expected


def test_active_on_and_roots(merged: UnitTree) -> None:
    assert {u.code for u in merged.active_on(date(2025, 1, 1))} == {"96", "P1", "P2", "A", "B", "C"}
    assert {u.code for u in merged.active_on(MERGER)} == {"96", "P1", "A", "B", "C2"}
    assert {u.name for u in merged.active_on(None)} == {"Tỉnh Cà Mau", "Phường Mới", "Khóm A", "Khóm B", "Khóm C"}
    assert [u.code for u in merged.roots()] == ["96"]
    assert [u.code for u in merged.units] == ["96", "P1", "P2", "P1", "A", "B", "C", "C2"]
