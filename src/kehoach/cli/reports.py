"""Commands that write official documents: report (one unit, or every commune with
--all-units) and draft-resolution."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kehoach import services
from kehoach.cli.options import OptionalUnitOption, PeriodOption, PlanArgument
from kehoach.cli.output import fail, say
from kehoach.core.numbers import format_vn_number
from kehoach.services.unitsfile import parse_date

FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="docx (Word), pdf (cần LibreOffice) hoặc xlsx (riêng phụ lục biểu chỉ tiêu).",
        metavar="ĐỊNH_DẠNG",
    ),
]


def _issued(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise fail(f"--date: {exc}") from None


def report(
    plan: PlanArgument,
    period: PeriodOption = "",
    unit: OptionalUnitOption = None,
    fmt: FormatOption = "docx",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp cần ghi (mặc định bao-cao-MÃ_ĐƠN_VỊ-KỲ.docx); với --all-units là thư mục.",
            metavar="TỆP",
        ),
    ] = None,
    all_units: Annotated[
        bool,
        typer.Option(
            "--all-units", help="Lập báo cáo cho từng xã, phường trực thuộc (kế hoạch của tỉnh) vào một thư mục."
        ),
    ] = False,
    number: Annotated[
        str | None,
        typer.Option("--number", help="Số văn bản đã cấp, ví dụ 15 (mặc định để trống: bản dự thảo).", metavar="SỐ"),
    ] = None,
    issued: Annotated[
        str | None,
        typer.Option("--date", help="Ngày ban hành, ví dụ 2024-06-20 (mặc định để trống ngày, tháng).", metavar="NGÀY"),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", help="Số tiến trình chạy song song khi dùng --all-units (mặc định theo số CPU).", min=1
        ),
    ] = None,
) -> None:
    """Lập báo cáo tình hình thực hiện nghị quyết (thể thức Nghị định 30/2020) kèm phụ lục biểu chỉ tiêu."""
    from kehoach.services.reporting import parse_format, write_report  # loaded on use: keeps start-up light

    if not period:
        raise fail("cần --period KỲ (ví dụ 2024-H1, 2024-9M, 2024)")
    chosen = parse_format(fmt)
    if all_units:
        if unit:
            raise fail("--all-units lập báo cáo cho mọi đơn vị trực thuộc; bỏ --unit")
        _batch(plan, period, chosen.value, output, workers)
        return
    with services.open_database() as db:
        written = write_report(db, plan, period, chosen, output, unit, number=number, issued=_issued(issued))
    rows = len(written.model.annex.target_rows) if written.model.annex else 0
    size = format_vn_number(Decimal(written.size))
    say(f"Đã ghi {written.path} ({chosen.label}, {size} byte; phụ lục {rows} chỉ tiêu).")


def _batch(plan: str, period: str, fmt: str, output: Path | None, workers: int | None) -> None:
    from kehoach.services.reportingbatch import write_batch

    folder = output or Path(f"bao-cao-{period}")
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with services.open_database() as db, Progress(*columns, transient=False) as bar:
        task = bar.add_task("Đang lập báo cáo", total=None)

        def tick(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Đã xong {name}")

        result = write_batch(db, plan, period, fmt, folder, workers=workers, progress=tick)
        bar.update(task, description="Đã lập xong")
    say(f"Đã ghi {len(result.files)} báo cáo vào thư mục {result.folder} trong {result.seconds:.1f} giây.")


def draft_resolution(
    plan: PlanArgument,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="Năm kế hoạch của dự thảo (mặc định năm sau năm kế hoạch hiện tại).", metavar="NĂM"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Tệp cần ghi (mặc định du-thao-nghi-quyet-MÃ-NĂM.docx).", metavar="TỆP"),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="docx hoặc pdf (cần LibreOffice).", metavar="ĐỊNH_DẠNG")
    ] = "docx",
    blank: Annotated[
        bool,
        typer.Option("--blank", help="Để trống mọi giá trị chỉ tiêu (…), không đề xuất theo kết quả năm nay."),
    ] = False,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="Kỳ lấy kết quả để đề xuất (mặc định: tháng gần nhất có số liệu).", metavar="KỲ"
        ),
    ] = None,
) -> None:
    """Soạn dự thảo nghị quyết kế hoạch năm sau theo cấu trúc kế hoạch năm nay (thể thức Nghị định 30/2020)."""
    from kehoach.services.reportingdraft import write_draft_resolution

    with services.open_database() as db:
        written, draft = write_draft_resolution(db, plan, year, output, fmt, propose=not blank, period_code=period)
    if draft.based_on is None:
        basis = "giá trị các chỉ tiêu để trống (…) cho cán bộ điền"
    else:
        based_on = draft.based_on.label.lower()
        basis = f"{draft.proposed} chỉ tiêu có giá trị đề xuất theo kết quả {based_on}, đánh dấu (đề xuất)"
    say(f"Đã ghi dự thảo nghị quyết năm {draft.year} ra {written.path}: {basis}.")
