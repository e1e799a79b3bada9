"""Why a KPI moved between two periods: the drivers, per dimension, ranked.

Figures come from the KPI engine, grouped (one SQL query per period and dimension);
the split itself is ``decompose.split``. Each dimension on its own adds up to the
total change; drivers of all dimensions are ranked together by the size of their
part, small samples last (never the top driver).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kpidesk.core.explain.decompose import APPROXIMATE, SUM, WEIGHTED, Cell, rebuilds, split
from kpidesk.core.kpi.engine import Engine, Filters

DIMENSIONS = ("queue", "site", "team", "agent", "topic", "channel", "hour_of_day", "weekday")
_COUNT_UNITS = ("count",)
_SAMPLED = ("rate", "seconds", "score", "percent", "index")


@dataclass
class Driver:
    dimension: str
    value: Any  # the queue, site… (None: contacts without one)
    contribution: float
    mix: float | None
    rate: float | None
    before: float | None
    after: float | None
    n_before: float
    n_after: float
    small_sample: bool = False
    label: str | None = None  # the agent's name, when the value is an agent id

    def to_json(self) -> dict[str, Any]:
        out = {
            "dimension": self.dimension,
            "value": self.value,
            "contribution": self.contribution,
            "mix": self.mix,
            "rate": self.rate,
            "before": self.before,
            "after": self.after,
            "n_before": self.n_before,
            "n_after": self.n_after,
        }
        if self.label is not None and self.label != self.value:
            out["label"] = self.label
        if self.small_sample:
            out["small_sample"] = True
        return out


@dataclass
class Explanation:
    kpi: str
    unit: str
    better: str
    period: tuple[date | None, date | None]
    compare: tuple[date | None, date | None]
    before: float | None
    after: float | None
    n_before: float | None
    n_after: float | None
    method: str | None = None  # sum | weighted | approximate
    drivers: list[Driver] = field(default_factory=list)
    sums: dict[str, dict[str, float | None]] = field(default_factory=dict)  # per dimension: mix, rate, total
    skipped: dict[str, str] = field(default_factory=dict)  # dimension → why it is not split
    reason: str | None = None  # why there is nothing to explain

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    def top(self, count: int = 5) -> list[Driver]:
        return self.drivers[:count]

    def to_json(self) -> dict[str, Any]:
        def day(d: date | None) -> str | None:
            return d.isoformat() if d else None

        out: dict[str, Any] = {
            "kpi": self.kpi,
            "unit": self.unit,
            "period": [day(d) for d in self.period],
            "compare": [day(d) for d in self.compare],
            "before": self.before,
            "after": self.after,
            "change": self.change,
            "n_before": self.n_before,
            "n_after": self.n_after,
            "method": self.method,
            "by": self.sums,
            "drivers": [d.to_json() for d in self.drivers],
        }
        if self.skipped:
            out["skipped"] = self.skipped
        if self.reason:
            out["reason"] = self.reason
        return out


def explain(
    engine: Engine,
    kpi_id: str,
    current: Filters,
    compare_from: date,
    compare_to: date,
    dimensions: tuple[str, ...] = DIMENSIONS,
) -> Explanation:
    """The change of ``kpi_id`` from the compare period to ``current``'s period (same
    other filters), split along each of ``dimensions``."""
    kpi = engine.registry[kpi_id]
    previous = current.narrowed(date_from=compare_from, date_to=compare_to)
    now_total = engine.compute([kpi_id], current)[0]
    then_total = engine.compute([kpi_id], previous)[0]
    result = Explanation(
        kpi_id,
        kpi.unit,
        kpi.better,
        (current.date_from, current.date_to),
        (compare_from, compare_to),
        then_total.value,
        now_total.value,
        then_total.n,
        now_total.n,
    )
    if now_total.value is None or then_total.value is None:
        result.reason = now_total.reason or then_total.reason or "no data"
        return result
    before_total, after_total = then_total.value, now_total.value
    method = SUM if kpi.unit in _COUNT_UNITS else WEIGHTED
    min_sample = engine.parameters()["min_sample"]
    drivers: list[Driver] = []
    approximate = False
    for dim in dimensions:
        after_rows = engine.compute([kpi_id], current, (dim,))
        before_rows = engine.compute([kpi_id], previous, (dim,))
        # refused at this grain (not available by topic; a queue-level figure by agent)
        reason = next((v.reason for v in after_rows + before_rows if v.reason and dim not in v.group), None)
        if reason:
            result.skipped[dim] = reason
            continue
        after = {v.group[dim]: Cell(v.value, v.n) for v in after_rows}
        before = {v.group[dim]: Cell(v.value, v.n) for v in before_rows}
        if len(set(after) | set(before)) < 2:
            result.skipped[dim] = "one value only"  # the whole change: it explains nothing
            continue
        names = {v.group[dim]: v.group.get("agent_name") for v in after_rows + before_rows}
        dim_method = method
        if not (
            rebuilds(now_total.value, list(after.values()), method)
            and rebuilds(then_total.value, list(before.values()), method)
        ):
            dim_method, approximate = APPROXIMATE, True
        parts = split(before, after, then_total.value, now_total.value, dim_method)
        for p in parts:
            small = kpi.unit in _SAMPLED and any(0 < n < min_sample for n in (p.n_before, p.n_after))
            drivers.append(
                Driver(
                    dim,
                    p.key,
                    p.contribution,
                    p.mix,
                    p.rate,
                    p.before,
                    p.after,
                    p.n_before,
                    p.n_after,
                    small,
                    names.get(p.key),
                )
            )
        explained = sum(p.contribution for p in parts)
        result.sums[dim] = {
            "mix": None if dim_method == SUM else sum(p.mix or 0.0 for p in parts),
            "rate": None if dim_method == SUM else sum(p.rate or 0.0 for p in parts),
            "total": explained,
            "residual": (after_total - before_total) - explained,
        }
    result.method = APPROXIMATE if approximate else method
    order = {dim: i for i, dim in enumerate(dimensions)}  # ties: the dimensions in the order asked
    drivers.sort(key=lambda d: (d.small_sample, -round(abs(d.contribution), 12), order[d.dimension], str(d.value)))
    result.drivers = drivers
    return result


def beyond_noise(
    unit: str, before: float | None, after: float | None, n0: float | None, n1: float | None, min_sample: float
) -> bool:
    """Whether a change is larger than chance would make it (rules in docs/explain.md)."""
    if before is None or after is None or not n0 or not n1:
        return False
    if unit in ("rate", "percent"):
        scale = 100.0 if unit == "percent" else 1.0
        p0, p1 = before / scale, after / scale
        se = math.sqrt(max(p0 * (1 - p0), 0.0) / n0 + max(p1 * (1 - p1), 0.0) / n1)
        if se == 0:
            return p0 != p1
        return abs(p1 - p0) / se >= 2
    if unit == "count":
        return abs(after - before) >= 2 * math.sqrt(after + before) and after != before
    if n0 < min_sample or n1 < min_sample or before == 0:
        return False
    return abs(after - before) / abs(before) >= 0.10
