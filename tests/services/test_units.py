"""Administrative units: the CSV import (every bad row named, all or nothing), history, lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach.core import OrgUnit, UnitLevel
from kehoach.services import (
    InputError,
    InputProblems,
    add_units,
    import_units_csv,
    list_units,
    unit_tree,
)
from kehoach.storage import Database

WriteCsv = Callable[..., Path]
MERGER = dt.date(2025, 7, 1)

GOOD = """code,name,level,parent_code,valid_from
96,Tỉnh Cà Mau,tỉnh,,
32001,Phường 1,Phường,96,2020-01-01
32001-01,Khóm 1,khóm,32001,01/01/2020
32001-02,Khóm 2,KHÓM,32001,1/1/2020
32002,Phường 2,phuong,96,
32002-01,Tổ dân phố 1,tổ dân phố,32002,
"""


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    def write(text: str | bytes, name: str = "don-vi.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write


def test_a_good_file_is_imported(db: Database, write_csv: WriteCsv) -> None:
    result = import_units_csv(db, write_csv(GOOD))
    assert (result.added, result.corrected, result.closed, result.unchanged) == (6, 0, 0, 0)
    tree = unit_tree(db)
    assert tree.get("32001").level is UnitLevel.XA
    assert tree.get("32001").valid_from == dt.date(2020, 1, 1)
    assert tree.get("32001-01").valid_from == dt.date(2020, 1, 1)
    assert tree.get("32002-01").level is UnitLevel.KHOM
    assert [u.code for u in tree.leaves_under("96")] == ["32001-01", "32001-02", "32002-01"]


def test_listing_follows_the_tree(db: Database, write_csv: WriteCsv) -> None:
    import_units_csv(db, write_csv(GOOD))
    assert [u.code for u in list_units(db)] == ["96", "32001", "32001-01", "32001-02", "32002", "32002-01"]
    assert [u.code for u in list_units(db, dt.date(2019, 6, 1))] == ["96", "32002", "32002-01"]


def test_importing_the_same_file_again_changes_nothing(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv(GOOD)
    import_units_csv(db, path)
    again = import_units_csv(db, path)
    assert (again.added, again.corrected, again.closed, again.unchanged) == (0, 0, 0, 6)
    assert not again.changed
    assert len(unit_tree(db)) == 6


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (GOOD, "utf-8-sig"),  # with a byte order mark, as Excel writes
        (GOOD.replace(",", ";"), "utf-8"),  # semicolons, as Excel writes with a Vietnamese locale
        (GOOD.replace("\n", "\r\n"), "utf-8"),
        (
            GOOD.replace("code,name,level,parent_code,valid_from", "Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ"),
            "utf-8",
        ),
    ],
    ids=["bom", "semicolons", "crlf", "vietnamese-headers"],
)
def test_file_variants(db: Database, write_csv: WriteCsv, text: str, encoding: str) -> None:
    assert import_units_csv(db, write_csv(text, encoding=encoding)).added == 6


@pytest.mark.parametrize("level", ["Phường", "phường", "PHƯỜNG", "phuong", "Phuờng", "xã", "Xa", "đặc khu", "thị trấn"])
def test_levels_in_any_case_and_tone_style(db: Database, write_csv: WriteCsv, level: str) -> None:
    import_units_csv(db, write_csv(f"code,name,level\nA1,Đơn vị A,{level}\n"))
    assert unit_tree(db).get("A1").level is UnitLevel.XA


def test_old_tone_style_levels(db: Database, write_csv: WriteCsv) -> None:
    import_units_csv(db, write_csv("code,name,level,parent_code\nH1,Huyện Mẫu,huyện,\nK1,Thôn Hoà,thôn,H1\n"))
    assert unit_tree(db).get("K1").level is UnitLevel.KHOM


BAD = """code,name,level,parent_code,valid_from,valid_to
96,Tỉnh Cà Mau,tỉnh,,,
,Phường 1,phường,96,,
32002,Phường 2,làng xã,96,,
32003,Phường 3,phường,99,,
32004,Phường 4,phường,96,31/02/2025,
32005,Phường 5,phường,96,2025-07-01,2025-01-01
32006,,phường,96,,
32004,Phường 4 bis,phường,96,31/02/2025,
32007,Phường 7,phường,32007,,
"""


def test_every_bad_row_is_named_with_its_line_and_column(db: Database, write_csv: WriteCsv) -> None:
    with pytest.raises(InputProblems) as caught:
        import_units_csv(db, write_csv(BAD))
    where = [problem.location for problem in caught.value.problems]
    assert where == [
        "dòng 3, cột code",
        "dòng 4, cột level",
        "dòng 6, cột valid_from",
        "dòng 7, cột valid_to",
        "dòng 8, cột name",
        "dòng 9, cột valid_from",
        "dòng 10, cột parent_code",
        "dòng 5, cột parent_code",
    ]
    messages = [problem.message for problem in caught.value.problems]
    assert messages[0] == "thiếu mã đơn vị"
    assert "không nhận ra cấp đơn vị 'làng xã'" in messages[1]
    assert "ngày '31/02/2025' không hợp lệ" in messages[2]
    assert messages[3] == "ngày hết hiệu lực trước ngày bắt đầu hiệu lực"
    assert messages[4] == "thiếu tên đơn vị"
    assert messages[6] == "đơn vị không thể là cấp trên của chính nó"
    assert "không có đơn vị mã '99'" in messages[7]
    # one Vietnamese line names them all, and nothing was stored
    text = str(caught.value)
    assert "\n" not in text and text.startswith("Tệp don-vi.csv có 8 lỗi, không ghi gì vào cơ sở dữ liệu")
    assert "dòng 5, cột parent_code" in text
    assert isinstance(caught.value, InputError)
    assert len(unit_tree(db)) == 0


def test_problems_the_tree_finds_name_their_lines(db: Database, write_csv: WriteCsv) -> None:
    text = "code,name,level,parent_code\n01,Xã A,xã,\n01-1,Khóm 1,khóm,01\n02,Tỉnh B,tỉnh,01-1\n"
    with pytest.raises(InputProblems) as caught:
        import_units_csv(db, write_csv(text))
    [problem] = caught.value.problems
    assert problem.location == "dòng 4"
    assert "không thể trực thuộc đơn vị 01-1" in problem.message


def test_header_problems(db: Database, write_csv: WriteCsv) -> None:
    with pytest.raises(InputProblems) as caught:
        import_units_csv(db, write_csv("code,ten don vi,cap\nA,B,xã\n"))
    assert [str(p) for p in caught.value.problems] == [
        "dòng 1, cột ten don vi: không nhận ra cột 'ten don vi' "
        "(các cột dùng được: code, name, level, parent_code, valid_from, valid_to)",
        "dòng 1, cột cap: không nhận ra cột 'cap' "
        "(các cột dùng được: code, name, level, parent_code, valid_from, valid_to)",
        "dòng 1: thiếu cột name, level",
    ]


def test_unreadable_files(db: Database, write_csv: WriteCsv, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không tìm thấy"):
        import_units_csv(db, tmp_path / "none.csv")
    with pytest.raises(InputError, match="tệp rỗng"):
        import_units_csv(db, write_csv(""))
    with pytest.raises(InputError, match="không phải văn bản UTF-8"):
        import_units_csv(db, write_csv(b"code,name,level\nA,X\xe3 H\xf2a,x\xe3\n"))


def test_a_bad_file_leaves_the_stored_units_alone(db: Database, write_csv: WriteCsv) -> None:
    import_units_csv(db, write_csv(GOOD))
    before = list_units(db, history=True)
    # a correct row and a bad one: neither is stored
    with pytest.raises(InputProblems):
        import_units_csv(db, write_csv("code,name,level,parent_code\n32003,Phường 3,phường,96\n32004,,phường,96\n"))
    assert list_units(db, history=True) == before


MERGED = """code,name,level,parent_code,valid_from,valid_to
32001,Phường 1,phường,96,2020-01-01,2025-06-30
32002,Phường 2,phường,96,,2025-06-30
32010,Phường An Xuyên,phường,96,2025-07-01,
32001-01,Khóm 1,khóm,32010,2025-07-01,
32001-02,Khóm 2,khóm,32010,2025-07-01,
32002-01,Khóm 3,khóm,32010,2025-07-01,
"""


def test_a_merger_keeps_the_history(db: Database, write_csv: WriteCsv) -> None:
    import_units_csv(db, write_csv(GOOD))
    result = import_units_csv(db, write_csv(MERGED, name="sap-nhap.csv"))
    # two wards closed by their own rows, one new ward, three khóm moved (new versions, old ones closed)
    assert (result.added, result.corrected, result.closed) == (4, 2, 3)
    tree = unit_tree(db)
    before, after = dt.date(2025, 6, 30), MERGER
    assert [u.code for u in tree.children("96", before)] == ["32001", "32002"]
    assert [u.code for u in tree.children("96", after)] == ["32010"]
    assert [u.code for u in tree.leaves_under("32001", before)] == ["32001-01", "32001-02"]
    assert [u.code for u in tree.leaves_under("32010", after)] == ["32001-01", "32001-02", "32002-01"]
    assert tree.get("32002-01", after).name == "Khóm 3"
    assert tree.get("32002-01", before).name == "Tổ dân phố 1"
    versions = tree.versions("32001-01")
    assert [(v.parent_code, v.valid_from, v.valid_to) for v in versions] == [
        ("32001", dt.date(2020, 1, 1), dt.date(2025, 6, 30)),
        ("32010", MERGER, None),
    ]
    current = [u.code for u in list_units(db)]
    assert current == ["96", "32010", "32001-01", "32001-02", "32002-01"]
    assert len(list_units(db, history=True)) == 10


def test_a_merger_that_forgets_the_sub_units_is_refused(db: Database, write_csv: WriteCsv) -> None:
    import_units_csv(db, write_csv(GOOD))
    with pytest.raises(InputProblems) as caught:
        import_units_csv(
            db, write_csv("code,name,level,parent_code,valid_from,valid_to\n32002,Phường 2,phường,96,,2025-06-30\n")
        )
    [problem] = caught.value.problems
    assert problem.message == "đơn vị 32002-01: đơn vị cấp trên 32002 không có hiệu lực vào ngày 01/07/2025"
    assert problem.location is None  # the unit is not in the file; the message names it


def test_a_correction_changes_the_stored_version(db: Database, write_csv: WriteCsv) -> None:
    import_units_csv(db, write_csv(GOOD))
    result = import_units_csv(
        db, write_csv("code,name,level,parent_code,valid_from\n32001,Phường Một,phường,96,2020-01-01\n")
    )
    assert (result.added, result.corrected) == (0, 1)
    assert unit_tree(db).get("32001").name == "Phường Một"
    assert len(unit_tree(db).versions("32001")) == 1


def test_add_units_uses_the_same_rules(db: Database) -> None:
    add_units(db, [OrgUnit("T", "Tỉnh", UnitLevel.TINH), OrgUnit("X", "Xã", UnitLevel.XA, "T")])
    with pytest.raises(InputProblems) as caught:
        add_units(db, [OrgUnit("K", "Khóm", UnitLevel.KHOM, "Y")])
    assert [str(p) for p in caught.value.problems] == [
        "mục 1, cột parent_code: không có đơn vị mã 'Y' (trong tệp hay trong cơ sở dữ liệu) làm cấp trên"
    ]
    assert len(unit_tree(db)) == 2
