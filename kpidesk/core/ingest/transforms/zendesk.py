"""Zendesk ticket export (CSV report export, or the JSON export) → tickets and CSAT.

The CSV export has one row per ticket with Title-Case headers (``Id``, ``Created at``,
``Solved at``, ``First reply time in minutes``, ``Full resolution time in minutes``,
``Replies``, ``Reopens``, ``Satisfaction Score``…). The JSON export (one ticket object
per line) has API names (``id``, ``created_at``…) and nests the same metrics in
``metric_set`` and the rating in ``satisfaction_rating``; both land in one shape here.

Zendesk computes response and resolution times itself (calendar minutes); they are
used as given rather than recomputed, because the export has no first-reply timestamp.
``first_response_at`` is derived from them for the record. Zendesk CSAT is binary:
``good`` → 1, ``bad`` → 0 on a 0–1 scale; ``offered``/``unoffered`` only set
``surveyed`` on the ticket.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    num,
    pick,
    plus_secs,
    q,
    run,
    secs_between,
    ts,
)


def _json(obj: str, path: str) -> str:
    return f"NULLIF(json_extract_string({obj}, '{path}'), '')"  # constant paths only


def _fields(cols: dict[str, str]) -> dict[str, str]:
    """SQL for each field; header names normalise alike (``Created at`` = ``created_at``)."""
    null = "CAST(NULL AS VARCHAR)"
    m, r, v = pick(cols, "metric_set"), pick(cols, "satisfaction_rating"), pick(cols, "via")
    nested = "metricset" in cols or "satisfactionrating" in cols  # the JSON export

    def either(json_path: str, obj: str, *csv_names: str) -> str:
        flat = pick(cols, *csv_names) if csv_names else null
        return f"COALESCE({_json(obj, json_path)}, {flat})" if nested else flat

    return {
        "id": pick(cols, "Id", "Ticket id"),
        "created": pick(cols, "Created at"),
        "solved": either("$.solved_at", m, "Solved at"),
        "status": pick(cols, "Status"),
        "priority": pick(cols, "Priority"),
        "type": pick(cols, "Ticket type", "Type"),
        "group": pick(cols, "Group", "group_id"),
        "assignee": pick(cols, "Assignee", "assignee_id"),
        "requester": pick(cols, "Requester id", "Requester email", "Requester"),
        "via": f"COALESCE({_json(v, '$.channel')}, {v})" if nested else v,
        "frt_min": either("$.reply_time_in_minutes.calendar", m, "First reply time in minutes"),
        "res_min": either("$.full_resolution_time_in_minutes.calendar", m, "Full resolution time in minutes"),
        "replies": either("$.replies", m, "Replies"),
        "reopens": either("$.reopens", m, "Reopens"),
        "csat": either("$.score", r, "Satisfaction Score", "Satisfaction rating"),
        "csat_id": either("$.id", r),
        "csat_comment": either("$.comment", r, "Satisfaction Comment"),
        "csat_at": either("$.updated_at", r),
    }


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    f = _fields(columns(cur, staging))
    params = base_params(ctx)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _zd AS
        SELECT _line, id, raw_created, {ts("raw_created")} AS created, {ts("solved")} AS solved,
               {ts("csat_at")} AS csat_at, lower(status) AS status, priority, type, grp,
               assignee, requester, lower(via) AS via, CAST({num("frt_min")} * 60 AS DOUBLE) AS frt_s,
               CAST({num("res_min")} * 60 AS DOUBLE) AS res_s, CAST({num("replies")} AS INTEGER) AS replies,
               CAST({num("reopens")} AS INTEGER) AS reopens, lower(csat) AS csat, csat_id, csat_comment
        FROM (SELECT _line, {f["id"]} AS id, {f["created"]} AS raw_created, {f["solved"]} AS solved,
                     {f["status"]} AS status, {f["priority"]} AS priority, {f["type"]} AS type,
                     {f["group"]} AS grp, {f["assignee"]} AS assignee, {f["requester"]} AS requester,
                     {f["via"]} AS via, {f["frt_min"]} AS frt_min, {f["res_min"]} AS res_min,
                     {f["replies"]} AS replies, {f["reopens"]} AS reopens, {f["csat"]} AS csat,
                     {f["csat_id"]} AS csat_id, {f["csat_comment"]} AS csat_comment,
                     {f["csat_at"]} AS csat_at
              FROM {q(staging)})
    """,
        params,
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source, id AS source_key,
               CASE WHEN via IN ('twitter', 'facebook', 'instagram', 'whatsapp', 'any_channel')
                    THEN 'social' ELSE 'email' END AS channel,
               'inbound' AS direction, grp AS queue, assignee AS agent_id, requester AS customer_id,
               type AS topic, priority, status, created AS arrived_at,
               {plus_secs("created", "frt_s")} AS first_response_at, solved AS solved_at,
               frt_s AS first_response_s,
               CAST(COALESCE(res_s, CASE WHEN solved IS NOT NULL
                    THEN {secs_between("created", "solved")} END) AS DOUBLE) AS resolution_s,
               CASE WHEN frt_s IS NOT NULL OR replies > 0 THEN 'handled' END AS outcome,
               status IN ('solved', 'closed') AS resolved, reopens > 0 AS reopened, replies,
               CASE WHEN csat IN ('offered', 'good', 'bad') THEN true
                    WHEN csat IN ('unoffered', 'not offered') THEN false END AS surveyed,
               CAST($import_id AS INTEGER) AS import_id
        FROM _zd WHERE id IS NOT NULL AND created IS NOT NULL
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_surveys AS
        SELECT _line, $source AS source, COALESCE(csat_id, 'csat:' || id) AS source_key,
               'csat' AS survey_type, CAST(CASE csat WHEN 'good' THEN 1 ELSE 0 END AS DOUBLE) AS score,
               CAST(0 AS DOUBLE) AS scale_min, CAST(1 AS DOUBLE) AS scale_max, true AS higher_is_better, csat_at AS answered_at,
               id AS contact_ref, assignee AS agent_id, grp AS queue, requester AS customer_id,
               csat_comment AS comment, CAST($import_id AS INTEGER) AS import_id
        FROM _zd WHERE id IS NOT NULL AND created IS NOT NULL AND csat IN ('good', 'bad')
    """,
        params,
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'no ticket id' FROM _zd WHERE id IS NULL",
            "SELECT _line, 'unparseable creation time ' || COALESCE('''' || raw_created || '''', '(empty)')"
            " FROM _zd WHERE id IS NOT NULL AND created IS NULL",
        ],
    )
