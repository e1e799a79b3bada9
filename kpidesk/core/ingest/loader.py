"""From parsed rows to the canonical tables: validate, dedupe, insert, count.

Two paths, one set of rules. A declarative profile's rows stream straight from the
file into their table (:func:`load_plan`: no staging copy, the insert runs on every
core); vendor transforms, and files that repeat a key, go through ``out_*`` tables
(:func:`load`). Dedupe is an anti-join on the natural key, never a UNIQUE index (an
index over ten million keys costs more than the import). Every row read ends up
counted once: loaded, duplicate (its key is already in the database, or earlier in
the same file), rejected (with its line and reason in ``import_rejects``), or
ignored (a transform used it for nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from kpidesk.core.db import contact_tables, derive
from kpidesk.core.ingest import errors
from kpidesk.core.ingest import keys as natural_keys
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.identifiers import quote
from kpidesk.core.ingest.mapping import Plan, range_checks, used_params
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.tables import FRAMEWORK_COLUMNS, TARGETS, Target, column_types
from kpidesk.core.ingest.values import Params

DUPS = "_kd_dups"
KNOWN = "_kd_known"  # keys of the file already in the table
FATE = "_kd_fate"


@dataclass
class Counts:
    loaded: int = 0
    duplicate: int = 0
    rejected: int = 0
    rows_inserted: dict[str, int] = field(default_factory=dict)


def _row(result: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    """The one row of an aggregate (or of an INSERT's count): DuckDB always gives it."""
    row = result.fetchone()
    assert row is not None
    return row


def _exists(cur: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        _row(cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $t AND temporary", {"t": name}))[0]
    )


def _columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in cur.execute(f"DESCRIBE {quote(table)}").fetchall()]


def present_outputs(cur: duckdb.DuckDBPyConnection) -> list[Target]:
    return [t for t in TARGETS.values() if _exists(cur, t.out)]


def _prepare(cur: duckdb.DuckDBPyConnection, t: Target, ctx: TransformContext) -> list[str]:
    """Give ``out`` the framework columns it may lack and validate required fields.

    A vendor transform's output (no ``_reason`` column: a declarative plan's has one,
    checked as it was parsed) is checked here by the rules every import follows
    (:func:`mapping.range_checks`: NaN, infinity, durations, dates, NUL), the first
    problem of a row giving its reason."""
    cols = _columns(cur, t.out)
    if "_reason" not in cols:
        cur.execute(f"ALTER TABLE {t.out} ADD COLUMN _reason VARCHAR")
        p = Params()
        checks = [
            f"CASE WHEN {quote(f)} IS NULL THEN {p.bind(errors.MISSING_REQUIRED.format(field=f))} END"
            for f in t.required
            if f in cols
        ]
        missing = [f for f in t.required if f not in cols]
        if missing:
            checks.insert(0, p.bind(errors.MISSING_REQUIRED.format(field=missing[0])))
        types = column_types(cur, t.table)
        fields = {
            c: (f"TRY_CAST({quote(c)} AS {types[c]})", types[c])
            for c in cols
            if c in types and c not in FRAMEWORK_COLUMNS and c != "source_key"
        }
        checks += range_checks(p.bind, fields)
        if checks:
            cur.execute(f"UPDATE {t.out} SET _reason = coalesce({', '.join(checks)})", p.values)
    if t.table == "contacts" and "record_kind" not in cols and "channel" in cols:
        # a vendor transform's rows: the kind of its file (the profile's record_kind),
        # else what each row's channel says (a contact-record export mixing calls and chats)
        kind = contact_tables.record_kind_sql(ctx.profile.get("record_kind"), "channel")
        cur.execute(f"ALTER TABLE {t.out} ADD COLUMN record_kind VARCHAR")
        cur.execute(f"UPDATE {t.out} SET record_kind = {kind}")
    if "source" not in cols and t.has_source:
        cur.execute(f"ALTER TABLE {t.out} ADD COLUMN source VARCHAR")
        cur.execute(f"UPDATE {t.out} SET source = $s", {"s": ctx.source})
    return _columns(cur, t.out)


def _rejects(
    cur: duckdb.DuckDBPyConnection,
    t: Target,
    cols: list[str],
    ctx: TransformContext,
    staging: str | None,
    raw_sql: str | None,
) -> int:
    if "_raw" in cols:
        raw = "o._raw"
        join = ""
    elif staging and raw_sql:
        raw, join = "r._rawtext", f" LEFT JOIN (SELECT _line, {raw_sql} AS _rawtext FROM {staging}) r USING (_line)"
    else:
        raw, join = "NULL", ""
    return int(
        _row(
            cur.execute(
                f"INSERT INTO import_rejects SELECT $id, o._line, o._reason, {raw} FROM {t.out} o{join} "
                "WHERE o._reason IS NOT NULL",
                {"id": ctx.import_id},
            )
        )[0]
    )


def _find_dups(cur: duckdb.DuckDBPyConnection, t: Target, cols: list[str]) -> int:
    keys = [k for k in t.key if k in cols]
    cur.execute(f"CREATE OR REPLACE TEMP TABLE {DUPS} (_line BIGINT)")
    klist = ", ".join(quote(k) for k in keys)
    # Distinct hashes prove distinct keys (a cheap test on integers); equal hashes may
    # be a collision, so only then are the keys themselves compared.
    n, distinct = _row(
        cur.execute(f"SELECT count(*), count(DISTINCT hash({klist})) FROM {t.out} WHERE _reason IS NULL")
    )
    if n != distinct:
        distinct = _row(cur.execute(f"SELECT count(DISTINCT ({klist})) FROM {t.out} WHERE _reason IS NULL"))[0]
    if n != distinct:  # repeats inside the file: the first occurrence wins
        cur.execute(
            f"INSERT INTO {DUPS} SELECT _line FROM (SELECT _line, row_number() OVER "
            f"(PARTITION BY {klist} ORDER BY _line) AS _k FROM {t.out} WHERE _reason IS NULL) WHERE _k > 1"
        )
    if _row(cur.execute(f"SELECT count(*) FROM (SELECT 1 FROM {t.table} LIMIT 1)"))[0]:
        on = " AND ".join(f"c.{quote(k)} = o.{quote(k)}" for k in keys)
        cur.execute(
            f"INSERT INTO {DUPS} SELECT o._line FROM {t.out} o WHERE o._reason IS NULL "
            f"AND EXISTS (SELECT 1 FROM {t.table} c WHERE {on}) "
            f"AND o._line NOT IN (SELECT _line FROM {DUPS})"
        )
    return int(_row(cur.execute(f"SELECT count(*) FROM {DUPS}"))[0])


def _insert(cur: duckdb.DuckDBPyConnection, t: Target, cols: list[str], ctx: TransformContext, has_dups: bool) -> int:
    canonical = [c for c in column_types(cur, t.table) if c not in FRAMEWORK_COLUMNS]
    names = [c for c in canonical if c in cols]
    target_cols = names + ["import_id"]
    select = [f"o.{quote(c)}" for c in names] + ["$id"]
    params = {"id": ctx.import_id}
    anti = f" AND o._line NOT IN (SELECT _line FROM {DUPS})" if has_dups else ""
    if t.table == "contacts":
        params["next"] = derive.next_contact_id(cur)
        order = "ORDER BY o._line" if has_dups else ""
        target_cols.append("contact_id")
        select.append(f"$next - 1 + row_number() OVER ({order})")
    sql = (
        f"INSERT INTO {_writable(t)} ({', '.join(quote(c) for c in target_cols)}) "
        f"SELECT {', '.join(select)} FROM {t.out} o WHERE o._reason IS NULL{anti}"
    )
    return int(_row(cur.execute(sql, params))[0])


def load(
    cur: duckdb.DuckDBPyConnection, ctx: TransformContext, *, staging: str | None = None, raw_sql: str | None = None
) -> Counts:
    """Load every ``out_*`` table present. With ``staging``, counts are per staging line."""
    counts = Counts(rows_inserted={})
    if staging:
        cur.execute(f"CREATE OR REPLACE TEMP TABLE {FATE} (_line BIGINT, fate INTEGER)")
    for t in present_outputs(cur):
        cols = _prepare(cur, t, ctx)
        rejected = _rejects(cur, t, cols, ctx, staging, raw_sql)
        dups = _find_dups(cur, t, cols)
        inserted = _insert(cur, t, cols, ctx, bool(dups))
        counts.rows_inserted[t.table] = inserted
        if staging:
            cur.execute(
                f"INSERT INTO {FATE} SELECT _line, CASE WHEN _reason IS NOT NULL THEN 3 "
                f"WHEN _line IN (SELECT _line FROM {DUPS}) THEN 2 ELSE 1 END FROM {t.out}"
            )
        else:
            counts.loaded += inserted
            counts.duplicate += dups
            counts.rejected += rejected
    if staging:
        if _exists(cur, "out_rejects"):
            raw = f"(SELECT {raw_sql} FROM {staging} s WHERE s._line = r._line)" if raw_sql else "NULL"
            cur.execute(
                f"INSERT INTO import_rejects SELECT $id, r._line, r.reason, {raw} FROM out_rejects r",
                {"id": ctx.import_id},
            )
            cur.execute(f"INSERT INTO {FATE} SELECT _line, 3 FROM out_rejects")
        row = _row(
            cur.execute(
                f"SELECT count(*) FILTER (WHERE f = 1), count(*) FILTER (WHERE f = 2), count(*) FILTER (WHERE f = 3) "
                f"FROM (SELECT _line, min(fate) AS f FROM {FATE} WHERE _line IN (SELECT _line FROM {staging}) "
                "GROUP BY _line)"
            )
        )
        counts.loaded, counts.duplicate, counts.rejected = row
    return counts


def _writable(t: Target) -> str:
    """The table an insert into ``t`` goes to (``contacts`` is a view)."""
    return contact_tables.MAIN if t.table == contact_tables.VIEW else t.table


def load_plan(
    cur: duckdb.DuckDBPyConnection,
    ctx: TransformContext,
    plan: Plan,
    rel: Relation,
    expected: Callable[[], int | None] | None = None,
    bulk: bool = False,
) -> tuple[Counts, int]:
    """Stream a declarative profile's rows from the file into their table.

    Returns the counts and the number of records read. Nothing is materialised on
    the common path: one parallel pass parses the file straight into the canonical
    table, skipping rejects and keys already loaded. Then the keys loaded are checked
    for repeats, and the rows are counted: when the table held no rows of this source
    and ``expected()`` (the file's record count, from its line breaks) says every
    record was loaded, nothing is left to count; otherwise one more pass counts the
    rejects and records them with their lines. A file that repeats a key is loaded
    again by :func:`load` (first occurrence wins, decided on a materialised copy).

    ``bulk`` (a big file of contacts): the rows go to a table of this import's own,
    without its constant columns (see :mod:`kpidesk.core.db.contact_tables`).
    """
    t = TARGETS[plan.table]
    fast_rel = rel.fast_sql or rel.sql

    def run(sql: str, extra: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        return cur.execute(sql, used_params(sql, {**plan.params, **(extra or {})}))

    if _constrained(cur, t.table):  # a repeated key would fail the insert: dedupe first
        run(plan.sql)
        plan.key_widened = natural_keys.widen_if_reused(cur, plan.out, plan.table)
        read = _row(cur.execute(f"SELECT count(*) FROM {plan.out}"))[0]
        return load(cur, ctx), read
    keys = [k for k in t.key if k in plan.names]
    existing = bool(keys) and _has_rows(cur, t, plan.source)
    where = ["o._reason IS NULL"]
    if existing:
        on = " AND ".join(f"c.{quote(k)} = o.{quote(k)}" for k in keys)
        known = t.table
        if not bulk:
            # A daily file into a big table: the keys it shares with the table are found
            # by probing the table with the file's keys (a hash of the file's, not of
            # the table's ten million), then the insert skips those.
            klist = ", ".join(f"c.{quote(k)}" for k in keys)
            run(
                f"CREATE OR REPLACE TEMP TABLE {KNOWN} AS SELECT DISTINCT {klist} FROM {t.table} c "
                f"SEMI JOIN (SELECT {', '.join(quote(k) for k in keys)} FROM ({plan.select(fast_rel)}) "
                f"WHERE _reason IS NULL) o ON {on}"
            )
            known = KNOWN
        where.append(f"NOT EXISTS (SELECT 1 FROM {known} c WHERE {on})")
    canonical = [c for c in column_types(cur, t.table) if c not in FRAMEWORK_COLUMNS]
    names = [c for c in canonical if c in plan.names]
    target_cols = names + ["import_id"]
    select = [f"o.{quote(c)}" for c in names] + ["$_kd_import"]
    extra = {"_kd_import": ctx.import_id}
    segment = bulk and t.table == contact_tables.VIEW
    if t.table == "contacts":
        # Numbered after the commit, by derive.catch_up: numbering as they come, with
        # ``row_number()`` or a sequence, would parse, compress and write on one
        # thread, and numbering them in this transaction would make the commit write
        # every inserted row again, to the log. 0 means "not numbered yet".
        target_cols.append("contact_id")
        select.append("0")
        if "arrived_at" in names and "out_of_hours" not in names:  # in the load's own pass, segment or not
            ooh, ooh_params = derive.out_of_hours_sql(cur, 'o."arrived_at"')
            target_cols.append("out_of_hours")
            select.append(ooh)
            extra.update(ooh_params)
    if segment:
        sql, constants = _segment_sql(cur, plan, names, target_cols, select, ctx.import_id)
    else:
        sql = f"INSERT INTO {_writable(t)} ({', '.join(quote(c) for c in target_cols)}) SELECT {', '.join(select)}"
    # Rows are appended as each thread parses them (the database is opened with
    # preserve_insertion_order off): an insert that kept the file's order would
    # compress and write on one thread. Rows stay in file order within each chunk of
    # the file, so each row group still covers a short span of time.
    inserted = _row(run(f"{sql} FROM ({plan.select(fast_rel)}) o WHERE {' AND '.join(where)}", extra))[0]
    if segment and inserted:
        contact_tables.register(cur, ctx.import_id, constants, inserted)
    elif segment:
        cur.execute(f"DROP TABLE {contact_tables.segment_name(ctx.import_id)}")
    if inserted and plan.key_expr and _repeats(cur, t, keys, plan.key_expr, ctx.import_id):
        if segment:
            contact_tables.drop(cur, ctx.import_id)
        else:
            cur.execute(f"DELETE FROM {_writable(t)} WHERE import_id = $id", {"id": ctx.import_id})
        run(plan.sql)
        plan.key_widened = natural_keys.widen_if_reused(cur, plan.out, plan.table)  # an id reused for other records
        read = _row(cur.execute(f"SELECT count(*) FROM {plan.out}"))[0]
        return load(cur, ctx), read
    bad = 0
    if existing or expected is None or expected() != inserted:
        if existing:
            read, bad = _row(run(f"SELECT count(*), count(_reason) FROM ({plan.select(fast_rel)})"))
        if bad or not existing:  # rejects are named by their line (a pass that numbers the records)
            bad = _row(
                run(
                    f"INSERT INTO import_rejects SELECT $_kd_import, _line, _reason, _raw "
                    f"FROM ({plan.select(rel.sql)}) WHERE _reason IS NOT NULL",
                    extra,
                )
            )[0]
        if not existing:
            read = inserted + bad
    else:
        read = inserted
    counts = Counts(loaded=inserted, duplicate=read - bad - inserted, rejected=bad, rows_inserted={t.table: inserted})
    return counts, read


def _segment_sql(
    cur: duckdb.DuckDBPyConnection,
    plan: Plan,
    names: list[str],
    target_cols: list[str],
    select: list[str],
    import_id: int,
) -> tuple[str, dict[str, list[Any]]]:
    """``CREATE TABLE contacts_seg_<id> AS SELECT …`` (without its ``FROM``) and the
    constants the view gives its rows instead."""
    constants = {
        c: [v, typ] for c, (v, typ) in plan.constants.items() if c in names and isinstance(v, (str, int, bool))
    }
    types = column_types(cur, contact_tables.VIEW)
    exprs = {c: e for c, e in zip(target_cols, select) if c not in constants and c != "import_id"}
    cols = [f"CAST({e} AS {types[c]}) AS {quote(c)}" for c, e in exprs.items()]
    cols += [f"CAST(NULL AS {typ}) AS {quote(c)}" for c, typ in contact_tables.CREATED.items() if c not in exprs]
    return f"CREATE TABLE {contact_tables.segment_name(import_id)} AS SELECT {', '.join(cols)}", constants


def _constrained(cur: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(
        _row(
            cur.execute(
                "SELECT count(*) FROM duckdb_constraints() WHERE table_name = $t AND constraint_type "
                "IN ('PRIMARY KEY', 'UNIQUE')",
                {"t": table},
            )
        )[0]
    )


def _repeats(cur: duckdb.DuckDBPyConnection, t: Target, keys: list[str], key_expr: str, import_id: int) -> bool:
    """Whether the rows this import loaded repeat a natural key."""
    n, distinct = _row(
        cur.execute(
            f"SELECT count(*), count(DISTINCT {key_expr}) FROM {t.table} WHERE import_id = $id", {"id": import_id}
        )
    )
    if n == distinct:  # distinct hashes prove distinct keys
        return False
    klist = ", ".join(quote(k) for k in keys)  # equal hashes: a repeat, or (rarely) a collision
    return bool(
        _row(cur.execute(f"SELECT count(DISTINCT ({klist})) FROM {t.table} WHERE import_id = $id", {"id": import_id}))[
            0
        ]
        != n
    )


def _has_rows(cur: duckdb.DuckDBPyConnection, t: Target, source: str | None) -> bool:
    """Whether ``t.table`` holds rows that could share a key with this import's."""
    if "source" in t.key and source is not None:
        sql, params = f"SELECT count(*) FROM (SELECT 1 FROM {t.table} WHERE source = $s LIMIT 1)", {"s": source}
    else:
        sql, params = f"SELECT count(*) FROM (SELECT 1 FROM {t.table} LIMIT 1)", {}
    return bool(_row(cur.execute(sql, params))[0])


def drop_outputs(cur: duckdb.DuckDBPyConnection) -> None:
    for name in [t.out for t in TARGETS.values()] + ["out_rejects", "out_ignored", DUPS, FATE, KNOWN]:
        cur.execute(f"DROP TABLE IF EXISTS {quote(name)}")
