"""Period presets, comparisons, and duration histograms on hand-made rows."""

from datetime import date, datetime, timedelta

from kpidesk.core.dashboard import periods
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi import distribution
from kpidesk.core.kpi.engine import Engine, Filters

ANCHOR = date(2026, 11, 18)  # a Wednesday


def test_presets():
    assert periods.resolve("today", ANCHOR) == periods.Period(ANCHOR, ANCHOR)
    assert periods.resolve("this_week", ANCHOR) == periods.Period(date(2026, 11, 16), ANCHOR)
    assert periods.resolve("last_week", ANCHOR) == periods.Period(date(2026, 11, 9), date(2026, 11, 15))
    assert periods.resolve("last_month", ANCHOR) == periods.Period(date(2026, 10, 1), date(2026, 10, 31))
    assert periods.resolve("last_30_days", ANCHOR).days == 30


def test_comparisons():
    week = periods.resolve("last_week", ANCHOR)
    assert periods.compare(week, "previous") == periods.Period(date(2026, 11, 2), date(2026, 11, 8))
    assert periods.compare(week, "last_year", "last_week").first.weekday() == 0  # still a Monday
    month = periods.resolve("last_month", ANCHOR)
    assert periods.compare(month, "previous", "last_month") == periods.Period(date(2026, 9, 1), date(2026, 9, 30))
    assert periods.compare(month, "none") is None


def test_anchor_follows_the_data_when_it_stops_before_today():
    assert periods.anchor_day(date(2026, 12, 1), date(2026, 11, 22)) == date(2026, 11, 22)
    assert periods.anchor_day(date(2026, 12, 1), None) == date(2026, 12, 1)


def test_granularity_is_coarsened_to_a_few_thousand_points():
    year = periods.Period(date(2026, 1, 1), date(2026, 12, 31))
    assert periods.fit_granularity(year, "15min") == "day"
    assert periods.fit_granularity(periods.Period(ANCHOR, ANCHOR), "15min") == "15min"


def test_histogram_median_and_p90():
    with open_database() as store:
        rows = [
            (i, "t", str(i), "phone", datetime(2026, 11, 18, 10), "answered", 100.0 * i, "Q1") for i in range(1, 11)
        ]  # handle times 100, 200, … 1000 s
        with store.write() as cur:
            cur.executemany(
                "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at, outcome, "
                "talk_s, queue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        engine = Engine(store)
        hist = distribution.histogram(engine, "handle", Filters(date(2026, 11, 18), date(2026, 11, 18)), bins=10)
        assert hist.n == 10 and sum(hist.counts) == 10
        assert hist.median == 550.0  # between 500 and 600
        assert abs(hist.p90 - 910.0) < 1e-9  # linear interpolation: 900 + 0.1 × 100
        other = distribution.histogram(engine, "handle", Filters(queues=("Q2",)))
        assert other.empty


def test_the_previous_period_starts_on_the_same_weekday():
    thirty = periods.resolve("last_30_days", ANCHOR)  # 2026-10-20 (Tue) … 2026-11-18 (Wed)
    before = periods.compare(thirty, "previous", "last_30_days")
    assert before == periods.Period(date(2026, 9, 15), date(2026, 10, 14))  # 5 weeks back, a Tuesday
    assert before.first.weekday() == thirty.first.weekday()
    this_week = periods.Period(date(2026, 11, 16), date(2026, 11, 18))  # Mon … Wed
    assert periods.compare(this_week, "previous") == periods.Period(date(2026, 11, 9), date(2026, 11, 11))
    day = periods.Period(ANCHOR, ANCHOR)
    assert periods.compare(day, "previous") == periods.Period(ANCHOR - timedelta(days=1), ANCHOR - timedelta(days=1))


def test_the_compare_trend_is_drawn_weekday_under_weekday():
    october = periods.Period(date(2026, 10, 1), date(2026, 10, 31))  # a Thursday
    september = periods.Period(date(2026, 9, 1), date(2026, 9, 30))  # a Tuesday
    shift = periods.aligned_shift(october, september, "day")
    assert shift == timedelta(days=28)
    assert (september.first + shift).weekday() == date(2026, 9, 29).weekday()  # Tuesday under Tuesday
    assert periods.aligned_shift(october, september, "week") == timedelta(days=30)


def test_the_grain_fits_the_period():
    thirty = periods.Period(ANCHOR - timedelta(days=29), ANCHOR)
    assert periods.fit_granularity(thirty, "15min") == "day"  # 2,880 quarter-hours is a barcode; 720 hours too
    assert not periods.fits(thirty, "15min") and periods.fits(thirty, "day")
    one_day = periods.Period(ANCHOR, ANCHOR)
    assert periods.fit_granularity(one_day, "day") == "hour"  # not one dot on an empty axis
    assert periods.fit_granularity(periods.Period(ANCHOR - timedelta(days=6), ANCHOR), "month") == "day"
