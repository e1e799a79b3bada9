"""Asterisk CDR (``Master.csv`` or a ``cdr`` table export) → phone contacts.

Since Asterisk 12 one call is spread over several CDR rows (one per bridge / dial
attempt) sharing a ``linkedid``; the contact is the group, keyed by ``linkedid``
(``uniqueid`` on older systems without the column).

What CDRs can and cannot tell:

* Volumes and talk times of direct calls are reliable (``billsec`` of answered legs).
* A call into ``Queue()`` is answered by the queue at entry, so its ``answer`` time and
  ``billsec`` include the wait: the transform gives no wait or talk time for queued
  calls (import the queue_log for those).
* Calls abandoned in the queue show disposition ``ANSWERED``. A queued call is counted
  answered only when a leg was bridged to an agent (``dstchannel`` set, ANSWERED,
  ``billsec`` > 0); otherwise its outcome is left unknown (NULL): CDRs cannot tell an
  abandon from a timeout or a voicemail, so they do not give a reliable abandon rate.
* An inbound call dialled straight to phones (no queue) that no leg answered (every
  leg NO ANSWER, BUSY or FAILED) is a missed call: ``abandoned``, its wait the time to
  the hang-up; an answered one waited until the agent's leg answered. A direct call
  answered by the system alone (an announcement, ``Hangup``, no agent bridged) stays
  unknown: it was never offered to an agent.
* Direction: a queued call is inbound; a call placed by an extension's device (the
  name after ``PJSIP/`` matches ``extension_regex``, default 2–5 digits) to an external
  number is outbound; any other call from an external number is inbound; the rest
  (extension to extension) are not customer contacts and produce no row. A number is
  external when it matches ``external_number_regex`` (default: 6 digits or more,
  optional ``+``). Both are profile options (``[options]``). The agent is the bridged
  device (inbound) or the calling device (outbound).
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    num,
    options,
    pick,
    run,
    ts,
)

DEFAULT_EXTERNAL = r"^\+?[0-9]{6,}$"
DEFAULT_EXTENSION = r"^[0-9]{2,5}$"


def _peer(col: str) -> str:
    """``PJSIP/101-0000001b`` → ``PJSIP/101`` (the agent's device, as in the queue_log)."""
    return f"regexp_replace(regexp_replace({col}, ';[0-9]+$', ''), '-[0-9a-f]+$', '')"


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    opts = options(ctx, "asterisk_cdr")
    params = {
        **base_params(ctx),
        "ext": opts.get("external_number_regex", DEFAULT_EXTERNAL),
        "extn": opts.get("extension_regex", DEFAULT_EXTENSION),
    }
    c = {
        k: pick(cols, k)
        for k in ("src", "dst", "dstchannel", "lastapp", "lastdata", "disposition", "uniqueid", "linkedid", "channel")
    }
    start = pick(cols, "start", "calldate")
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _cdr AS
        SELECT _line, raw_start, {ts("raw_start")} AS started, {ts("raw_answer")} AS answered,
               {ts("raw_end")} AS ended, {num("raw_billsec")} AS billsec, src, dst,
               COALESCE(linkedid, uniqueid, 'line' || _line) AS call_key,
               CASE WHEN lower(lastapp) = 'queue' THEN NULLIF(split_part(lastdata, ',', 1), '') END
                   AS queue,
               {_peer("dstchannel")} AS agent, {_peer("channel")} AS caller_peer,
               upper(disposition) = 'ANSWERED' AS answered_leg,
               upper(disposition) = 'ANSWERED' AND dstchannel IS NOT NULL AND
                   COALESCE({num("raw_billsec")}, 0) > 0 AS bridged
        FROM (SELECT _line, {start} AS raw_start, {pick(cols, "answer", "answerdate")} AS raw_answer,
                     {pick(cols, "end", "enddate", "hangupdate")} AS raw_end,
                     {pick(cols, "billsec")} AS raw_billsec,
                     {", ".join(f"{v} AS {k}" for k, v in c.items())}
              FROM "{staging.replace('"', '""')}")
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE _cdr_calls AS
        SELECT call_key, min(_line) AS _line, min(started) AS arrived_at, max(ended) AS ended_at,
               arg_min(queue, started) FILTER (queue IS NOT NULL) AS queue,
               arg_min(agent, started) FILTER (bridged) AS agent_in,
               arg_min(caller_peer, _line) AS agent_out,
               min(answered) FILTER (bridged) AS answered_at,
               sum(billsec) FILTER (bridged) AS talk_s, bool_or(bridged) AS any_bridged,
               bool_or(answered_leg) AS any_answered,
               arg_min(src, _line) AS src, arg_min(dst, _line) AS dst
        FROM _cdr WHERE started IS NOT NULL GROUP BY call_key
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source, call_key AS source_key, 'phone' AS channel, direction,
               queue, CASE direction WHEN 'outbound' THEN agent_out ELSE agent_in END AS agent_id, CASE direction WHEN 'outbound' THEN dst ELSE src END AS customer_id,
               arrived_at, CASE WHEN queue IS NULL THEN answered_at END AS answered_at, ended_at,
               CAST(CASE WHEN queue IS NULL AND any_bridged THEN talk_s END AS DOUBLE) AS talk_s,
               CASE WHEN any_bridged THEN 'answered' WHEN direction = 'outbound' THEN 'missed'
                    WHEN direct_missed THEN 'abandoned' END AS outcome,
               -- a direct call's ring time: to the agent's answer, or to the caller's hang-up
               CAST(CASE WHEN direction = 'inbound' AND queue IS NULL AND any_bridged
                         THEN epoch(answered_at) - epoch(arrived_at)
                         WHEN direct_missed THEN epoch(ended_at) - epoch(arrived_at) END AS DOUBLE) AS wait_s,
               CAST($import_id AS INTEGER) AS import_id
        FROM (SELECT *, CASE WHEN queue IS NOT NULL THEN 'inbound'
                             WHEN regexp_matches(COALESCE(dst, ''), $ext) AND regexp_matches(
                                  split_part(COALESCE(agent_out, ''), '/', -1), $extn) THEN 'outbound'
                             WHEN regexp_matches(COALESCE(src, ''), $ext) THEN 'inbound' END
                            AS direction
              FROM _cdr_calls) d,
             -- an inbound call dialled straight to phones (no queue) that no leg answered
             -- (NO ANSWER, BUSY, FAILED): the caller was not answered, a missed call
             LATERAL (SELECT direction = 'inbound' AND queue IS NULL AND NOT any_answered AS direct_missed)
        WHERE direction IS NOT NULL
    """,
        params,
    )
    # Why the other lines load nothing (the import report counts them per reason).
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_ignored AS
        SELECT d._line, CASE WHEN d._line <> c._line THEN 'another leg of a call counted once (same linkedid)'
                             ELSE 'internal call between extensions (no customer number): not a customer contact'
                        END AS reason
        FROM _cdr d JOIN _cdr_calls c USING (call_key)
        WHERE d.started IS NOT NULL
          AND NOT (d._line = c._line AND c.call_key IN (SELECT source_key FROM out_contacts))
    """,
        params,
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'unparseable start time ' || COALESCE('''' || raw_start || '''', '(empty)')"
            " FROM _cdr WHERE started IS NULL",
        ],
    )
