"""Durations read as a distribution: a histogram with the median and p90 marked.

Averages hide the long tail that coaching is about. The histogram is computed in
DuckDB (a ``GROUP BY`` on the bin number), so a chart receives a few dozen bars,
never the rows. The values are those the engine reads for the KPI the chart explains;
every filter value is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from kpidesk.core.kpi.engine import PER_PERIOD_ONLY, Engine, Filters
from kpidesk.core.kpi.relations import DISTRIBUTIONS

MEASURES = tuple(DISTRIBUTIONS)  # wait, handle, first_response, resolution
# The KPI whose values each distribution spreads (its reason when it has none).
KPI_OF = {"wait": "asa", "handle": "aht", "first_response": "first_response_time", "resolution": "resolution_time"}


@dataclass
class Histogram:
    measure: str
    edges: list[float] = field(default_factory=list)  # len(counts) + 1 bin edges, seconds
    counts: list[int] = field(default_factory=list)
    n: int = 0
    median: float | None = None
    p90: float | None = None
    mean: float | None = None
    reason: str | None = None  # why no value is spread (an engine or KPI-file reason)

    @property
    def empty(self) -> bool:
        return self.n == 0


def histogram(engine: Engine, measure: str, filters: Filters, bins: int = 40) -> Histogram:
    """Counts in ``bins`` equal bins from 0 to the 98th percentile (the last bin
    also holds the longer tail), with the median, p90 and mean of all values.

    The values are those of the KPI the chart explains (ASA's answered calls, AHT's
    handled contacts…), filtered as the engine filters them, read from the rollups'
    value lists on big databases."""
    if measure not in MEASURES:
        raise ValueError(f"unknown duration {measure!r}; choose from {', '.join(MEASURES)}")
    cur = engine.store.cursor()
    try:
        source, bind = engine.values_sql(measure, filters, cur)
        out = _histogram(cur, source, bind, measure, bins)
    finally:
        cur.close()
    if out.empty and measure in KPI_OF and KPI_OF[measure] in engine.registry:
        (kpi,) = engine.compute([KPI_OF[measure]], filters)
        # the KPI has a figure from counts per period, or says why it has none
        out.reason = PER_PERIOD_ONLY if kpi.value is not None else kpi.reason
    return out


def _histogram(cur: duckdb.DuckDBPyConnection, source: str, bind: dict[str, Any], measure: str, bins: int) -> Histogram:
    row = cur.execute(
        f"SELECT count(*), quantile_cont(x, 0.5), quantile_cont(x, 0.9), avg(x), "
        f"quantile_cont(x, 0.98) FROM ({source})",
        bind,
    ).fetchone()
    assert row is not None  # aggregates without GROUP BY always return one row
    n, median, p90, mean, top = row
    out = Histogram(measure, n=int(n), median=median, p90=p90, mean=mean)
    if not n:
        return out
    width = max(float(top or 0.0), 1.0) / bins
    out.edges = edges(0.0, width, bins)
    (out.counts,) = bin_counts(cur, source, bind, 0.0, width, bins)
    return out


def edges(first: float, step: float, count: int) -> list[float]:
    """The ``count + 1`` edges of ``count`` bins of width ``step`` from ``first``."""
    return [first + i * step for i in range(count + 1)]


def bin_counts(
    cur: duckdb.DuckDBPyConnection,
    source: str,
    bind: dict[str, Any],
    first: float,
    step: float,
    count: int,
    series: tuple[str, ...] = ("true",),
) -> list[list[int]]:
    """The only histogram: how many values ``x`` of ``source`` fall in each of ``count``
    bins of width ``step`` from ``first`` (values below count in the first bin, values
    past the end in the last), once per ``series`` condition over ``source``'s columns.
    Counted in DuckDB: a chart receives ``count`` numbers per series, never the rows."""
    counted = ", ".join(f"count(*) FILTER (WHERE {cond})" for cond in series)
    rows = cur.execute(
        f"SELECT CAST(least(greatest(floor((x - $first) / $step), 0), $last) AS INTEGER) AS b, {counted} "
        f"FROM ({source}) GROUP BY b",
        {**bind, "first": first, "step": step, "last": count - 1},
    ).fetchall()
    out = [[0] * count for _ in series]
    for b, *counts in rows:
        for i, n in enumerate(counts):
            out[i][b] = int(n)
    return out
