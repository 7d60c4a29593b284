"""Officers' text per plan, unit and period, kept with every revision; report settings by
unit or plan; both in the report; writing them needs the right to write the report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from kehoach.core.accounts import Actor, Role
from kehoach.core.reportsettings import ReportSettings
from kehoach.services import InputError, record
from kehoach.services.errors import PermissionDenied
from kehoach.services.narratives import narrative_history, narratives, set_narrative
from kehoach.services.reporting import report_model
from kehoach.services.reportingsettings import change_report_settings, report_settings
from kehoach.storage import Database
from tests.services.conftest import KHOM, WARD


def test_a_section_keeps_every_revision(db: Database, ward: int) -> None:
    first = set_narrative(db, ward, "2024-H1", "phuong-huong", "Tăng thu ngân sách.", who="Lan")
    same = set_narrative(db, ward, "2024-H1", "Phương hướng", "Tăng thu ngân sách.\n", who="Lan")
    second = set_narrative(db, ward, "2024-H1", "phuong-huong", "Tăng thu ngân sách.\nGiảm hộ nghèo.", who="Minh")
    assert (first.changed, first.seq, same.changed, second.seq) == (True, 1, False, 2)
    found = narrative_history(db, ward, "2024-H1", "phuong-huong")
    assert [(r.seq, r.written_by, r.text) for r in found.revisions] == [
        (1, "Lan", "Tăng thu ngân sách."),
        (2, "Minh", "Tăng thu ngân sách.\nGiảm hộ nghèo."),
    ]
    cleared = set_narrative(db, ward, "2024-H1", "phuong-huong", "  ", who="Lan")
    assert cleared.seq == 3
    assert narratives(db, ward, "2024-H1").texts() == {}


def test_sections_are_per_unit_and_period(db: Database, ward: int) -> None:
    set_narrative(db, ward, "2024-H1", "ket-qua:kinh-te", "Phường.", who="Lan")
    set_narrative(db, ward, "2024-H1", "ket-qua:kinh-te", "Khóm 1.", unit_code=KHOM[0], who="Lan")
    set_narrative(db, ward, "2024-9M", "ket-qua:kinh-te", "Chín tháng.", who="Lan")
    assert narratives(db, ward, "2024-H1").texts() == {"ket-qua:kinh-te": "Phường."}
    assert narratives(db, ward, "2024-H1", unit_code=KHOM[0]).texts() == {"ket-qua:kinh-te": "Khóm 1."}
    assert narratives(db, ward, "2024-9M").texts() == {"ket-qua:kinh-te": "Chín tháng."}


def test_unknown_sections_and_periods_are_refused(db: Database, ward: int) -> None:
    with pytest.raises(InputError, match="không có mục 'tong-ket'"):
        set_narrative(db, ward, "2024-H1", "tong-ket", "x", who="Lan")
    with pytest.raises(InputError, match="không có nhiệm vụ hay lĩnh vực 'quoc-phong'"):
        set_narrative(db, ward, "2024-H1", "ket-qua:quoc-phong", "x", who="Lan")
    with pytest.raises(InputError, match="không thuộc năm kế hoạch"):
        set_narrative(db, ward, "2026-H1", "phuong-huong", "x", who="Lan")


def test_the_tables_refuse_updates_and_deletes(db: Database, ward: int, database_url: str) -> None:
    set_narrative(db, ward, "2024-H1", "phuong-huong", "x", who="Lan")
    engine = create_engine(database_url)
    try:
        for statement in ("UPDATE narrative_revisions SET text = 'y'", "DELETE FROM narratives"):
            with pytest.raises(Exception, match="chỉ được thêm dòng"), engine.begin() as connection:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_writing_needs_the_right_to_write_the_report(db: Database, ward: int) -> None:
    khom_head = Actor("truong-khom-1", Role.KHOM_HEAD, KHOM[0], user_id=7)
    with pytest.raises(PermissionDenied):
        set_narrative(db, ward, "2024-H1", "phuong-huong", "x", unit_code=KHOM[0], actor=khom_head)
    officer = Actor("can-bo", Role.WARD_OFFICER, WARD, user_id=8)
    result = set_narrative(db, ward, "2024-H1", "phuong-huong", "x", actor=officer, who="ignored")
    assert narrative_history(db, ward, "2024-H1", "phuong-huong").revisions[-1].written_by == "can-bo"
    assert result.changed


def test_the_text_goes_where_the_report_says(db: Database, ward: int) -> None:
    set_narrative(db, ward, "2024-H1", "ket-qua:van-hoa-xa-hoi", "Công tác y tế được chú trọng.", who="Lan")
    set_narrative(db, ward, "2024-H1", "han-che", "Thu ngân sách chậm.", who="Lan")
    set_narrative(db, ward, "2024-H1", "nguyen-nhan", "Kinh tế khó khăn.", who="Lan")
    set_narrative(db, ward, "2024-H1", "kien-nghi", "Đề nghị hỗ trợ kinh phí.", who="Lan")
    body = [b.text for b in report_model(db, ward, "2024-H1").body]
    heading = next(n for n, t in enumerate(body) if t.endswith(". Lĩnh vực văn hóa - xã hội"))
    following = next(n for n in range(heading + 1, len(body)) if body[n].endswith(". Lĩnh vực kinh tế"))
    assert heading < body.index("Công tác y tế được chú trọng.") < following
    assert body.index("Thu ngân sách chậm.") == body.index("3. Tồn tại, hạn chế") + 1
    assert body.index("Kinh tế khó khăn.") == body.index("4. Nguyên nhân") + 1
    assert body.index("Đề nghị hỗ trợ kinh phí.") == body.index("IV. ĐỀ XUẤT, KIẾN NGHỊ") + 1
    assert "(Cán bộ bổ sung những tồn tại, hạn chế.)" not in body


def test_settings_by_unit_then_by_plan(db: Database, ward: int) -> None:
    assert report_settings(db, ward).effective.signature == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    change_report_settings(
        db,
        ward,
        ReportSettings(signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), signer="Nguyễn Văn A"),
        who="Lan",
    )
    view = change_report_settings(db, ward, ReportSettings(signer="Trần Thị B"), plan_only=True, who="Lan")
    assert view.effective.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert view.effective.signer == "Trần Thị B" and view.unit_wide.signer == "Nguyễn Văn A"
    model = report_model(db, ward, "2024-H1")
    assert model.signature.authority[-1] == "PHÓ CHỦ TỊCH" and model.signature.signer == "Trần Thị B"
    back = change_report_settings(db, ward, ReportSettings(), plan_only=True, clear=frozenset({"signer"}), who="Lan")
    assert back.effective.signer == "Nguyễn Văn A"


def test_same_period_last_year_fills_cung_ky(db: Database, ward: int) -> None:
    for code, (numerator, denominator) in zip(KHOM, ((90, 100), (80, 100), (70, 100)), strict=True):
        record(
            db, ward, "5.1", code, "2023-H1", numerator=Decimal(numerator), denominator=Decimal(denominator), who="Lan"
        )
        record(db, ward, "5.1", code, "2024-H1", numerator=Decimal(numerator + 6), denominator=Decimal(100), who="Lan")
    model = report_model(db, ward, "2024-H1")
    assert model.annex is not None
    row = next(r for r in model.annex.target_rows if r.key == "5.1")
    assert (row.cells["previous"].text, row.cells["actual"].text, row.cells["pct_previous"].text) == (
        "80",
        "86",
        "107,5",
    )
    sentence = next(b.text for b in model.body if b.text.startswith("Tỷ lệ tham gia bảo hiểm y tế"))
    assert "(cùng kỳ năm trước 80%)" in sentence
