"""The contacts behind a number, and the full record of one contact.

"Your handle time is high" starts a coaching conversation; "these five calls took
over twenty minutes — what happened?" moves it on. For each KPI this module knows
which of the agent's contacts weigh on it (the longest calls for handle time, the low
CSAT answers with their comment, the repeats, the tickets over SLA…) and fetches them
worst first. The SQL is fixed text per family; the agent, the period and the
filters are bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kpidesk.core.db.store import Store
from kpidesk.core.kpi import params as sql_params
from kpidesk.core.kpi.engine import Engine, Filters

# The flags come from the ``contacts`` relation (``k``), the one the KPIs read: a
# list of "handled" contacts holds the contacts AHT counts (``handle_n``), the waits
# are ASA's (``wait_answered_n``)…; ``c`` is the contact row itself.
_REPEAT = "k.repeat = 1"

# family → (figure SQL, condition, order, unit of the figure, why it is listed)
FAMILIES: dict[str, tuple[str, str, str, str, str]] = {
    "handle": ("k.handle_v", "k.handle_n = 1", "figure DESC", "seconds", "longest handle times"),
    "talk": ("k.talk_sum", "k.talk_n = 1", "figure DESC", "seconds", "longest talk times"),
    "hold": ("k.hold_sum", "k.hold_n = 1 AND k.hold_sum > 0", "figure DESC", "seconds", "longest holds"),
    "wrap": ("k.wrap_sum", "k.wrap_n = 1", "figure DESC", "seconds", "longest wrap-ups"),
    "wait": (
        "k.wait_answered_v",
        "k.wait_answered_n = 1",
        "figure DESC",
        "seconds",
        "longest waits before answer",
    ),
    "abandoned": (
        "c.wait_s",
        "(k.abandoned = 1 OR k.chat_abandoned = 1)",
        "figure DESC NULLS LAST",
        "seconds",
        "abandoned",
    ),
    "transferred": ("c.talk_s", "k.transferred = 1", "c.arrived_at DESC", "seconds", "transferred"),
    "repeat": (
        "epoch(c.next_contact_at) - epoch(c.arrived_at)",
        _REPEAT,
        "figure ASC",
        "seconds",
        "customer came back within the repeat window",
    ),
    "unresolved": (
        "epoch(c.next_contact_at) - epoch(c.arrived_at)",
        f"k.handled = 1 AND (c.resolved = false OR {_REPEAT})",
        "c.arrived_at DESC",
        "seconds",
        "not resolved, or customer came back",
    ),
    "response": (
        "k.first_response_s",
        "k.ticket = 1 AND coalesce(k.response_met, 0) = 0",  # the export's verdict, else the target
        "figure DESC NULLS FIRST",
        "seconds",
        "tickets over the response SLA",
    ),
    "resolution": (
        "k.resolution_s",
        "k.ticket = 1 AND k.solved = 1 AND k.resolution_s IS NOT NULL",
        "figure DESC",
        "seconds",
        "longest resolutions",
    ),
    "reopened": ("k.resolution_s", "k.reopened = 1", "c.arrived_at DESC", "seconds", "reopened tickets"),
    "replies": (
        "k.replies",
        "k.replies IS NOT NULL AND c.solved_at IS NOT NULL",
        "figure DESC",
        "count",
        "most replies",
    ),
    "chat_wait": ("k.chat_frt_v", "k.chat_frt_v IS NOT NULL", "figure DESC", "seconds", "longest first replies"),
    "low_csat": (
        "(s.score - s.scale_min) / nullif(s.scale_max - s.scale_min, 0) * 4 + 1",
        "s.survey_type = 'csat' AND s.score < s.scale_max - 1",
        "figure ASC, s.comment IS NULL",
        "score",
        "low CSAT",
    ),
    "low_survey": (
        "s.score",
        "s.survey_type = $survey_type AND s.score IS NOT NULL",
        "CASE WHEN s.higher_is_better THEN s.score ELSE -s.score END ASC",
        "score",
        "lowest survey scores",
    ),
    "low_qa": ("q.qa", "q.qa IS NOT NULL", "figure ASC", "score", "lowest QA scores"),
}

KPI_FAMILY: dict[str, str] = {
    "aht": "handle",
    "avg_talk": "talk",
    "avg_hold": "hold",
    "avg_wrap": "wrap",
    "occupancy": "handle",
    "asa": "wait",
    "max_wait": "wait",
    "service_level": "wait",
    "answer_rate": "abandoned",
    "abandon_rate": "abandoned",
    "avg_abandon_wait": "abandoned",
    "transfer_rate": "transferred",
    "repeat_rate": "repeat",
    "fcr": "unresolved",
    "resolution_rate": "unresolved",
    "response_sla": "response",
    "first_response_time": "response",
    "avg_response_time": "response",
    "resolution_time": "resolution",
    "backlog": "response",
    "backlog_age": "resolution",
    "reopen_rate": "reopened",
    "interactions_per_ticket": "replies",
    "chat_first_response_time": "chat_wait",
    "chat_abandon_rate": "abandoned",
    "csat": "low_csat",
    "csat_mean": "low_csat",
    "nps": "low_survey",
    "ces": "low_survey",
    "qa_score": "low_qa",
    "qa_vs_csat_gap": "low_qa",
}


@dataclass
class ContactLine:
    contact_id: int
    arrived_at: datetime
    channel: str
    queue: str | None
    outcome: str | None
    customer_id: str | None
    customer_name: str | None
    figure: float | None  # the number that puts the contact on the list
    unit: str
    comment: str | None = None  # the customer's survey comment, when there is one


def individual_contacts(engine: Engine, agent_id: str, filters: Filters = Filters()) -> int:
    """How many of the agent's records within ``filters`` are contacts one by one (a
    call, a ticket): 0 when the period holds only an interval report's counts, which
    list no contact behind a number."""
    cur = engine.store.cursor()
    scope, bind = engine.rows_sql("contacts", filters.narrowed(agents=(agent_id,)), cur)
    try:
        row = cur.execute(f"SELECT count(*) FROM ({scope}) k WHERE k.detail = 1", bind).fetchone()
    finally:
        cur.close()
    return int(row[0]) if row else 0


def contacts_behind(
    engine: Engine, agent_id: str, kpi_id: str, filters: Filters = Filters(), limit: int = 50
) -> tuple[str | None, list[ContactLine]]:
    """The agent's contacts that weigh on a KPI, worst first; and why they are listed.

    Returns ``(None, [])`` for a KPI that has no contact-level reading (a count, a
    customer-base KPI).
    """
    family = KPI_FAMILY.get(kpi_id)
    if family is None:
        return None, []
    figure, cond, order, unit, why = FAMILIES[family]
    cur = engine.store.cursor()
    # the agent's rows of the relation the KPIs read, within every filter of the view
    # (period, channel, queue, team, site, topic): the engine's own WHERE
    scope, scope_bind = engine.rows_sql("contacts", filters.narrowed(agents=(agent_id,)), cur)
    sql = f"""
        SELECT c.contact_id, c.arrived_at, c.channel, c.queue, c.outcome, c.customer_id, cu.name,
               {figure} AS figure, s.comment
        FROM ({scope}) k
        JOIN contacts c ON c.contact_id = k.contact_id
        LEFT JOIN customers cu ON cu.customer_id = c.customer_id
        LEFT JOIN (SELECT contact_id, survey_type, min(score) AS score, min(scale_min) AS scale_min,
                          max(scale_max) AS scale_max, bool_and(higher_is_better) AS higher_is_better,
                          string_agg(comment, ' / ') AS comment
                   FROM surveys WHERE survey_type = $survey_type AND contact_id IS NOT NULL GROUP BY ALL) s
               ON s.contact_id = c.contact_id
        LEFT JOIN (SELECT contact_id, avg(score) AS qa FROM evaluations GROUP BY 1) q
               ON q.contact_id = c.contact_id
        WHERE k.detail = 1 AND {cond}
        ORDER BY {order}, c.contact_id
        LIMIT $limit
    """
    values: dict[str, Any] = {
        **engine.parameters(),
        **scope_bind,
        "limit": limit,
        "survey_type": kpi_id if family == "low_survey" else "csat",
    }
    try:
        rows = cur.execute(sql, sql_params.bind(sql, values)).fetchall()
    finally:
        cur.close()
    return why, [ContactLine(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], unit, r[8]) for r in rows]


def contact_record(store: Store, contact_id: int) -> dict[str, Any] | None:
    """Everything known about one contact: times, queue, outcome, customer, the
    survey answers that rate it and the QA scores it was given."""
    cur = store.cursor()
    cur.execute(
        "SELECT c.*, a.name AS agent_name, cu.name AS customer_name, cu.email AS customer_email, "
        "cu.phone AS customer_phone FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id "
        "LEFT JOIN customers cu ON cu.customer_id = c.customer_id WHERE c.contact_id = ?",
        [contact_id],
    )
    row = cur.fetchone()
    if row is None:
        return None
    record = dict(zip([d[0] for d in cur.description], row))
    cur.execute(
        "SELECT survey_type, score, scale_min, scale_max, answered_at, comment FROM surveys "
        "WHERE contact_id = ? ORDER BY answered_at NULLS LAST, survey_type",
        [contact_id],
    )
    record["surveys"] = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
    cur.execute(
        "SELECT criterion, score, evaluator, evaluated_at, comment FROM evaluations "
        "WHERE contact_id = ? ORDER BY criterion",
        [contact_id],
    )
    record["evaluations"] = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
    return record
