"""Arguments and options shared by the tracking commands (help text in Vietnamese)."""

from __future__ import annotations

from typing import Annotated

import typer

PERIOD_HELP = "Kỳ báo cáo: 2024-01 (tháng), 2024-Q1 (quý), 2024-H1, 2024-9M, 2024-H2 hoặc 2024 (năm)."

PlanArgument = Annotated[
    str,
    typer.Argument(
        help="Số thứ tự kế hoạch (xem lệnh plans) hoặc số văn bản, ví dụ 74/NQ-HĐND.",
        show_default=False,
        metavar="KẾ_HOẠCH",
    ),
]
KeyArgument = Annotated[
    str,
    typer.Argument(
        help="Mã chỉ tiêu trong kế hoạch: 5.2 (chỉ tiêu thứ 2 của chỉ tiêu chủ yếu số 5) hoặc T1.1.1 (nhiệm vụ).",
        show_default=False,
        metavar="MÃ_CHỈ_TIÊU",
    ),
]
UnitOption = Annotated[
    str,
    typer.Option("--unit", "-u", help="Mã đơn vị (xem lệnh units list).", metavar="MÃ", show_default=False),
]
OptionalUnitOption = Annotated[
    str | None,
    typer.Option("--unit", "-u", help="Mã đơn vị (mặc định: đơn vị của kế hoạch; xem lệnh units list).", metavar="MÃ"),
]
PeriodOption = Annotated[
    str,
    typer.Option("--period", "-p", help=PERIOD_HELP, metavar="KỲ", show_default=False),
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", help="Người thực hiện, ghi vào lịch sử (mặc định: tên đăng nhập máy tính).", metavar="TÊN"),
]
ReasonOption = Annotated[
    str | None,
    typer.Option("--reason", help="Lý do, ghi vào lịch sử (bắt buộc khi mở lại kỳ).", metavar="LÝ_DO"),
]
EstimateOption = Annotated[
    bool,
    typer.Option("--estimate", help="Số ước thực hiện (ước cả năm), giữ riêng với số thực hiện."),
]
