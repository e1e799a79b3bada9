"""The SQL the engine composes, per KPI and grouping, pinned as text (MetricFlow's idea).

Each built-in KPI has ``snapshots/<kpi>.sql``: the statements the engine runs for it
ungrouped, by agent and by day, then by day with every filter narrowed (the values
are bound, so only the clauses show). The relation a statement reads is written
``<relation NAME>`` there and pinned once in ``snapshots/relations/NAME.sql``, so a
change to a relation is one diff, not fifty. A change to how SQL is composed — a KPI
file, a relation, a filter clause, a grouping expression — fails here as a readable
diff; when the change is meant, regenerate the files and review them in the commit::

    KPIDESK_UPDATE_SNAPSHOTS=1 python -m pytest tests/core/kpi/test_sql_snapshots.py

Rollup routing is not pinned here (its SQL depends on the rollup built for the data);
tests/core/kpi/test_rollup.py checks it gives the same figures as these statements.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from kpidesk.core.kpi import sql_compose as compose
from kpidesk.core.kpi.definitions import load_registry
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.kpi.relations import RELATIONS

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("KPIDESK_UPDATE_SNAPSHOTS") == "1"
REGISTRY = load_registry()  # the built-in KPI files only (no database, no user folder)
NARROWED = Filters(channels=("phone",), queues=("q",), teams=("t",), sites=("s",), agents=("a",), topics=("x",))
CASES = [("none", (), Filters()), ("agent", ("agent",), Filters()), ("day", ("day",), Filters())]
CASES.append(("day, every filter narrowed", ("day",), NARROWED))


def composed(kpi_id: str) -> str:
    kpi = REGISTRY[kpi_id]
    parts = [f"-- {kpi_id} ({kpi.relation}): the SQL the engine composes, see {Path(__file__).name}"]
    for name, by, filters in CASES:
        refused = Engine._unsupported(kpi, by)
        if refused:
            parts.append(f"\n-- by {name}: {refused}\n")
            continue
        for i, query in enumerate(compose.plan([kpi], filters, by), start=1):
            sql = query.sql.strip().replace(RELATIONS[kpi.relation].sql, f"<relation {kpi.relation}>")
            parts.append(f"\n-- by {name}, statement {i}\n{sql};\n")
    return "\n".join(parts)


def relation_sql(name: str) -> str:
    return f"-- the relation {name}: what <relation {name}> stands for in the KPI snapshots\n{RELATIONS[name].sql.strip()}\n"


def check(path: Path, text: str, what: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot for {what}: run with KPIDESK_UPDATE_SNAPSHOTS=1 and review it"
    pinned = path.read_text(encoding="utf-8")
    if text != pinned:
        diff = "".join(
            difflib.unified_diff(
                pinned.splitlines(keepends=True), text.splitlines(keepends=True), str(path), "composed now"
            )
        )
        pytest.fail(f"the SQL for {what} changed (KPIDESK_UPDATE_SNAPSHOTS=1 if meant):\n{diff}")


@pytest.mark.parametrize("kpi_id", [k.id for k in REGISTRY])
def test_composed_sql_matches_its_snapshot(kpi_id):
    check(SNAPSHOTS / f"{kpi_id}.sql", composed(kpi_id), f"KPI {kpi_id}")


@pytest.mark.parametrize("name", sorted({k.relation for k in REGISTRY}))
def test_relation_sql_matches_its_snapshot(name):
    check(SNAPSHOTS / "relations" / f"{name}.sql", relation_sql(name), f"relation {name}")


def test_no_snapshot_without_its_kpi():
    relations = {k.relation for k in REGISTRY}
    stale = [p for p in SNAPSHOTS.glob("*.sql") if p.stem not in REGISTRY]
    stale += [p for p in SNAPSHOTS.glob("relations/*.sql") if p.stem not in relations]
    if UPDATE:
        for path in stale:
            path.unlink()
        return
    assert stale == [], "snapshots of KPIs or relations that no longer exist (KPIDESK_UPDATE_SNAPSHOTS=1 removes them)"


def test_the_snapshots_show_the_composition():
    """A sanity check on what is pinned: bound values, the grouping, the filters."""
    text = composed("aht")
    assert "GROUP BY ALL" in text and "CAST(t AS DATE)" in text
    assert "list_contains($f_queue, queue)" in text and "'q'" not in text
    assert "FROM (<relation contacts>) r" in text
