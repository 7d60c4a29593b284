"""Vietnamese names of measurement rules, statuses and their colours."""

from __future__ import annotations

from kehoach.core.status import Status
from kehoach.core.targets import OverTime, OverUnits

OVER_UNITS_LABELS = {
    OverUnits.SUM: "cộng các đơn vị",
    OverUnits.RATIO: "tỷ lệ (cộng tử số, mẫu số)",
    OverUnits.UNITS_MEETING: "số đơn vị đạt",
    OverUnits.UNIT_ONLY: "riêng đơn vị",
}
OVER_TIME_LABELS = {
    OverTime.CUMULATIVE: "lũy kế các kỳ",
    OverTime.LATEST: "số mới nhất",
}
STATUS_STYLES = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.ON_TRACK: "cyan",
    Status.AT_RISK: "bold yellow",
    Status.NOT_MET: "bold red",
    Status.NO_DATA: "dim",
    Status.NOT_ASSIGNED: "dim italic",
}
