"""The coaching trend at the grain the data has: per-rep monthly reports (one row per
rep for a whole month, no date of their own) are drawn by month, as the desk draws
them (``periods.data_granularity``), not by day where each month was one dot on its
1st. A call log is still drawn by day. Each database is small files imported through
the real import path; the figures are worked out by hand from their rows.

February: Rep01 answers 9 calls of 60 s talk, Rep02 15 of 120 s.
March:    Rep01 answers 30 calls of 90 s,    Rep02 20 of 60 s.
AHT (talk only in these reports) — Rep01: 60 s, then 90 s. The team pooled:
February (9·60 + 15·120) / 24 = 97.5 s; March (30·90 + 20·60) / 50 = 78 s.
"""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.coaching.charts import trend, trend_bucket
from kpidesk.core.coaching.page import CoachingRequest, load_kpi_detail
from kpidesk.core.dashboard import periods
from kpidesk.core.dashboard.extent import extent
from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.period import parse
from kpidesk.core.kpi.engine import Engine, Filters

HEADER = "Incoming Calls,Answered Calls,Abandoned Calls,Answer Speed (AVG),Talk Duration (AVG),Sales Rep\n"
FEBRUARY = HEADER + "10,9,1,00:00:10,00:01:00,Rep01\n20,15,5,00:00:20,00:02:00,Rep02\n"
MARCH = HEADER + "30,30,0,00:00:02,00:01:30,Rep01\n20,20,0,00:00:05,00:01:00,Rep02\n"
TWO_MONTHS = Filters(date_from=date(2024, 2, 1), date_to=date(2024, 3, 31))
TODAY = date(2026, 11, 30)


def import_text(store, tmp_path, name, text, period=None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = import_file(store, path, period=parse(period) if period else None)
    assert report.ok and report.loaded, report.summary()


@pytest.fixture
def monthly(store, tmp_path):
    import_text(store, tmp_path, "feb.csv", FEBRUARY, "2024-02")
    import_text(store, tmp_path, "mar.csv", MARCH, "2024-03")
    return store


def data_grain(store) -> str:
    """The desk's rule, from what the data covers: the records reaching its last day."""
    ext = extent(store)
    return periods.data_granularity("day", periods.anchor_day(TODAY, ext.last_day, ext.last_since))


def test_monthly_reports_are_trended_by_month(monthly):
    engine = Engine(monthly)
    assert data_grain(monthly) == "month"
    series = trend(engine, "aht", "Rep01", TWO_MONTHS, data_grain="month")
    assert series.bucket == "month"
    assert series.periods == [date(2024, 2, 1), date(2024, 3, 1)]
    assert series.agent == pytest.approx([60.0, 90.0])
    assert series.team == pytest.approx([97.5, 78.0])
    assert series.agent_n == [9, 30]


def test_the_kpi_detail_job_draws_at_the_requests_grain(monthly):
    engine = Engine(monthly)
    req = CoachingRequest("Rep01", TWO_MONTHS, data_grain=data_grain(monthly))
    detail = load_kpi_detail((engine, req, "aht", TWO_MONTHS))
    assert detail.trend.bucket == "month" and detail.trend.agent == pytest.approx([60.0, 90.0])
    # the month of March alone (the period the desk opens on): one point, the month's
    march = Filters(date_from=date(2024, 3, 1), date_to=date(2024, 3, 31))
    one = load_kpi_detail((engine, CoachingRequest("Rep01", march, data_grain="month"), "aht", march))
    assert (one.trend.bucket, one.trend.periods, one.trend.agent) == ("month", [date(2024, 3, 1)], [90.0])
    assert one.trend.team == pytest.approx([78.0])
    # a report's counts list no call behind the number: said, not an empty list
    assert one.why == "longest handle times" and one.contacts == [] and not one.individual


def test_a_call_log_is_still_trended_by_day_then_week(store, tmp_path):
    calls = (
        "Call ID,Date,Time,Agent,Queue,Outcome,Wait (s),Talk (s)\n"
        "C1,2024-03-18,09:00:00,Léa,Billing,answered,10,120\n"
        "C2,2024-03-19,10:00:00,Léa,Billing,answered,12,200\n"
        "C3,2024-03-20,11:00:00,Hugo,Billing,answered,40,100\n"
    )
    import_text(store, tmp_path, "calls.csv", calls)
    engine = Engine(store)
    grain = data_grain(store)
    assert grain == "day"
    week = Filters(date_from=date(2024, 3, 18), date_to=date(2024, 3, 20))
    series = trend(engine, "aht", "Léa", week, data_grain=grain)
    assert series.bucket == "day" and series.periods == [date(2024, 3, 18), date(2024, 3, 19), date(2024, 3, 20)]
    assert series.agent == [120.0, 200.0, None]
    # Léa's calls are listed behind her AHT, longest first
    detail = load_kpi_detail((engine, CoachingRequest("Léa", week, data_grain=grain), "aht", week))
    assert detail.individual and [line.figure for line in detail.contacts] == [200.0, 120.0]
    quarter = Filters(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    assert trend_bucket(engine, quarter, grain) == "week"
    assert trend_bucket(engine, quarter, "month") == "month"
    assert trend_bucket(engine, week, "week") == "week"  # a weekly report: never finer than its weeks
