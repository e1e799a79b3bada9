"""Small files written for an import test, and the figures read back."""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.db.store import Store
from kpidesk.core.kpi.engine import Engine, KpiValue


def write_file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """``text`` written as ``name`` in ``encoding`` (a cp1252 export's bytes, say)."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def kpis(store: Store, *ids: str) -> dict[str, KpiValue]:
    """The figures of these KPIs over the whole database, by KPI id."""
    return {v.kpi: v for v in Engine(store).compute(list(ids))}
