"""The coaching trend says which of the agent's days rest on too few contacts: a day
of two calls is drawn faded with its n, not read like a day of forty."""

from __future__ import annotations

from datetime import datetime

from kpidesk.core.coaching.charts import trend
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.builders import add_contacts, call


def test_the_agents_small_days_are_flagged(store):
    busy = [call("answered", 5, agent_id="A", arrived_at=datetime(2026, 3, 2, 9, i)) for i in range(40)]
    quiet = [call("answered", 5, agent_id="A", arrived_at=datetime(2026, 3, 3, 9, i)) for i in range(2)]
    add_contacts(store, busy + quiet)
    t = trend(Engine(store), "aht", "A", Filters(), bucket="day")
    assert [p.day for p in t.periods] == [2, 3]
    assert t.agent_n == [40, 2]
    assert t.agent_small == [False, True]
