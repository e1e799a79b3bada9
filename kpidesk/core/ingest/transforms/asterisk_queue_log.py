"""Asterisk ``queue_log`` → phone contacts and agent sessions.

A queue_log has no call rows: a call is rebuilt from its events (ENTERQUEUE, then
CONNECT and COMPLETE*/TRANSFER, or ABANDON, or an EXIT*). One transform reads the three
shapes the events come in, told apart by their columns:

* the raw pipe file ``epoch|callid|queue|agent|event|data1…`` (profile ``columns``);
* the realtime table export ``time, callid, queuename, agent, event, data1..data5``
  (or a single ``data`` column, pipe-separated);
* PBXware's table ``date_time, callid, queue_name, type, event, param1..3, entpos,
  expos, htime, ttime, time`` (wait and talk in ``htime``/``ttime``).

Waits and talk times are taken from the event data (Asterisk's own counters), not from
timestamp differences: that is what Asterisk reports and it is exact to the second.
One contact per (callid, queue entry): a call that times out of one queue into another
is offered in both (kpi-catalog: a flow-out is offered again there).
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms import asterisk_sessions
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    has,
    num,
    options,
    pick,
    run,
    ts,
)

ANSWER = ("CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER")
TRANSFERS = ("TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER")
FLOWOUT = ("EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY")
ENDS = ANSWER[1:] + ("ABANDON",) + FLOWOUT
NO_CALL = ("", "NONE", "REALTIME")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"  # constant event names only


def _normalise(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    """``_ql_ev``: one row per line, same columns whatever the variant."""
    cols = columns(cur, staging)
    if has(cols, "htime", "param1"):  # PBXware
        time, queue = pick(cols, "date_time", "time"), pick(cols, "queue_name")
        agent = pick(cols, options(ctx, "asterisk").get("agent_column", "type"), "agent")
        d = [
            pick(cols, "param1"),
            pick(cols, "param2"),
            pick(cols, "param3"),
            "CAST(NULL AS VARCHAR)",
            "CAST(NULL AS VARCHAR)",
        ]
        htime, ttime = num(pick(cols, "htime")), num(pick(cols, "ttime"))
    else:
        time = pick(cols, "time", "epoch", "timestamp", "date_time")
        queue, agent = pick(cols, "queuename", "queue"), pick(cols, "agent")
        if has(cols, "data1"):
            d = [pick(cols, f"data{i}") for i in range(1, 6)]
        else:
            d = [f"NULLIF(split_part({pick(cols, 'data')}, '|', {i}), '')" for i in range(1, 6)]
        htime = ttime = "CAST(NULL AS DOUBLE)"
    ev = "upper(e.event)"
    wait = (
        f"CASE WHEN {ev} IN ('CONNECT','COMPLETEAGENT','COMPLETECALLER') THEN {num('e.d1')}"
        f" WHEN {ev} IN ('ABANDON','EXITWITHTIMEOUT','EXITEMPTY') THEN {num('e.d3')}"
        f" WHEN {ev} = 'EXITWITHKEY' THEN {num('e.d4')}"
        f" WHEN {ev} IN {_in(TRANSFERS)} THEN {num('e.d3')} END"
    )
    talk = (
        f"CASE WHEN {ev} IN ('COMPLETEAGENT','COMPLETECALLER') THEN {num('e.d2')}"
        f" WHEN {ev} IN {_in(TRANSFERS)} THEN {num('e.d4')} END"
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ql_ev AS
        SELECT e._line, e.raw_time, {ts("e.raw_time")} AS ts, e.callid, e.queue, e.agent,
               {ev} AS event, e.d1, e.d2, COALESCE(e.htime, {wait}) AS wait, COALESCE(e.ttime, {talk}) AS talk
        FROM (SELECT _line, {time} AS raw_time, COALESCE({pick(cols, "callid")}, '') AS callid,
                     {queue} AS queue, {agent} AS agent, COALESCE({pick(cols, "event")}, '') AS event,
                     {d[0]} AS d1, {d[1]} AS d2, {d[2]} AS d3, {d[3]} AS d4, {d[4]} AS d5,
                     {htime} AS htime, {ttime} AS ttime
              FROM "{staging.replace('"', '""')}") e
    """,
        base_params(ctx),
    )


def _calls(cur: duckdb.DuckDBPyConnection, ctx: TransformContext) -> None:
    """Segment each callid at its ENTERQUEUE events, then one contact per segment."""
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ql_seg AS
        SELECT *, sum(CASE WHEN event = 'ENTERQUEUE' THEN 1 ELSE 0 END) OVER (
                    PARTITION BY callid ORDER BY ts, _line
                    ROWS UNBOUNDED PRECEDING) AS seg
        FROM _ql_ev
        WHERE ts IS NOT NULL AND upper(callid) NOT IN {_in(NO_CALL)}
          AND event IN {_in(("ENTERQUEUE",) + ENDS + ("CONNECT",))}
    """,
        {},
    )
    outcome = (
        f"CASE WHEN bool_or(event IN {_in(ANSWER)}) THEN 'answered'"
        f" WHEN bool_or(event = 'ABANDON') THEN 'abandoned'"
        f" WHEN bool_or(event IN {_in(FLOWOUT)}) THEN 'flowout' END"
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ql_calls AS
        SELECT callid, seg, min(_line) AS _line,
               arg_min(queue, _line) FILTER (event = 'ENTERQUEUE') AS queue,
               min(ts) FILTER (event = 'ENTERQUEUE') AS arrived_at,
               arg_min(d2, _line) FILTER (event = 'ENTERQUEUE') AS caller,
               min(ts) FILTER (event = 'CONNECT') AS answered_at,
               max(ts) FILTER (event IN {_in(ENDS)}) AS ended_at,
               COALESCE(arg_min(agent, ts) FILTER (event = 'CONNECT'),
                        arg_max(agent, ts) FILTER (event IN {_in(ANSWER)})) AS agent_id,
               COALESCE(arg_min(wait, ts) FILTER (event = 'CONNECT' AND wait IS NOT NULL),
                        arg_max(wait, ts) FILTER (event IN {_in(ENDS)} AND wait IS NOT NULL)) AS wait_s,
               sum(talk) FILTER (event IN {_in(ENDS)}) AS talk_s,
               bool_or(event IN {_in(TRANSFERS)}) AS transferred,
               {outcome} AS outcome
        FROM _ql_seg WHERE seg > 0 GROUP BY callid, seg
    """,
        {},
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source,
               callid || ':' || COALESCE(queue, '') || CASE WHEN n > 1 THEN '#' || n ELSE '' END
                   AS source_key,
               'phone' AS channel, 'inbound' AS direction, queue,
               CASE WHEN upper(agent_id) IN ('', 'NONE') THEN NULL ELSE agent_id END AS agent_id,
               CASE WHEN lower(caller) NOT IN ('', 'none', 'anonymous', 'unknown', 'restricted')
                    THEN caller END AS customer_id,
               arrived_at, answered_at, ended_at, CAST(wait_s AS DOUBLE) AS wait_s,
               CAST(CASE WHEN outcome = 'answered' THEN talk_s END AS DOUBLE) AS talk_s,
               outcome, CASE WHEN outcome = 'answered' THEN transferred END AS transferred,
               CAST($import_id AS INTEGER) AS import_id
        FROM (SELECT *, row_number() OVER (PARTITION BY callid, queue ORDER BY seg) AS n
              FROM _ql_calls)
        WHERE outcome IS NOT NULL
    """,
        base_params(ctx),
    )


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    _normalise(cur, staging, ctx)
    _calls(cur, ctx)
    asterisk_sessions.build(cur, ctx)
    create_rejects(
        cur,
        [
            "SELECT _line, 'unparseable time ' || COALESCE('''' || raw_time || '''', '(empty)')"
            " FROM _ql_ev WHERE ts IS NULL",
            "SELECT _line, event || ' without ENTERQUEUE for call ' || callid FROM _ql_seg WHERE seg = 0",
            "SELECT _line, 'call ' || callid || ' has no outcome yet (still queued when the log ends?)'"
            " FROM _ql_calls WHERE outcome IS NULL",
        ],
    )
