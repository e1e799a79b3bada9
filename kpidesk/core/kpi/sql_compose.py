"""Compose the SQL for a set of KPIs × filters × grouping.

Grouping expressions and filter clauses come from the fixed tables below; filter
values are bound as list parameters (``$f_queue``…). KPI measures are pasted as
written in their files, each inside parentheses — every one was checked when its file
was loaded to be ONE expression with allowed functions only (``sql_guard``), never
values typed into a filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kpidesk.core.kpi.definitions import KpiDefinition
from kpidesk.core.kpi.relations import RELATIONS, Relation

# dimension name → (SQL expression over the relation, relation column it needs)
DIMENSIONS: dict[str, tuple[str, str]] = {
    "agent": ("agent_id", "agent_id"),
    "queue": ("queue", "queue"),
    "team": ("team", "team"),
    "site": ("site", "site"),
    "topic": ("topic", "topic"),
    "product": ("product", "product"),
    "channel": ("channel", "channel"),
    "kind": ("kind", "kind"),
    "15min": ("time_bucket(INTERVAL 15 MINUTE, t)", "t"),
    "hour": ("date_trunc('hour', t)", "t"),
    "day": ("CAST(t AS DATE)", "t"),
    "week": ("CAST(date_trunc('week', t) AS DATE)", "t"),
    "month": ("CAST(date_trunc('month', t) AS DATE)", "t"),
    "weekday": ("isodow(t)", "t"),
    "hour_of_day": ("hour(t)", "t"),
}
HOUR_DIMS = frozenset({"15min", "hour", "hour_of_day"})  # groupings that need a time of day
TIME_STEPS = {"15min": "15 MINUTE", "hour": "1 HOUR", "day": "1 DAY", "week": "1 WEEK", "month": "1 MONTH"}
TRUNC = {"15min": "hour", "hour": "hour", "day": "day", "week": "week", "month": "month"}

# filter field → (relation column, bound parameter)
FILTERS = {
    "channels": ("channel", "f_channel"),
    "kinds": ("kind", "f_kind"),
    "queues": ("queue", "f_queue"),
    "teams": ("team", "f_team"),
    "sites": ("site", "f_site"),
    "agents": ("agent_id", "f_agent"),
    "topics": ("topic", "f_topic"),
}


class Filtered(Protocol):
    """What this module reads of ``engine.Filters`` (the engine imports this module)."""

    @property
    def channels(self) -> tuple[str, ...]: ...
    @property
    def kinds(self) -> tuple[str, ...]: ...
    @property
    def queues(self) -> tuple[str, ...]: ...
    @property
    def teams(self) -> tuple[str, ...]: ...
    @property
    def sites(self) -> tuple[str, ...]: ...
    @property
    def agents(self) -> tuple[str, ...]: ...
    @property
    def topics(self) -> tuple[str, ...]: ...
    @property
    def weekdays(self) -> tuple[int, ...]: ...
    @property
    def hours(self) -> tuple[int, ...]: ...


@dataclass
class Query:
    sql: str
    kpis: list[KpiDefinition]
    routed: bool = False  # reads a rollup, not the detail rows


# time filter field → (expression over the relation's time ``t``, bound parameter):
# a weekday or an hour of the day across the whole period (a heatmap cell)
TIME_FILTERS = {
    "weekdays": ("isodow(t)", "f_weekday"),
    "hours": ("hour(t)", "f_hour"),
}


def filter_values(filters: Filtered) -> dict[str, list[str] | list[int]]:
    """The bound values of :func:`filter_clauses` (and of the channel-mix share)."""
    values: dict[str, list[str] | list[int]] = {
        param: list(getattr(filters, field)) for field, (_, param) in FILTERS.items()
    }
    values["channel_filter"] = list(filters.channels)
    for field, (_, param) in TIME_FILTERS.items():
        values[param] = [int(v) for v in getattr(filters, field)]
    return values


def filter_clauses(filters: Filtered, columns: dict[str, str], open_columns: frozenset[str] = frozenset()) -> list[str]:
    """The only Filters → WHERE: one clause per narrowed filter field that ``columns``
    maps (filter field → the SQL expression it tests), its values bound as
    :func:`filter_values`. A column in ``open_columns`` lets NULL through."""
    clauses = []
    for field, column in columns.items():
        if not getattr(filters, field):
            continue
        test = f"list_contains(${FILTERS[field][1]}, {column})"
        clauses.append(f"({column} IS NULL OR {test})" if column in open_columns else test)
    return clauses


def where(rel: Relation, filters: Filtered, skip: tuple[str, ...] = ()) -> list[str]:
    """A relation's WHERE clauses: its period, then the filters on its columns."""
    clauses = []
    if rel.periodic and not rel.snapshot:
        clauses.append("t >= $period_start AND t < $period_end")
        clauses += [
            f"list_contains(${param}, {expr})"
            for field, (expr, param) in TIME_FILTERS.items()
            if getattr(filters, field)
        ]
    columns = {field: column for field, (column, _) in FILTERS.items() if field not in skip and column in rel.dims}
    return clauses + filter_clauses(filters, columns, rel.open_filters)


def rows(rel: Relation, filters: Filtered) -> str:
    """A relation's rows within the period and the filters, through the same
    :func:`where` as the KPI figures: the contacts a list or a distribution shows
    are the contacts the figure counts."""
    clauses = where(rel, filters)
    return f"SELECT * FROM ({rel.sql}) r" + ("\nWHERE " + "\n  AND ".join(clauses) if clauses else "")


def _dim_sql(rel: Relation, by: tuple[str, ...]) -> list[str]:
    out = []
    for dim in by:
        expr = rel.extra_dims.get(dim) or DIMENSIONS[dim][0]
        out.append(f'{expr} AS "{dim}"')
    return out


def _measures(kpi: KpiDefinition, stats: bool) -> list[str]:
    cols = [f'({kpi.measure}) AS "{kpi.id}__v"', f'({kpi.n}) AS "{kpi.id}__n"']
    if kpi.basis:
        cols.append(f'({kpi.basis}) AS "{kpi.id}__b"')
    extras = {**kpi.extras, **(kpi.stats if stats else {})}
    cols += [f'({expr}) AS "{kpi.id}__x__{name}"' for name, expr in extras.items()]
    return cols


def _select(rel_sql: str, dims: list[str], measures: list[str], where: list[str], by: tuple[str, ...] | bool) -> str:
    sql = f"SELECT {', '.join(dims + measures)}\nFROM ({rel_sql}) r"
    if where:
        sql += "\nWHERE " + "\n  AND ".join(where)
    if by:
        sql += "\nGROUP BY ALL ORDER BY ALL"
    return sql


def _snapshot_source(rel: Relation, by: tuple[str, ...], source: str | None = None) -> str:
    """Tickets open at the end of the period, or at the end of each time bucket."""
    step = next((TIME_STEPS[d] for d in by if d in TIME_STEPS), None)
    if step is None:
        ends = "SELECT $period_start AS bucket_start, $period_end AS bucket_end"
    else:
        trunc = TRUNC[next(d for d in by if d in TIME_STEPS)]
        ends = (
            "SELECT s AS bucket_start, least(s + INTERVAL " + step + ", $period_end) AS bucket_end "
            f"FROM generate_series(date_trunc('{trunc}', $period_start), "
            "$period_end - INTERVAL 1 MICROSECOND, INTERVAL " + step + ") g(s)"
        )
    return (
        f"SELECT r.* REPLACE (e.bucket_start AS t), e.bucket_end AS period_end\n"
        f"FROM ({source or rel.sql}) r JOIN ({ends}) e\n"
        "  ON r.arrived_at < e.bucket_end AND (r.solved_at IS NULL OR r.solved_at >= e.bucket_end)"
    )


def _timed_only(rel: Relation, filters: Filtered, by: tuple[str, ...], routed: str | None) -> list[str]:
    """A day without its time has no hour (not 00:00): grouped or filtered by the hour,
    the detail rows keep those with their time, as the rollups' hour level does."""
    if routed is None and (HOUR_DIMS & set(by) or filters.hours) and "hours_known" in rel.sql:
        return ["hours_known = 1"]
    return []


def _share_query(
    kpi: KpiDefinition, rel: Relation, filters: Filtered, by: tuple[str, ...], source: str | None = None
) -> str:
    """A measure as a share of all channels (channel mix): the channel filter picks
    which channels' part is shown, the denominator is every channel."""
    other = [d for d in by if d != "channel"]
    inner_dims = _dim_sql(rel, tuple(other)) + ['channel AS "channel"']
    clauses = where(rel, filters, ("channels",)) + _timed_only(rel, filters, by, source)
    inner = _select(source or rel.sql, inner_dims, [f"({kpi.measure}) AS num"], clauses, True)
    part = ", ".join(f'"{d}"' for d in other)
    window = f"PARTITION BY {part}" if part else ""
    columns = [f'"{d}"' for d in by]
    columns += [f'sum(num) / any_value(total) AS "{kpi.id}__v"', f'sum(num) AS "{kpi.id}__n"']
    keep = "len($channel_filter) = 0 OR list_contains($channel_filter, channel)"
    sql = (
        f"SELECT {', '.join(columns)}\n"
        f"FROM (SELECT *, sum(num) OVER ({window}) AS total FROM ({inner}) g) w\n"
        f"WHERE {keep}"
    )
    return sql + ("\nGROUP BY ALL ORDER BY ALL" if by else "")


def plan(
    defs: list[KpiDefinition],
    filters: Filtered,
    by: tuple[str, ...],
    stats: bool = False,
    routes: dict[str, tuple[str, KpiDefinition]] | None = None,
) -> list[Query]:
    """One query per relation (plus one per share KPI). ``stats`` adds medians and p90.

    ``routes`` sends some KPIs to a rollup: KPI id → (source SQL, the definition
    rewritten over the rollup's columns); the others read the relation itself.
    """
    routes = routes or {}
    groups: dict[tuple[str, str | None], list[KpiDefinition]] = {}
    queries = []
    for kpi in defs:
        rel = RELATIONS[kpi.relation]
        source, written = routes.get(kpi.id, (None, kpi))
        if kpi.share_over == "channel":
            queries.append(Query(_share_query(written, rel, filters, by, source), [kpi], source is not None))
        else:
            groups.setdefault((kpi.relation, source), []).append(kpi)
    for (name, routed), kpis in groups.items():
        rel = RELATIONS[name]
        if rel.snapshot:
            source = _snapshot_source(rel, by, routed)
        else:
            source = routed or rel.sql
        measures = [m for kpi in kpis for m in _measures(routes[kpi.id][1] if routed else kpi, stats)]
        clauses = where(rel, filters) + _timed_only(rel, filters, by, routed)
        sql = _select(source, _dim_sql(rel, by), measures, clauses, by)
        queries.append(Query(sql, kpis, routed is not None))
    return queries
