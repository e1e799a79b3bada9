"""Per-contact facts derived after imports, computed once in SQL.

Several KPIs need to know what happened *after* a contact (was the customer back
within the repeat window?) or which contact a survey rates. Re-deriving that with
window functions in every KPI query would cost a sort of the whole table each time;
it is stored instead.

An import commits its rows in one transaction; the derived facts follow in their own
(:func:`catch_up`), once per batch of files rather than once per file: thirty daily
files sort their customers' contacts once, not thirty times. ``derived_state`` says
which imports are done, so facts left behind (a cancel between the two, a crash) are
caught up when the database is next opened or imported into.

Both transactions record the days whose facts they changed (:func:`note_days`, in
``facts_changes``): the new rows' days, those of earlier contacts whose next
contact moved into the repeat window, those of contacts a survey now rates. The
rollups then recompute those days only (kpi/rollup.py); a write that records
nothing (business hours, agents' teams) makes them rebuild everything.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import duckdb

from kpidesk.core import settings
from kpidesk.core.db import contact_tables
from kpidesk.core.db.store import Store
from kpidesk.core.jobs import NULL, JobState

# The time column deciding the day of a row, per table an import writes to; a table
# that no rolled-up relation reads changes no day (None). A table not listed (agents:
# every row's team) changes days nobody can list: the rollups are rebuilt.
TIME_COLUMNS: dict[str, str | None] = {
    "contacts": "arrived_at",
    "interval_stats": "interval_start",
    "agent_sessions": "started_at",
    "agent_schedules": "starts_at",
    "surveys": "answered_at",
    "evaluations": "evaluated_at",
    "messages": None,
    "customers": None,
}


# A contact's next contact is kept when it came within the longest repeat window a KPI
# may use (the setting's maximum): one coming later can make it no repeat. So an
# import of the day after looks at the customers' contacts of that many days before
# it, whatever the size of the database (appending a day to 10 M contacts: 0.76 →
# 0.20 s to find them), and rewrites only their rows.
_LONGEST_WINDOW_DAYS = settings.SETTINGS["repeat_window_days"].maximum
assert _LONGEST_WINDOW_DAYS is not None  # a bound of the setting (settings.py)
NEXT_WITHIN_S = _LONGEST_WINDOW_DAYS * 86400


def note_days(cur: duckdb.DuckDBPyConnection, sql: str = "", params: dict[str, Any] | None = None) -> None:
    """Record, for the facts version the open write will commit, the days of the
    timestamps ``sql`` selects (one column); without ``sql``, only that this
    version's days are listed (none so far)."""
    version = "(SELECT version + 1 FROM facts_state)"
    if not cur.execute(f"SELECT count(*) FROM facts_changes WHERE version = {version} AND day IS NULL").fetchall()[0][
        0
    ]:
        cur.execute(f"INSERT INTO facts_changes VALUES ({version}, NULL)")
    if sql:
        cur.execute(
            f"INSERT INTO facts_changes SELECT {version}, d FROM (SELECT DISTINCT date_trunc('day', x) AS d "
            f"FROM ({sql}) _(x) WHERE x IS NOT NULL) WHERE d NOT IN (SELECT day FROM facts_changes "
            f"WHERE version = {version} AND day IS NOT NULL)",
            params or {},
        )


def note_import(cur: duckdb.DuckDBPyConnection, import_id: int, tables: list[str]) -> bool:
    """Record the days of the rows an import inserted into ``tables``; False (nothing
    recorded: the rollups rebuild) when one of them has no day."""
    if any(t not in TIME_COLUMNS for t in tables):
        return False
    note_days(cur)
    for table in tables:
        column = TIME_COLUMNS[table]
        if column:
            note_days(cur, f"SELECT {column} FROM {table} WHERE import_id = $id", {"id": import_id})
        if table in ("surveys", "evaluations"):  # rated contacts count on the contact's day
            note_days(
                cur,
                f"SELECT c.arrived_at FROM contacts c JOIN {table} s ON s.contact_id = c.contact_id "
                "WHERE s.import_id = $id",
                {"id": import_id},
            )
    return True


def _repeat_window_s(cur: duckdb.DuckDBPyConnection) -> float:
    row = cur.execute("SELECT value FROM settings WHERE key = 'repeat_window_days'").fetchall()
    try:
        return float(json.loads(row[0][0])) * 86400 if row else 7 * 86400.0
    except (TypeError, ValueError):
        return 7 * 86400.0


def pending(cur: duckdb.DuckDBPyConnection) -> list[int]:
    """Imports whose derived facts are not computed yet, oldest first."""
    return [
        r[0]
        for r in cur.execute(
            "SELECT import_id FROM imports WHERE import_id > (SELECT coalesce(max(through_import), 0) "
            "FROM derived_state) ORDER BY import_id"
        ).fetchall()
    ]


def catch_up(store: Store, state: JobState | None = None) -> list[int]:
    """Derive the facts of every import not yet derived, in one transaction.

    Returns the imports it covered (none: nothing was written). Safe to call at
    any time; a failure leaves the rows imported and the facts pending. ``state``
    hears each step (numbering, repeat contacts, survey links, agents).
    """
    if store.read_only:
        return []
    with store.cursor() as cur:
        if not pending(cur):
            return []
    state = state or NULL
    with store.write() as cur:
        ids = pending(cur)
        if ids:
            state.set_progress(0.0, "Numbering the new contacts")
            for import_id in ids:
                number_contacts(cur, import_id)
            note_days(cur, "SELECT arrived_at FROM contacts WHERE list_contains($ids, import_id)", {"ids": ids})
            refresh(cur, import_ids=ids, state=state)
            state.set_progress(0.95, "Storing the derived facts")
            contact_tables.fold_excess(cur)
            cur.execute("UPDATE derived_state SET through_import = $last", {"last": ids[-1]})
    state.set_progress(1.0, "")
    return ids


def number_contacts(cur: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Give ``contact_id`` to the contacts an import left unnumbered (0): the next free
    numbers, in the order the rows were appended (the file's order within each chunk
    of the file). Returns how many were numbered."""
    segment = contact_tables.segment_name(import_id)
    if segment in contact_tables.tables(cur):  # a table of its own: row ids 0, 1, 2…
        contact_tables.complete(cur, import_id)
        n = cur.execute(f"SELECT count(*) FROM {segment} WHERE contact_id = 0").fetchall()[0][0]
        if n:
            cur.execute(
                f"UPDATE {segment} SET contact_id = $first + rowid WHERE contact_id = 0",
                {"first": next_contact_id(cur)},
            )
        return int(n)
    table = contact_tables.MAIN
    params = {"id": import_id}
    low, high, n = cur.execute(
        f"SELECT min(rowid), max(rowid), count(*) FROM {table} WHERE import_id = $id AND contact_id = 0", params
    ).fetchall()[0]
    if not n:
        return 0
    params["first"] = next_contact_id(cur)
    if high - low + 1 == n:  # one block of row ids: a subtraction numbers them
        cur.execute(
            f"UPDATE {table} SET contact_id = $first + (rowid - $low) WHERE import_id = $id AND contact_id = 0",
            {**params, "low": low},
        )
    else:
        cur.execute(
            f"UPDATE {table} AS c SET contact_id = n.cid FROM (SELECT rowid AS rid, $first - 1 + "
            f"row_number() OVER (ORDER BY rowid) AS cid FROM {table} WHERE import_id = $id "
            "AND contact_id = 0) AS n WHERE c.rowid = n.rid",
            params,
        )
    return int(n)


def refresh(cur: duckdb.DuckDBPyConnection, import_ids: list[int] | None = None, state: JobState | None = None) -> None:
    """Recompute derived columns. ``cur`` is an open write transaction.

    With ``import_ids``, the repeat facts are recomputed only for the customers those
    imports touched (a new contact changes its customer's sequence and no other).
    """
    state = state or NULL
    state.set_progress(0.1, "Finding repeat contacts")
    # Next contact by the same customer, any channel (for repeat_rate and fcr).
    params = {} if import_ids is None else {"ids": list(import_ids)}
    touched, known = "", ""
    # whether a contact's next contact may already be stored (compared, then written
    # only when it moved); only new contacts: none is (their column is NULL)
    stored = "next_contact_at"
    if import_ids is not None:
        # Adding contacts never takes a next contact away: only new values are written.
        known = "AND next_at IS NOT NULL"
        earlier = cur.execute(
            "SELECT count(*) FROM (SELECT 1 FROM contacts WHERE import_id IS NULL OR NOT "
            "list_contains($ids, import_id) LIMIT 1)",
            params,
        ).fetchall()[0][0]  # count(*): one row, like the other counts here
        touched = (
            "AND customer_id IN (SELECT DISTINCT customer_id FROM contacts WHERE list_contains($ids, import_id))"
            if earlier
            else "AND list_contains($ids, import_id)"
        )  # nothing else to look at
        if not earlier:
            # The first contacts of the database were just numbered: none has its next
            # contact yet. Not carrying that column through the window's sort saves
            # about a third of it (1 M contacts: 0.61 → 0.38 s CPU).
            stored = "CAST(NULL AS TIMESTAMP)"
    # Only the contacts whose next contact changes are written; the days of those
    # whose repeat flag can change (next contact within the window) are recorded.
    later = _after_every_earlier(cur, params) if import_ids is not None and earlier else None
    if later is not None:
        _next_of_later_contacts(cur, params, later)
    else:
        cur.execute(
            f"""CREATE OR REPLACE TEMP TABLE _kd_next AS
            SELECT contact_id, next_at, arrived_at FROM (
                SELECT contact_id, arrived_at, stored,
                       CASE WHEN epoch(following) - epoch(arrived_at) <= $_kd_within THEN following END AS next_at
                FROM (
                    SELECT contact_id, arrived_at, {stored} AS stored,
                           lead(arrived_at) OVER (PARTITION BY customer_id ORDER BY arrived_at, contact_id)
                               AS following
                    FROM contacts WHERE customer_id IS NOT NULL {touched}
                )
            ) WHERE stored IS DISTINCT FROM next_at {known}""",
            {**params, "_kd_within": NEXT_WITHIN_S},
        )
    if import_ids is not None:
        note_days(
            cur,
            "SELECT arrived_at FROM _kd_next WHERE epoch(next_at) - epoch(arrived_at) <= $w",
            {"w": _repeat_window_s(cur)},
        )
    physical = contact_tables.tables(cur)
    if cur.execute("SELECT count(*) FROM _kd_next").fetchall()[0][0]:
        # (a range on arrived_at here, for the scan to prune with, made DuckDB 2.0 plan
        # the first import's update of 10 M rows in minutes instead of seconds)
        for table in physical:
            cur.execute(
                f"""
                UPDATE {table} AS c SET next_contact_at = n.next_at
                FROM _kd_next AS n WHERE c.contact_id = n.contact_id
                """
            )
    cur.execute("DROP TABLE IF EXISTS _kd_next")
    state.set_progress(0.6, "Linking surveys to their contacts")
    # Surveys and evaluations rate a contact named by its source key.
    # Same source first; then a key that names exactly one contact in any source
    # (a survey tool's export rating calls imported from the phone system).
    for table in ("surveys", "evaluations"):
        unlinked = f"{table}_unlinked"
        cur.execute(
            f"CREATE OR REPLACE TEMP TABLE _kd_{unlinked} AS SELECT rowid AS rid FROM {table} "
            "WHERE contact_id IS NULL AND contact_ref IS NOT NULL"
        )
        if not cur.execute(f"SELECT count(*) FROM _kd_{unlinked}").fetchall()[0][0]:
            continue
        cur.execute(
            f"""
            UPDATE {table} AS s SET contact_id = c.contact_id,
                   agent_id = coalesce(s.agent_id, c.agent_id)
            FROM contacts AS c
            WHERE s.contact_id IS NULL AND s.contact_ref IS NOT NULL
              AND c.source = s.source AND c.source_key = s.contact_ref
            """
        )
        cur.execute(
            f"""
            UPDATE {table} AS s SET contact_id = c.contact_id,
                   agent_id = coalesce(s.agent_id, c.agent_id)
            FROM (
                SELECT source_key, any_value(contact_id) AS contact_id, any_value(agent_id) AS agent_id
                FROM contacts
                WHERE source_key IN (SELECT contact_ref FROM {table} WHERE contact_id IS NULL)
                GROUP BY source_key HAVING count(*) = 1
            ) AS c
            WHERE s.contact_id IS NULL AND s.contact_ref = c.source_key
            """
        )
        # a rating linked now moves from its own day to its contact's
        linked = (
            f"SELECT {{}} FROM {table} s JOIN contacts c ON c.contact_id = s.contact_id "
            f"WHERE s.rowid IN (SELECT rid FROM _kd_{unlinked})"
        )
        note_days(cur, linked.format("c.arrived_at"))
        note_days(cur, linked.format(f"s.{TIME_COLUMNS[table]}"))
    # Contacts a survey rates: those of surveys imported or linked now (every survey
    # on a full refresh); a contact's flag only ever turns true.
    rated = "SELECT contact_id FROM surveys WHERE contact_id IS NOT NULL"
    if import_ids is not None:
        rated += " AND (list_contains($ids, import_id) OR rowid IN (SELECT rid FROM _kd_surveys_unlinked))"
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS _kd_surveys_unlinked (rid BIGINT)")
    cur.execute(
        f"""CREATE OR REPLACE TEMP TABLE _kd_rated AS SELECT DISTINCT r.contact_id, c.arrived_at
            FROM ({rated}) r JOIN contacts c ON c.contact_id = r.contact_id WHERE c.survey_answered IS NOT true""",
        params,
    )
    if cur.execute("SELECT count(*) FROM _kd_rated").fetchall()[0][0]:
        if import_ids is not None:
            note_days(cur, "SELECT arrived_at FROM _kd_rated")
        for table in physical:
            cur.execute(
                f"""
                UPDATE {table} AS c SET survey_answered = true
                FROM _kd_rated AS s WHERE c.contact_id = s.contact_id
                """
            )
    cur.execute(
        "DROP TABLE IF EXISTS _kd_rated; DROP TABLE IF EXISTS _kd_surveys_unlinked; "
        "DROP TABLE IF EXISTS _kd_evaluations_unlinked"
    )
    state.set_progress(0.85, "Flagging out-of-hours contacts and new agents")
    refresh_out_of_hours(cur, only_new=True)
    # Agents seen in the data but never described get a row, so filters list them.
    # (Of the rows these imports added: earlier rows' agents already have theirs.)
    new = "" if import_ids is None else "WHERE list_contains($ids, import_id)"
    cur.execute(
        f"""
        INSERT INTO agents (agent_id, name)
        SELECT DISTINCT agent_id, agent_id FROM (
            SELECT agent_id FROM contacts {new} UNION ALL SELECT agent_id FROM interval_stats {new}
            UNION ALL SELECT agent_id FROM agent_sessions {new}
        ) WHERE agent_id IS NOT NULL AND agent_id NOT IN (SELECT agent_id FROM agents)
        """,
        params,
    )


_NEW = "customer_id IS NOT NULL AND list_contains($ids, import_id)"


def _after_every_earlier(cur: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> datetime | None:
    """The first new contact's time when every new contact of a known customer came
    strictly after every earlier one (the export of the day after), each having its
    time; else None."""
    row = cur.execute(
        f"SELECT (SELECT min(arrived_at) FROM contacts WHERE {_NEW}) AS first, "
        "(SELECT max(arrived_at) FROM contacts WHERE customer_id IS NOT NULL "
        "AND (import_id IS NULL OR NOT list_contains($ids, import_id))) AS last, "
        "(SELECT count(*) FROM contacts WHERE customer_id IS NOT NULL AND arrived_at IS NULL) AS untimed",
        params,
    ).fetchone()
    if row is None or row[0] is None or row[1] is None or row[2] or not row[0] > row[1]:
        return None
    first: datetime = row[0]
    return first


def _next_of_later_contacts(cur: duckdb.DuckDBPyConnection, params: dict[str, Any], first: datetime) -> None:
    """``_kd_next`` when the new contacts all came after the earlier ones (from ``first``
    on), without sorting the earlier contacts: a new contact's next contact is a new
    one; an earlier contact's changes only when it has none (it then becomes the
    customer's first new contact, if within the kept span), and only for a contact of
    that span before ``first`` — exactly what the window over every contact of these
    customers gives (one without a next that late has none at all: a next would be
    later than the span, so later than ``first``, so new)."""
    cur.execute(
        f"""CREATE OR REPLACE TEMP TABLE _kd_next AS
        SELECT contact_id, following AS next_at, arrived_at FROM (
            SELECT contact_id, arrived_at,
                   lead(arrived_at) OVER (PARTITION BY customer_id ORDER BY arrived_at, contact_id) AS following
            FROM contacts WHERE {_NEW}
        ) WHERE epoch(following) - epoch(arrived_at) <= $_kd_within
        UNION ALL
        SELECT c.contact_id, f.first_at, c.arrived_at
        FROM contacts c JOIN (SELECT customer_id, min(arrived_at) AS first_at FROM contacts WHERE {_NEW}
                              GROUP BY customer_id) f ON f.customer_id = c.customer_id
        WHERE c.arrived_at >= $_kd_from AND c.next_contact_at IS NULL AND c.customer_id IS NOT NULL
          AND (c.import_id IS NULL OR NOT list_contains($ids, c.import_id))
          AND epoch(f.first_at) - epoch(c.arrived_at) <= $_kd_within""",
        {**params, "_kd_within": NEXT_WITHIN_S, "_kd_from": first - timedelta(seconds=NEXT_WITHIN_S)},
    )


def next_contact_id(cur: duckdb.DuckDBPyConnection) -> int:
    return int(cur.execute("SELECT coalesce(max(contact_id), 0) + 1 FROM contacts").fetchall()[0][0])


def out_of_hours_sql(cur: duckdb.DuckDBPyConnection, arrived: str) -> tuple[str, dict[str, Any]]:
    """SQL for the ``out_of_hours`` flag of a contact arriving at ``arrived`` (an SQL
    expression), with its bound parameters: a lookup in two small lists (the open
    quarter-hours of the week, the holidays) rather than a join, so that an import
    can set the flag as it inserts the rows and an update needs no join."""
    open_at: list[bool | None] = [None] * (7 * 96)
    for dow, slot, is_open in cur.execute("SELECT dow, slot, is_open FROM calendar_slots").fetchall():
        if 1 <= dow <= 7 and 0 <= slot < 96:
            open_at[(dow - 1) * 96 + slot] = is_open
    holidays = [d for (d,) in cur.execute("SELECT DISTINCT day FROM holidays WHERE day IS NOT NULL").fetchall()]
    slot = f"(isodow({arrived}) - 1) * 96 + hour({arrived}) * 4 + minute({arrived}) // 15 + 1"
    sql = f"coalesce(NOT CAST($_kd_open AS BOOLEAN[])[{slot}], true)"
    params: dict[str, Any] = {"_kd_open": open_at}
    if holidays:
        sql = f"({sql} OR list_contains($_kd_holidays, CAST({arrived} AS DATE)))"
        params["_kd_holidays"] = holidays
    return sql, params


def refresh_out_of_hours(cur: duckdb.DuckDBPyConnection, only_new: bool = False) -> None:
    """Flag contacts that arrived outside business hours (closed quarter-hour or holiday).

    Stored rather than joined in every KPI query: the calendar changes rarely, the
    KPI queries run on every click. Called for new rows after an import, and for all
    rows when the business hours or holidays change.
    """
    expr, params = out_of_hours_sql(cur, "arrived_at")
    for table in contact_tables.tables(cur):
        if (
            only_new
            and not cur.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE out_of_hours IS NULL LIMIT 1)"
            ).fetchall()[0][0]
        ):
            continue  # the import set the flag as it inserted (out_of_hours_sql)
        where = "out_of_hours IS NULL" if only_new else f"out_of_hours IS DISTINCT FROM ({expr})"
        cur.execute(f"UPDATE {table} SET out_of_hours = {expr} WHERE {where}", params)
