"""A call event log (one row per call event: call id, timestamp, event, agent, queue)
→ one phone contact per call.

Phone systems and contact-centre reports write a call's life as events: "Enter
queue", "Ringing", "Answered"/"Connect", "Hold", "Unhold", "Transfer", "Abandon",
"Hang up"/"Complete", "Wrap-up end" (``Entrée en file``, ``Sonnerie``, ``Décroché``,
``Mise en attente``, ``Reprise``, ``Transfert``, ``Abandon``, ``Raccroché``, ``Fin
d'appel``, ``Fin de post-appel`` in French). The events are read by the ticket event
log's mechanism (:func:`.event_log.stage`, :func:`.event_log.account`); each event
takes one role, the first of :data:`ROLES` whose regular expression it matches (the
profile's ``[activities]``, English and French defaults here), and the call is
rebuilt from them:

* arrived at its enter-queue event (else its first event);
* answered at its first answer event: ``wait_s`` from arrival to it; the agent is the
  resource of that event;
* talk from the answer to the hang-up (else the transfer that ended it), less the time
  on hold; ``hold_s`` sums each hold to the unhold (or transfer, or hang-up) after it;
* ``wrap_s`` from the hang-up to the last wrap-up event, when there is one;
* outcome ``answered``; else ``abandoned`` (an abandon or a hang-up before any
  answer: ``wait_s`` up to it); else ``flowout`` (transferred away unanswered). A call
  with none of these (still queued when the log ends) is rejected with its reason.

``transferred`` and ``hold_s`` are known only when the log records transfers (holds)
at all: a log that never says "transfer" leaves the transfer rate "missing input",
not 0 %. Every row is accounted for: the call's first row is the one loaded (or
rejected), its other events are ignored as "event folded into its call".
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms import event_log
from kpidesk.core.ingest.transforms.vendor_common import run, secs_between

FIELDS = {
    "case": (
        "Call ID",
        "Call Id",
        "Callid",
        "Call",
        "Call reference",
        "Uniqueid",
        "Unique ID",
        "Interaction ID",
        "ID appel",
        "Identifiant appel",
        "Identifiant d'appel",
        "N° d'appel",
        "Numéro d'appel",
        "Référence appel",
        "Appel",
        *event_log.FIELDS["case"],
    ),
    "at": (*event_log.FIELDS["at"], "Event timestamp", "Date et heure", "Heure"),
    "activity": (
        *event_log.FIELDS["activity"],
        "Event name",
        "Call event",
        "Évènement",
        "Type d'événement",
        "État",
        "Etat",
    ),
    "resource": (
        *event_log.FIELDS["resource"],
        "Agent name",
        "Operator",
        "Extension",
        "Téléconseiller",
        "Opérateur",
        "Poste",
    ),
    "queue": (
        "Queue",
        "Queue name",
        "Queuename",
        "Skill",
        "Split",
        "Group",
        "File",
        "File d'attente",
        "Groupe",
        "Service",
        "Compétence",
    ),
    "caller": ("Caller", "Caller ID", "Calling number", "From", "ANI", "Appelant", "Numéro appelant", "N° appelant"),
}
# Which event names mean what (regular expressions, case-insensitive), tried in this
# order: an event takes the first role that matches ("Unhold" is not a hold, "Ring no
# answer" not an answer, "Fin de post-appel" not a "Fin d'appel").
DEFAULT_ACTIVITIES = {
    "wrapup": r"(?i)(wrap|after.?call|\bacw\b|post.?appel|post.?traitement|fin de traitement)",
    "unhold": r"(?i)(unhold|un-hold|off hold|resume|retriev|reprise|reprend|fin de (mise en )?attente|fin de garde)",
    "hold": r"(?i)(hold|mise en attente|mis en attente|en garde)",
    "abandon": r"(?i)(abandon|lost call|caller hung up|hung up in queue|perdu|raccroch[ée]+ en file)",
    "transfer": r"(?i)transf",
    "hangup": r"(?i)(hang.?up|hung.?up|disconnect|complete|call end|end of call|ended|released|raccroch|"
    r"fin d.appel|fin de l.appel|termin[ée]|d[ée]connect|lib[ée]r)",
    "ringing": r"(?i)(ring|sonn|alert|no.?answer|unanswered|non r[ée]pondu|sans r[ée]ponse)",
    "answered": r"(?i)(answer|connect|pick.?up|accept|d[ée]croch|r[ée]pondu|pris en charge|prise d.appel|"
    r"mise en relation|mis en relation)",
    "queued": r"(?i)(queue|enqueue|entr[ée]+ en file|en file|mise en file|arriv|incoming|entrant|offered|offert)",
}
ROLES = list(DEFAULT_ACTIVITIES)
# How long a hold lasts: to the next of these events.
HOLD_ENDS = ("unhold", "transfer", "hangup")


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    params = event_log.stage(cur, staging, ctx, FIELDS, DEFAULT_ACTIVITIES)
    role = "CASE " + " ".join(f"WHEN is_{r} THEN '{r}'" for r in ROLES) + " END"  # constant role names only
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _evc AS
        SELECT _line, case_id, ev_at, resource, queue, caller, {role} AS role
        FROM _ev WHERE case_id IS NOT NULL AND ev_at IS NOT NULL
    """,
        {},
    )
    ends = ", ".join(f"'{r}'" for r in HOLD_ENDS)
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE _ev_case AS
        SELECT case_id, min(_line) AS _line,
               coalesce(min(ev_at) FILTER (WHERE role = 'queued'), min(ev_at)) AS arrived,
               min(ev_at) FILTER (WHERE role = 'answered') AS answered,
               min(ev_at) FILTER (WHERE role IN ('abandon', 'hangup')) AS gave_up,
               min(ev_at) FILTER (WHERE role = 'transfer') AS first_transfer,
               max(ev_at) FILTER (WHERE role = 'hangup') AS hung_up,
               max(ev_at) FILTER (WHERE role = 'transfer') AS last_transfer,
               max(ev_at) FILTER (WHERE role = 'wrapup') AS wrapped,
               arg_min(resource, ev_at) FILTER (WHERE role = 'answered' AND resource IS NOT NULL) AS answerer,
               arg_min(queue, ev_at) FILTER (WHERE queue IS NOT NULL) AS queue,
               arg_min(caller, ev_at) FILTER (WHERE caller IS NOT NULL) AS caller
        FROM _evc GROUP BY case_id
    """,
        {},
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _evc_hold AS
        SELECT h.case_id, sum({secs_between("h.ev_at", "h.next_at")}) AS hold_s
        FROM (SELECT case_id, role, ev_at,
                     lead(ev_at) OVER (PARTITION BY case_id ORDER BY ev_at, _line) AS next_at
              FROM _evc WHERE role IN ('hold', {ends})) h
        JOIN _ev_case c USING (case_id)
        WHERE h.role = 'hold' AND h.next_at IS NOT NULL AND h.ev_at >= c.answered  -- holds of the answered call
        GROUP BY h.case_id
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE _ev_call AS
        SELECT c.*,
               CASE WHEN c.answered IS NOT NULL THEN 'answered'
                    WHEN c.gave_up IS NOT NULL THEN 'abandoned'
                    WHEN c.first_transfer IS NOT NULL THEN 'flowout' END AS outcome,
               CASE WHEN c.answered IS NOT NULL THEN coalesce(c.hung_up, c.last_transfer) END AS talk_end,
               bool_or(e.role = 'transfer' AND e.ev_at >= c.answered) AS transferred_after_answer,
               arg_min(e.resource, e.ev_at) FILTER (WHERE e.ev_at >= c.answered AND e.resource IS NOT NULL)
                   AS later_resource
        FROM _ev_case c JOIN _evc e USING (case_id)
        GROUP BY ALL
    """,
        {},
    )
    logged = cur.execute("SELECT bool_or(role = 'hold'), bool_or(role = 'transfer') FROM _evc").fetchone()
    holds, transfers = (bool(logged[0]), bool(logged[1])) if logged else (False, False)
    hold = "coalesce(h.hold_s, 0)" if holds else "CAST(NULL AS DOUBLE)"
    talk = secs_between("c.answered", "c.talk_end")
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT c._line, $source AS source, c.case_id AS source_key, 'phone' AS channel, 'inbound' AS direction,
               c.queue, CASE WHEN c.outcome = 'answered' THEN coalesce(c.answerer, c.later_resource) END AS agent_id,
               c.caller AS customer_id, c.arrived AS arrived_at, c.answered AS answered_at,
               coalesce(c.talk_end, c.gave_up, c.first_transfer) AS ended_at,
               CAST(CASE c.outcome WHEN 'answered' THEN {secs_between("c.arrived", "c.answered")}
                                   WHEN 'abandoned' THEN {secs_between("c.arrived", "c.gave_up")}
                                   ELSE {secs_between("c.arrived", "c.first_transfer")} END AS DOUBLE) AS wait_s,
               -- a call hung up before it was answered (clocks apart): its talk time is unknown
               CAST(CASE WHEN c.talk_end >= c.answered THEN greatest({talk} - coalesce(h.hold_s, 0), 0) END
                    AS DOUBLE) AS talk_s,
               CAST(CASE WHEN c.outcome = 'answered' THEN {hold} END AS DOUBLE) AS hold_s,
               CAST(CASE WHEN c.talk_end IS NOT NULL AND c.wrapped >= c.talk_end
                         THEN {secs_between("c.talk_end", "c.wrapped")} END AS DOUBLE) AS wrap_s,
               c.outcome,
               CASE WHEN c.outcome = 'answered' AND {"true" if transfers else "false"}
                    THEN coalesce(c.transferred_after_answer, false) END AS transferred,
               CAST($import_id AS INTEGER) AS import_id
        FROM _ev_call c LEFT JOIN _evc_hold h USING (case_id)
        WHERE c.outcome IS NOT NULL
    """,
        params,
    )
    event_log.account(
        cur,
        "call",
        "no call id",
        [
            "SELECT _line, 'call ' || case_id || ' has no outcome yet (still queued when the log ends?)'"
            " FROM _ev_call WHERE outcome IS NULL"
        ],
    )
