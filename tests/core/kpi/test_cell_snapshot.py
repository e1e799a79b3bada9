"""KPIs a heatmap cell cannot narrow: the backlog (tickets open at the end of the
period), occupancy (time logged in: sessions of hours dated by their start). Under a
cell they say so instead of showing another figure under the cell's label."""

from __future__ import annotations

from datetime import date, datetime

from kpidesk.core.kpi.engine import NOT_FOR_A_CELL, Engine, Filters
from tests.helpers.builders import add_contacts, call, contact, insert

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


def test_occupancy_is_refused_under_a_cell(store):
    """A1 logged in 9:00–17:00 on Tuesday 3 Nov, with a 10-minute pause at 10:00, took
    one call of 288 s at 10:05: occupancy 288 / (28800 − 600) = 1.02 %. Under Tuesdays
    10h–11h the rows starting in the cell are the call and the pause: 288 / (0 − 600),
    a negative occupancy: refused."""
    insert(
        store,
        "agent_sessions",
        [
            dict(
                source="t",
                source_key="s1",
                agent_id="A1",
                state="logged_in",
                started_at=datetime(2026, 11, 3, 9),
                duration_s=28800.0,
            ),
            dict(
                source="t",
                source_key="s2",
                agent_id="A1",
                state="pause",
                started_at=datetime(2026, 11, 3, 10),
                duration_s=600.0,
            ),
        ],
    )
    add_contacts(store, [call("answered", 5.0, agent_id="A1", talk_s=288.0, arrived_at=datetime(2026, 11, 3, 10, 5))])
    engine = Engine(store)
    (occupancy,) = engine.compute(["occupancy"], DAY)
    assert abs(occupancy.value - 288 / 28200) < 1e-12
    (v,) = engine.compute(["occupancy"], DAY.narrowed(weekdays=(2,), hours=(10,)))
    assert v.value is None and v.reason == NOT_FOR_A_CELL
