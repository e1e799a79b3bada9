"""Natural keys are checked, not assumed.

An id column that repeats inside one file is a key only if its repeats are the same
record (the same arrival time): a phone system that numbers its calls per day
(``call_id`` 1, 2, 3… every morning) repeats ids for different calls. Then the key
is the id with the arrival time, and the import report says so; true repeats (same
id, same arrival) stay duplicates.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.identifiers import quote

# The time that tells two records with one id apart, per table.
TIME_OF = {"contacts": "arrived_at", "surveys": "answered_at", "agent_sessions": "started_at"}


def widen_if_reused(cur: duckdb.DuckDBPyConnection, out: str, table: str) -> str | None:
    """When ``out`` (the materialised rows of one file) repeats a ``source_key`` for
    records of different times, make the key the id with the time. Returns the time
    field added to the key, or None when the id is a key."""
    when = TIME_OF.get(table)
    cols = {r[0] for r in cur.execute(f"DESCRIBE {quote(out)}").fetchall()}
    if not when or when not in cols or "source_key" not in cols:
        return None
    row = cur.execute(
        f"SELECT count(*) FROM (SELECT source_key FROM {quote(out)} WHERE _reason IS NULL "
        f"GROUP BY source_key HAVING count(DISTINCT {quote(when)}) > 1)"
    ).fetchone()
    if row is None or not row[0]:
        return None
    cur.execute(
        f"UPDATE {quote(out)} SET source_key = source_key || '@' || strftime({quote(when)}, '%Y-%m-%dT%H:%M:%S') "
        f"WHERE {quote(when)} IS NOT NULL"
    )
    return when
