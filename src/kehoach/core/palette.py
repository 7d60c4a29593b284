"""One colour per status, shared by the web charts and the report's chart images, so a
status looks the same on screen and on paper. Okabe–Ito based: the colours keep apart for
colour-blind readers too. ``STATUS_ORDER`` is the order legends and stacked bars use: the
verdicts, and not "Không giao chỉ tiêu riêng" (a sub-unit's figure with no target of its own)."""

from __future__ import annotations

from kehoach.core.status import Status

STATUS_COLOURS: dict[Status, str] = {
    Status.EXCEEDED: "#00796b",
    Status.MET: "#2e7d32",
    Status.ON_TRACK: "#0072b2",
    Status.AT_RISK: "#e69f00",
    Status.NOT_MET: "#c62828",
    Status.NO_DATA: "#9e9e9e",
    Status.NOT_ASSIGNED: "#cfd8dc",  # no verdict: never counted in STATUS_ORDER's bars
}
STATUS_ORDER: tuple[Status, ...] = (
    Status.EXCEEDED,
    Status.MET,
    Status.ON_TRACK,
    Status.AT_RISK,
    Status.NOT_MET,
    Status.NO_DATA,
)
