"""Pre-aggregated facts: every KPI of a relation, summed per day and per hour.

A measure is a ratio of re-aggregable aggregates (``sum``, ``count``, ``min``,
``max``, ``bool_and``, ``avg``…), so it can be computed from partial aggregates kept
per time bucket × dimension (channel, queue, agent, team, site, topic, product): a
sum of daily sums is the sum. At 10 M contacts the day rollup holds ~80,000 rows
and the hour rollup under 2 M, so a tab reads a few thousand times less data.

How it stays right:

* Each aggregate call written in a KPI file (``sum(offered)``,
  ``count(x) FILTER (WHERE ticket = 1)``, ``avg(x)``) becomes a rollup column; the
  KPI is rewritten to re-aggregate that column (``sum(aN)``, ``min(aN)``…; ``avg``
  becomes a sum over a count). A KPI with anything else (a median, a ``DISTINCT``,
  a window) is not rewritten and reads the detail rows, as before.
* The rollup is built for the KPI parameters in force (short-abandon limit, service
  level threshold…). A query with other parameters (``--param``) reads the detail.
* ``Store.write()`` bumps a persistent facts version on every write that can change
  facts (imports, calendar, agents); a rollup built for an older version, other
  parameters, or other KPI files is rebuilt before it is used, in one transaction.
* Rollups are only worth it on big databases: below ``min_rows`` contacts, the engine
  reads the detail rows (fast enough) and builds nothing.

The equivalence of both paths is tested on every KPI × grouping of the demo data.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import duckdb

from kpidesk.core.db.store import Store, is_out_of_memory
from kpidesk.core.kpi import params as sql_params
from kpidesk.core.kpi.definitions import KpiDefinition
from kpidesk.core.kpi.relations import RELATIONS, Relation

VERSION = 2  # bump when the rollup layout changes (2: integer partials stored as BIGINT)
# contacts below which the detail rows are read directly (fast enough, nothing to build);
# KPIDESK_ROLLUP_MIN_ROWS=0 forces rollups on any database (tests, debugging)
MIN_ROWS = int(os.environ.get("KPIDESK_ROLLUP_MIN_ROWS", "200000"))

# aggregate written in a KPI → how its partial results combine (None: rewritten)
_REAGG = {
    "sum": "sum",
    "count": "sum",
    "min": "min",
    "max": "max",
    "bool_and": "bool_and",
    "bool_or": "bool_or",
    "avg": None,
}
# order statistics: the rollup keeps each group's values (a list), so they stay exact
_LISTED = {"quantile_cont", "quantile_disc", "median"}
_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_FILTER = re.compile(r"\s*FILTER\s*\(", re.IGNORECASE)
_OVER = re.compile(r"\s*OVER\b", re.IGNORECASE)
_DISTINCT = re.compile(r"^\s*DISTINCT\b", re.IGNORECASE)


# Levels, coarsest first: the time grain each keeps, the groupings it serves, and the
# dimensions it keeps (None: all of the relation's). The hour level leaves out topic
# and product, which multiply its rows for little use at that grain.
@dataclass(frozen=True)
class Level:
    name: str
    grain: str
    serves: frozenset[str]
    dims: frozenset[str] | None = None


LEVELS = (
    Level("day", "day", frozenset({"day", "week", "month", "weekday"})),
    Level(
        "hour",
        "hour",
        frozenset({"hour", "day", "week", "month", "weekday", "hour_of_day"}),
        frozenset({"channel", "kind", "queue", "agent_id", "team", "site"}),
    ),
)
# A point-in-time count (backlog) at the end of each day, week or month is exact from
# tickets counted by day of arrival and day of solving: both compare to midnights.
SNAPSHOT_LEVELS = (Level("day", "day", frozenset({"day", "week", "month"})),)
TIME_DIMS = {"15min", "hour", "day", "week", "month", "weekday", "hour_of_day"}
ROLLED = ("contacts", "surveys", "activity", "backlog")  # relations big enough to be worth it


class NotRollable(Exception):
    pass


def _close(sql: str, start: int) -> int:
    """Index just past the parenthesis matching the one opened before ``start``."""
    depth, i, quote = 1, start, None
    while i < len(sql):
        ch = sql[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise NotRollable("unbalanced parentheses")


def list_partial(expr: str, condition: str = "") -> str:
    """The rollup column keeping the non-null values of ``expr`` (where ``condition``)."""
    cond = f"({condition}) AND " if condition else ""
    return f"list({expr}) FILTER (WHERE {cond}({expr}) IS NOT NULL)"


def _split_args(text: str) -> list[str]:
    """Top-level comma-separated arguments of a call."""
    args, depth, quote, last = [], 0, None, 0
    for i, ch in enumerate(text):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(text[last:i].strip())
            last = i + 1
    args.append(text[last:].strip())
    return args


@dataclass(frozen=True)
class Call:
    func: str  # sum, count, min…
    arg: str  # the argument text
    filter: str  # " FILTER (WHERE …)" or ""
    condition: str = ""  # the FILTER's condition
    rest: str = ""  # further arguments of a quantile (", 0.5")

    def partials(self) -> list[str]:
        """The aggregate expressions a rollup column keeps for this call."""
        if self.func == "avg":
            return [f"sum({self.arg}){self.filter}", f"count({self.arg}){self.filter}"]
        if self.func in _LISTED:  # the values themselves, for an exact median
            return [list_partial(self.arg, self.condition)]
        return [f"{self.func}({self.arg}){self.filter}"]


def calls(sql: str, aggregates: frozenset[str] = frozenset()) -> list[tuple[int, int, Call]]:
    """The aggregate calls of a measure, with their spans; raises NotRollable when the
    measure uses an aggregate (one of ``aggregates``, DuckDB's list) that partial
    results cannot give back, such as a median."""
    out: list[tuple[int, int, Call]] = []
    pos = 0
    while True:
        m = _CALL.search(sql, pos)
        if m is None:
            return out
        func = m.group(1).lower()
        end = _close(sql, m.end())
        if func not in _REAGG and func not in _LISTED:
            if func in aggregates:
                raise NotRollable(func)
            pos = m.end()  # a scalar function (nullif, coalesce…): look inside
            continue
        arg = sql[m.end() : end - 1].strip()
        if _DISTINCT.match(arg) or re.search(r"\bORDER\s+BY\b", arg, re.IGNORECASE):
            raise NotRollable("DISTINCT or ORDER BY")
        rest = ""
        if func in _LISTED:
            args = _split_args(arg)
            arg, rest = args[0], "".join(", " + a for a in args[1:])
        filt = cond = ""
        f = _FILTER.match(sql, end)
        if f:
            fend = _close(sql, f.end())
            inner = " ".join(sql[f.end() : fend - 1].split())
            filt = f" FILTER ({inner})"
            cond = re.sub(r"^WHERE\s+", "", inner, flags=re.IGNORECASE)
            end = fend
        if _OVER.match(sql, end):
            raise NotRollable("window")
        out.append((m.start(), end, Call(func, " ".join(arg.split()), filt, cond, rest)))
        pos = end


def _rewrite(sql: str, columns: dict[str, str]) -> str:
    """``sql`` with each aggregate call replaced by the re-aggregation of its columns."""
    parts, last = [], 0
    for start, end, call in calls(sql):
        parts.append(sql[last:start])
        cols = [columns[p] for p in call.partials()]
        if call.func == "avg":
            parts.append(f"(sum({cols[0]}) / nullif(sum({cols[1]}), 0))")
        elif call.func in _LISTED:
            parts.append(f"list_aggregate(flatten(list({cols[0]})), '{call.func}'{call.rest})")
        elif call.func == "count":
            parts.append(f"coalesce(sum({cols[0]}), 0)")
        else:
            parts.append(f"{_REAGG[call.func]}({cols[0]})")
        last = end
    parts.append(sql[last:])
    return "".join(parts)


def texts(kpi: KpiDefinition) -> list[str]:
    return [kpi.measure, kpi.n, *([kpi.basis] if kpi.basis else []), *kpi.extras.values(), *kpi.stats.values()]


def partials_of(kpi: KpiDefinition, aggregates: frozenset[str] = frozenset()) -> list[str]:
    """The rollup columns ``kpi`` needs (raises NotRollable)."""
    out = []
    for text in texts(kpi):
        for _, _, call in calls(text, aggregates):
            out += call.partials()
    return out


def aggregate_names(cur: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """Every aggregate function DuckDB knows (medians, lists, any_value…)."""
    rows = cur.execute(
        "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE function_type = 'aggregate'"
    ).fetchall()
    return frozenset(r[0] for r in rows)


def table_name(relation: str, level: str) -> str:
    return f"_rollup_{relation}_{level}"


@dataclass
class Rollup:
    """The rollup of one relation: its columns and the KPIs it serves."""

    relation: Relation
    columns: dict[str, str]  # partial aggregate expression → column name
    kpis: dict[str, KpiDefinition]  # id → definition rewritten over the rollup columns
    stamp: str
    params: dict[str, Any]
    needs: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)  # id → (cols, stats cols)
    day_only: frozenset[str] = frozenset()  # value lists of distributions and stats: day level only

    def serves(self, kpi_id: str, level: Level, stats: bool) -> bool:
        """Whether ``level`` keeps every column the (rewritten) KPI reads."""
        if kpi_id not in self.kpis:
            return False
        cols, stats_cols = self.needs[kpi_id]
        return self.keeps(level, cols | (stats_cols if stats else frozenset()))

    def keeps(self, level: Level, cols: set[str] | frozenset[str]) -> bool:
        return level.name == "day" or not (cols & self.day_only)

    def built_for(self, params: dict[str, Any]) -> bool:
        """Whether a request's parameters are those the rollup was built with."""
        return all(params.get(p) == v for p, v in self.params.items())

    def level_columns(self, level: Level) -> dict[str, str]:
        return {e: c for e, c in self.columns.items() if level.name == "day" or c not in self.day_only}

    def dims(self, level: Level) -> list[str]:
        every = sorted(self.relation.dims - {"t"}) + sorted(set(self.relation.extra_dims.values()))
        return every if level.dims is None else [d for d in every if d in level.dims]

    def source(self, level: Level) -> str:
        return f"SELECT * FROM {table_name(self.relation.name, level.name)}"


def design(
    relation: str,
    kpis: list[KpiDefinition],
    params: dict[str, Any],
    aggregates: frozenset[str],
    check: Callable[[Relation, list[str]], bool] | None = None,
    extra: tuple[str, ...] = (),
) -> Rollup:
    """Which columns the rollup of ``relation`` keeps for ``kpis`` (every KPI of the
    registry on it, so the rollup does not change with the KPIs a view asks for),
    and the KPIs rewritten over them. ``check(relation, partials)`` says whether the
    partial aggregates bind on the relation (a snapshot KPI reading ``period_end``, or
    a broken user file, does not) — those KPIs read the detail rows."""
    rel = RELATIONS[relation]
    wanted: dict[str, None] = {}
    usable: dict[str, tuple[list[str], list[str]]] = {}  # id → (partials, partials of stats only)
    candidates: list[tuple[KpiDefinition, list[str], list[str]]] = []
    for kpi in kpis:
        if kpi.relation != relation or kpi.share_over not in (None, "channel"):
            continue
        try:
            candidates.append((kpi, partials_of(kpi, aggregates), partials_of(replace(kpi, stats={}), aggregates)))
        except NotRollable:
            continue
    # One EXPLAIN of every KPI's partials together binds when each KPI's would (an
    # expression binds or not on its own); only when it fails is each KPI checked.
    every = list(dict.fromkeys(p for _, parts, _ in candidates for p in parts))
    each = check is not None and bool(every) and not check(rel, every)
    for kpi, parts, plain in candidates:
        if each and check is not None and not check(rel, parts):
            continue
        wanted.update(dict.fromkeys(parts))
        usable[kpi.id] = (plain, [p for p in parts if p not in plain])
    wanted.update(dict.fromkeys(extra))  # value lists for distribution charts
    columns = {expr: f"a{i}" for i, expr in enumerate(sorted(wanted))}
    # Value lists are costly to keep per hour: those of distribution charts and of
    # on-request medians (stats) live in the day level only.
    plain_parts = {p for plain, _ in usable.values() for p in plain}
    day_only = frozenset(c for e, c in columns.items() if e.startswith("list(") and e not in plain_parts)
    needs = {
        kid: (frozenset(columns[p] for p in plain), frozenset(columns[p] for p in stats_only))
        for kid, (plain, stats_only) in usable.items()
    }
    rewritten = {}
    for kpi in (k for k in kpis if k.id in usable and k.relation == relation):
        rewritten[kpi.id] = replace(
            kpi,
            measure=_rewrite(kpi.measure, columns),
            n=_rewrite(kpi.n, columns),
            basis=_rewrite(kpi.basis, columns) if kpi.basis else None,
            extras={k: _rewrite(v, columns) for k, v in kpi.extras.items()},
            stats={k: _rewrite(v, columns) for k, v in kpi.stats.items()},
        )
    used = dict(sorted(sql_params.bind(rel.sql + " ".join(columns), params).items()))
    blob = json.dumps(
        {"v": VERSION, "sql": rel.sql, "cols": sorted(columns), "params": used, "day_only": sorted(day_only)},
        sort_keys=True,
        default=str,
    )
    return Rollup(rel, columns, rewritten, hashlib.sha256(blob.encode()).hexdigest(), used, needs, day_only)


def _build(cur: duckdb.DuckDBPyConnection, rollup: Rollup, days: list[datetime] | None = None) -> None:
    """(Re)build every level of ``rollup`` from the detail rows; with ``days``
    (midnights), only the rows of those days are recomputed."""
    source = rollup.relation.sql
    name = rollup.relation.name
    bind = sql_params.bind(source + " ".join(rollup.columns), rollup.params)
    where = "WHERE t IS NOT NULL"
    if days is not None:
        # a range the scans prune row groups with, then the days themselves
        where += " AND t >= $_kd_lo AND t < $_kd_hi AND list_contains($_kd_days, date_trunc('day', t))"
        bind.update({"_kd_lo": min(days), "_kd_hi": max(days) + timedelta(days=1), "_kd_days": sorted(days)})

    def write(level: Level, select: str, time: str) -> None:
        table = table_name(name, level.name)
        used = sql_params.bind(select, bind)
        if days is None:
            cur.execute(f"CREATE OR REPLACE TABLE {table} AS {_narrowed(cur, select, used)}", used)
            return
        cur.execute(
            f"DELETE FROM {table} WHERE list_contains($_kd_days, date_trunc('day', {time}))",
            {"_kd_days": bind["_kd_days"]},
        )
        cur.execute(f"INSERT INTO {table} BY NAME {select}", used)

    if rollup.relation.snapshot:  # tickets by day of arrival and of solving
        level = SNAPSHOT_LEVELS[0]
        dims = "".join(f', "{d}"' for d in rollup.dims(level))
        partials = ", ".join(f"{computed(expr)} AS {col}" for expr, col in rollup.columns.items())
        write(
            level,
            "SELECT date_trunc('day', arrived_at) AS t, date_trunc('day', arrived_at) AS arrived_at, "
            f"date_trunc('day', solved_at) AS solved_at{dims}, {partials} "
            f"FROM ({source}) r {where.replace('t IS NOT NULL', 'arrived_at IS NOT NULL')} GROUP BY ALL",
            "t",
        )
        return
    # One pass over the detail rows, into the finest grain (hour × every dimension);
    # each level is then regrouped from it: the relation's expressions are evaluated
    # once, not once per level.
    finest = sorted({d for level in LEVELS for d in rollup.dims(level)})
    dims = "".join(f', "{d}"' for d in finest)
    # Columns no row feeds (a call log's ticket and chat figures) are the constant
    # every group gets, not aggregated row by row (a whole build: the few rows of an
    # append's days are not worth the look).
    unfed = _unfed(cur, source, bind, rollup.columns) if days is None else {}
    constants = "".join(f", {value} AS {col}" for col, value in unfed.items())
    # Rows whose day is known but not their time (hours_known = 0) are in the day
    # level only: an hour level would put them at 00:00.
    timed = ", (hours_known = 1) AS _kd_timed" if "hours_known" in source else ""
    if days is None and _hourly(cur, rollup, source, bind, where, unfed, timed):
        _build_from_hours(cur, rollup, source, bind, where, unfed, write)
        return
    # The value lists kept by day only are listed by day straight from the detail
    # rows, beside the finest grain regrouped, rather than listed by hour and then
    # flattened by day (a quarter of the contacts rollup's cost at 10 M rows). Not
    # for an append's few days: a second pass over them costs more than it saves.
    listed = {e: c for e, c in rollup.columns.items() if c in rollup.day_only and c not in unfed and days is None}
    partials = ", ".join(
        f"{computed(expr)} AS {col}"
        for expr, col in rollup.columns.items()
        if col not in unfed and col not in listed.values()
    )
    cur.execute(
        f"CREATE OR REPLACE TEMP TABLE _kd_fine AS SELECT *{constants} FROM (SELECT date_trunc('hour', t) AS t"
        f"{dims}{timed}, {partials} FROM ({source}) r {where} GROUP BY ALL)",
        bind,
    )
    for level in LEVELS:
        dims = "".join(f', "{d}"' for d in rollup.dims(level))
        again = ", ".join(f"{_regroup(expr, col)} AS {col}" for expr, col in rollup.level_columns(level).items())
        only = " WHERE _kd_timed" if timed and level.grain != "day" else ""
        rows = "_kd_fine"
        if listed and level.grain == "day":
            lists = ", ".join(f"{computed(expr)} AS {col}" for expr, col in listed.items())
            rows = (
                f"(SELECT * FROM _kd_fine UNION ALL BY NAME SELECT date_trunc('day', t) AS t{dims}, {lists} "
                f"FROM ({source}) r {where} GROUP BY ALL)"
            )
        select = f"SELECT date_trunc('{level.grain}', t) AS t{dims}, {again} FROM {rows}{only} GROUP BY ALL"
        if level.grain == "hour" and _one_row_per_group(cur, [d for d in finest if d not in rollup.dims(level)]):
            select = _as_is(cur, select, list(rollup.level_columns(level).values()), f"_kd_fine{only}")
        write(level, select, "t")
    cur.execute("DROP TABLE IF EXISTS _kd_fine")


def _narrowed(cur: duckdb.DuckDBPyConnection, select: str, bind: dict[str, Any]) -> str:
    """``select`` with its 128-bit integer columns (DuckDB's ``sum`` of integers) stored
    as BIGINT: counts and seconds summed per hour or day stay far below 2⁶³, and a
    rollup of HUGEINT columns costs about a third more to write (1 M calls: 2.0 →
    1.5 s for the hour level). A sum that did not fit would fail the build, and the
    KPIs would read the detail rows (``Rollups._refresh``): never a wrong figure."""
    described = cur.execute(f"DESCRIBE {select}", bind).fetchall()
    wide = [r[0] for r in described if r[1] == "HUGEINT"]
    if not wide:
        return select
    casts = ", ".join(f'CAST("{c}" AS BIGINT) AS "{c}"' for c in wide)
    return f"SELECT * REPLACE ({casts}) FROM ({select})"


def _hourly(
    cur: duckdb.DuckDBPyConnection,
    rollup: Rollup,
    source: str,
    bind: dict[str, Any],
    where: str,
    unfed: dict[str, str],
    timed: str,
) -> bool:
    """Whether the hour level of a whole build can be aggregated straight from the
    detail rows and the day level regrouped from it: when every row has its time
    (no row for the day level only) and the dimensions the hour level leaves out
    (topic, product) hold no value. Then each group of the finest grain is one row
    of the hour level (a call log: 1 M rows, ~100,000 groups), written once rather
    than as a temporary table and then again as the hour level."""
    hour, day = LEVELS[1], LEVELS[0]
    if not set(rollup.dims(hour)) <= set(rollup.dims(day)):
        return False
    if all(c in unfed for c in rollup.level_columns(hour).values()):
        return False  # nothing to aggregate (never so far: the other path does it)
    dropped = [d for d in rollup.dims(day) if d not in rollup.dims(hour)]
    other = [f'"{d}" IS NOT NULL' for d in dropped] + (["hours_known IS DISTINCT FROM 1"] if timed else [])
    if not other:
        return True
    sql = f"SELECT count(*) FROM (SELECT 1 FROM ({source}) r {where} AND ({' OR '.join(other)}) LIMIT 1)"
    row = cur.execute(sql, sql_params.bind(sql, bind)).fetchone()
    assert row is not None  # count(*) always returns one row
    return not row[0]


def _build_from_hours(
    cur: duckdb.DuckDBPyConnection,
    rollup: Rollup,
    source: str,
    bind: dict[str, Any],
    where: str,
    unfed: dict[str, str],
    write: Callable[[Level, str, str], None],
) -> None:
    """The whole build when :func:`_hourly` holds: the hour level aggregated from the
    detail rows (each partial in the type its regrouping gives, as the other path
    writes it), then the day level regrouped from it, the dimensions the hour level
    leaves out as their NULL. The value lists kept for the day level only are listed
    by day straight from the detail rows, beside the hour rows regrouped (listing
    them by hour, then flattening those lists by day, cost four times as much at
    10 M rows)."""
    hour, day = LEVELS[1], LEVELS[0]
    cols = rollup.level_columns(hour)
    dims = "".join(f', "{d}"' for d in rollup.dims(hour))
    partials = ", ".join(f"{computed(expr)} AS {col}" for expr, col in cols.items() if col not in unfed)
    constants = "".join(f", {value} AS {col}" for col, value in unfed.items() if col in cols.values())
    inner = (
        f"SELECT *{constants} FROM (SELECT date_trunc('hour', t) AS t{dims}, {partials} "
        f"FROM ({source}) r {where} GROUP BY ALL)"
    )
    again = ", ".join(f"{_regroup(expr, col)} AS {col}" for expr, col in cols.items())
    described = f"DESCRIBE SELECT t{dims}, {again} FROM ({inner}) GROUP BY ALL"
    types = {r[0]: r[1] for r in cur.execute(described, sql_params.bind(described, bind)).fetchall()}
    typed = ", ".join(f"CAST({col} AS {types[col]}) AS {col}" for col in cols.values())
    write(hour, f"SELECT t{dims}, {typed} FROM ({inner})", "t")
    dropped = [d for d in rollup.dims(day) if d not in rollup.dims(hour)]
    dim_types: dict[str, str] = {}
    if dropped:
        described = f"DESCRIBE SELECT {', '.join(f'{chr(34)}{d}{chr(34)}' for d in dropped)} FROM ({source}) r"
        dim_types = {r[0]: r[1] for r in cur.execute(described, sql_params.bind(described, bind)).fetchall()}
    nulls = "".join(f', CAST(NULL AS {dim_types[d]}) AS "{d}"' for d in dropped)
    only = {expr: col for expr, col in rollup.columns.items() if col in rollup.day_only and col not in unfed}
    listless = "".join(f", {unfed[c]} AS {c}" for c in sorted(rollup.day_only) if c in unfed)
    rows = f"SELECT *{nulls}{listless} FROM {table_name(rollup.relation.name, hour.name)}"
    dims = "".join(f', "{d}"' for d in rollup.dims(day))
    if only:
        listed = ", ".join(f"{computed(expr)} AS {col}" for expr, col in only.items())
        rows += (
            f" UNION ALL BY NAME SELECT date_trunc('day', t) AS t{dims}, {listed} FROM ({source}) r {where} "
            "GROUP BY ALL"
        )
    again = ", ".join(f"{_regroup(expr, col)} AS {col}" for expr, col in rollup.level_columns(day).items())
    write(day, f"SELECT date_trunc('day', t) AS t{dims}, {again} FROM ({rows}) GROUP BY ALL", "t")


def computed(expr: str) -> str:
    """How the build computes the partial aggregate ``expr``: a ``FILTER`` becomes a
    ``CASE`` inside the aggregate (``sum(x) FILTER (WHERE c)`` → ``sum(CASE WHEN c
    THEN x END)``), the same result (rows failing ``c`` give NULL, which every one
    of these aggregates skips; none left: NULL, or 0 for a count) that DuckDB's hash
    aggregate computes in one pass rather than one filtered pass per column (contacts
    rollup of 1 M rows: about a quarter less CPU). Value lists keep their ``FILTER``:
    ``list`` keeps NULLs."""
    found = calls(expr)
    if len(found) != 1 or found[0][0] != 0 or found[0][1] != len(expr):
        return expr
    call = found[0][2]
    if not call.condition or call.func not in _REAGG or call.func == "avg":
        return expr
    arg = "1" if call.arg == "*" else call.arg
    return f"{call.func}(CASE WHEN {call.condition} THEN {arg} END)"


def _inputs(expr: str) -> tuple[str, str, str] | None:
    """(aggregate, argument, FILTER condition or "") of a rollup column's expression."""
    if expr.startswith("list("):  # a value list (list_partial)
        end = _close(expr, len("list("))
        f = _FILTER.match(expr, end)
        if f is None or _close(expr, f.end()) != len(expr):
            return None
        cond = re.sub(r"^WHERE\s+", "", expr[f.end() : len(expr) - 1].strip(), flags=re.IGNORECASE)
        return "list", expr[len("list(") : end - 1].strip(), cond
    found = calls(expr)
    if len(found) != 1 or found[0][0] != 0 or found[0][1] != len(expr):
        return None
    call = found[0][2]
    return call.func, call.arg, call.condition


def _unfed(
    cur: duckdb.DuckDBPyConnection, source: str, bind: dict[str, Any], columns: dict[str, str]
) -> dict[str, str]:
    """The rollup columns no row of ``source`` feeds, with the SQL constant every group
    then gets (a count 0, any other aggregate NULL): those whose argument is NULL in
    every row, or whose FILTER holds for none, as DuckDB's statistics of the detail
    rows say it (``stats()``: bounds kept by the storage and carried through the
    relation's expressions, exact when they say "no value": never a guess). A call
    log's ticket, chat and bot figures (16 of the 62 columns of contacts) are not
    aggregated row by row. Nothing is left out when the statistics say nothing."""
    inputs = {col: found for expr, col in columns.items() if (found := _inputs(expr)) is not None}
    asked = list(dict.fromkeys(s for _, arg, cond in inputs.values() for s in (arg, cond) if s and s != "*"))
    if not asked:
        return {}
    sql = f"SELECT {', '.join(f'stats({s})' for s in asked)} FROM ({source}) r LIMIT 1"
    row = cur.execute(sql, sql_params.bind(sql, bind)).fetchone()
    if row is None:  # no rows at all: nothing to save
        return {}
    stats = dict(zip(asked, row, strict=True))

    def no_value(s: str) -> bool:
        st = stats.get(s)
        return isinstance(st, dict) and st.get("has_no_null") is False

    def never(cond: str) -> bool:
        st = stats.get(cond)
        return no_value(cond) or (isinstance(st, dict) and st.get("has_no_null") is True and st.get("max") is False)

    unfed = [c for c, (_, arg, cond) in inputs.items() if (arg != "*" and no_value(arg)) or (cond and never(cond))]
    if not unfed or len(unfed) == len(columns):
        return {}
    typed = ", ".join(f"{e} AS {c}" for e, c in columns.items() if c in unfed)
    sql = f"DESCRIBE SELECT {typed} FROM ({source}) r"
    types = {r[0]: r[1] for r in cur.execute(sql, sql_params.bind(sql, bind)).fetchall()}
    return {
        c: f"CAST({'0' if inputs[c][0] == 'count' else 'NULL'} AS {types[c]})" for c in columns.values() if c in unfed
    }


def _one_row_per_group(cur: duckdb.DuckDBPyConnection, dropped: list[str]) -> bool:
    """Whether each group of an hour level is one row of ``_kd_fine`` (hour × every
    dimension): so when the dimensions the level leaves out are NULL in every row
    (a call log has no topic or product)."""
    if not dropped:
        return True
    some = " OR ".join(f'"{d}" IS NOT NULL' for d in dropped)
    row = cur.execute(f"SELECT count(*) FROM (SELECT 1 FROM _kd_fine WHERE {some} LIMIT 1)").fetchone()
    assert row is not None  # count(*) always returns one row
    return not row[0]


def _as_is(cur: duckdb.DuckDBPyConnection, select: str, cols: list[str], source: str) -> str:
    """``select`` (a regrouping of ``_kd_fine``) when every group is one row: each
    partial result as it is, in the type its regrouping gives (the sum of one sum is
    that sum), without the hash aggregate."""
    described = cur.execute(f"DESCRIBE {select}").fetchall()
    types = {r[0]: r[1] for r in described}
    keys = [f'"{r[0]}"' for r in described if r[0] not in cols and r[0] != "t"]
    parts = ["date_trunc('hour', t) AS t", *keys, *(f"CAST({c} AS {types[c]}) AS {c}" for c in cols)]
    return f"SELECT {', '.join(parts)} FROM {source}"


def _regroup(expr: str, col: str) -> str:
    """The aggregate combining partial results ``col`` of the aggregate ``expr``."""
    func = expr.split("(", 1)[0].strip().lower()
    if func == "list":
        return f"flatten(list({col}) FILTER (WHERE {col} IS NOT NULL))"
    if func == "count":
        return f"CAST(sum({col}) AS BIGINT)"
    return f"{_REAGG[func]}({col})"


def changed_days(cur: duckdb.DuckDBPyConnection, since: int, until: int) -> list[datetime] | None:
    """The days whose facts changed from facts version ``since`` to ``until``
    (``db/derive.note_days``), or None when a version in between did not list them."""
    listed = cur.execute(
        "SELECT count(DISTINCT version) FROM facts_changes WHERE version > $a AND version <= $b AND day IS NULL",
        {"a": since, "b": until},
    ).fetchone()
    assert listed is not None  # count(*) always returns one row
    if listed[0] != until - since:
        return None
    rows = cur.execute(
        "SELECT DISTINCT day FROM facts_changes WHERE version > $a AND version <= $b AND day IS NOT NULL",
        {"a": since, "b": until},
    ).fetchall()
    return [r[0] for r in rows]


class Rollups:
    """The rollups of one store, built on first use and kept fresh."""

    def __init__(self, store: Store, min_rows: int = MIN_ROWS) -> None:
        self.store = store
        self.min_rows = min_rows
        self._lock = threading.Lock()
        self._checked: dict[str, tuple[int, str, bool]] = {}  # relation → (generation, stamp, ok)
        self._size: tuple[int, int] | None = None  # (generation, contacts)
        self.builds = 0  # full builds, for tests and benchmarks
        self.rebuilt: list[str] = []  # the relations of those builds, in turn
        self.updates = 0  # builds of the days a write changed
        self.error = ""  # why a build failed (out of memory), if it did
        self.last_build_s = 0.0

    def enabled(self, cur: duckdb.DuckDBPyConnection) -> bool:
        """Whether the database is big enough for rollups (checked once per write)."""
        if self.store.read_only or not getattr(self.store, "facts_tracked", False):
            return False
        if self._size is None or self._size[0] != self.store.generation:
            try:
                row = cur.execute("SELECT count(*) FROM contacts").fetchone()
                assert row is not None  # count(*) always returns one row
                n: int = row[0]
            except duckdb.Error:
                n = 0
            self._size = (self.store.generation, n)
        return self._size[1] >= self.min_rows

    def ready(self, cur: duckdb.DuckDBPyConnection, rollup: Rollup) -> bool:
        """Make sure the rollup of ``rollup.relation`` is built and current."""
        name = rollup.relation.name
        gen = self.store.generation
        seen = self._checked.get(name)
        if seen and seen[0] == gen and seen[1] == rollup.stamp:
            return seen[2]
        with self._lock:
            seen = self._checked.get(name)
            if seen and seen[0] == self.store.generation and seen[1] == rollup.stamp:
                return seen[2]
            ok = self._refresh(cur, rollup)
            self._checked[name] = (self.store.generation, rollup.stamp, ok)
            return ok

    def _refresh(self, cur: duckdb.DuckDBPyConnection, rollup: Rollup) -> bool:
        name = rollup.relation.name
        version = _facts_version(cur)
        row = cur.execute("SELECT facts_version, stamp FROM rollup_state WHERE relation = ?", [name]).fetchone()
        if row and row[0] == version and row[1] == rollup.stamp:
            return True
        started = time.perf_counter()
        try:
            with self.store.write(facts=False) as wcur:
                version = _facts_version(wcur)
                days = None
                if row and row[1] == rollup.stamp and row[0] < version:
                    days = changed_days(wcur, row[0], version)
                if days is None:
                    _build(wcur, rollup)
                    self.builds += 1
                    self.rebuilt.append(name)
                elif days:
                    _build(wcur, rollup, days)
                    self.updates += 1
                counted = wcur.execute(f"SELECT count(*) FROM {table_name(name, 'day')}").fetchone()
                assert counted is not None  # count(*) always returns one row
                rows = counted[0]
                wcur.execute("DELETE FROM rollup_state WHERE relation = ?", [name])
                wcur.execute("INSERT INTO rollup_state VALUES (?, ?, ?, now(), ?)", [name, version, rollup.stamp, rows])
                # the changes every rollup has taken in are no longer needed
                wcur.execute(
                    "DELETE FROM facts_changes WHERE version <= (SELECT min(facts_version) FROM rollup_state "
                    "WHERE relation IN (SELECT unnest($rolled)))",
                    {"rolled": list(ROLLED)},
                )
        except duckdb.Error as exc:
            if is_out_of_memory(exc):
                self.error = str(exc).splitlines()[0]
            return False  # read the detail rows instead
        self.last_build_s = time.perf_counter() - started
        return True


def _facts_version(cur: duckdb.DuckDBPyConnection) -> int:
    """The facts version (``facts_state`` holds one row, from its migration on)."""
    row = cur.execute("SELECT version FROM facts_state").fetchone()
    assert row is not None
    version: int = row[0]
    return version


def level_for(
    by: tuple[str, ...], columns: set[str], start: datetime, end: datetime, snapshot: bool = False
) -> Level | None:
    """The coarsest level that can answer a grouping ``by`` reading ``columns``
    (grouping and filter columns) over [start, end), if any."""
    times = [d for d in by if d in TIME_DIMS]
    for level in SNAPSHOT_LEVELS if snapshot else LEVELS:
        if not all(d in level.serves for d in times):
            continue
        if level.dims is not None and not columns <= level.dims:
            continue
        aligned = _midnight if level.grain == "day" else _on_hour
        if aligned(start) and aligned(end):
            return level
    return None


def _midnight(t: datetime) -> bool:
    return t.hour == 0 and t.minute == 0 and t.second == 0 and t.microsecond == 0


def _on_hour(t: datetime) -> bool:
    return t.minute == 0 and t.second == 0 and t.microsecond == 0
