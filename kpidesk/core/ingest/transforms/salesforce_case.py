"""Salesforce Service Cloud cases, with or without milestones → tickets.

Reads the "Cases with Milestones" report (one row per case × milestone: ``Case
Number``, ``Date/Time Opened``, ``Date/Time Closed``, ``Milestone``, ``Completion
Date``…) or a plain case export (API names ``CaseNumber``, ``CreatedDate``,
``ClosedDate``, ``MilestoneType.Name``, ``CompletionDate``…). Rows are grouped by case.

Salesforce has no first-reply timestamp on a case; the completion of the *first
response* milestone (a milestone whose name contains "first response" / "première
réponse", or the ``first_response_milestone`` profile option) stands for it. Without
such a milestone the case has no first response time. Cases are tickets: channel
``email`` (``social`` for Twitter/Facebook origins); ``handled`` once the first-response
milestone is completed or the case is closed.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    options,
    pick,
    q,
    run,
    secs_between,
    truthy,
    ts,
)

FIELDS = {
    "id": ("CaseNumber", "Case Number", "Id", "Case ID"),
    "created": ("CreatedDate", "Date/Time Opened", "Opened Date", "Created Date"),
    "closed": ("ClosedDate", "Date/Time Closed", "Closed Date"),
    "is_closed": ("IsClosed", "Closed"),
    "status": ("Status",),
    "priority": ("Priority",),
    "origin": ("Origin", "Case Origin"),
    "type": ("Type", "Case Type", "Reason", "Case Reason"),
    "agent": ("Owner.Name", "Case Owner", "Owner: Full Name", "OwnerId"),
    "queue": ("Queue", "Owner Queue", "Business Hours"),
    "customer": ("ContactId", "Contact ID", "Contact Name", "AccountId", "Account Name"),
    "milestone": ("MilestoneType.Name", "Milestone", "Milestone Name", "Milestone: Name"),
    "completed": ("CompletionDate", "Completion Date", "Milestone Completion Date"),
}


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    f = {k: pick(cols, *v) for k, v in FIELDS.items()}
    params = {
        **base_params(ctx),
        "frm": options(ctx, "salesforce").get("first_response_milestone", "(?i)(first.?response|premi.re.?r.ponse)"),
    }
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _sfcase AS
        SELECT _line, {f["id"]} AS id, {f["created"]} AS raw_created, {ts(f["created"])} AS created,
               {ts(f["closed"])} AS closed, {truthy(f["is_closed"])} AS is_closed,
               {f["status"]} AS status, {f["priority"]} AS priority, lower({f["origin"]}) AS origin,
               {f["type"]} AS type, {f["agent"]} AS agent, {f["queue"]} AS queue,
               {f["customer"]} AS customer,
               CASE WHEN regexp_matches(COALESCE({f["milestone"]}, ''), $frm)
                    THEN {ts(f["completed"])} END AS first_done
        FROM {q(staging)}
    """,
        params,
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source, id AS source_key,
               CASE WHEN origin IN ('twitter', 'facebook', 'whatsapp', 'instagram') THEN 'social'
                    ELSE 'email' END AS channel, 'inbound' AS direction, queue, agent AS agent_id,
               customer AS customer_id, type AS topic, priority, lower(status) AS status,
               created AS arrived_at, first_done AS first_response_at, closed AS solved_at,
               CAST({secs_between("created", "first_done")} AS DOUBLE) AS first_response_s,
               CAST({secs_between("created", "closed")} AS DOUBLE) AS resolution_s,
               CASE WHEN first_done IS NOT NULL OR closed IS NOT NULL OR is_closed THEN 'handled' END
                   AS outcome,
               COALESCE(is_closed, closed IS NOT NULL) AS resolved,
               CAST($import_id AS INTEGER) AS import_id
        FROM (SELECT id, min(_line) AS _line, min(created) AS created, max(closed) AS closed,
                     bool_or(is_closed) AS is_closed, min(first_done) AS first_done,
                     arg_min(status, _line) AS status, arg_min(priority, _line) AS priority,
                     arg_min(origin, _line) AS origin, arg_min(type, _line) AS type,
                     arg_min(agent, _line) AS agent, arg_min(queue, _line) AS queue,
                     arg_min(customer, _line) AS customer
              FROM _sfcase WHERE id IS NOT NULL AND created IS NOT NULL GROUP BY id)
    """,
        params,
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'no case number' FROM _sfcase WHERE id IS NULL",
            "SELECT _line, 'unparseable opening time ' || COALESCE('''' || raw_created || '''', '(empty)')"
            " FROM _sfcase WHERE id IS NOT NULL AND created IS NULL",
        ],
    )
