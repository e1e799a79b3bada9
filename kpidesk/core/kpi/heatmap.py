"""A KPI by weekday and hour of the day, as the heatmaps draw it (the desk's tabs and
the PDF service report): each cell's value, its sample size and small-sample flag
(the engine's, so one threshold: ``min_sample``), and, when no cell has a value, why.

"No data" is kept for a period that really holds no rows; a KPI that cannot be
computed says its own reason (a missing input, a KPI refused for the export), and a
KPI with a figure over the period but none by hour (a report of counts per month)
says it is not available for one weekday or hour.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kpidesk.core.kpi.engine import NOT_FOR_A_CELL, Engine, Filters, KpiValue

BY = ("weekday", "hour_of_day")
NO_DATA = "no data"

Cells = list[list[float | None]]  # [weekday 0 = Monday … 6][hour 0 … 23]
Samples = list[list[tuple[float | None, bool]]]  # beside each cell: (n, too small to read)


def empty_cells() -> Cells:
    return [[None] * 24 for _ in range(7)]


@dataclass
class HeatGrid:
    kpi: str
    cells: Cells = field(default_factory=empty_cells)
    samples: Samples = field(default_factory=lambda: [[(None, False)] * 24 for _ in range(7)])
    reason: str | None = None  # why no cell has a value (None when one has)

    @property
    def empty(self) -> bool:
        return all(v is None for row in self.cells for v in row)

    @property
    def any_small(self) -> bool:
        return any(small for row in self.samples for _, small in row)

    @property
    def all_small(self) -> bool:
        """Every cell with a value rests on too few contacts to read (none to colour)."""
        flags = [s for vs, ss in zip(self.cells, self.samples) for v, (_, s) in zip(vs, ss) if v is not None]
        return bool(flags) and all(flags)


def grids(values: list[KpiValue], whole: dict[str, KpiValue], kpis: list[str] | tuple[str, ...]) -> dict[str, HeatGrid]:
    """Each KPI of ``kpis``'s grid from the engine's values grouped by :data:`BY`.
    ``whole``: the KPIs over the whole period (ungrouped), for the reason of a grid
    without any value."""
    out = {k: HeatGrid(k) for k in kpis}
    why: dict[str, Counter[str]] = {k: Counter() for k in kpis}
    for v in values:
        grid = out.setdefault(v.kpi, HeatGrid(v.kpi))
        wd, hour = v.group.get("weekday"), v.group.get("hour_of_day")
        if v.value is None and v.reason:
            why.setdefault(v.kpi, Counter())[v.reason] += 1
        if wd is not None and hour is not None:
            grid.cells[int(wd) - 1][int(hour)] = v.value
            grid.samples[int(wd) - 1][int(hour)] = (v.n, v.small_sample and v.value is not None)
    for kpi, grid in out.items():
        if grid.empty:
            grid.reason = _reason(why.get(kpi, Counter()), whole.get(kpi))
    return out


def _reason(cells: Counter[str], whole: KpiValue | None) -> str:
    """Why a grid has no value: the cells' own reason (the commonest other than "no
    data"), else the period's, else "not by hour" when the period has a figure."""
    said = [r for r, _ in cells.most_common() if r != NO_DATA]
    if said:
        return said[0]
    if whole is not None and whole.value is None and whole.reason and whole.reason != NO_DATA:
        return whole.reason
    if whole is not None and whole.value is not None and not cells:  # a figure, but none by hour
        return NOT_FOR_A_CELL
    return NO_DATA


def compute(
    engine: Engine, kpis: list[str] | tuple[str, ...], filters: Filters, whole: dict[str, KpiValue] | None = None
) -> dict[str, HeatGrid]:
    """The grids of ``kpis`` in one grouped query; ``whole``: their values over the
    period when the caller has them already (the tiles), the others are computed."""
    kpis = [k for k in kpis if k in engine.registry]
    if not kpis:
        return {}
    values = engine.compute(kpis, filters, BY)
    known = dict(whole or {})
    wanting = [k for k in kpis if k not in known and not any(v.kpi == k and v.value is not None for v in values)]
    if wanting:
        known.update({v.kpi: v for v in engine.compute(wanting, filters)})
    return grids(values, known, kpis)
