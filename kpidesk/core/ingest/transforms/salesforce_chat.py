"""Salesforce Service Cloud chat transcripts (``LiveChatTranscript``) → chat contacts.

Reads a Data Loader / SOQL export (API names: ``Id``, ``RequestTime``, ``StartTime``,
``EndTime``, ``WaitTime``, ``ChatDuration``, ``Status``, ``Owner.Name``…) or a report
export (labels: ``Chat Transcript Name``, ``Request Time``, ``Wait Time``…); header
spellings of both are listed below.

A chat arrives when the visitor requests it (``RequestTime``) and is answered when an
agent accepts it (``StartTime``). ``WaitTime`` — request to acceptance, in seconds —
is the chat's wait and first human response time (docs/data-model.md). A chat nobody
accepted (``Status`` Missed, or no ``StartTime``) is abandoned. ``ChatDuration`` is the
talk time; ``AverageResponseTimeOperator`` the export's own average reply time.
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
    q,
    run,
    secs_between,
    ts,
)

FIELDS = {
    "id": ("Id", "Chat Transcript ID", "Chat Transcript Name", "Name"),
    "request": ("RequestTime", "Request Time", "CreatedDate", "Created Date"),
    "start": ("StartTime", "Start Time"),
    "end": ("EndTime", "End Time"),
    "wait": ("WaitTime", "Wait Time"),
    "duration": ("ChatDuration", "Chat Duration"),
    "status": ("Status",),
    "agent": ("Owner.Name", "Owner: Full Name", "Owner Name", "OwnerId"),
    "queue": (
        "LiveChatButton.DeveloperName",
        "Live Chat Button: Developer Name",
        "Chat Button",
        "LiveChatButtonId",
        "Skill",
    ),
    "customer": ("ContactId", "Contact ID", "Contact: Full Name", "AccountId"),
    "case": ("CaseId", "Case ID", "Case: Case Number"),
    "avg_reply": ("AverageResponseTimeOperator", "Average Response Time (Agent)"),
}


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    f = {k: pick(cols, *v) for k, v in FIELDS.items()}
    params = base_params(ctx)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _sfc AS
        SELECT _line, {f["id"]} AS id, {f["request"]} AS raw_request, {ts(f["request"])} AS requested,
               {ts(f["start"])} AS started, {ts(f["end"])} AS ended, {num(f["wait"])} AS wait_s,
               {num(f["duration"])} AS talk_s, lower({f["status"]}) AS status, {f["agent"]} AS agent,
               {f["queue"]} AS queue, {f["customer"]} AS customer, {num(f["avg_reply"])} AS avg_reply_s
        FROM {q(staging)}
    """,
        params,
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source, id AS source_key, 'chat' AS channel, 'inbound' AS direction,
               queue, CASE WHEN answered THEN agent END AS agent_id, customer AS customer_id,
               requested AS arrived_at, CASE WHEN answered THEN started END AS answered_at,
               CASE WHEN answered THEN started END AS first_response_at, ended AS ended_at,
               CAST(w AS DOUBLE) AS wait_s, CAST(CASE WHEN answered THEN w END AS DOUBLE) AS first_response_s,
               CAST(CASE WHEN answered THEN talk_s END AS DOUBLE) AS talk_s,
               CAST(avg_reply_s AS DOUBLE) AS avg_reply_s,
               CASE WHEN answered THEN 'answered' ELSE 'abandoned' END AS outcome, status,
               CAST($import_id AS INTEGER) AS import_id
        FROM (SELECT *, started IS NOT NULL AND COALESCE(status, '') <> 'missed' AS answered,
                     COALESCE(wait_s, CASE WHEN started IS NOT NULL
                                           THEN {secs_between("requested", "started")} END) AS w
              FROM _sfc)
        WHERE id IS NOT NULL AND requested IS NOT NULL
          AND COALESCE(status, '') NOT IN ('inprogress', 'in progress', 'waiting')
    """,
        params,
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'no transcript id' FROM _sfc WHERE id IS NULL",
            "SELECT _line, 'unparseable request time ' || COALESCE('''' || raw_request || '''', '(empty)')"
            " FROM _sfc WHERE id IS NOT NULL AND requested IS NULL",
        ],
    )
