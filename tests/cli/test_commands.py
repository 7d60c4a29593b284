"""The commands through Typer's CliRunner, on each database backend."""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kehoach.cli.app import app
from kehoach.core import ParseWarning, Plan
from kehoach.core.planjson import plan_to_json
from kehoach.parsing import ParsedDocument, SourceText

runner = CliRunner()
InstallParser = Callable[[Plan], None]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Lỗi: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def parsed_as(monkeypatch: pytest.MonkeyPatch) -> InstallParser:
    """Make any existing file parse to the given plan (independent of the real parser)."""

    def install(plan: Plan) -> None:
        def fake_parse_file(path: Path | str) -> ParsedDocument:
            assert Path(path).is_file()
            return ParsedDocument(plan=plan, source=SourceText(text=Path(path).read_text("utf-8"), format="txt"))

        monkeypatch.setattr("kehoach.services.reading.parse_file", fake_parse_file)

    return install


@pytest.fixture
def resolution(tmp_path: Path) -> Path:
    path = tmp_path / "nq-74.txt"
    path.write_text("Số: 74/NQ-HĐND\nNGHỊ QUYẾT\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- parse


def test_parse_shows_the_plan_as_a_tree(resolution: Path, seed_plan: Plan, parsed_as: InstallParser) -> None:
    parsed_as(seed_plan)
    result = run("parse", str(resolution))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for expected in (
        "Nghị quyết số 74/NQ-HĐND",
        "Hội đồng nhân dân Phường 1",
        "12/12/2023",
        "Nhiệm vụ trọng tâm (4)",
        "[T1.1.1] Công tác cải cách hành chính Phường 1: top 3 trên 15",
        "Chỉ tiêu chủ yếu (13)",
        "Nhóm Kinh tế",
        "Nhóm Văn hóa - xã hội",
        "[4.1] Tỷ lệ dân số tham gia bảo hiểm y tế: ≥ 97,5%",
        "[3.1] Tỷ lệ hộ nghèo: ≤ 0,2%",
        "[6.1] Khóm đạt khóm văn minh đô thị: ≥ 5/5 khóm",
        "[11.3] Thủ tục hành chính được tiếp nhận trực tuyến toàn trình và một phần: > 50%",
        "[11.1] Xây dựng chính quyền: định tính: Tốt",
        "Giải pháp (3)",
        "Về phát triển kinh tế",
        "Cảnh báo (1)",
        'Hai mục cùng đánh số "2."',
    ):
        assert expected in out, expected
    assert result.stderr == ""


def test_parse_json_prints_exactly_the_plan_json(resolution: Path, seed_plan: Plan, parsed_as: InstallParser) -> None:
    parsed_as(seed_plan)
    result = run("parse", str(resolution), "--json")
    assert result.exit_code == 0
    assert result.stdout == plan_to_json(seed_plan) + "\n"
    assert result.stderr == ""


def test_parse_an_empty_plan_shows_the_warning_and_succeeds(resolution: Path, parsed_as: InstallParser) -> None:
    parsed_as(Plan(warnings=[ParseWarning("Không tìm thấy nhiệm vụ hay chỉ tiêu nào", None, "empty")]))
    result = run("parse", str(resolution))
    assert result.exit_code == 0
    assert "Chưa đọc được nhiệm vụ, chỉ tiêu hay giải pháp nào" in result.stdout
    assert "Không tìm thấy nhiệm vụ hay chỉ tiêu nào" in result.stdout


def test_parse_the_seed_with_the_real_reader(seed_text_path: Path, txt_reader: None) -> None:
    result = run("parse", str(seed_text_path), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('{\n  "schema": "kehoach.plan/1"')


def test_parse_text_without_a_plan_succeeds(tmp_path: Path, txt_reader: None) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Biên bản họp tổ dân phố về vệ sinh môi trường.\n", encoding="utf-8")
    result = run("parse", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Chưa đọc được nhiệm vụ, chỉ tiêu hay giải pháp nào" in result.stdout


def test_parse_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(run("parse", str(tmp_path / "none.txt")), "none.txt", "không tìm thấy")


def test_parse_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_line_error(run("parse", str(path)), "empty.txt")


def test_parse_a_folder(tmp_path: Path) -> None:
    assert_one_line_error(run("parse", str(tmp_path)))


# ---------------------------------------------------------------- import, plans, show, export


def test_import_json_then_again(use_database: str, seed_plan_json: Path) -> None:
    first = run("import", str(seed_plan_json))
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("Đã nhập kế hoạch số 1 từ nq-74-2023-phuong-1.plan.json")
    again = run("import", str(seed_plan_json))
    assert again.exit_code == 0
    assert again.stdout.strip() == "Văn bản đã có trong cơ sở dữ liệu (kế hoạch số 1), không nhập lại"


def test_import_a_document(use_database: str, resolution: Path, seed_plan: Plan, parsed_as: InstallParser) -> None:
    parsed_as(seed_plan)
    result = run("import", str(resolution))
    assert result.exit_code == 0, result.stderr
    assert "Đã nhập kế hoạch số 1 từ nq-74.txt: 4 nhiệm vụ, 13 chỉ tiêu chủ yếu, 25 chỉ tiêu đo được" in result.stdout
    assert "không nhập lại" in run("import", str(resolution)).stdout


def test_import_bad_json(use_database: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "kehoach.plan/1", "tasks": [', encoding="utf-8")
    assert_one_line_error(run("import", str(path)), "bad.json", "JSON không hợp lệ")


def test_import_missing_file(use_database: str, tmp_path: Path) -> None:
    assert_one_line_error(run("import", str(tmp_path / "none.json")), "không tìm thấy")


def test_plans_lists_what_was_imported(use_database: str, seed_plan_json: Path) -> None:
    empty = run("plans")
    assert empty.exit_code == 0 and "Chưa có kế hoạch nào" in empty.stdout
    run("import", str(seed_plan_json))
    result = run("plans")
    assert result.exit_code == 0
    for expected in ("Các kế hoạch đã nhập", "74/NQ-HĐND", "12/12/2023", "2024", "4 nhiệm vụ, 13 chỉ tiêu chủ yếu"):
        assert expected in result.stdout


def test_show_by_id_and_by_number(use_database: str, seed_plan_json: Path, seed_plan: Plan) -> None:
    run("import", str(seed_plan_json))
    by_id = run("show", "1")
    assert by_id.exit_code == 0 and "Kế hoạch số 1: Nghị quyết số 74/NQ-HĐND" in by_id.stdout
    by_number = run("show", "74/NQ-HĐND")
    assert by_number.stdout == by_id.stdout
    as_json = run("show", "74/nq-hđnd", "--json")
    assert as_json.stdout == plan_to_json(seed_plan) + "\n"


def test_show_unknown_plan(use_database: str) -> None:
    assert_one_line_error(run("show", "99"), "không có kế hoạch số 99")
    assert_one_line_error(run("show", "75/NQ-HĐND"), "75/NQ-HĐND")


def test_export_json(use_database: str, seed_plan_json: Path, seed_plan: Plan, tmp_path: Path) -> None:
    run("import", str(seed_plan_json))
    printed = run("export", "1", "--json")
    assert printed.exit_code == 0 and printed.stdout == plan_to_json(seed_plan) + "\n"
    target = tmp_path / "out.json"
    written = run("export", "74/NQ-HĐND", "--json", "-o", str(target))
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == plan_to_json(seed_plan) + "\n"
    assert str(target) in written.stdout


def test_export_needs_a_format_and_a_writable_place(use_database: str, seed_plan_json: Path, tmp_path: Path) -> None:
    run("import", str(seed_plan_json))
    assert_one_line_error(run("export", "1"), "--json")
    assert_one_line_error(run("export", "1", "--json", "-o", str(tmp_path / "no" / "dir.json")), "dir.json")
    assert_one_line_error(run("export", "2", "--json"), "không có kế hoạch số 2")


def test_exported_json_imports_as_the_same_document(use_database: str, seed_plan_json: Path, tmp_path: Path) -> None:
    run("import", str(seed_plan_json))
    target = tmp_path / "again.json"
    run("export", "1", "--json", "-o", str(target))
    assert "(kế hoạch số 1), không nhập lại" in run("import", str(target)).stdout


# ---------------------------------------------------------------- demo


def test_demo_imports_once_into_the_default_database(isolated_home: Path) -> None:
    first = run("demo")
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("Đã nhập kế hoạch số 1 từ nq-74-2023-phuong-1.txt")
    assert "Kế hoạch số 1:" in first.stdout
    assert (isolated_home / "kehoach.db").is_file()
    again = run("demo")
    assert again.exit_code == 0
    assert again.stdout.startswith("Văn bản đã có trong cơ sở dữ liệu (kế hoạch số 1), không nhập lại")


def test_demo_uses_the_configured_database(use_database: str, isolated_home: Path) -> None:
    assert run("demo").exit_code == 0
    assert not (isolated_home / "kehoach.db").exists()
    assert "nq-74-2023-phuong-1.txt" not in run("plans").stderr


def test_an_unusable_database_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_DATABASE_URL", "nosuchdialect://x/y")
    assert_one_line_error(run("plans"), "cơ sở dữ liệu")
