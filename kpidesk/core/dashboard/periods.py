"""Period presets ("last week", "this month"…) and the period to compare with.

A team lead thinks in named periods, the engine in inclusive day ranges; this module
turns one into the other. Presets are counted back from an *anchor* day: today, or
the last day of the data when the exports stop before today (an offline app is often
opened on last week's files — "today" then means the latest day imported).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

PRESETS = ("today", "yesterday", "this_week", "last_week", "this_month", "last_month", "last_30_days", "custom")
COMPARISONS = ("previous", "last_year", "none")
GRANULARITIES = ("15min", "hour", "day", "week", "month")
_BUCKETS_PER_DAY = {"15min": 96, "hour": 24, "day": 1, "week": 1 / 7, "month": 1 / 30}
MAX_POINTS = 400  # a trend ~800 px wide: beyond, a line becomes a barcode


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def shifted(self, days: int) -> Period:
        return Period(self.first - timedelta(days=days), self.last - timedelta(days=days))


class DataAnchor(date):
    """The data's last day as an anchor, with the first day of the records that reach
    it (``since``): a monthly report's row for March reaches the 31st from the 1st,
    and "the last 30 days" counted back from the 31st hold it whole. Days computed
    from it (``anchor - timedelta(1)``, ``anchor.replace(day=1)``) reach nothing back."""

    since: date

    def __new__(cls, *day: Any, since: date | None = None) -> DataAnchor:
        y, m, d = (day[0].year, day[0].month, day[0].day) if len(day) == 1 else day
        anchor = super().__new__(cls, y, m, d)
        anchor.since = min(since or anchor, anchor)
        return anchor

    def __reduce__(self) -> tuple[Any, ...]:  # copied or pickled with its since
        return functools.partial(DataAnchor, since=self.since), (self.year, self.month, self.day)


def anchor_day(today: date, data_last_day: date | None, data_since: date | None = None) -> date:
    """Today, or the data's last day when the exports stop before today (then with the
    first day of the records that reach it: :class:`DataAnchor`)."""
    if data_last_day is not None and data_last_day < today:
        return DataAnchor(data_last_day, since=data_since)
    return today


def _month_start(d: date) -> date:
    return d.replace(day=1)


def resolve(preset: str, anchor: date, custom: Period | None = None) -> Period:
    since = anchor.since if isinstance(anchor, DataAnchor) else anchor
    anchor = date(anchor.year, anchor.month, anchor.day)  # periods hold plain days
    monday = anchor - timedelta(days=anchor.weekday())
    if preset == "today":
        return Period(anchor, anchor)
    if preset == "yesterday":
        day = anchor - timedelta(days=1)
        return Period(day, day)
    if preset == "this_week":
        return Period(monday, anchor)
    if preset == "last_week":
        return Period(monday - timedelta(days=7), monday - timedelta(days=1))
    if preset == "this_month":
        return Period(_month_start(anchor), anchor)
    if preset == "last_month":
        end = _month_start(anchor) - timedelta(days=1)
        return Period(_month_start(end), end)
    if preset == "last_30_days":  # never cutting the records that reach the data's last day
        return Period(min(anchor - timedelta(days=29), since), anchor)
    if preset == "custom" and custom is not None:
        return custom
    raise ValueError(f"unknown period {preset!r}")


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def compare(period: Period, how: str, preset: str = "custom") -> Period | None:
    """The period to compare with: the one before (same length, starting on the
    same weekday: a 30-day period is compared with the 30 days from 5 weeks earlier,
    so Tuesdays face Tuesdays; the whole previous month for a month preset), the
    same one a year earlier (52 weeks earlier for week presets, so weekdays line
    up), or none."""
    if how == "none":
        return None
    if how == "previous":
        if preset in ("this_month", "last_month"):
            end = period.first - timedelta(days=1)
            start = _month_start(end)
            return Period(start, min(end, start + timedelta(days=period.days - 1)))
        if period.days == 1:
            return period.shifted(1)  # yesterday: the day before
        return period.shifted(-(-period.days // 7) * 7)  # whole weeks back: weekdays line up
    if how == "last_year":
        if preset in ("this_week", "last_week"):
            return period.shifted(364)
        return Period(_year_before(period.first), _year_before(period.last))
    raise ValueError(f"unknown comparison {how!r}")


def aligned_shift(period: Period, compare_period: Period, granularity: str) -> timedelta:
    """How far to move the compare period's trend to draw it under the period's:
    by whole weeks for daily and finer grains (Tuesday under Tuesday, even for the
    previous month), else from start to start."""
    shift = period.first - compare_period.first
    if granularity in ("15min", "hour", "day") and shift.days % 7:
        shift = timedelta(days=round(shift.days / 7) * 7)
    return shift


def fits(period: Period, granularity: str) -> bool:
    """Whether a trend of ``period`` by ``granularity`` is readable: two points at
    least (one dot on an empty axis says nothing), MAX_POINTS at most."""
    return 2 <= period.days * _BUCKETS_PER_DAY[granularity] <= MAX_POINTS


def data_granularity(granularity: str, anchor: date) -> str:
    """Never finer than the data: rows of a monthly report (the records reaching the
    anchor span a month) are drawn by month — by day, a month's calls would be one
    dot on its first day; a week's rows by week."""
    if not isinstance(anchor, DataAnchor):
        return granularity
    span = anchor.toordinal() - anchor.since.toordinal() + 1
    floor = "month" if span >= 28 else "week" if span >= 7 else granularity
    order = list(GRANULARITIES)
    return floor if order.index(granularity) < order.index(floor) else granularity


def fit_granularity(period: Period, wanted: str) -> str:
    """The wanted granularity, coarsened until the chart gets at most MAX_POINTS,
    or made finer until it gets two points (one day by day: by hour)."""
    order = list(GRANULARITIES)
    start = order.index(wanted)
    for name in order[start:]:
        if period.days * _BUCKETS_PER_DAY[name] <= MAX_POINTS:
            break
    else:
        return order[-1]
    if period.days * _BUCKETS_PER_DAY[name] >= 2:
        return name
    for finer in reversed(order[: order.index(name)]):
        if period.days * _BUCKETS_PER_DAY[finer] >= 2:
            return finer
    return name
