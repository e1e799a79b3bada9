"""The days a database covers and the period it opens on, when its figures come from
an interval report: a report of March 2024 (one row per rep for the whole month)
covers the 1st to the 31st, and the default period holds the month whole; a call log
still opens on its last 30 days. Each database is a small file imported here through
the real import path; the figures are worked out by hand from its rows."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.dashboard import periods
from kpidesk.core.dashboard.extent import extent
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.period import parse
from kpidesk.core.kpi.engine import Engine

TODAY = date(2026, 11, 30)
# 3 rows of unlabelled intervals per rep: 10 + 20 + 30 = 60 calls offered
REPORT = (
    "Incoming Calls,Answered Calls,Abandoned Calls,Answer Speed (AVG),Talk Duration (AVG),Sales Rep\n"
    "10,9,1,00:00:10,00:01:00,Rep01\n"
    "20,15,5,00:00:20,00:02:00,Rep02\n"
    "30,30,0,00:00:02,00:01:30,Rep01\n"
)
CALLS = (
    "Call ID,Date,Time,Agent,Queue,Outcome,Wait (s),Talk (s)\n"
    "C1,2024-02-20,09:00:00,Léa,Billing,answered,10,120\n"
    "C2,2024-03-19,10:00:00,Léa,Billing,answered,12,200\n"
    "C3,2024-03-20,11:00:00,Hugo,Billing,abandoned,40,\n"
)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _opening(store):
    """The extent, the default period and its figures, as the window opens."""
    ext = extent(store)
    anchor = periods.anchor_day(TODAY, ext.last_day, ext.last_since)
    state = ViewState()
    offered = Engine(store).compute(["offered"], state.filters(anchor))[0].value
    return ext, state.period(anchor), offered


def test_a_monthly_report_covers_its_month_and_opens_on_it(store, tmp_path):
    import_file(store, _write(tmp_path, "reps.csv", REPORT), period=parse("2024-03"))
    ext, period, offered = _opening(store)
    # not "from 01/03/2024 to 01/03/2024": the rows cover the whole month
    assert (ext.first_day, ext.last_day, ext.last_since) == (date(2024, 3, 1), date(2024, 3, 31), date(2024, 3, 1))
    assert period == periods.Period(date(2024, 3, 1), date(2024, 3, 31))  # 31 days: the month whole
    assert offered == 60  # every row in the period
    # drawn by month: by day the month's 60 calls were one dot on the 1st
    anchor = periods.anchor_day(TODAY, ext.last_day, ext.last_since)
    assert ViewState().granularity_for(anchor) == "month"
    assert ViewState(granularity="hour").granularity_for(anchor) == "month"


def test_two_monthly_reports_open_on_the_last_month(store, tmp_path):
    import_file(store, _write(tmp_path, "reps.csv", REPORT), period=parse("2024-02"))
    import_file(store, _write(tmp_path, "reps.csv", REPORT.replace("10,9,1", "11,9,2")), period=parse("2024-03"))
    ext, period, offered = _opening(store)
    assert (ext.first_day, ext.last_day) == (date(2024, 2, 1), date(2024, 3, 31))
    assert period == periods.Period(date(2024, 3, 1), date(2024, 3, 31))
    assert offered == 61  # March's rows only: 11 + 20 + 30


def test_a_call_log_still_opens_on_its_last_30_days(store, tmp_path):
    import_file(store, _write(tmp_path, "calls.csv", CALLS))
    ext, period, offered = _opening(store)
    assert (ext.first_day, ext.last_day, ext.last_since) == (date(2024, 2, 20), date(2024, 3, 20), date(2024, 3, 20))
    assert period == periods.Period(date(2024, 2, 20), date(2024, 3, 20)) and period.days == 30
    assert offered == 3
    anchor = periods.anchor_day(TODAY, ext.last_day, ext.last_since)
    assert ViewState().granularity_for(anchor) == "day"


def test_a_report_of_one_day_covers_that_day(store, tmp_path):
    import_file(store, _write(tmp_path, "reps_2024-03-05.csv", REPORT))
    ext, period, _offered = _opening(store)
    assert (ext.first_day, ext.last_day, ext.last_since) == (date(2024, 3, 5), date(2024, 3, 5), date(2024, 3, 5))
    assert period.days == 30 and period.last == date(2024, 3, 5)


@pytest.mark.parametrize("preset", ["today", "yesterday", "this_week", "last_week", "this_month", "last_month"])
def test_other_presets_count_back_from_the_last_day_as_before(preset):
    anchor = periods.anchor_day(TODAY, date(2024, 3, 31), date(2024, 3, 1))
    assert anchor == date(2024, 3, 31)
    assert periods.resolve(preset, anchor) == periods.resolve(preset, date(2024, 3, 31))
    assert type(periods.resolve(preset, anchor).last) is date  # periods hold plain days
    # data reaching beyond today: today is the anchor, nothing reaches back
    assert periods.anchor_day(date(2024, 3, 15), date(2024, 3, 31), date(2024, 3, 1)) == date(2024, 3, 15)
