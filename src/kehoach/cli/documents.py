"""Commands that read resolutions: parse, import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach import services
from kehoach.cli.output import console, print_raw, say
from kehoach.cli.plantree import plan_tree
from kehoach.cli.settings import CutoffOption
from kehoach.core.planjson import plan_to_json

if TYPE_CHECKING:
    from kehoach.services import ImportResult

FileArgument = Annotated[
    Path,
    typer.Argument(help="Tệp nghị quyết (.txt, .docx, .pdf).", show_default=False, metavar="TỆP"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="In kế hoạch dạng JSON kehoach.plan/1 (cho máy đọc).")]


def _report(result: ImportResult) -> None:
    if not result.created:
        say(f"Văn bản đã có trong cơ sở dữ liệu (kế hoạch số {result.plan_id}), không nhập lại")
        return
    plan = result.plan
    targets = sum(1 for _ in plan.keyed_targets())
    name = f" từ {result.source_name}" if result.source_name else ""
    say(
        f"Đã nhập kế hoạch số {result.plan_id}{name}: {len(plan.tasks)} nhiệm vụ, "
        f"{len(plan.indicators)} chỉ tiêu chủ yếu, {targets} chỉ tiêu đo được, {len(plan.warnings)} cảnh báo"
    )
    if result.unit is not None:
        made = (
            " — đơn vị mới, đặt theo tên nơi ban hành (đổi bằng lệnh kehoach settings)" if result.unit_created else ""
        )
        say(f"Đơn vị của kế hoạch: {result.unit.name} ({result.unit.code}){made}")


def parse(file: FileArgument, as_json: JsonOption = False) -> None:
    """Đọc một nghị quyết và in kế hoạch đọc được (không lưu vào cơ sở dữ liệu)."""
    plan = services.read_plan(file).plan
    if as_json:
        print_raw(plan_to_json(plan))
    else:
        console().print(plan_tree(plan))


def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="Tệp nghị quyết (.txt, .docx, .pdf) hoặc kế hoạch JSON (.json, kehoach.plan/1).",
            show_default=False,
            metavar="TỆP",
        ),
    ],
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            help="Mã đơn vị của kế hoạch (xem lệnh units list); mặc định: đơn vị mang tên nơi ban hành, "
            "tạo mới nếu chưa có.",
            metavar="MÃ",
        ),
    ] = None,
    cutoff: CutoffOption = None,
) -> None:
    """Nhập một nghị quyết hoặc một kế hoạch JSON vào cơ sở dữ liệu (không nhập trùng)."""
    with services.open_database() as db:
        rule = services.parse_cutoff_rule(cutoff or "nd09")
        _report(services.import_path(db, file, unit_code=unit, cutoff_rule=rule))
