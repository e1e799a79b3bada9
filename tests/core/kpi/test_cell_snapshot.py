"""Point-in-time KPIs under a heatmap cell: the backlog (tickets open at the end of
the period) has no weekday or hour to narrow to; under a cell it says so instead of
showing the whole period's count under the cell's label."""

from __future__ import annotations

from datetime import date, datetime

from kpidesk.core.kpi.engine import NOT_FOR_A_CELL, Engine, Filters
from tests.helpers.builders import add_contacts, contact

DAY = Filters(date_from=date(2026, 11, 3), date_to=date(2026, 11, 3))  # a Tuesday


def test_the_backlog_is_refused_under_a_cell_and_counted_without(store):
    # two tickets still open at the end of Tuesday 3 Nov, one arrived at 10h, one at 15h
    add_contacts(
        store,
        [
            contact(channel="email", arrived_at=datetime(2026, 11, 3, 10, 5)),
            contact(channel="email", arrived_at=datetime(2026, 11, 3, 15, 0)),
        ],
    )
    engine = Engine(store)
    (backlog,) = engine.compute(["backlog"], DAY)
    assert backlog.value == 2
    for cell in (DAY.narrowed(weekdays=(2,), hours=(10,)), DAY.narrowed(hours=(15,)), DAY.narrowed(weekdays=(2,))):
        (v,) = engine.compute(["backlog"], cell)
        assert v.value is None and v.reason == NOT_FOR_A_CELL
    # a flow KPI of the same tickets counts the cell: the one arrived at 10h
    (volume,) = engine.compute(["volume"], DAY.narrowed(weekdays=(2,), hours=(10,)))
    assert volume.value == 1
