"""What the team lead is looking at: period, comparison, granularity and filters.

A frozen value (so Back is a stack of them) that turns into engine ``Filters`` for a
given anchor day, and into JSON to persist between runs. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from kpidesk.core.dashboard import periods
from kpidesk.core.kpi import time_filter
from kpidesk.core.kpi.engine import Filters

FILTER_FIELDS = ("channels", "queues", "teams", "sites", "topics", "agents")


@dataclass(frozen=True)
class ViewState:
    preset: str = "last_30_days"
    custom_from: date | None = None
    custom_to: date | None = None
    comparison: str = "previous"
    granularity: str = "day"
    channels: tuple[str, ...] = ()  # the tickets of some channels (phone, web…): each tab keeps its records
    queues: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    weekday: int | None = None  # 0 = Monday: one weekday across the period (a heatmap cell)
    hour: int | None = None  # one hour of the day (0 … 23): of ``weekday``, or of every day

    def changed(self, **changes: Any) -> ViewState:
        return replace(self, **changes)

    def period(self, anchor: date) -> periods.Period:
        custom = None
        if self.custom_from and self.custom_to:
            custom = periods.Period(min(self.custom_from, self.custom_to), max(self.custom_from, self.custom_to))
        if self.preset == "custom" and custom is None:
            return periods.resolve("last_30_days", anchor)
        return periods.resolve(self.preset, anchor, custom)

    def compare_period(self, anchor: date) -> periods.Period | None:
        return periods.compare(self.period(anchor), self.comparison, self.preset)

    def granularity_for(self, anchor: date) -> str:
        return periods.data_granularity(periods.fit_granularity(self.period(anchor), self.granularity), anchor)

    def filters(self, anchor: date) -> Filters:
        p = self.period(anchor)
        weekdays, hours = self._cell()
        return Filters(
            date_from=p.first,
            date_to=p.last,
            weekdays=weekdays,
            hours=hours,
            **{f: getattr(self, f) for f in FILTER_FIELDS},
        )

    def in_cell(self, weekday: int | None, hour: int | None) -> ViewState:
        """Narrowed to one weekday and hour across the period (a heatmap cell); to
        one hour of every day with ``weekday=None`` (the "Why?" hour driver)."""
        return self.changed(weekday=weekday, hour=hour)

    def cell_label(self, lang: str) -> str | None:
        """``Tuesdays, 10:00–11:00`` / ``Tous les mardis, 10h–11h``; None without a cell."""
        return time_filter.cell_label(*self._cell(), lang)

    def _cell(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(ISO weekdays, hours) of ``Filters``: 1 = Monday."""
        return (() if self.weekday is None else (self.weekday + 1,)), (() if self.hour is None else (self.hour,))

    def compare_filters(self, anchor: date) -> Filters | None:
        p = self.compare_period(anchor)
        return None if p is None else self.filters(anchor).narrowed(date_from=p.first, date_to=p.last)

    def drilled(self, bucket: datetime, granularity: str, anchor: date) -> ViewState:
        """Narrowed to one bucket of a trend chart, one step finer."""
        day = bucket.date()
        if granularity == "month":
            last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            span, finer = (day, last), "day"
        elif granularity == "week":
            span, finer = (day, day + timedelta(days=6)), "day"
        elif granularity == "day":
            span, finer = (day, day), "hour"
        else:
            span, finer = (day, day), "15min"
        return self.changed(
            preset="custom", custom_from=span[0], custom_to=min(span[1], max(anchor, span[0])), granularity=finer
        )

    def to_json(self) -> str:
        data = asdict(self)
        for key in ("custom_from", "custom_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str | None) -> ViewState:
        try:
            data = json.loads(text or "{}")
            for key in ("custom_from", "custom_to"):
                data[key] = date.fromisoformat(data[key]) if data.get(key) else None
            for key in FILTER_FIELDS:
                data[key] = tuple(data.get(key) or ())
            state = cls(**data)
        except (ValueError, TypeError):
            return cls()
        if (
            state.weekday not in (None, *range(7))
            or state.hour not in (None, *range(24))
            or state.preset not in periods.PRESETS
            or state.comparison not in periods.COMPARISONS
            or state.granularity not in periods.GRANULARITIES
        ):
            return cls()
        return state
