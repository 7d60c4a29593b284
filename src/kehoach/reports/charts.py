"""Chart images for the report: horizontal stacked bars of targets by status, one bar per
group or sub-unit, in the status colours the web uses (core.palette).

Drawn with matplotlib's object API on an Agg canvas (no pyplot, no global figure state, so
worker processes and threads are safe) with the DejaVu Sans font matplotlib ships, which
has every Vietnamese letter. Counts are whole numbers; nothing here touches a figure.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kehoach.core.palette import STATUS_COLOURS, STATUS_ORDER
from kehoach.reports.model import ChartData

DPI = 170
WIDTH_CM = 16.0
LABEL_CHAR_CM = 0.17  # width of one character of a category label at 8,5 pt
CM = 1 / 2.54
_STYLE: Any = {"font.family": "DejaVu Sans", "font.size": 8.5}


def chart_height_cm(chart: ChartData) -> float:
    return 2.6 + 0.75 * len(chart.categories)


def chart_png(chart: ChartData, width_cm: float = WIDTH_CM) -> bytes:
    """The chart as a PNG image."""
    with rc_context(_STYLE):
        height_cm = chart_height_cm(chart)
        figure = Figure(figsize=(width_cm * CM, height_cm * CM), dpi=DPI)
        FigureCanvasAgg(figure)
        # Fixed margins (no tight_layout: it draws the whole figure once more): room on the left
        # for the longest category label, below for the axis and the legend.
        left_cm = 0.5 + LABEL_CHAR_CM * max((len(c) for c in chart.categories), default=4)
        figure.subplots_adjust(left=left_cm / width_cm, right=0.97, top=1 - 0.3 / height_cm, bottom=2.1 / height_cm)
        axes = figure.add_subplot()
        categories = list(chart.categories)
        positions = list(range(len(categories)))
        left = [0] * len(categories)
        used = [s for s in STATUS_ORDER if any(dict(row).get(s, 0) for row in chart.counts)]
        for status in used:
            widths = [dict(row).get(status, 0) for row in chart.counts]
            bars = axes.barh(
                positions, widths, left=left, color=STATUS_COLOURS[status], label=status.label, height=0.62
            )
            for bar, width in zip(bars, widths, strict=True):
                if width:
                    x = bar.get_x() + bar.get_width() / 2
                    y = bar.get_y() + bar.get_height() / 2
                    axes.text(x, y, str(width), ha="center", va="center", color="white", fontweight="bold")
            left = [a + b for a, b in zip(left, widths, strict=True)]
        axes.set_yticks(positions, categories)
        axes.invert_yaxis()
        axes.set_xlabel("Số chỉ tiêu")
        top = max(left, default=0)
        axes.set_xlim(0, max(top, 1) * 1.02)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.legend(loc="lower center", ncol=min(len(used), 3) or 1, frameon=False, bbox_to_anchor=(0.5, 0.0))
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, pil_kwargs={"compress_level": 3})
        return buffer.getvalue()
