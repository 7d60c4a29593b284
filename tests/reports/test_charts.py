"""Chart images in the status colours the web uses."""

from __future__ import annotations

import io

from PIL import Image

from kehoach.core.palette import STATUS_COLOURS
from kehoach.core.status import Status
from kehoach.reports.charts import chart_png
from kehoach.reports.model import ChartData


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_bars_are_drawn_in_the_status_colours() -> None:
    chart = ChartData(
        "Đánh giá các chỉ tiêu theo lĩnh vực",
        ("Kinh tế", "Văn hóa - xã hội"),
        (((Status.ON_TRACK, 3), (Status.AT_RISK, 1)), ((Status.ON_TRACK, 10), (Status.NO_DATA, 2))),
    )
    image = Image.open(io.BytesIO(chart_png(chart))).convert("RGB")
    assert image.width > 1000  # 16 cm at 200 dpi
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20) or []}
    for status in (Status.ON_TRACK, Status.AT_RISK, Status.NO_DATA):
        assert _rgb(STATUS_COLOURS[status]) in colours, status
    assert _rgb(STATUS_COLOURS[Status.NOT_MET]) not in colours


def test_an_empty_chart_is_known_empty() -> None:
    assert ChartData("x", ("a",), (((Status.MET, 0),),)).is_empty
