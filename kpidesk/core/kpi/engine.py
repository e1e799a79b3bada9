"""Turn KPI definitions into numbers: compose SQL for filters × grouping, run it.

KPIs that read the same relation are computed together, one scan of the data per
relation, so a channel tab is a handful of queries, not fifty. Filter values and
parameters are always bound (``$name``); only identifiers from fixed tables below and
the KPI files' own SQL are placed in the text.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, cast

import duckdb

from kpidesk.core import formatting, settings
from kpidesk.core.db import derive
from kpidesk.core.db.migrations import known_names
from kpidesk.core.db.store import Store
from kpidesk.core.jobs import JobState
from kpidesk.core.kpi import params as sql_params
from kpidesk.core.kpi import rollup, time_filter
from kpidesk.core.kpi import sql_compose as compose
from kpidesk.core.kpi.definitions import KpiDefinition, Registry, load_registry
from kpidesk.core.kpi.relations import DERIVED_COLUMNS, DISTRIBUTIONS, LINKED_RELATIONS, RELATIONS, Relation

T = TypeVar("T")

_DERIVED = re.compile(r"\b(" + "|".join(sorted(DERIVED_COLUMNS)) + r")\b")
PENDING_REASON = {
    "en": "derived facts pending: re-open or run `kpidesk import --catch-up`",
    "fr": "faits dérivés en attente : rouvrez la base ou lancez `kpidesk import --catch-up`",
}
SAMPLED_UNITS = ("rate", "seconds", "score", "percent", "index")
_TIMED = [
    ("contacts", "arrived_at"),
    ("surveys", "answered_at"),
    ("interval_stats", "interval_start"),
    ("agent_sessions", "started_at"),
    ("evaluations", "evaluated_at"),
]


@dataclass(frozen=True)
class Filters:
    """What the team lead narrowed the view to. Dates are inclusive local days."""

    date_from: date | None = None
    date_to: date | None = None
    channels: tuple[str, ...] = ()
    queues: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    weekdays: tuple[int, ...] = ()  # ISO days of the week (1 = Monday … 7), across the period
    hours: tuple[int, ...] = ()  # hours of the day (0 … 23), across the period
    # what the records are (call, ticket, chat, bot): a tab's own, whatever their channel
    kinds: tuple[str, ...] = ()

    def narrowed(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    def cell_label(self, lang: str = "en") -> str | None:
        """The weekday × hour filter in words (``Tuesdays, 10:00–11:00``), None without one."""
        return time_filter.cell_label(self.weekdays, self.hours, lang)


@dataclass
class KpiValue:
    kpi: str
    value: float | None
    n: float | None
    group: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    basis: str | None = None
    small_sample: bool = False
    extras: dict[str, Any] = field(default_factory=dict)
    failed: bool = False  # the query failed (a broken KPI file): not a missing input
    # a figure over part of the rows: what it left out, in the engine's language (the
    # KPI file's ``unknown_note``: "left out: 3 chats of exports that cannot say abandoned")
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kpi": self.kpi, "value": self.value, "n": self.n}
        for key, val in self.group.items():
            out[key] = val.isoformat() if isinstance(val, (date, datetime)) else val
        if self.reason:
            out["reason"] = self.reason
        if self.basis:
            out["basis"] = self.basis
        if self.small_sample:
            out["small_sample"] = True
        if self.extras:
            out["extras"] = self.extras
        if self.note:
            out["note"] = self.note
        return out


def _read_columns(filters: Filters, by: tuple[str, ...]) -> set[str]:
    """The relation columns a request groups or filters on (time aside)."""
    columns = {compose.DIMENSIONS[d][1] for d in by if d in compose.DIMENSIONS and d not in rollup.TIME_DIMS}
    columns |= {d for d in by if d not in compose.DIMENSIONS}  # a relation's own (survey_type…)
    return columns | {col for fld, (col, _) in compose.FILTERS.items() if getattr(filters, fld)}


NOT_FOR_A_CELL = "not available for one weekday or hour"
# A queue-level figure (answer rate, service level, self-service…) grouped by agent or
# team: an agent only has the contacts they took, so it would read 100 % or 0 %.
NOT_PER_AGENT = "a queue-level figure: not meaningful per agent or team"
AGENT_DIMS = frozenset({"agent", "team"})
# The same figure split or filtered by a field the export gives only to contacts an
# agent handled (the demo's site is the agent's): abandoned calls all land in "(none)"
# and every site reads 0 % abandoned.
AGENT_ONLY_FIELD = "a queue-level figure: this export gives that field only to contacts an agent handled"
CONTACT_FIELDS = ("queue", "site", "topic", "product")
# A distribution of durations over data that gives averages per period (an interval
# report): the KPI has a figure, no contact has a duration of its own.
PER_PERIOD_ONLY = "counted per period: the data gives averages, not each contact's duration"
# The engine's own reasons for a missing value (the KPI files give theirs in the
# engine's language), said in French by the CLI, the PDF and the workbook; the app
# says them through its Qt catalogue (ui.desk.REASONS).
REASONS_FR = {
    "no data": "pas de données",
    "not defined for this data": "non défini pour ces données",
    NOT_FOR_A_CELL: "non disponible pour un jour de la semaine ou une heure",
    NOT_PER_AGENT: "indicateur de file : sans objet par conseiller ou par équipe",
    PER_PERIOD_ONLY: "compté par période : les données donnent des moyennes, pas la durée de chaque contact",
    AGENT_ONLY_FIELD: "indicateur de file : cet export ne renseigne ce champ que pour les contacts traités par un conseiller",
    "one value only": "une seule valeur",
}


def said_reason(reason: str | None, lang: str) -> str:
    """An engine reason (``no data``, ``not available by topic``…) in ``lang``."""
    if not reason or lang != "fr":
        return reason or ""
    if reason in REASONS_FR:
        return REASONS_FR[reason]
    if reason.startswith("not available by "):
        return "non disponible à ce niveau de détail"
    return reason


def _cell_dims(filters: Filters) -> tuple[str, ...]:
    """The time groupings a weekday or hour filter reads: a rollup level must serve
    them (a day-grain bucket has no hour: ``hour(t)`` would be 0 for every row)."""
    return (("weekday",) if filters.weekdays else ()) + (("hour_of_day",) if filters.hours else ())


def _day_after(day: date) -> datetime:
    """Midnight after ``day``; the last instant Python can hold after 9999-12-31
    (one contact dated so must not make every period fail)."""
    if day >= date.max:
        return datetime.max
    return datetime.combine(day + timedelta(days=1), datetime.min.time())


class EngineError(Exception):
    pass


class Engine:
    """Computes KPIs on one store. Thread-safe: each call uses its own cursor."""

    def __init__(self, store: Store, registry: Registry | None = None, lang: str = "en") -> None:
        self.store = store
        self.registry = registry or load_registry(store.path)
        self.lang = lang
        # results of compute() and the values of _cached(), by key (with the generation)
        self._cache: OrderedDict[tuple[Hashable, ...], object] = OrderedDict()
        self._lock = threading.Lock()
        self.rollups = rollup.Rollups(store)
        self._designs: dict[tuple[str, tuple[tuple[str, Any], ...]], rollup.Rollup] = {}
        self._aggregates: frozenset[str] | None = None
        self._checks: dict[str, str] | None = None  # EXPLAIN results: stamp → "1", or "0" + error
        self._new_checks: dict[str, str] = {}
        self._saves_held = False  # prepare(): the checks of every relation kept in one write
        self._check_user_kpis()

    # -- public ---------------------------------------------------------------------
    def compute(
        self,
        kpis: Iterable[str] | None = None,
        filters: Filters = Filters(),
        by: Iterable[str] = (),
        params: dict[str, Any] | None = None,
        stats: bool = False,
    ) -> list[KpiValue]:
        """Values of ``kpis`` (default: all) over ``filters``, one per group of ``by``.

        ``stats`` adds each duration KPI's median and p90 to ``extras`` (a costlier scan).
        """
        ids = list(kpis) if kpis is not None else [k.id for k in self.registry]
        unknown = [k for k in ids if k not in self.registry]
        if unknown:
            raise EngineError(f"Unknown KPI: {', '.join(unknown)}")
        by = tuple(by)
        for dim in by:
            if dim not in compose.DIMENSIONS and not any(dim in r.extra_dims for r in RELATIONS.values()):
                raise EngineError(f"Cannot group by {dim!r}; choose from {', '.join(compose.DIMENSIONS)}")
        bound = self.parameters(params)
        # The language too: a missing input's reason is written in it.
        key = (tuple(ids), filters, by, tuple(sorted(bound.items())), stats, self.lang, self.store.generation)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return cast(list[KpiValue], self._cache[key])  # compute()'s keys hold its results
        cur = self.store.cursor()
        try:
            results = self._compute(cur, [self.registry[k] for k in ids], filters, by, bound, stats)
        finally:
            cur.close()
        with self._lock:
            self._cache[key] = results
            while len(self._cache) > 64:
                self._cache.popitem(last=False)
        return results

    def parameters(self, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
        """KPI parameters in force: the settings (read once per data generation), overridden."""
        values = dict(self._cached(("params",), lambda: settings.kpi_params(self.store)))
        for name, value in (overrides or {}).items():
            spec = settings.SETTINGS.get(name)
            if spec is None or not spec.is_kpi_param:
                raise EngineError(f"Unknown parameter {name!r}")
            try:
                values[name] = settings.coerce(spec, value)
            except ValueError as exc:
                raise EngineError(str(exc)) from None
        return values

    def period(self, filters: Filters, cur: duckdb.DuckDBPyConnection | None = None) -> tuple[datetime, datetime]:
        """[start, end) of the filtered period; the data's own range when open."""
        start = datetime.combine(filters.date_from, datetime.min.time()) if filters.date_from else None
        end = _day_after(filters.date_to) if filters.date_to else None
        if start is None or end is None:
            lo, hi = self.data_range(cur)
            lo = lo or datetime.combine(date.today(), datetime.min.time())
            hi = hi or lo
            start = start or datetime.combine(lo.date(), datetime.min.time())
            end = end or _day_after(hi.date())
        return start, end

    def data_range(self, cur: duckdb.DuckDBPyConnection | None = None) -> tuple[datetime | None, datetime | None]:
        """First and last timestamps in the data (cached until the next write)."""
        parts = " UNION ALL ".join(f"SELECT min({col}) AS lo, max({col}) AS hi FROM {table}" for table, col in _TIMED)
        cur = cur or self.store.cursor()

        def read() -> tuple[datetime | None, datetime | None]:
            row = cur.execute(f"SELECT min(lo), max(hi) FROM ({parts})").fetchone()
            assert row is not None  # an aggregate always returns one row
            return row[0], row[1]

        return self._cached(("range",), read)

    # -- internals ------------------------------------------------------------------
    def _check_user_kpis(self) -> None:
        """Bind each user KPI once (no data read); a broken one is reported, not loaded.

        Each of its SQL fragments already passed ``sql_guard`` when the file was read
        (one expression, allowed functions only), so the composed text is one
        ``SELECT``: ``EXPLAIN`` plans it, nothing runs."""
        cur = self.store.cursor()
        values = {**self.parameters(), "period_start": datetime(2000, 1, 1), "period_end": datetime(2000, 1, 2)}
        for kpi in [k for k in self.registry if k.source != "builtin"]:
            for query in compose.plan([kpi], Filters(), ()):
                bind = sql_params.bind(query.sql, values)
                error = self._binds(cur, query.sql, bind)
                if error:
                    self.registry.errors.append((kpi.source, f"DuckDB error: {error}"))
                    del self.registry.kpis[kpi.id]
                    break
        self._save_checks()
        cur.close()

    def _binds(self, cur: duckdb.DuckDBPyConnection, sql: str, bind: dict[str, Any]) -> str:
        """Whether ``sql`` binds on this database ("" when it does, else DuckDB's
        message): its EXPLAIN, remembered in the database (``kpi_checks``) by the text,
        the schema and the DuckDB version, so that a command does not run the same
        EXPLAINs on every start."""
        checks = self._kept_checks(cur)
        stamp = hashlib.sha256(
            json.dumps([sql, sorted(bind), self._schema_stamp(cur), duckdb.__version__]).encode()
        ).hexdigest()
        if stamp in checks:
            return checks[stamp][1:]
        try:
            cur.execute("EXPLAIN " + sql, bind)
            error = ""
        except (duckdb.Error, KeyError) as exc:
            error = str(exc) or "error"
        checks[stamp] = self._new_checks[stamp] = ("0" if error else "1") + error
        return error

    def _kept_checks(self, cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
        """The EXPLAIN results kept in the database, read once."""
        if self._checks is None:
            self._checks = {}
            if getattr(self.store, "facts_tracked", False):
                try:
                    self._checks = dict(cur.execute("SELECT stamp, result FROM kpi_checks").fetchall())
                except duckdb.Error:
                    pass
        return self._checks

    def _schema_stamp(self, cur: duckdb.DuckDBPyConnection) -> str:
        # an open store has every schema step this version knows (Store migrates it)
        return ",".join(known_names())

    def _aggregate_names(self, cur: duckdb.DuckDBPyConnection) -> frozenset[str]:
        """DuckDB's aggregate functions, kept in ``kpi_checks`` per DuckDB version."""
        checks = self._kept_checks(cur)
        stamp = f"aggregates {duckdb.__version__}"
        if stamp in checks:
            return frozenset(json.loads(checks[stamp]))
        names = rollup.aggregate_names(cur)
        checks[stamp] = self._new_checks[stamp] = json.dumps(sorted(names))
        return names

    def _save_checks(self) -> None:
        """Keep the new EXPLAIN results in the database (not on a read-only one)."""
        if not self._new_checks or self.store.read_only or not getattr(self.store, "facts_tracked", False):
            return
        if self._saves_held:
            return  # prepare() saves them all at its end
        rows = list(self._new_checks.items())
        self._new_checks = {}
        try:
            with self.store.write(facts=False) as wcur:  # one statement, whatever the number of checks
                wcur.execute(
                    "INSERT OR REPLACE INTO kpi_checks SELECT unnest($stamps), unnest($results), now()",
                    {"stamps": [r[0] for r in rows], "results": [r[1] for r in rows]},
                )
        except duckdb.Error:
            pass  # checked again next time

    def _routes(
        self,
        cur: duckdb.DuckDBPyConnection,
        defs: list[KpiDefinition],
        filters: Filters,
        by: tuple[str, ...],
        params: dict[str, Any],
        start: datetime,
        end: datetime,
        stats: bool,
    ) -> dict[str, tuple[str, KpiDefinition]]:
        """KPI id → (rollup source, rewritten definition) for the KPIs the rollups can
        answer: a grouping their time grain serves, the parameters they were built for."""
        if not self.rollups.enabled(cur):
            return {}
        columns = _read_columns(filters, by)
        routes: dict[str, tuple[str, KpiDefinition]] = {}
        for name in rollup.ROLLED:
            wanted = [k for k in defs if k.relation == name]
            if not wanted:
                continue
            level = rollup.level_for(by + _cell_dims(filters), columns, start, end, RELATIONS[name].snapshot)
            if level is None:
                continue
            design = self._design(cur, name)
            if not design.built_for(params):
                continue
            wanted = [k for k in wanted if design.serves(k.id, level, stats)]
            if not wanted or not self.rollups.ready(cur, design):
                continue
            for kpi in wanted:
                routes[kpi.id] = (design.source(level), design.kpis[kpi.id])
        return routes

    def _design(self, cur: duckdb.DuckDBPyConnection, relation: str) -> rollup.Rollup:
        """The rollup layout for the KPI parameters in the settings (kept per generation)."""
        params = self.parameters()
        key = (relation, tuple(sorted(params.items())))
        if key not in self._designs:
            if self._aggregates is None:
                self._aggregates = self._aggregate_names(cur)

            def check(rel: Relation, partials: list[str]) -> bool:
                sql = f"SELECT {', '.join(partials)} FROM ({rel.sql}) r"
                names = sql_params.names(sql)
                if any(p not in params for p in names):
                    return False
                return not self._binds(cur, sql, sql_params.bind(sql, params))

            lists = tuple(
                rollup.list_partial(expr, cond)
                for rel, parts in DISTRIBUTIONS.values()
                if rel == relation
                for expr, cond in parts
            )
            self._designs[key] = rollup.design(relation, list(self.registry), params, self._aggregates, check, lists)
            self._save_checks()
        return self._designs[key]

    def prepare(self, state: JobState | None = None) -> bool:
        """Build or refresh the rollups now (after an import, on the worker that ran
        it) rather than on the next view. Returns whether any rollup is in use."""
        cur = self.store.cursor()
        try:
            if not self.rollups.enabled(cur):
                return False
            ready = []
            self._saves_held = True
            for i, name in enumerate(rollup.ROLLED):
                if state is not None:
                    state.set_progress(i / len(rollup.ROLLED), f"Preparing the figures ({name})")
                if self._serves_none(cur, name):
                    continue
                ready.append(self.rollups.ready(cur, self._design(cur, name)))
            return any(ready)
        finally:
            self._saves_held = False
            self._save_checks()
            cur.close()

    def _serves_none(self, cur: duckdb.DuckDBPyConnection, relation: str) -> bool:
        """Whether no KPI and no distribution on ``relation`` can be computed now, every
        KPI missing its inputs (agent time from a call log alone: no sessions, no
        intervals, no schedules): its rollup would never be read (``_compute`` refuses
        those KPIs before routing them), so it is not built until an import brings
        them (1 M calls: 0.25 s less)."""
        if any(rel == relation for rel, _ in DISTRIBUTIONS.values()):
            return False
        on = [k for k in self.registry if k.relation == relation]
        return bool(on) and all(self._missing_input(cur, k) for k in on)

    def values_sql(
        self, name: str, filters: Filters, cur: duckdb.DuckDBPyConnection | None = None
    ) -> tuple[str, dict[str, Any]]:
        """SQL giving one row per value (column ``x``) of the duration distribution
        ``name`` (see ``relations.DISTRIBUTIONS``) over ``filters``, read from the
        rollups' value lists when they can serve it, and its bound values."""
        rel_name, parts = DISTRIBUTIONS[name]
        rel = RELATIONS[rel_name]
        cur = cur or self.store.cursor()
        start, end = self.period(filters, cur)
        bind = {"period_start": start, "period_end": end, **compose.filter_values(filters)}
        where = compose.where(rel, filters)
        source = None
        if self.rollups.enabled(cur):
            design = self._design(cur, rel_name)
            cols = [design.columns.get(rollup.list_partial(expr, cond)) for expr, cond in parts]
            level = rollup.level_for(_cell_dims(filters), _read_columns(filters, ()), start, end)
            if (
                all(cols)
                and level is not None
                and design.keeps(level, set(cast(list[str], cols)))  # all(cols): no None
                and design.built_for(self.parameters())
                and self.rollups.ready(cur, design)
            ):
                source = design.source(level)
                selects = [f"SELECT unnest({col}) AS x FROM ({source}) r" for col in cols]
        if source is None:
            selects = [
                f"SELECT CASE WHEN {cond or 'true'} THEN {expr} END AS x FROM ({rel.sql}) r" for expr, cond in parts
            ]
            bind.update(self.parameters())
        sql = " UNION ALL ".join(s + (" WHERE " + " AND ".join(where) if where else "") for s in selects)
        sql = f"SELECT x FROM ({sql}) v WHERE x IS NOT NULL"
        return sql, sql_params.bind(sql, bind)

    def rows_sql(
        self, relation: str, filters: Filters, cur: duckdb.DuckDBPyConnection | None = None
    ) -> tuple[str, dict[str, Any]]:
        """SQL giving the rows of ``relation`` (see ``relations.RELATIONS``) that the
        KPIs read for ``filters`` (period, channel, queue, team, site, agent, topic),
        with its bound values: what the coaching lists and distributions select from,
        so that they show the contacts behind the figures, never others."""
        start, end = self.period(filters, cur)
        sql = compose.rows(RELATIONS[relation], filters)
        bind: dict[str, Any] = {
            **self.parameters(),
            "period_start": start,
            "period_end": end,
            **compose.filter_values(filters),
        }
        return sql, sql_params.bind(sql, bind)

    def _compute(
        self,
        cur: duckdb.DuckDBPyConnection,
        defs: list[KpiDefinition],
        filters: Filters,
        by: tuple[str, ...],
        params: dict[str, Any],
        stats: bool = False,
        use_rollups: bool = True,
    ) -> list[KpiValue]:
        results: dict[str, list[KpiValue]] = {}
        runnable = []
        for kpi in defs:
            reason = (
                self._missing_input(cur, kpi)
                or self._pending(cur, kpi)
                or self._unsupported(kpi, by, filters)
                or self._agent_only(cur, kpi, by, filters)
            )
            if reason:
                results[kpi.id] = [KpiValue(kpi.id, None, None, reason=reason)]
            else:
                runnable.append(kpi)
        start, end = self.period(filters, cur)
        values = {**params, "period_start": start, "period_end": end}
        values.update(compose.filter_values(filters))
        routes = self._routes(cur, runnable, filters, by, params, start, end, stats) if use_rollups else {}
        for query in compose.plan(runnable, filters, by, stats, routes):
            bind = sql_params.bind(query.sql, values)
            try:
                rows = cur.execute(query.sql, bind).fetchall()
                cols = [d[0] for d in cur.description]
            except duckdb.Error as exc:
                if query.routed:  # the detail rows are the reference: read them
                    results.update(self._by_id(self._compute(cur, query.kpis, filters, by, params, stats, False)))
                    continue
                if len(query.kpis) > 1:  # one bad user file must not sink the others
                    for kpi in query.kpis:
                        results.update(self._by_id(self._compute(cur, [kpi], filters, by, params, stats, False)))
                    continue
                kpi = query.kpis[0]
                results[kpi.id] = [
                    KpiValue(kpi.id, None, None, reason=f"SQL error in {kpi.source}: {exc}", failed=True)
                ]
                continue
            for kpi in query.kpis:
                results[kpi.id] = [self._value(kpi, dict(zip(cols, row)), by, params, stats) for row in rows]
        names = self._agent_names(cur) if "agent" in by else {}
        out = []
        for kpi in defs:
            for value in results.get(kpi.id, []):
                if names and value.group.get("agent") in names:
                    value.group["agent_name"] = names[value.group["agent"]]
                out.append(value)
        return out

    @staticmethod
    def _by_id(values: list[KpiValue]) -> dict[str, list[KpiValue]]:
        out: dict[str, list[KpiValue]] = {}
        for v in values:
            out.setdefault(v.kpi, []).append(v)
        return out

    def _value(
        self, kpi: KpiDefinition, row: dict[str, Any], by: tuple[str, ...], params: dict[str, Any], stats: bool
    ) -> KpiValue:
        value, n = row.get(f"{kpi.id}__v"), row.get(f"{kpi.id}__n")
        value = None if value is None else float(value)
        n = None if n is None else float(n)
        group = {dim: row[dim] for dim in by}
        reason = None
        if value is None:
            reason = "no data" if not n else "not defined for this data"
        names = [*kpi.extras, *(kpi.stats if stats else ())]
        extras = {name: row.get(f"{kpi.id}__x__{name}") for name in names}
        left_out = (extras.get(kpi.unknown_extra) or 0) if kpi.unknown_extra else 0
        note = None
        unknown = next((said for extra, said in kpi.unknown_when.items() if (extras.get(extra) or 0) > 0), None)
        if value is None and unknown is not None:  # an input some rows lack: no figure at all
            reason = unknown.get(self.lang) or unknown.get("en") or "missing input"
        elif value is None and left_out > 0:
            reason = kpi.unknown_reason.get(self.lang) or kpi.unknown_reason.get("en") or "missing input"
        elif left_out > 0 and kpi.unknown_note:  # a figure over part of the rows: says what it left out
            text = kpi.unknown_note.get(self.lang) or kpi.unknown_note.get("en") or ""
            note = text.replace("{n}", formatting.value(float(left_out), "count", self.lang))
        small = bool(by) and kpi.unit in SAMPLED_UNITS and n is not None and n < params["min_sample"]
        return KpiValue(kpi.id, value, n, group, reason, row.get(f"{kpi.id}__b"), small, extras, note=note)

    def _cached(self, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
        """A value that only a write can change, kept until the next one."""
        key = (*key, self.store.generation)
        with self._lock:
            if key in self._cache:
                return cast(T, self._cache[key])  # kept by this call with this key: compute()'s type
        value = compute()
        with self._lock:
            self._cache[key] = value
        return value

    def _has_rows(self, cur: duckdb.DuckDBPyConnection, table: str) -> bool:
        return self._cached(("rows", table), lambda: _exists(cur, f'SELECT 1 FROM "{table}"'))

    def _missing_input(self, cur: duckdb.DuckDBPyConnection, kpi: KpiDefinition) -> str | None:
        rel = RELATIONS[kpi.relation]
        if rel.snapshot and not self._cached(("relation rows", rel.name), lambda: _exists(cur, rel.sql)):
            return "no data"  # a count at a point in time over no rows at all: unknown, not zero
        for tables, reason in ((kpi.requires, kpi.requires_reason), (kpi.requires_also, kpi.requires_also_reason)):
            if tables and not any(self._has_rows(cur, table) for table in tables):
                return reason.get(self.lang) or reason.get("en") or f"no {' or '.join(tables)} imported"
        return None

    def _pending(self, cur: duckdb.DuckDBPyConnection, kpi: KpiDefinition) -> str | None:
        """Why ``kpi`` cannot be computed yet: the derived facts it reads are pending
        (an import whose facts could not be computed: no memory, a crash, a cancel)."""
        if not getattr(self.store, "facts_tracked", False):
            return None
        if kpi.relation not in LINKED_RELATIONS and not any(_DERIVED.search(t) for t in rollup.texts(kpi)):
            return None
        if not self._cached(("pending",), lambda: bool(derive.pending(cur))):
            return None
        return PENDING_REASON.get(self.lang, PENDING_REASON["en"])

    @staticmethod
    def _unsupported(kpi: KpiDefinition, by: tuple[str, ...], filters: Filters = Filters()) -> str | None:
        rel = RELATIONS[kpi.relation]
        if not rel.by_the_hour and (filters.weekdays or filters.hours):
            # tickets open at the end of the period, time logged in (sessions of hours
            # dated by their start), the customer base: no weekday or hour to narrow to
            # (a heatmap cell would leave another figure under its label)
            return NOT_FOR_A_CELL
        if not kpi.per_agent and AGENT_DIMS & set(by):
            return NOT_PER_AGENT
        if kpi.grain == "queue" and (filters.agents or filters.teams):  # an agent's own mix of channels stays
            return NOT_PER_AGENT
        for dim in by:
            column = compose.DIMENSIONS.get(dim, (None, None))[1]
            if column is None and dim not in rel.extra_dims:
                return f"not available by {dim}"
            if column is not None and column not in rel.dims:
                return f"not available by {dim}"
            if rel.snapshot and dim in ("weekday", "hour_of_day"):
                return f"not available by {dim} (a point-in-time count)"
        return None

    def _agent_only(
        self, cur: duckdb.DuckDBPyConnection, kpi: KpiDefinition, by: tuple[str, ...], filters: Filters
    ) -> str | None:
        """Why a queue-level ``kpi`` cannot be split or filtered by a contact field
        (site, topic…) that this database gives only to contacts an agent handled:
        set on some contacts, never on one without an agent although there are such
        contacts. Read from the data (a real export may give each call its site)."""
        if kpi.grain != "queue" or kpi.relation != "contacts":
            return None
        wanted = {d for d in by if d in CONTACT_FIELDS}
        wanted |= {col for fld, (col, _) in compose.FILTERS.items() if col in CONTACT_FIELDS and getattr(filters, fld)}
        for column in sorted(wanted):
            value = "coalesce(c.site, a.site)" if column == "site" else f"c.{column}"  # as the relation reads it
            sql = (
                f"SELECT count({value}) > 0 AND count(*) FILTER (WHERE c.agent_id IS NULL) > 0"
                f" AND count({value}) FILTER (WHERE c.agent_id IS NULL) = 0"
                " FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id"
            )
            if self._cached(("agent_only", column), functools.partial(_true, cur, sql)):
                return AGENT_ONLY_FIELD
        return None

    def _agent_names(self, cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
        return dict(cur.execute("SELECT agent_id, coalesce(name, agent_id) FROM agents").fetchall())


def _true(cur: duckdb.DuckDBPyConnection, sql: str) -> bool:
    """Whether the one value the query ``sql`` returns is true."""
    row = cur.execute(sql).fetchone()
    assert row is not None  # an aggregate without GROUP BY returns one row
    return bool(row[0])


def _exists(cur: duckdb.DuckDBPyConnection, sql: str) -> bool:
    """Whether the query ``sql`` returns a row."""
    row = cur.execute(f"SELECT EXISTS ({sql})").fetchone()
    assert row is not None  # EXISTS always returns one row
    return bool(row[0])
