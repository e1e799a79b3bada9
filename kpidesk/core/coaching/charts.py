"""The series behind the coaching charts: trends and distributions, agent vs team.

A coaching chart always puts the agent next to the team, on the same axis: the
trend of a KPI over the period (the engine grouped by day or week, the agent's
contacts against the team's pooled), and the spread of per-contact values (handle
time, wait, wrap-up, CSAT scores) on common bins so the agent's long tail shows
against the team's. Bins are counted in DuckDB (``kpi.distribution.bin_counts``); a
chart gets a few dozen numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from kpidesk.core.db.store import Store
from kpidesk.core.kpi.distribution import bin_counts, edges
from kpidesk.core.kpi.engine import Engine, Filters

# measure → (relation, value per row, condition for it to count, unit): the rows and
# the flags of the KPI each one explains (AHT's handled contacts, ASA's answered
# calls, the wrap-ups of handled contacts, CSAT answers)
MEASURES: dict[str, tuple[str, str, str, str]] = {
    "handle": ("contacts", "handle_v", "detail = 1 AND handle_n = 1", "seconds"),
    "wait": ("contacts", "wait_answered_v", "detail = 1 AND wait_answered_n = 1", "seconds"),
    "wrap": ("contacts", "wrap_sum", "detail = 1 AND wrap_n = 1", "seconds"),
    # a ticket's first reply and its resolution (solved tickets only, as the KPI)
    "first_response": (
        "contacts",
        "first_response_s",
        "detail = 1 AND ticket = 1 AND first_response_s IS NOT NULL",
        "seconds",
    ),
    "resolution": (
        "contacts",
        "resolution_s",
        "detail = 1 AND ticket = 1 AND solved = 1 AND resolution_s IS NOT NULL",
        "seconds",
    ),
    "csat": ("surveys", "csat_score", "csat_n = 1", "score"),
}


@dataclass
class Trend:
    kpi: str
    bucket: str  # day | week | month
    periods: list[date] = field(default_factory=list)
    agent: list[float | None] = field(default_factory=list)
    team: list[float | None] = field(default_factory=list)
    # each of the agent's points: its sample size, and whether it is too small to read
    agent_n: list[float | None] = field(default_factory=list)
    agent_small: list[bool] = field(default_factory=list)


@dataclass
class Distribution:
    measure: str
    unit: str
    edges: list[float] = field(default_factory=list)  # len(bins) + 1
    agent: list[int] = field(default_factory=list)
    team: list[int] = field(default_factory=list)  # the team without the agent

    def shares(self, which: str) -> list[float]:
        """Counts as shares of the total, so a 300-call agent and a 6000-call team compare."""
        counts = getattr(self, which)
        total = sum(counts)
        return [c / total if total else 0.0 for c in counts]


SHOWN = 4  # the coaching view's row of distributions


def shown_measures(dists: dict[str, Distribution], slots: int = SHOWN) -> list[str]:
    """The distributions worth a chart: those the agent or the team has contacts in,
    in :data:`MEASURES` order, at most ``slots``, CSAT among them when it has answers
    (a ticket desk sees first response, resolution and CSAT, not three empty call
    charts). None at all: the call ones, each saying it has no data."""
    with_data = [m for m in MEASURES if m in dists and (any(dists[m].agent) or any(dists[m].team))]
    if not with_data:
        return list(MEASURES)[: slots - 1] + ["csat"]
    durations = [m for m in with_data if m != "csat"]
    return durations[: slots - 1] + ["csat"] if "csat" in with_data else durations[:slots]


_NICE = (1, 2, 5, 10)


BUCKETS = ("day", "week", "month")  # finest first


def trend_bucket(engine: Engine, filters: Filters, data_grain: str | None = None) -> str:
    """By day up to a month, by week beyond — never finer than the data's own grain
    (``data_grain``: a monthly report's rows are drawn by month, the desk's
    ``periods.data_granularity``; by day they were one dot on the 1st)."""
    start, end = engine.period(filters)
    bucket = "day" if (end - start).days <= 31 else "week"
    if data_grain in BUCKETS and BUCKETS.index(data_grain) > BUCKETS.index(bucket):
        return data_grain
    return bucket


def trend(
    engine: Engine,
    kpi: str,
    agent_id: str,
    team_filters: Filters,
    bucket: str | None = None,
    data_grain: str | None = None,
) -> Trend:
    """The KPI per day, week or month (:func:`trend_bucket`): the agent's contacts,
    and the whole team's pooled."""
    bucket = bucket or trend_bucket(engine, team_filters, data_grain)
    mine = engine.compute([kpi], team_filters.narrowed(agents=(agent_id,)), by=(bucket,))
    team = engine.compute([kpi], team_filters, by=(bucket,))
    a = {v.group[bucket]: v for v in mine}
    t = {v.group[bucket]: v.value for v in team}
    periods = sorted(set(a) | set(t))
    agent = [a[p].value if p in a else None for p in periods]
    n = [a[p].n if p in a else None for p in periods]
    small = [bool(p in a and a[p].small_sample and a[p].value is not None) for p in periods]
    return Trend(kpi, bucket, periods, agent, [t.get(p) for p in periods], n, small)


def _nice_step(span: float, bins: int) -> float:
    raw = max(span / bins, 1e-9)
    power: float = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in _NICE if m * power >= raw)


def distribution(
    store: Store, engine: Engine, measure: str, agent_id: str, team_filters: Filters, bins: int = 20
) -> Distribution:
    """Per-contact values of the agent and of the rest of the team on the same bins.

    The bin width is a round number covering the team's values up to the 98th
    percentile; longer values fall in the last bin (the tail is what coaching reads,
    but one four-hour call must not squash every other bar).
    """
    relation, value, cond, unit = MEASURES[measure]
    cur = store.cursor()
    # the relation's rows within the team's filters, through the engine's own WHERE
    scope, bind = engine.rows_sql(relation, team_filters, cur)
    base = f"SELECT {value} AS x, agent_id = $agent AS mine FROM ({scope}) k WHERE {cond} AND agent_id IS NOT NULL"
    bind = {**bind, "agent": agent_id}
    top = "max(x)" if measure == "csat" else "quantile_cont(x, 0.98)"
    row = cur.execute(f"SELECT min(x), {top} FROM ({base})", bind).fetchone()
    assert row is not None  # aggregates without GROUP BY always return one row
    lo, hi = row
    if lo is None:
        return Distribution(measure, unit)
    if measure == "csat":  # one bar per point of the scale
        first, step, count = math.floor(lo) - 0.5, 1.0, int(math.floor(hi) - math.floor(lo)) + 1
    else:
        step = _nice_step(max(hi, 1.0), bins)
        first, count = 0.0, max(1, math.ceil(hi / step))
    agent, team = bin_counts(cur, base, bind, first, step, count, ("mine", "NOT mine"))
    return Distribution(measure, unit, edges(first, step, count), agent, team)
