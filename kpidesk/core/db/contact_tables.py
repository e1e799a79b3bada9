"""Where contact rows are stored: one main table, and a table per bulk import.

``contacts`` — the relation every KPI, chart and list reads — is a view. Its rows
live in ``contacts_main`` and, for the import of a big file, in a table of that
import's own, ``contacts_seg_<import_id>`` (a *segment*), which stores only what
varies from row to row:

- a column the import gives one value for every row (``source``, ``channel``,
  ``direction``, ``import_id``, a profile's ``value = …``) is a constant of the view;
- a column the file does not have is a NULL of the view.

Writing ten million copies of ``'phone'`` or twenty columns of NULLs costs as much
as writing the data itself; a segment writes neither. Rows are never deleted from a
segment (a whole import is, by dropping it), so the view is exactly the rows
imported.

Writers use :data:`MAIN` for inserts and :func:`tables` for updates: a view cannot be
written to. More than :data:`MAX_SEGMENTS` segments are folded into the main table,
smallest first, by :func:`fold_excess` (called after imports, with the derived facts),
so the view stays a short ``UNION ALL``.
"""

from __future__ import annotations

import json
import os
from typing import Any

import duckdb

MAIN = "contacts_main"
VIEW = "contacts"
MAX_SEGMENTS = 8
# Files from this size up load into a segment (KPIDESK_SEGMENT_MIN_BYTES=0: every
# file, to test that both layouts give the same figures).
SEGMENT_MIN_BYTES = int(os.environ.get("KPIDESK_SEGMENT_MIN_BYTES", str(64 * 1024 * 1024)))
# Columns a segment is created with, whatever the import provided (contact_id is 0
# until derive.number_contacts numbers the rows after the commit)…
CREATED = {"contact_id": "BIGINT"}
# …and the derived columns it gets then (adding a column writes nothing per row).
LATER = {"out_of_hours": "BOOLEAN", "next_contact_at": "TIMESTAMP", "survey_answered": "BOOLEAN"}

# What a contact record is (``record_kind``): decided by the kind of file it came
# from, never by its channel — a ticket opened by phone is a ticket, not a call.
KINDS = ("call", "ticket", "chat", "bot")
# The kinds a profile can declare for its file (``record_kind = "…"`` in the TOML): a
# chat file's bot conversations (channel ``bot``) are bot records.
FILE_KINDS = ("call", "ticket", "chat")


def kind_of_channel(channel: str) -> str:
    """SQL for the kind a row whose file did not say it has, from its channel (the
    SQL expression ``channel``): the rule kpidesk followed before records had a kind
    (migration 010 filled older rows by it): phone → call, chat, bot, any other
    channel → ticket."""
    return f"CASE {channel} WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END"


def kind(c: str = "") -> str:
    """SQL for what a stored contact record is (``c`` prefixes the columns: ``"c."``):
    its ``record_kind``; a row stored without it (a bulk import's own table from before
    migration 010) by its channel, as kpidesk read every row before."""
    return f"coalesce({c}record_kind, {kind_of_channel(c + 'channel')})"


def record_kind_sql(file_kind: object, channel: str) -> str:
    """SQL for ``record_kind`` of the rows of a file of kind ``file_kind`` (a profile's
    ``record_kind``: call, ticket, chat) whose channel is the SQL ``channel``; a file
    that does not say (a mapping saved before kinds, a vendor's mixed contact records)
    by its rows' channels."""
    if file_kind in ("call", "ticket"):
        return f"'{file_kind}'"
    if file_kind == "chat":
        return f"CASE WHEN {channel} = 'bot' THEN 'bot' ELSE 'chat' END"
    return kind_of_channel(channel)


def segment_name(import_id: int) -> str:
    return f"contacts_seg_{int(import_id)}"


def segments(cur: duckdb.DuckDBPyConnection) -> list[tuple[int, str, dict[str, Any]]]:
    """``(import_id, table, constants)`` of every segment, oldest first."""
    rows = cur.execute("SELECT import_id, table_name, constants FROM contact_segments ORDER BY import_id").fetchall()
    return [(i, t, json.loads(c or "{}")) for i, t, c in rows]


def tables(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """The physical tables behind ``contacts``: where updates go."""
    return [MAIN] + [t for _, t, _ in segments(cur)]


def literal(value: object, sql_type: str) -> str:
    """A constant as SQL for the view's definition (DDL takes no bound parameters):
    text quoted with its quotes doubled; integers and booleans written by Python."""
    if value is None:
        return f"CAST(NULL AS {sql_type})"
    if isinstance(value, bool):
        return f"CAST({'true' if value else 'false'} AS {sql_type})"
    if isinstance(value, int):
        return f"CAST({int(value)} AS {sql_type})"
    text = str(value).replace("'", "''")
    return f"CAST('{text}' AS {sql_type})"


def rebuild_view(cur: duckdb.DuckDBPyConnection) -> None:
    """``contacts`` as the main table and every segment, in the main table's column order."""
    parts = [f"SELECT * FROM {MAIN}"]
    for import_id, table, constants in segments(cur):
        consts = [f'{literal(v, t)} AS "{c}"' for c, (v, t) in constants.items()]
        consts.append(f"CAST({int(import_id)} AS INTEGER) AS import_id")
        parts.append(f'SELECT *, {", ".join(consts)} FROM "{table}"')
    cur.execute(f"CREATE OR REPLACE VIEW {VIEW} AS " + " UNION ALL BY NAME ".join(parts))


def register(cur: duckdb.DuckDBPyConnection, import_id: int, constants: dict[str, list[Any]], rows: int) -> None:
    """Record a segment just created, and show it in ``contacts``."""
    cur.execute(
        "INSERT INTO contact_segments VALUES ($id, $t, $c, $n)",
        {"id": import_id, "t": segment_name(import_id), "c": json.dumps(constants), "n": rows},
    )
    rebuild_view(cur)


def drop(cur: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Forget a segment and its rows (an import that falls back to the main table)."""
    cur.execute("DELETE FROM contact_segments WHERE import_id = $id", {"id": import_id})
    cur.execute(f'DROP TABLE IF EXISTS "{segment_name(import_id)}"')
    rebuild_view(cur)


def complete(cur: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Give a segment the derived columns it was created without."""
    table = segment_name(import_id)
    have = {r[0] for r in cur.execute(f"DESCRIBE {table}").fetchall()}
    missing = {c: t for c, t in LATER.items() if c not in have}
    for column, sql_type in missing.items():
        cur.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
    if missing:
        rebuild_view(cur)


def fold(cur: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Move a segment's rows into the main table (constants written out) and drop it."""
    cur.execute(f"INSERT INTO {MAIN} BY NAME SELECT * FROM {VIEW} WHERE import_id = $id", {"id": import_id})
    drop(cur, import_id)


def fold_excess(cur: duckdb.DuckDBPyConnection, keep: int | None = None) -> list[int]:
    """Fold the smallest segments until at most ``keep`` remain; returns their imports."""
    rows = cur.execute("SELECT import_id FROM contact_segments ORDER BY rows, import_id").fetchall()
    keep = MAX_SEGMENTS if keep is None else keep
    folded = [r[0] for r in rows[: max(0, len(rows) - keep)]]
    for import_id in folded:
        fold(cur, import_id)
    return folded
