"""The canonical tables an import may write, and what each needs of a row.

One place says, per table, which fields a row cannot do without (a row missing one
is rejected with that reason), which fields make its natural key (a row whose key is
already in the database is a duplicate), and which ``out_*`` table feeds it. Column
types come from the database itself, so a new migration needs no change here unless
it adds a table.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Target:
    table: str
    out: str
    required: tuple[str, ...]
    key: tuple[str, ...]
    has_source: bool = True


TARGETS: dict[str, Target] = {
    t.table: t
    for t in [
        Target("contacts", "out_contacts", ("source_key", "arrived_at", "channel"), ("source", "source_key")),
        Target(
            "agent_sessions",
            "out_sessions",
            ("source_key", "agent_id", "state", "started_at", "duration_s"),
            ("source", "source_key"),
        ),
        Target(
            "surveys", "out_surveys", ("source_key", "survey_type", "scale_min", "scale_max"), ("source", "source_key")
        ),
        Target(
            "interval_stats",
            "out_intervals",
            ("source_key", "channel", "interval_start", "interval_s"),
            ("source", "source_key"),
        ),
        Target(
            "evaluations",
            "out_evaluations",
            ("source_key", "evaluated_at", "criterion", "score"),
            ("source", "source_key"),
        ),
        Target(
            "messages",
            "out_messages",
            ("contact_ref", "author_kind", "sent_at"),
            ("source", "contact_ref", "author_kind", "sent_at"),
        ),
        Target(
            "agent_schedules",
            "out_schedules",
            ("source_key", "agent_id", "starts_at", "duration_s"),
            ("source", "source_key"),
        ),
        Target("agents", "out_agents", ("agent_id",), ("agent_id",), has_source=False),
        Target("customers", "out_customers", ("customer_id",), ("customer_id",), has_source=False),
    ]
}

# Columns the framework fills itself; a mapping never provides them.
FRAMEWORK_COLUMNS = ("import_id", "contact_id", "next_contact_at")

# Values a field takes when the profile does not map it.
DEFAULTS: dict[str, dict[str, object]] = {
    "contacts": {"direction": "inbound"},
    "surveys": {"higher_is_better": True},
    "agent_sessions": {"state": "logged_in"},
}


def column_types(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """``{column: DuckDB type}`` of a canonical table, in table order."""
    rows = cur.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = $t AND table_schema = 'main' ORDER BY ordinal_position",
        {"t": table},
    ).fetchall()
    return dict(rows)


def value_kind(column: str, sql_type: str) -> str:
    """How a canonical column's text is parsed: timestamp, date, duration, number,
    integer, bool or text."""
    t = sql_type.upper()
    if t.startswith("TIMESTAMP"):
        return "timestamp"
    if t == "DATE":
        return "date"
    if t == "BOOLEAN":
        return "bool"
    if t in ("INTEGER", "BIGINT", "SMALLINT", "HUGEINT"):
        return "integer"
    if t in ("DOUBLE", "FLOAT", "REAL") or t.startswith("DECIMAL"):
        return "duration" if column.endswith("_s") else "number"
    return "text"
