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


def drop_known_calls(cur: duckdb.DuckDBPyConnection, report: ImportReport, source: str) -> None:
    """Remove this import's phone contacts already imported from another source."""
    if not report.loaded or not report.import_id:
        return
    # one source of phone contacts (the common case: a single phone system) shares no
    # call with another: the join of the file's calls with the table is not needed
    two = cur.execute("SELECT count(*) FROM (SELECT DISTINCT source FROM contacts WHERE channel = 'phone' LIMIT 2)")
    found_sources = two.fetchone()
    if not found_sources or found_sources[0] < 2:
        return
    new, old = BASE_ID.format(k="n.source_key"), BASE_ID.format(k="o.source_key")
    rows = cur.execute(
        f"""
        SELECT o.source, count(DISTINCT n.source_key) FROM contacts n JOIN contacts o
          ON {new} = {old} AND o.source <> n.source AND o.channel = 'phone'
        WHERE n.import_id = $id AND n.channel = 'phone' AND strlen({new}) >= {MIN_ID_CHARS}
        GROUP BY o.source ORDER BY 2 DESC
        """,
        {"id": report.import_id},
    ).fetchall()
    if not rows:
        return
    seen = sum(n for _, n in rows)
    sources = ", ".join(s for s, _ in rows)
    segment = contact_tables.segment_name(report.import_id)
    found = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $t", {"t": segment}).fetchone()
    in_segment = bool(found and found[0])
    if in_segment:  # a bulk import's own table: say it rather than rewrite it
        report.warnings.append(
            f"{seen} calls of this file were already imported from {sources} (same call ids): "
            "they are counted twice; import only one export of this phone system."
        )
        return
    deleted = cur.execute(
        f"""
        DELETE FROM {contact_tables.MAIN} AS n WHERE n.import_id = $id AND n.channel = 'phone'
          AND strlen({new}) >= {MIN_ID_CHARS}
          AND EXISTS (SELECT 1 FROM contacts o WHERE {old} = {new} AND o.source <> n.source AND o.channel = 'phone')
        """,
        {"id": report.import_id},
    ).fetchone()
    removed = int(deleted[0]) if deleted else 0
    report.loaded -= removed
    report.duplicate += removed
    if report.tables and "contacts" in report.tables:
        report.tables["contacts"] -= removed
    report.warnings.append(
        f"{removed} calls were already imported from {sources} (same call ids, another export of the same "
        "phone system): counted once, as duplicates."
    )
