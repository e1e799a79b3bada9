"""Amazon Connect contact trace records (CTR, JSON) → contacts.

One CTR per contact (``ContactId``); ``Queue`` and ``Agent`` are nested objects (JSON
text in staging). Connect gives its own durations in seconds: ``Queue.Duration`` (wait),
``Agent.AgentInteractionDuration`` (talk, hold excluded), ``Agent.CustomerHoldDuration``,
``Agent.AfterContactWorkDuration`` (wrap) — used as given.

Rules, per docs/data-model.md:

* Only contacts that reached a queue or an agent are contacts; an IVR-only call (no
  ``Queue``, no agent) produces no row.
* Inbound voice: ``arrived_at`` = ``Queue.EnqueueTimestamp``; answered when connected to
  an agent; else ``abandoned`` when the customer hung up (``DisconnectReason`` =
  ``CUSTOMER_DISCONNECT``), otherwise ``flowout`` (queue timeout, transfer, flow).
* Chat: answered when an agent connected, else abandoned; the queue wait is also the
  wait for the first human reply.
* Outbound voice (``InitiationMethod`` OUTBOUND, or API on a voice contact — a chat
  started through the API is the customer's): ``answered`` when the customer connected
  (``ConnectedToSystemTimestamp``), else ``missed``.
* ``TASK`` contacts become channel ``task`` (handled when an agent took them).
* What each record is (``record_kind``), from its Connect channel, the file mixing
  them: a VOICE contact is a call, a CHAT one a chat, a TASK or EMAIL one a ticket
  (a piece of work with its own life, as a help desk's ticket).
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
    ts,
)


def _j(obj: str, key: str) -> str:
    return f"NULLIF(json_extract_string({obj}, '$.{key}'), '')"  # constant keys only


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    queue, agent, cust = pick(cols, "Queue"), pick(cols, "Agent"), pick(cols, "CustomerEndpoint")
    params = base_params(ctx)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ctr AS
        SELECT _line, id, raw_init, {ts("raw_init")} AS initiated, {ts("raw_end")} AS ended,
               {ts("raw_system")} AS system_at, {ts("raw_transfer")} AS transfer_at,
               {ts(_j("qobj", "EnqueueTimestamp"))} AS enqueued, {num(_j("qobj", "Duration"))} AS wait_s,
               {_j("qobj", "Name")} AS queue, {_j("aobj", "Username")} AS agent,
               {ts(_j("aobj", "ConnectedToAgentTimestamp"))} AS connected,
               {num(_j("aobj", "AgentInteractionDuration"))} AS talk_s,
               {num(_j("aobj", "CustomerHoldDuration"))} AS hold_s,
               {num(_j("aobj", "AfterContactWorkDuration"))} AS wrap_s,
               {_j("cobj", "Address")} AS customer,
               CASE upper(chan) WHEN 'VOICE' THEN 'phone' WHEN 'CHAT' THEN 'chat'
                    WHEN 'TASK' THEN 'task' WHEN 'EMAIL' THEN 'email' ELSE lower(chan) END AS channel,
               CASE WHEN upper(method) = 'OUTBOUND' OR (upper(method) = 'API' AND upper(chan) = 'VOICE')
                    THEN 'outbound' ELSE 'inbound' END AS direction, upper(reason) AS reason
        FROM (SELECT _line, {pick(cols, "ContactId")} AS id, {pick(cols, "InitiationTimestamp")} AS raw_init,
                     {pick(cols, "DisconnectTimestamp")} AS raw_end,
                     {pick(cols, "ConnectedToSystemTimestamp")} AS raw_system,
                     {pick(cols, "TransferCompletedTimestamp")} AS raw_transfer,
                     {pick(cols, "Channel")} AS chan, {pick(cols, "InitiationMethod")} AS method,
                     {pick(cols, "DisconnectReason")} AS reason,
                     {queue} AS qobj, {agent} AS aobj, {cust} AS cobj
              FROM {q(staging)})
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source, id AS source_key, channel,
               CASE channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' ELSE 'ticket' END AS record_kind,
               direction, queue,
               agent AS agent_id, customer AS customer_id,
               CASE WHEN direction = 'inbound' THEN COALESCE(enqueued, initiated) ELSE initiated END
                   AS arrived_at,
               connected AS answered_at, ended AS ended_at,
               CASE WHEN channel = 'chat' THEN connected END AS first_response_at,
               CAST(CASE WHEN direction = 'inbound' THEN wait_s END AS DOUBLE) AS wait_s,
               CAST(CASE WHEN channel = 'chat' AND connected IS NOT NULL THEN wait_s END AS DOUBLE)
                   AS first_response_s,
               CAST(talk_s AS DOUBLE) AS talk_s, CAST(hold_s AS DOUBLE) AS hold_s,
               CAST(wrap_s AS DOUBLE) AS wrap_s,
               CASE WHEN direction = 'outbound'
                        THEN CASE WHEN system_at IS NOT NULL
                                  THEN 'answered' ELSE 'missed' END
                    WHEN channel NOT IN ('phone', 'chat')
                        THEN CASE WHEN connected IS NOT NULL THEN 'handled' END
                    WHEN connected IS NOT NULL THEN 'answered'
                    WHEN channel = 'chat' OR reason = 'CUSTOMER_DISCONNECT' THEN 'abandoned'
                    ELSE 'flowout' END AS outcome,
               CASE WHEN connected IS NOT NULL THEN transfer_at IS NOT NULL END AS transferred,
               CAST($import_id AS INTEGER) AS import_id
        FROM _ctr
        WHERE id IS NOT NULL AND initiated IS NOT NULL
          AND (enqueued IS NOT NULL OR connected IS NOT NULL OR queue IS NOT NULL)
    """,
        params,
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'no ContactId' FROM _ctr WHERE id IS NULL",
            "SELECT _line, 'unparseable InitiationTimestamp ' || COALESCE('''' || raw_init || '''', '(empty)')"
            " FROM _ctr WHERE id IS NOT NULL AND initiated IS NULL",
        ],
    )
