"""Targets by key, and changing how they are measured."""

from __future__ import annotations

import pytest

from kehoach.core import OverTime, OverUnits
from kehoach.services import InputError, NotFoundError, get_plan, list_targets, set_target_rule
from kehoach.storage import Database


def test_the_keys_are_the_plans(db: Database, ward: int) -> None:
    assert [ref.key for ref in list_targets(db, ward)] == ["1.1", "1.2", "2.1", "3.1", "4.1", "5.1", "6.1"]


def test_set_a_rule(db: Database, ward: int) -> None:
    changed = set_target_rule(db, ward, "2.1", over_units="ratio", over_time="latest")
    assert (changed.target.over_units, changed.target.over_time) == (OverUnits.RATIO, OverTime.LATEST)
    only_time = set_target_rule(db, "9/NQ-HĐND", "2.1", over_time=OverTime.CUMULATIVE)
    assert (only_time.target.over_units, only_time.target.over_time) == (OverUnits.RATIO, OverTime.CUMULATIVE)
    stored = get_plan(db, ward).plan.target("2.1")
    assert (stored.over_units, stored.over_time) == (OverUnits.RATIO, OverTime.CUMULATIVE)
    assert set_target_rule(db, ward, "2.1", over_units="Units-Meeting").target.over_units is OverUnits.UNITS_MEETING
    assert set_target_rule(db, ward, "2.1", over_units="tổng", over_time="lũy kế").target.over_units is OverUnits.SUM


@pytest.mark.parametrize(
    ("key", "rules", "error", "message"),
    [
        ("9.9", {"over_units": "sum"}, NotFoundError, "kế hoạch số 1 không có chỉ tiêu mã '9.9' \\(các mã: 1.1, 1.2"),
        ("2.1", {"over_units": "average"}, InputError, "cách tổng hợp theo đơn vị 'average' không hợp lệ"),
        ("2.1", {"over_time": "sum"}, InputError, "cách tổng hợp theo thời gian 'sum' không hợp lệ"),
        ("2.1", {}, InputError, "cần cho biết cách tổng hợp mới"),
    ],
)
def test_bad_keys_and_values(
    db: Database, ward: int, key: str, rules: dict[str, str], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        set_target_rule(db, ward, key, **rules)  # type: ignore[arg-type]
    assert get_plan(db, ward).plan.target("2.1").over_units is OverUnits.SUM
