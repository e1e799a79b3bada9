"""A ticket event log (one row per event: case id, timestamp, activity, resource) →
one ticket per case.

Help desks and process-mining exports write a ticket's life as events: "Create",
"Assign", "Reply", "Resolve", "Close", "Reopen"… (``Ouverture``, ``Réponse``,
``Résolution``, ``Clôture``, ``Réouverture`` in French). The ticket is rebuilt from
them: created at its first event (its creation event when there is one), first agent
response at the first response event, solved at its last solving event, reopened
when a reopen event follows a solving one; the agent is the resource of the first
response (else the resource seen most often). Which activity names mean what is a
regular expression per role, with English and French defaults, in the profile's
``[activities]`` table: edit it (and save the profile) for another tool's names; a
``[columns]`` table (``case``, ``at``, ``activity``, ``resource``) names the columns
when their headers are none of the known ones.

Every event row is accounted for: the ticket's first event is the row loaded, the
other events are ignored with the reason "event folded into its ticket", rows
without a case id or a readable timestamp are rejected.

Reading the events (:func:`stage`) and accounting for their rows (:func:`account`) are
the one mechanism of every event log: the call event log (:mod:`.call_event_log`)
folds its events with them too. Which of the two a file is, its event names decide
(:mod:`kpidesk.core.ingest.event_kinds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import duckdb

from kpidesk.core.ingest import decide
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    pick,
    q,
    run,
    secs_between,
    ts,
)

FIELDS = {
    "case": (
        "Case ID",
        "Case",
        "Case Number",
        "Ticket ID",
        "Ticket",
        "Incident ID",
        "Incident",
        "Numéro de dossier",
        "N° de ticket",
        "Numéro de ticket",
        "Dossier",
        "case_id",
        "ticket_id",
        "case:concept:name",
    ),
    "at": (
        "Timestamp",
        "Complete Timestamp",
        "Event time",
        "Time",
        "Date",
        "Horodatage",
        "Date/heure",
        "Date heure",
        "time:timestamp",
        "Start Timestamp",
    ),
    "activity": ("Activity", "Event", "Action", "Activité", "Événement", "Evenement", "concept:name", "Event type"),
    "resource": ("Resource", "Agent", "User", "Assignee", "Ressource", "Conseiller", "Utilisateur", "org:resource"),
}
DEFAULT_ACTIVITIES = {
    "created": r"(?i)^\s*(create|created|creation|open|opened|new|submit|submitted|log|logged|"
    r"création|creation|ouverture|ouvert|nouveau|soumis|enregistr)",
    "response": r"(?i)(respon|reply|replied|answer|comment|contact customer|réponse|reponse|répond|repond|"
    r"rappel client)",
    "solved": r"(?i)(solv|resolv|close|closed|résolu|resolu|résolution|resolution|clôtur|clotur|fermé|ferme)",
    "reopen": r"(?i)(reopen|re-open|reopened|rouvert|réouvert|reouvert|réouverture|reouverture)",
}


def stage(
    cur: duckdb.DuckDBPyConnection,
    staging: str,
    ctx: TransformContext,
    fields: dict[str, tuple[str, ...]],
    defaults: dict[str, str],
) -> dict[str, Any]:
    """``_ev``: one row per event line, the same for every kind of event log: ``_line``,
    ``case_id``, ``raw_at``, ``ev_at``, one column per other field of ``fields``
    (``activity``, ``resource``…) and ``is_<role>`` per activity role (its regular
    expression: the profile's ``[activities]`` over ``defaults``). Returns the bound
    parameters (the regexes as ``$re_<role>``)."""
    cols = columns(cur, staging)
    chosen = ctx.profile.get("columns") or {}  # columns the user named (the mapping dialog) come first
    f = {k: pick(cols, *([chosen[k]] if chosen.get(k) else []), *v) for k, v in fields.items()}
    mine = ctx.profile.get("activities") or {}
    acts = {k: str(mine.get(k) or v) for k, v in defaults.items()}  # the roles this kind knows
    params = {**base_params(ctx), **{f"re_{k}": v for k, v in acts.items()}}
    f["at"] = _when(cur, staging, cols, f["at"])
    _date_order(cur, staging, f["at"], ctx)
    others = "".join(f", {f[k]} AS {q(k)}" for k in fields if k not in ("case", "at"))
    # Each distinct activity name is matched once (a log repeats a few names millions of times).
    roles = "".join(f", regexp_matches(_name, $re_{k}) AS {q('is_' + k)}" for k in acts)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ev_names AS
        SELECT _name{roles} FROM (SELECT DISTINCT coalesce({f["activity"]}, '') AS _name FROM {q(staging)})
    """,
        params,
    )
    flags = "".join(f", n.{q('is_' + k)}" for k in acts)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _ev AS
        WITH e AS (SELECT _line, {f["case"]} AS case_id, {f["at"]} AS raw_at, {ts(f["at"])} AS ev_at{others}
                   FROM {q(staging)})
        SELECT e.*{flags} FROM e JOIN _ev_names n ON coalesce(e.activity, '') = n._name
    """,
        params,
    )
    return params


# An export writing the day and the time of day of each event in two columns.
DAY_COLUMNS = ("Date", "Day", "Event date", "Jour", "Date de l'événement", "Date événement")
TIME_COLUMNS = ("Time", "Hour", "Event time", "Heure", "Heure de l'événement", "Heure événement")
_DAY_ONLY = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?$")


def _when(cur: duckdb.DuckDBPyConnection, staging: str, cols: dict[str, str], at: str) -> str:
    """SQL of each event's time: the timestamp column found, or, when it holds only a day
    or only a time of day, the day column and the time column put together (an event
    log with "Date" and "Heure" is not every event at midnight)."""

    def shaped(expr: str, shape: re.Pattern[str]) -> bool:
        rows = cur.execute(f"SELECT {expr} FROM {q(staging)} WHERE {expr} IS NOT NULL LIMIT 200").fetchall()
        return bool(rows) and all(shape.match(str(r[0])) for r in rows)

    if not (shaped(at, _DAY_ONLY) or shaped(at, _TIME_ONLY)):
        return at
    day, time = pick(cols, *DAY_COLUMNS), pick(cols, *TIME_COLUMNS)
    if day == time or not shaped(day, _DAY_ONLY) or not shaped(time, _TIME_ONLY):
        return at  # no pair: the values say what they are (a day alone is read as midnight)
    return f"({day} || ' ' || {time})"


def _date_order(cur: duckdb.DuckDBPyConnection, staging: str, at: str, ctx: TransformContext) -> None:
    """``03/04/2024``: day or month first, as every import decides it
    (:func:`.decide.timestamp_rule`: the values, else the profile's ``[parse]
    date_order``, else day first), told to :func:`.vendor_common.ts`."""
    order = str((ctx.profile.get("parse") or {}).get("date_order") or "auto")
    sample = [r[0] for r in cur.execute(f"SELECT {at} FROM {q(staging)} WHERE {at} IS NOT NULL LIMIT 400").fetchall()]
    rule, _ = decide.timestamp_rule(sample, order)
    slashed = next((f for f in rule.formats if f[:2] in ("%d", "%m")), "%d")
    cur.execute(f"SET VARIABLE kd_day_first = {'true' if slashed.startswith('%d') else 'false'}")


def account(cur: duckdb.DuckDBPyConnection, what: str, no_id: str, more_rejects: Iterable[str] = ()) -> None:
    """Every event row accounted for, once ``_ev_case`` (``case_id``, ``_line``: the row
    that stands for the case, loaded or rejected) is made: the case's other events are
    ignored as folded into it; rows without an id (``no_id``: the reason said) or a
    readable time are rejected."""
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_ignored AS
        SELECT e._line, 'event folded into its {what} (the {what} is rebuilt from its events)' AS reason
        FROM _ev e JOIN _ev_case c USING (case_id)
        WHERE e.ev_at IS NOT NULL AND e._line <> c._line
    """,
        {},
    )
    create_rejects(
        cur,
        [
            f"SELECT _line, '{no_id}' FROM _ev WHERE case_id IS NULL",
            "SELECT _line, 'unreadable timestamp ' || coalesce('''' || raw_at || '''', '(empty)')"
            " FROM _ev WHERE case_id IS NOT NULL AND ev_at IS NULL",
            *more_rejects,
        ],
    )


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    params = stage(cur, staging, ctx, FIELDS, DEFAULT_ACTIVITIES)
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE _ev_case AS
        SELECT case_id, min(_line) AS _line,
               coalesce(min(ev_at) FILTER (WHERE is_created), min(ev_at)) AS created,
               max(ev_at) FILTER (WHERE is_solved AND NOT is_reopen) AS solved,
               max(ev_at) FILTER (WHERE is_reopen) AS reopened_at,
               count(*) FILTER (WHERE is_response) AS replies,
               any_value(resource) FILTER (WHERE resource IS NOT NULL) AS any_resource,
               arg_min(resource, ev_at) FILTER (WHERE is_response AND resource IS NOT NULL) AS responder,
               mode(resource) AS usual
        FROM _ev WHERE case_id IS NOT NULL AND ev_at IS NOT NULL GROUP BY case_id
    """,
        params,
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT c._line, $source AS source, c.case_id AS source_key, 'email' AS channel,
               c.created AS arrived_at, r.first_response_at,
               CAST({secs_between("c.created", "r.first_response_at")} AS DOUBLE) AS first_response_s,
               c.solved AS solved_at,
               CAST({secs_between("c.created", "c.solved")} AS DOUBLE) AS resolution_s,
               CASE WHEN c.solved IS NOT NULL AND (c.reopened_at IS NULL OR c.reopened_at < c.solved)
                    THEN 'solved' ELSE 'open' END AS status,
               c.reopened_at IS NOT NULL AS reopened, CAST(c.replies AS INTEGER) AS replies,
               CASE WHEN r.first_response_at IS NOT NULL OR c.solved IS NOT NULL THEN 'handled' END AS outcome,
               coalesce(c.responder, c.usual, c.any_resource) AS agent_id,
               CAST($import_id AS INTEGER) AS import_id
        FROM _ev_case c LEFT JOIN (
            SELECT e.case_id, min(e.ev_at) AS first_response_at FROM _ev e JOIN _ev_case k USING (case_id)
            WHERE e.is_response AND e.ev_at >= k.created GROUP BY e.case_id
        ) r USING (case_id)
    """,
        params,
    )
    account(cur, "ticket", "no case id")
