"""Agent sessions from queue_log member events (used by ``asterisk_queue_log``).

Asterisk logs membership and pauses *per queue*: an agent in three queues gets three
ADDMEMBER lines, and "pause all" writes PAUSEALL plus one PAUSE per queue. Summing
those would count the agent's time three times, so each (agent, queue) start is paired
with the next matching end, and the overlapping intervals of one agent are merged
(gaps and islands) into one ``logged_in`` or ``pause`` session.

A start without its end in the file (still logged in when the log was cut) and an end
without its start are left out: their length is unknown.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import base_params, instant, run, secs_between

KINDS = {
    "logged_in": (
        ("AGENTLOGIN", "AGENTCALLBACKLOGIN", "ADDMEMBER"),
        ("AGENTLOGOFF", "AGENTCALLBACKLOGOFF", "REMOVEMEMBER"),
    ),
    "pause": (("PAUSE", "PAUSEALL"), ("UNPAUSE", "UNPAUSEALL")),
}


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"  # constant event names only


def _state_sql(state: str) -> str:
    starts, ends = KINDS[state]
    # Login events are agent-wide (queue NONE); ADD/REMOVEMEMBER are per queue. A
    # PAUSEALL pairs with UNPAUSEALL, a PAUSE on a queue with the UNPAUSE on that queue.
    return f"""
        SELECT '{state}' AS state, agent, pq, _line, ts AS started_at, reason,
               min(CASE WHEN event IN {_in(ends)} THEN ts END) OVER w AS ended_at
        FROM (SELECT *, CASE WHEN event IN ('AGENTLOGIN','AGENTCALLBACKLOGIN','AGENTLOGOFF',
                                            'AGENTCALLBACKLOGOFF') THEN '*login*'
                             WHEN event IN ('PAUSEALL','UNPAUSEALL') THEN '*all*'
                             ELSE COALESCE(queue, '') END AS pq,
                     CASE WHEN event IN ('PAUSE','PAUSEALL') THEN NULLIF(d1, '') END AS reason
              FROM _ql_ev
              WHERE ts IS NOT NULL AND event IN {_in(starts + ends)}
                AND agent IS NOT NULL AND upper(agent) <> 'NONE')
        WINDOW w AS (PARTITION BY agent, pq ORDER BY ts, _line
                     ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
        QUALIFY event IN {_in(starts)}
    """


def build(cur: duckdb.DuckDBPyConnection, ctx: TransformContext) -> None:
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ql_iv AS
        SELECT * FROM ({_state_sql("logged_in")} UNION ALL {_state_sql("pause")})
        WHERE ended_at IS NOT NULL
    """,
        {},
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_sessions AS
        WITH marked AS (
            SELECT *, CASE WHEN started_at <= max(ended_at) OVER (
                          PARTITION BY agent, state ORDER BY started_at, _line
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                      THEN 0 ELSE 1 END AS is_new
            FROM _ql_iv),
        islands AS (
            SELECT *, sum(is_new) OVER (PARTITION BY agent, state ORDER BY started_at, _line
                                        ROWS UNBOUNDED PRECEDING) AS island
            FROM marked)
        SELECT arg_min(_line, started_at) AS _line, $source AS source,
               state || ':' || agent || ':' || CAST({instant("min(started_at)")} AS BIGINT)
                   AS source_key,
               agent AS agent_id, state, arg_min(reason, started_at) AS reason,
               min(started_at) AS started_at, max(ended_at) AS ended_at,
               CAST({secs_between("min(started_at)", "max(ended_at)")} AS DOUBLE) AS duration_s,
               CASE WHEN count(DISTINCT pq) = 1 AND NOT any_value(pq) LIKE '*%'
                    THEN any_value(pq) END AS queue,
               CAST($import_id AS INTEGER) AS import_id
        FROM islands GROUP BY agent, state, island
    """,
        base_params(ctx),
    )
