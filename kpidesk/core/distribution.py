"""Durations read as a distribution: a histogram with the median and p90 marked.

Averages hide the long tail that coaching is about. The histogram is computed in
DuckDB (a ``GROUP BY`` on the bin number), so a chart receives a few dozen bars,
never the rows. The measured column comes from the fixed table below; every filter
value is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

# measure name → (SQL value per contact, condition for the contact to count)
MEASURES: dict[str, tuple[str, str]] = {
    "wait": ("c.wait_s", "c.outcome = 'answered'"),
    "handle": (
        "coalesce(c.talk_s, 0) + coalesce(c.hold_s, 0) + coalesce(c.wrap_s, 0)",
        "c.outcome IN ('answered', 'handled') AND coalesce(c.talk_s, c.hold_s, c.wrap_s) IS NOT NULL",
    ),
    "first_response": ("c.first_response_s", "c.first_response_s IS NOT NULL"),
    "resolution": ("c.resolution_s", "c.resolution_s IS NOT NULL"),
}

# filter field → (SQL column, bound parameter)
_FILTERS = {
    "channels": ("c.channel", "channels"),
    "queues": ("c.queue", "queues"),
    "teams": ("a.team", "teams"),
    "sites": ("coalesce(c.site, a.site)", "sites"),
    "agents": ("c.agent_id", "agents"),
    "topics": ("c.topic", "topics"),
}


@dataclass
class Histogram:
    measure: str
    edges: list[float] = field(default_factory=list)  # len(counts) + 1 bin edges, seconds
    counts: list[int] = field(default_factory=list)
    n: int = 0
    median: float | None = None
    p90: float | None = None
    mean: float | None = None

    @property
    def empty(self) -> bool:
        return self.n == 0


def _where(measure: str, filters) -> tuple[str, dict]:
    expr, condition = MEASURES[measure]
    clauses = [condition, f"({expr}) IS NOT NULL", "c.direction = 'inbound'"]
    bind: dict = {}
    if filters.date_from:
        clauses.append("c.arrived_at >= $start")
        bind["start"] = datetime.combine(filters.date_from, datetime.min.time())
    if filters.date_to:
        clauses.append("c.arrived_at < $end")
        bind["end"] = datetime.combine(filters.date_to + timedelta(days=1), datetime.min.time())
    for name, (column, param) in _FILTERS.items():
        chosen = list(getattr(filters, name))
        if chosen:
            clauses.append(f"list_contains(${param}, {column})")
            bind[param] = chosen
    return " AND ".join(clauses), bind


def histogram(cur, measure: str, filters, bins: int = 40) -> Histogram:
    """Counts in ``bins`` equal bins from 0 to the 98th percentile (the last bin
    also holds the longer tail), with the median, p90 and mean of all values."""
    if measure not in MEASURES:
        raise ValueError(f"unknown duration {measure!r}; choose from {', '.join(MEASURES)}")
    expr, _ = MEASURES[measure]
    where, bind = _where(measure, filters)
    source = f"SELECT {expr} AS x FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id WHERE {where}"
    n, median, p90, mean, top = cur.execute(
        f"SELECT count(*), quantile_cont(x, 0.5), quantile_cont(x, 0.9), avg(x), "
        f"quantile_cont(x, 0.98) FROM ({source})",
        bind,
    ).fetchone()
    out = Histogram(measure, n=int(n), median=median, p90=p90, mean=mean)
    if not n:
        return out
    width = max(float(top or 0.0), 1.0) / bins
    rows = cur.execute(
        f"SELECT least(CAST(floor(greatest(x, 0) / $width) AS INTEGER), $last) AS b, count(*) "
        f"FROM ({source}) GROUP BY b ORDER BY b",
        {**bind, "width": width, "last": bins - 1},
    ).fetchall()
    counts = [0] * bins
    for b, count in rows:
        counts[b] = int(count)
    out.edges = [i * width for i in range(bins + 1)]
    out.counts = counts
    return out
