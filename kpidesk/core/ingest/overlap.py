"""The same calls from two exports of one phone system are counted once.

An Asterisk PBX writes its queue_log and its CDR; both name a call by its unique id
(``1543606501.364``), the queue_log with the queue after it (``…:IT``). Importing both
would count every call twice. After a file's contacts are loaded, its calls whose id
is already in the database from another source are taken out again and counted as
duplicates, and the report says from where they came. Ids shorter than
``MIN_ID_CHARS`` are not compared (two systems both numbering calls 1, 2, 3… share
ids by chance, not because they saw the same call).
"""

from __future__ import annotations

import duckdb

from kpidesk.core.db import contact_tables
from kpidesk.core.ingest.summary import ImportReport

MIN_ID_CHARS = 8
BASE_ID = "regexp_extract({k}, '^[^:@]+')"  # the call id without ":queue" or "@arrival"
# Without a shared id: the same caller arriving within a minute (a CDR starts when the
# call reaches the PBX, the queue_log when it enters the queue, seconds later), or the
# same queue within two seconds.
CALLER_WINDOW_S = 60
QUEUE_WINDOW_S = 2


CALLER = "right(regexp_replace({c}, '[^0-9]', '', 'g'), 9)"  # +33 6…, 06…: the same number


def _call(c: str) -> str:
    """SQL: the contact (columns prefixed ``c``) is a call, not a ticket opened by
    phone: what the record is, not its channel."""
    return f"{contact_tables.kind(c)} = 'call'"


def drop_known_calls(cur: duckdb.DuckDBPyConnection, report: ImportReport, source: str) -> None:
    """Remove this import's phone contacts already imported from another source: by
    their call ids, then by their arrival times (same caller or same queue)."""
    if not report.loaded or not report.import_id:
        return
    # one source of phone contacts (the common case: a single phone system) shares no
    # call with another: the join of the file's calls with the table is not needed
    two = cur.execute(f"SELECT count(*) FROM (SELECT DISTINCT source FROM contacts WHERE {_call('')} LIMIT 2)")
    found_sources = two.fetchone()
    if not found_sources or found_sources[0] < 2:
        return
    _by_ids(cur, report)
    if report.loaded and _other_source_meanwhile(cur, report.import_id):
        _by_times(cur, report)


def _other_source_meanwhile(cur: duckdb.DuckDBPyConnection, import_id: int) -> bool:
    """Whether another source has phone calls in the span of this import's (the time
    comparison is not worth a join otherwise: the common case of one system)."""
    row = cur.execute(
        f"""
        WITH span AS (SELECT min(arrived_at) AS lo, max(arrived_at) AS hi, any_value(source) AS src
                      FROM contacts WHERE import_id = $id AND {_call("")})
        SELECT EXISTS (SELECT 1 FROM contacts c, span WHERE {_call("c.")} AND c.source <> span.src
          AND c.arrived_at BETWEEN span.lo - INTERVAL {CALLER_WINDOW_S} SECOND
                               AND span.hi + INTERVAL {CALLER_WINDOW_S} SECOND)
        """,
        {"id": import_id},
    ).fetchone()
    return bool(row and row[0])


_SAME_TIME = f"""
    o.source <> n.source AND {_call("o.")} AND o.import_id <> n.import_id
    AND abs(epoch(o.arrived_at) - epoch(n.arrived_at)) <= {{window}}
    AND o.arrived_at BETWEEN n.arrived_at - INTERVAL {CALLER_WINDOW_S} SECOND
                         AND n.arrived_at + INTERVAL {CALLER_WINDOW_S} SECOND
"""
_CALLER_MATCH = (
    f"n.customer_id IS NOT NULL AND o.customer_id IS NOT NULL AND strlen({CALLER.format(c='n.customer_id')}) >= 6 "
    f"AND {CALLER.format(c='n.customer_id')} = {CALLER.format(c='o.customer_id')}"
)
_QUEUE_MATCH = (
    f"n.queue IS NOT NULL AND o.queue IS NOT NULL AND lower(n.queue) = lower(o.queue) "
    f"AND abs(epoch(o.arrived_at) - epoch(n.arrived_at)) <= {QUEUE_WINDOW_S}"
)


def _by_times(cur: duckdb.DuckDBPyConnection, report: ImportReport) -> None:
    """Calls of this import that another source already holds at the same time, for
    the same caller (or queue): counted once. Calls that only coincide in time, with
    nothing to tell whether they are the same, are kept and the report says so."""
    same = _SAME_TIME.format(window=CALLER_WINDOW_S)
    match = f"({_CALLER_MATCH}) OR ({_QUEUE_MATCH})"
    rows = cur.execute(
        f"""
        SELECT o.source, count(DISTINCT n.source_key) FROM contacts n JOIN contacts o ON {same} AND ({match})
        WHERE n.import_id = $id AND {_call("n.")}
        GROUP BY o.source ORDER BY 2 DESC
        """,
        {"id": report.import_id},
    ).fetchall()
    if rows:
        _remove(
            cur,
            report,
            rows,
            f"EXISTS (SELECT 1 FROM contacts o WHERE {same} AND ({match}))",
            "same arrival time and caller or queue",
        )
    close = _SAME_TIME.format(window=QUEUE_WINDOW_S)
    unsure = cur.execute(
        f"""
        SELECT o.source, count(DISTINCT n.source_key) FROM contacts n JOIN contacts o ON {close}
        WHERE n.import_id = $id AND {_call("n.")}
        GROUP BY o.source ORDER BY 2 DESC
        """,
        {"id": report.import_id},
    ).fetchall()
    if unsure and sum(n for _, n in unsure) >= max(3, report.loaded // 2):
        sources = ", ".join(s for s, _ in unsure)
        report.warnings.append(
            f"{sum(n for _, n in unsure)} calls of this file arrive within {QUEUE_WINDOW_S} s of calls imported "
            f"from {sources}: they may be the same calls, but no call id, caller or queue is there on both "
            "sides to tell, so they are kept (counted twice if they are). If both files come from one phone "
            "system, import only one of them."
        )


def _remove(
    cur: duckdb.DuckDBPyConnection, report: ImportReport, rows: list[tuple[str, int]], exists: str, why: str
) -> None:
    """Take the calls ``exists`` finds out of this import (or, in a bulk import's own
    table, say they are counted twice)."""
    seen = sum(n for _, n in rows)
    sources = ", ".join(s for s, _ in rows)
    segment = contact_tables.segment_name(report.import_id or 0)
    found = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $t", {"t": segment}).fetchone()
    if found and found[0]:  # a bulk import's own table: say it rather than rewrite it
        report.warnings.append(
            f"{seen} calls of this file were already imported from {sources} ({why}): "
            "they are counted twice; import only one export of this phone system."
        )
        return
    deleted = cur.execute(
        f"DELETE FROM {contact_tables.MAIN} AS n WHERE n.import_id = $id AND {_call('n.')} AND {exists}",
        {"id": report.import_id},
    ).fetchone()
    removed = int(deleted[0]) if deleted else 0
    report.loaded -= removed
    report.duplicate += removed
    if report.tables and "contacts" in report.tables:
        report.tables["contacts"] -= removed
    report.warnings.append(
        f"{removed} calls were already imported from {sources} ({why}, another export of the same "
        "phone system): counted once, as duplicates."
    )


def _by_ids(cur: duckdb.DuckDBPyConnection, report: ImportReport) -> None:
    new, old = BASE_ID.format(k="n.source_key"), BASE_ID.format(k="o.source_key")
    rows = cur.execute(
        f"""
        SELECT o.source, count(DISTINCT n.source_key) FROM contacts n JOIN contacts o
          ON {new} = {old} AND o.source <> n.source AND {_call("o.")}
        WHERE n.import_id = $id AND {_call("n.")} AND strlen({new}) >= {MIN_ID_CHARS}
        GROUP BY o.source ORDER BY 2 DESC
        """,
        {"id": report.import_id},
    ).fetchall()
    if not rows:
        return
    exists = (
        f"strlen({new}) >= {MIN_ID_CHARS} AND EXISTS (SELECT 1 FROM contacts o WHERE {old} = {new} "
        f"AND o.source <> n.source AND {_call('o.')})"
    )
    _remove(cur, report, rows, exists, "same call ids")
