"""A compare period the data covers only in part: the demo opened on its last 30 days
compared "+48.7 % contacts" with a period that began before its first day. Counts are
not compared then; rates still are."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kpidesk.core.dashboard import periods
from kpidesk.core.dashboard.tabs import TabRequest, load_tab
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.core.kpi.engine import Engine
from tests.helpers.builders import add_contacts, call

FIRST = date(2026, 10, 20)  # one answered and one abandoned call a day to 30/11


def _calls():
    rows = []
    for i in range((date(2026, 11, 30) - FIRST).days + 1):
        day = datetime.combine(FIRST + timedelta(days=i), datetime.min.time()).replace(hour=10)
        rows += [call("answered", 10, arrived_at=day), call("abandoned", 30, arrived_at=day)]
    return rows


def _load(store, anchor):
    state = ViewState()
    request = TabRequest("phone", state.filters(anchor), state.compare_filters(anchor))
    return load_tab((Engine(store), request))


def test_counts_are_not_compared_with_a_period_before_the_data(store):
    add_contacts(store, _calls())
    anchor = date(2026, 11, 30)
    compare = ViewState().compare_period(anchor)
    # 01/11 – 30/11 against 27/09 – 26/10: the data begins on 20/10, 7 of its 30 days
    assert compare == periods.Period(date(2026, 9, 27), date(2026, 10, 26))
    data = _load(store, anchor)
    assert data.tiles["offered"].value == 60
    assert "offered" not in data.compare_tiles  # not "−77 %": 14 calls over 7 days
    assert data.compare_tiles["answer_rate"].value == 0.5  # a rate over 7 days is still a rate
    assert data.tiles["answer_rate"].value == 0.5


def test_counts_are_compared_when_the_data_covers_both_periods(store):
    add_contacts(store, _calls())
    data = _load(store, date(2026, 12, 24))  # 25/11 – 24/12 against 21/10 – 19/11: from the first day on
    assert data.compare_tiles["offered"].value == 60
