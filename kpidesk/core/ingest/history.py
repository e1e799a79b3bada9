"""Past imports and the rows they rejected, as the import history dialog lists them.

Every import leaves one ``imports`` row (file, profile, when, and its counts:
``rows_read = loaded + duplicate + rejected + ignored``) and one ``import_rejects``
row per rejected line (line number, reason, raw text). These queries read them back
for the UI and the CLI; plain functions over a cursor, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb


@dataclass(frozen=True)
class ImportEntry:
    import_id: int
    file_name: str
    profile: str | None
    started_at: datetime
    rows_read: int
    loaded: int
    duplicate: int
    rejected: int
    ignored: int
    message: str | None = None


@dataclass(frozen=True)
class ColumnUse:
    """One source column of an import: the field it fed (None: not used)."""

    position: int
    column: str
    field: str | None
    confidence: float | None
    rule: str


@dataclass(frozen=True)
class Accounting:
    """What an import did with every column, the rows it ignored per reason, its key."""

    columns: list[ColumnUse]
    ignored: list[tuple[str, int]]
    key: str | None


@dataclass(frozen=True)
class Reject:
    line: int | None
    reason: str
    raw: str | None


def imports(cur: duckdb.DuckDBPyConnection, limit: int = 1000) -> list[ImportEntry]:
    """Past imports, newest first."""
    rows = cur.execute(
        "SELECT import_id, file_name, profile, started_at, coalesce(rows_read, 0), coalesce(rows_loaded, 0), "
        "coalesce(rows_duplicate, 0), coalesce(rows_rejected, 0), coalesce(rows_ignored, 0), message "
        "FROM imports ORDER BY started_at DESC, import_id DESC LIMIT $n",
        {"n": int(limit)},
    ).fetchall()
    return [ImportEntry(*r) for r in rows]


def rejects(cur: duckdb.DuckDBPyConnection, import_id: int, limit: int = 1000) -> tuple[int, list[Reject]]:
    """(total rejected rows of ``import_id``, the first ``limit`` of them by line)."""
    row = cur.execute("SELECT count(*) FROM import_rejects WHERE import_id = $id", {"id": import_id}).fetchone()
    assert row is not None  # count(*) always returns one row
    total = row[0]
    rows = cur.execute(
        "SELECT line, reason, raw FROM import_rejects WHERE import_id = $id ORDER BY line NULLS LAST LIMIT $n",
        {"id": import_id, "n": int(limit)},
    ).fetchall()
    return total, [Reject(*r) for r in rows]


def accounting(cur: duckdb.DuckDBPyConnection, import_id: int) -> Accounting:
    """Every source column of ``import_id`` in file order, its ignored rows per reason
    (most first) and the key used (imports made before kpidesk kept these: empty)."""
    cols = cur.execute(
        "SELECT position, source_column, field, confidence, rule FROM import_columns WHERE import_id = $id "
        "ORDER BY position",
        {"id": import_id},
    ).fetchall()
    ignored = cur.execute(
        "SELECT reason, rows FROM import_ignored WHERE import_id = $id ORDER BY rows DESC, reason",
        {"id": import_id},
    ).fetchall()
    key = cur.execute("SELECT key_used FROM import_keys WHERE import_id = $id", {"id": import_id}).fetchone()
    return Accounting([ColumnUse(*r) for r in cols], [(r[0], int(r[1])) for r in ignored], key[0] if key else None)
