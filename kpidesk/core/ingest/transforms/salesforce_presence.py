"""Salesforce Omni-Channel presence (``UserServicePresence``) → agent sessions.

Each row is one period in one presence status (``StatusStartDate`` →
``StatusEndDate``, ``StatusDuration`` seconds). Every period counts as logged-in time;
a period in an *away* status (``IsAway`` true — e.g. Break, Lunch) is also a ``pause``
whose reason is the status name. The periods of one agent do not overlap (Omni closes
one status when the next begins), so they are stored as they are. A period still open
(no end date: the agent is online now) is left out until a later export closes it.
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
    truthy,
    ts,
)

FIELDS = {
    "id": ("Id", "User Service Presence ID", "User Service Presence Name", "Name"),
    "agent": ("User.Name", "User: Full Name", "Owner: Full Name", "Created By: Full Name", "UserId", "User ID"),
    "status": (
        "ServicePresenceStatus.MasterLabel",
        "ServicePresenceStatus.DeveloperName",
        "Service Presence Status: Master Label",
        "Service Presence Status: Developer Name",
        "Presence Status",
        "ServicePresenceStatusId",
    ),
    # A report's "Start DT" holds date and time; its "Status Start Date" only the date.
    "start": ("Start DT", "StatusStartDate", "Status Start Date"),
    "end": ("End DT", "StatusEndDate", "Status End Date"),
    "duration": ("StatusDuration", "Status Duration"),
    "away": ("IsAway", "Is Away", "Away"),
}


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    f = {k: pick(cols, *v) for k, v in FIELDS.items()}
    params = base_params(ctx)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _sfp AS
        SELECT _line, COALESCE({f["id"]}, {f["agent"]} || '@' || {f["start"]}) AS id, {f["agent"]} AS agent, {f["status"]} AS status,
               {f["start"]} AS raw_start, {ts(f["start"])} AS started, {ts(f["end"])} AS ended,
               {num(f["duration"])} AS duration_s, COALESCE({truthy(f["away"])}, false) AS away
        FROM {q(staging)}
    """,
        params,
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_sessions AS
        SELECT _line, $source AS source, s.state || ':' || id AS source_key, agent AS agent_id,
               s.state, CASE WHEN s.state = 'pause' THEN status END AS reason,
               started AS started_at, ended AS ended_at,
               CAST(COALESCE(duration_s, {secs_between("started", "ended")}) AS DOUBLE) AS duration_s,
               CAST($import_id AS INTEGER) AS import_id
        FROM _sfp, (VALUES ('logged_in'), ('pause')) AS s(state)
        WHERE id IS NOT NULL AND agent IS NOT NULL AND started IS NOT NULL AND ended IS NOT NULL
          AND (s.state = 'logged_in' OR away)
    """,
        params,
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'no presence id or user' FROM _sfp WHERE id IS NULL OR agent IS NULL",
            "SELECT _line, 'unparseable status start ' || COALESCE('''' || raw_start || '''', '(empty)')"
            " FROM _sfp WHERE id IS NOT NULL AND agent IS NOT NULL AND started IS NULL",
        ],
    )
