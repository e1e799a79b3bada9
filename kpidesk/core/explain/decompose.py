"""The arithmetic of "what changed and why": split a KPI's change into group parts.

Pure functions over the grouped figures the engine returns (value and ``n`` per group,
per period); see ``docs/explain.md`` for the formulas and worked examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SUM, WEIGHTED, APPROXIMATE = "sum", "weighted", "approximate"
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Cell:
    """One group in one period: the KPI's value and its ``n``."""

    value: float | None
    n: float | None


@dataclass
class Part:
    key: Any
    before: float | None
    after: float | None
    n_before: float
    n_after: float
    contribution: float
    mix: float | None
    rate: float | None


def rebuilds(total: float | None, cells: list[Cell], method: str) -> bool:
    """Whether the groups give back the total (a sum, or a mean weighted by ``n``)."""
    usable = [(c.value, c.n) for c in cells if c.value is not None and c.n]
    if total is None:
        return not usable
    if method == SUM:
        got = sum(c.value for c in cells if c.value is not None)
    else:
        weight = sum(n for _, n in usable)
        if not weight:
            return False
        got = sum(v * n for v, n in usable) / weight
    return abs(got - total) <= _TOLERANCE * max(1.0, abs(total))


def split(
    before: dict[Any, Cell], after: dict[Any, Cell], total_before: float, total_after: float, method: str
) -> list[Part]:
    """Each group's part of ``total_after − total_before``.

    ``method`` SUM: contribution = after − before. WEIGHTED (or APPROXIMATE, same
    formula): contribution = mix + rate, mix = (w1 − w0)(r̄ − R̄), rate = w̄ (r1 − r0).
    """
    keys = list(dict.fromkeys([*before, *after]))
    empty = Cell(None, 0.0)
    parts: list[Part] = []
    if method == SUM:
        for key in keys:
            b, a = before.get(key, empty), after.get(key, empty)
            parts.append(
                Part(key, b.value, a.value, b.n or 0.0, a.n or 0.0, (a.value or 0.0) - (b.value or 0.0), None, None)
            )
        return parts
    n0 = sum(c.n or 0.0 for c in before.values() if c.value is not None)
    n1 = sum(c.n or 0.0 for c in after.values() if c.value is not None)
    mid_total = (total_before + total_after) / 2
    for key in keys:
        b, a = before.get(key, empty), after.get(key, empty)
        rb = b.value if b.value is not None and b.n else None
        ra = a.value if a.value is not None and a.n else None
        r0 = rb if rb is not None else ra  # a group in one period only: no rate change
        r1 = ra if ra is not None else rb
        if r0 is None or r1 is None:
            continue
        w0 = (b.n or 0.0) / n0 if rb is not None and n0 else 0.0
        w1 = (a.n or 0.0) / n1 if ra is not None and n1 else 0.0
        mix = (w1 - w0) * ((r0 + r1) / 2 - mid_total)
        rate = (w0 + w1) / 2 * (r1 - r0)
        parts.append(Part(key, rb, ra, b.n or 0.0, a.n or 0.0, mix + rate, mix, rate))
    return parts
