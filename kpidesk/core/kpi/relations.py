"""The relations KPI measures are written against.

A KPI file names one relation and gives an aggregate expression over its columns.
Each relation turns canonical rows into *additive facts*: flags (0/1) and sums,
so that a measure is a ratio of sums and is right on one-row-per-contact data and
on pre-aggregated interval rows alike (``interval_stats`` rows carry counts and sums,
never averages). Per-row values for medians and percentiles (``*_v`` columns) exist
on detail rows only.

Every relation exposes the dimension columns ``t`` (local timestamp deciding the
period), ``channel``, ``kind`` (call, ticket, chat, bot: what the record is), ``queue``, ``agent_id``, ``team``, ``site``, ``topic``,
``product``. Parameters (``$short_abandon_s``…) are bound by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpidesk.core.db.contact_tables import kind, kind_of_channel


def handled(c: str = "") -> str:
    """The one meaning of *handled* (kpi-catalog: a contact an agent took): an
    answered call or chat, a ticket an agent handled (``handled``, or, when the export
    says no outcome, a ticket of an agent with a reply: the vendors' rule), a bot
    conversation an agent picked up after the hand-off. ``c`` prefixes the
    ``contacts`` columns (``"c."``). Every KPI (AHT, talk, wrap-up, FCR, repeats,
    agent activity) reads it through the relations below; the coaching lists and
    distributions read those relations."""
    return (
        f"({c}outcome IN ('answered', 'handled') OR ({kind(c)} = 'bot' AND {c}answered_at IS NOT NULL)"
        f" OR ({c}outcome IS NULL AND {kind(c)} = 'ticket' AND {c}agent_id IS NOT NULL"
        f" AND ({c}first_response_at IS NOT NULL OR {c}first_response_s IS NOT NULL OR {c}replies > 0)))"
    )


def solved_by_status(c: str = "") -> str:
    """A ticket the export says is solved or closed, in its own words (``solved``,
    ``Resolved``, ``Closed``, ``Résolu``, ``Clôturé``, ``Fermé``…), whether or not it
    says when: a helpdesk's "status at export time". Such a ticket counts as solved
    for the resolution rate; it is not in the backlog (its solve time unknown, it
    is not known to be open); its resolution time stays unknown."""
    return (
        f"regexp_matches(lower(coalesce({c}status, '')), "
        "'^\\s*(solved|closed|resolved|done|completed|r[ée]solu|clos|cl[oô]tur|ferm[ée]|termin[ée]|trait[ée])')"
    )


def open_by_status(c: str = "") -> str:
    """A ticket the export says is still open (``Open``, ``New``, ``Pending``, ``In
    Progress``, ``On hold``, ``Escalated``, ``Ouvert``, ``En cours``, ``En attente``…):
    not solved, whatever resolution time or date the export also gives it (synthetic
    and hand-kept exports fill those in for open tickets too). Its status is the
    export's word on the ticket at export time: it counts against the resolution rate
    and stays in the backlog."""
    return (
        f"regexp_matches(lower(coalesce({c}status, '')), "
        "'^\\s*(open|new|pending|in progress|on hold|waiting|escalated|assigned|reopened|"
        "ouvert|nouveau|en cours|en attente|escalad|r[ée]ouvert)')"
    )


_PHONE_FACTS = """
SELECT *,
    offered * (outcome = 'answered')::INT                       AS answered,
    offered * (outcome = 'abandoned')::INT                      AS abandoned,
    offered * (outcome = 'flowout')::INT                        AS flowout,
    offered * (outcome = 'answered' AND wait_s <= $sl_threshold_s)::INT AS sl_met,
    offered * (outcome = 'abandoned' AND wait_s <= $sl_threshold_s)::INT AS sl_abandon_within
FROM (
    SELECT c.*, KIND AS kind,
        (KIND = 'call' AND c.direction = 'inbound' AND c.outcome = 'abandoned'
         AND coalesce(c.wait_s, 1e12) < $short_abandon_s)::INT      AS short_abandoned,
        (KIND = 'call' AND c.direction = 'inbound'
         AND (c.outcome IN ('answered', 'abandoned', 'flowout') OR (c.outcome IS NULL AND c.queue IS NOT NULL))
         -- (a call of no outcome is no short abandon: offered, whatever its wait)
         AND NOT coalesce(c.outcome = 'abandoned' AND coalesce(c.wait_s, 1e12) < $short_abandon_s, false))::INT AS offered,
        HANDLED AS is_handled,
        -- what the contact's export can say (imports.outcomes, ingest/outcomes.py): a chat
        -- export listing served chats only cannot say one was abandoned; rows of no
        -- recorded import, or of one that is not restricted, can say anything
        coalesce(list_contains(imp.outcomes, 'abandoned'), true)::INT AS abandon_known,
        coalesce(list_contains(imp.outcomes, 'flowout'), true)::INT AS flowout_known,
        -- …and whether it can say a call went unanswered at all (answer rate, service level)
        coalesce(list_has_any(imp.outcomes, ['abandoned', 'flowout']), true)::INT AS answer_known
    FROM contacts c
    LEFT JOIN imports imp ON imp.import_id = c.import_id
)
""".replace("HANDLED", handled("c.")).replace("KIND", kind("c."))

CONTACTS = f"""
SELECT
    f.arrived_at AS t, f.channel, f.kind, f.direction, f.queue, f.agent_id, a.team,
    coalesce(f.site, a.site) AS site, f.topic, f.product, f.customer_id,
    f.contact_id, 1 AS detail,
    1 AS contacts,
    (f.direction = 'inbound')::INT AS inbound,
    f.offered, f.answered, f.abandoned, f.short_abandoned, f.flowout, f.abandon_known, f.flowout_known, f.answer_known,
    f.sl_met + CASE WHEN $sl_abandon_policy = 'positive' THEN f.sl_abandon_within ELSE 0 END AS sl_num,
    f.offered - CASE WHEN $sl_abandon_policy = 'ignore' THEN f.sl_abandon_within ELSE 0 END AS sl_den,
    CASE WHEN f.answered = 1 THEN f.wait_s END          AS wait_answered_sum,
    (f.answered = 1 AND f.wait_s IS NOT NULL)::INT       AS wait_answered_n,
    CASE WHEN f.abandoned = 1 THEN f.wait_s END         AS wait_abandoned_sum,
    (f.abandoned = 1 AND f.wait_s IS NOT NULL)::INT      AS wait_abandoned_n,
    CASE WHEN f.answered = 1 OR f.abandoned = 1 THEN f.wait_s END AS wait_max,
    CASE WHEN f.answered = 1 THEN f.wait_s END          AS wait_answered_v,
    f.is_handled::INT AS handled,
    (f.answered = 1 AND f.transferred)::INT             AS transferred,
    -- answered calls whose export says whether they were transferred (no column: unknown, not 0 %)
    (f.answered = 1 AND f.transferred IS NOT NULL)::INT  AS transfer_known,
    CASE WHEN f.is_handled THEN f.talk_s END AS talk_sum, (f.is_handled AND f.talk_s IS NOT NULL)::INT AS talk_n,
    CASE WHEN f.is_handled THEN f.hold_s END AS hold_sum, (f.is_handled AND f.hold_s IS NOT NULL)::INT AS hold_n,
    CASE WHEN f.is_handled THEN f.wrap_s END AS wrap_sum, (f.is_handled AND f.wrap_s IS NOT NULL)::INT AS wrap_n,
    CASE WHEN f.is_handled AND coalesce(f.talk_s, f.hold_s, f.wrap_s) IS NOT NULL
         THEN coalesce(f.talk_s, 0) + coalesce(f.hold_s, 0) + coalesce(f.wrap_s, 0) END AS handle_sum,
    (f.is_handled AND coalesce(f.talk_s, f.hold_s, f.wrap_s) IS NOT NULL)::INT AS handle_n,
    CASE WHEN f.is_handled AND coalesce(f.talk_s, f.hold_s, f.wrap_s) IS NOT NULL
         THEN coalesce(f.talk_s, 0) + coalesce(f.hold_s, 0) + coalesce(f.wrap_s, 0) END AS handle_v,
    -- out of hours: closed quarter-hour or public holiday (stored by derive.py)
    coalesce(f.out_of_hours, false)::INT AS out_of_hours,
    coalesce(f.arrived_time_known, true)::INT AS hours_known,  -- a date without its time: neither
    -- tickets: the records of a ticket list, whatever their channel (phone, chat, web…)
    (f.kind = 'ticket')::INT AS ticket,
    f.first_response_s, f.resolution_s, f.replies, f.avg_reply_s,
    -- a time of first response (of resolution) with no duration to it: the export gives no
    -- creation time to measure from (its tickets dated by a stand-in, ingest/recognise.py)
    (f.first_response_at IS NOT NULL AND f.first_response_s IS NULL)::INT AS response_unmeasured,
    (f.solved_at IS NOT NULL AND f.resolution_s IS NULL)::INT AS resolution_unmeasured,
    -- the ticket's own response target when the export gives one (a Salesforce milestone's
    -- "Target Response (Hours)"), else the email response SLA setting
    coalesce(f.response_target_s, $response_sla_h * 3600) AS response_target_s,
    -- first replied within that target: the export's own verdict when it gives one (a
    -- "response_sla_met" True/False column), else the reply time against the target
    coalesce(f.response_sla_met, f.first_response_s <= coalesce(f.response_target_s, $response_sla_h * 3600))::INT
        AS response_met,
    -- solved within its resolution target: only the export knows it (kpidesk has no such setting)
    CASE WHEN f.kind = 'ticket' THEN f.resolution_sla_met::INT END AS resolution_met,
    (NOT {open_by_status("f.")}
     AND (f.solved_at IS NOT NULL OR f.resolution_s IS NOT NULL OR {solved_by_status("f.")}))::INT AS solved,
    coalesce(f.reopened, false)::INT AS reopened,
    -- tickets whose export says whether they were reopened (no column: unknown, not 0 %)
    (f.reopened IS NOT NULL)::INT AS reopen_known,
    -- chat and bot
    (f.kind = 'bot')::INT AS bot, f.bot_response_s, f.handoff_wait_s,
    (f.kind = 'bot' AND f.outcome = 'contained')::INT AS contained,
    (f.kind = 'bot' AND (f.handoff_at IS NOT NULL OR f.outcome IN ('handoff', 'abandoned')))::INT AS handed_off,
    ((f.kind = 'chat') OR (f.kind = 'bot' AND (f.handoff_at IS NOT NULL OR f.outcome IN ('handoff', 'abandoned'))))::INT AS chat_waited,
    (f.kind IN ('chat', 'bot') AND f.outcome = 'abandoned')::INT AS chat_abandoned,
    CASE WHEN f.kind = 'chat' AND f.answered_at IS NOT NULL THEN f.first_response_s END AS chat_frt_v,
    -- repeats and resolution
    (f.is_handled AND f.customer_id IS NOT NULL)::INT AS customer_known,
    (f.is_handled AND f.customer_id IS NOT NULL AND f.next_contact_at IS NOT NULL
     AND epoch(f.next_contact_at) - epoch(f.arrived_at) <= $repeat_window_days * 86400)::INT AS repeat,
    (f.is_handled AND f.resolved IS NOT NULL)::INT AS resolution_known,
    (f.is_handled AND f.resolved AND NOT (f.customer_id IS NOT NULL AND f.next_contact_at IS NOT NULL
     AND epoch(f.next_contact_at) - epoch(f.arrived_at) <= $repeat_window_days * 86400))::INT AS first_contact_resolved,
    coalesce(f.surveyed, false)::INT AS surveyed,
    (coalesce(f.surveyed, false) AND coalesce(f.survey_answered, false))::INT AS survey_answered
FROM ({_PHONE_FACTS}) f
LEFT JOIN agents a ON a.agent_id = f.agent_id

UNION ALL BY NAME

SELECT
    i.interval_start AS t, i.channel, IKIND AS kind, 'inbound' AS direction, i.queue, i.agent_id, a.team,
    coalesce(i.site, a.site) AS site, i.topic, NULL AS product, NULL AS customer_id,
    0 AS detail,
    coalesce(i.offered, 0) + coalesce(i.short_abandoned, 0) AS contacts,
    coalesce(i.offered, 0) + coalesce(i.short_abandoned, 0) AS inbound,
    i.offered, i.answered, i.abandoned, i.short_abandoned, i.flowout,
    -- a report without an abandon (flow-out) column says nothing of them
    (i.abandoned IS NOT NULL)::INT AS abandon_known, (i.flowout IS NOT NULL)::INT AS flowout_known,
    (i.answered IS NOT NULL)::INT AS answer_known,  -- offered and answered: the rest went unanswered
    i.sl_met AS sl_num, i.offered AS sl_den,
    i.wait_answered_s AS wait_answered_sum, CASE WHEN i.wait_answered_s IS NOT NULL THEN i.answered END AS wait_answered_n,
    i.wait_abandoned_s AS wait_abandoned_sum, CASE WHEN i.wait_abandoned_s IS NOT NULL THEN i.abandoned END AS wait_abandoned_n,
    i.max_wait_s AS wait_max,
    coalesce(i.handled, i.answered) AS handled, i.transferred,
    CASE WHEN i.transferred IS NOT NULL THEN i.answered END AS transfer_known,
    i.talk_s AS talk_sum, CASE WHEN i.talk_s IS NOT NULL THEN coalesce(i.handled, i.answered) END AS talk_n,
    i.hold_s AS hold_sum, CASE WHEN i.hold_s IS NOT NULL THEN coalesce(i.handled, i.answered) END AS hold_n,
    i.wrap_s AS wrap_sum, CASE WHEN i.wrap_s IS NOT NULL THEN coalesce(i.handled, i.answered) END AS wrap_n,
    -- the report's own handle time (its AHT × handled), else the sum of its parts
    CASE WHEN i.handle_s IS NOT NULL THEN i.handle_s
         WHEN coalesce(i.talk_s, i.hold_s, i.wrap_s) IS NOT NULL
         THEN coalesce(i.talk_s, 0) + coalesce(i.hold_s, 0) + coalesce(i.wrap_s, 0) END AS handle_sum,
    CASE WHEN coalesce(i.handle_s, i.talk_s, i.hold_s, i.wrap_s) IS NOT NULL
         THEN coalesce(i.handled, i.answered) END AS handle_n,
    -- a flag, weighted by the KPI (like a contact's); a row of a day or more has no
    -- hour of day: neither in nor out of hours, and left out of the rate
    CASE WHEN i.interval_s < 86400 THEN (coalesce(NOT cs.is_open, true) OR h.day IS NOT NULL)::INT ELSE 0 END
        AS out_of_hours,
    (i.interval_s < 86400)::INT AS hours_known,
    (IKIND = 'ticket')::INT * coalesce(i.handled, 0) AS ticket
FROM interval_stats i
LEFT JOIN agents a ON a.agent_id = i.agent_id
LEFT JOIN calendar_slots cs
       ON cs.dow = isodow(i.interval_start) AND cs.slot = hour(i.interval_start) * 4 + minute(i.interval_start) // 15
LEFT JOIN holidays h ON h.day = CAST(i.interval_start AS DATE)
""".replace("IKIND", kind_of_channel("i.channel"))

SURVEYS = """
SELECT
    coalesce(c.arrived_at, s.answered_at) AS t, coalesce(c.channel, s.channel) AS channel,
    -- a rating of a contact counts with its contact's kind; one rating no contact by its channel
    CASE WHEN c.contact_id IS NOT NULL THEN CKIND ELSE SKIND END AS kind,
    coalesce(c.queue, s.queue) AS queue, coalesce(s.agent_id, c.agent_id) AS agent_id,
    a.team, coalesce(c.site, a.site) AS site, c.topic, c.product,
    s.survey_type, s.dimension, s.component, s.contact_id, s.comment,
    s.answered_at, s.customer_id AS survey_customer_id,
    s.score, s.scale_min, s.scale_max, s.higher_is_better,
    (s.survey_type = 'csat' AND s.score IS NOT NULL)::INT AS csat_n,
    -- top-two box; the top box alone on a two-point (good/bad) scale
    (s.survey_type = 'csat' AND s.score >= s.scale_max - CASE WHEN s.scale_max - s.scale_min <= 1 THEN 0 ELSE 1 END)::INT
        AS csat_satisfied,
    CASE WHEN s.survey_type = 'csat' THEN s.score END AS csat_score,
    (s.survey_type = 'nps' AND s.score IS NOT NULL)::INT AS nps_n,
    (s.survey_type = 'nps' AND s.score >= 9)::INT AS promoter,
    (s.survey_type = 'nps' AND s.score <= 6)::INT AS detractor,
    CASE WHEN s.survey_type = 'ces' AND s.scale_max = 7 AND s.higher_is_better THEN s.score END AS ces7,
    CASE WHEN s.survey_type = 'ces' THEN s.score END AS ces_any,
    -- "was your issue resolved (on first contact)?": yes = 1, no = 0, as the customer declared it
    (s.survey_type = 'fcr' AND s.score IS NOT NULL)::INT AS fcr_answers,
    (s.survey_type = 'fcr' AND s.score >= 1)::INT AS fcr_yes,
    CASE WHEN s.survey_type = 'servqual' AND s.component = 'perception' THEN s.score END AS perception,
    CASE WHEN s.survey_type = 'servqual' AND s.component = 'expectation' THEN s.score END AS expectation
FROM surveys s
LEFT JOIN contacts c ON c.contact_id = s.contact_id
LEFT JOIN agents a ON a.agent_id = coalesce(s.agent_id, c.agent_id)
""".replace("CKIND", kind("c.")).replace(
    # an answer linked to no contact and given no channel is of no kind: on the Overview only
    "SKIND",
    f"CASE WHEN s.channel IS NOT NULL THEN {kind_of_channel('s.channel')} END",
)

# Agent time: handle time from contacts and intervals, logged-in and paused time
# from sessions, paid time from schedules. Session rows have no channel or queue:
# channel and queue filters let them through (see Relation.open_filters).
ACTIVITY = f"""
SELECT t, channel, kind, queue, agent_id, a.team, coalesce(x.site, a.site) AS site, topic, product,
       handle_s, handled, logged_s, paused_s, scheduled_s
FROM (
    SELECT arrived_at AS t, channel, {kind()} AS kind, queue, agent_id, site, topic, product,
           coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0) AS handle_s,
           1 AS handled, 0 AS logged_s, 0 AS paused_s, 0 AS scheduled_s
    FROM contacts WHERE agent_id IS NOT NULL AND {handled()}
    UNION ALL
    SELECT interval_start, channel, {kind_of_channel("channel")}, queue, agent_id, site, topic, NULL,
           coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0), coalesce(handled, answered, 0),
           coalesce(logged_in_s, 0), coalesce(paused_s, 0), 0
    FROM interval_stats WHERE agent_id IS NOT NULL
    UNION ALL
    SELECT started_at, NULL, NULL, queue, agent_id, NULL, NULL, NULL, 0, 0,
           CASE WHEN state = 'logged_in' THEN duration_s ELSE 0 END,
           CASE WHEN state = 'pause' THEN duration_s ELSE 0 END, 0
    FROM agent_sessions
    UNION ALL
    SELECT starts_at, NULL, NULL, NULL, agent_id, NULL, NULL, NULL, 0, 0, 0, 0, duration_s FROM agent_schedules
) x
LEFT JOIN agents a USING (agent_id)
"""

# Reply delays: one row per customer message answered by an agent (message-level
# data), else the export's own per-ticket average for tickets without messages.
REPLIES = f"""
WITH m AS (
    SELECT source, contact_ref, author_kind, sent_at,
           min(sent_at) FILTER (WHERE author_kind = 'agent') OVER (
               PARTITION BY source, contact_ref ORDER BY sent_at
               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS reply_at
    FROM messages
)
SELECT c.arrived_at AS t, c.channel, {kind("c.")} AS kind, c.queue, c.agent_id, a.team,
       coalesce(c.site, a.site) AS site, c.topic, c.product, epoch(m.reply_at) - epoch(m.sent_at) AS delay_s
FROM m JOIN contacts c ON c.source = m.source AND c.source_key = m.contact_ref
LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE m.author_kind = 'customer' AND m.reply_at IS NOT NULL
UNION ALL
SELECT c.arrived_at, c.channel, {kind("c.")}, c.queue, c.agent_id, a.team, coalesce(c.site, a.site),
       c.topic, c.product, c.avg_reply_s
FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE c.avg_reply_s IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.source = c.source AND m.contact_ref = c.source_key)
"""

# Backlog is a point-in-time count: the engine joins each ticket to the end of the
# period (or of each time bucket) as ``period_end``.
BACKLOG = f"""
SELECT c.arrived_at AS t, c.channel, {kind("c.")} AS kind, c.queue, c.agent_id, a.team,
       coalesce(c.site, a.site) AS site, c.topic, c.product, c.arrived_at,
       CASE WHEN NOT {open_by_status("c.")}  -- still open at export time: in the backlog since it came
            THEN coalesce(c.solved_at, c.arrived_at + to_microseconds(CAST(c.resolution_s * 1e6 AS BIGINT)))
       END AS solved_at,
       c.resolution_s
FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE {kind("c.")} = 'ticket'
  AND NOT (c.solved_at IS NULL AND c.resolution_s IS NULL AND {solved_by_status("c.")})
"""

EVALUATIONS = f"""
SELECT coalesce(c.arrived_at, e.evaluated_at) AS t, c.channel, {kind("c.")} AS kind, c.queue,
       coalesce(e.agent_id, c.agent_id) AS agent_id, a.team, coalesce(c.site, a.site) AS site,
       c.topic, c.product, e.criterion, e.score, e.contact_id
FROM evaluations e
LEFT JOIN contacts c ON c.contact_id = e.contact_id
LEFT JOIN agents a ON a.agent_id = coalesce(e.agent_id, c.agent_id)
"""

# Contacts both evaluated by QA and rated by the customer (delivered vs perceived).
QA_CSAT = f"""
SELECT c.arrived_at AS t, c.channel, {kind("c.")} AS kind, c.queue, c.agent_id, a.team, coalesce(c.site, a.site) AS site,
       c.topic, c.product, q.qa, s.csat
FROM (SELECT contact_id, avg(score) AS qa FROM evaluations WHERE contact_id IS NOT NULL GROUP BY 1) q
JOIN (SELECT contact_id, 100.0 * avg((score >= scale_max - CASE WHEN scale_max - scale_min <= 1 THEN 0 ELSE 1 END)::INT) AS csat
      FROM surveys WHERE survey_type = 'csat' AND contact_id IS NOT NULL GROUP BY 1) s USING (contact_id)
JOIN contacts c USING (contact_id)
LEFT JOIN agents a ON a.agent_id = c.agent_id
"""

# Customer base KPIs compare the start and the end of the period (bound by the engine).
CUSTOMERS = """
SELECT
    (started_on < $period_start AND (ended_on IS NULL OR ended_on >= $period_start))::INT AS at_start,
    (started_on < $period_end AND (ended_on IS NULL OR ended_on >= $period_end))::INT AS at_end,
    (started_on >= $period_start AND started_on < $period_end)::INT AS new,
    (started_on < $period_start AND ended_on >= $period_start AND ended_on < $period_end)::INT AS lost,
    (coalesce(purchases, 0) >= 1)::INT AS buyer,
    (coalesce(purchases, 0) >= 2)::INT AS repeat_buyer
FROM customers
"""


# Durations a chart shows as a distribution: relation and the (value, condition)
# pairs whose values it pools — the same contacts as the KPI each one explains
# (ASA, AHT, first response time of tickets and of chats, resolution time).
DISTRIBUTIONS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "wait": ("contacts", (("wait_answered_v", ""),)),
    "handle": ("contacts", (("handle_v", ""),)),
    "first_response": ("contacts", (("first_response_s", "ticket = 1"), ("chat_frt_v", ""))),
    "resolution": ("contacts", (("resolution_s", "ticket = 1 AND solved = 1"),)),
}


# Facts computed after an import commits its rows (db/derive.py): the next contact of
# the same customer (repeats, first-contact resolution), survey and evaluation links,
# the out-of-hours flag of bulk imports. Until they are, a KPI reading one of these
# columns, or a relation that joins a rating to its contact, would be wrong.
DERIVED_COLUMNS = frozenset({"repeat", "first_contact_resolved", "survey_answered", "out_of_hours"})
LINKED_RELATIONS = frozenset({"surveys", "evaluations", "qa_csat"})


@dataclass(frozen=True)
class Relation:
    name: str
    sql: str
    dims: frozenset[str]  # columns a KPI on this relation can be grouped or filtered by
    open_filters: frozenset[str] = frozenset()  # filters that let NULL through
    snapshot: bool = False  # point-in-time: joined to the end of each period
    periodic: bool = True  # filtered by t within the period
    spans: bool = False  # some rows are spans of hours (sessions, schedules), dated by their start

    @property
    def by_the_hour(self) -> bool:
        """Whether a weekday or hour across the period (a heatmap cell) can narrow it:
        not a point-in-time count, rows dated by their start that last hours, or rows
        without a date."""
        return self.periodic and not self.snapshot and not self.spans

    extra_dims: dict[str, str] = field(default_factory=dict)


_STD = frozenset({"t", "channel", "kind", "queue", "agent_id", "team", "site", "topic", "product"})

RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in [
        Relation("contacts", CONTACTS, _STD),
        Relation("surveys", SURVEYS, _STD, extra_dims={"dimension": "dimension", "survey_type": "survey_type"}),
        Relation(
            "activity",
            ACTIVITY,
            _STD,
            open_filters=frozenset({"channel", "kind", "queue", "topic", "product"}),
            spans=True,
        ),
        Relation("replies", REPLIES, _STD),
        Relation("backlog", BACKLOG, _STD, snapshot=True),
        Relation("evaluations", EVALUATIONS, _STD, extra_dims={"criterion": "criterion"}),
        Relation("qa_csat", QA_CSAT, _STD),
        Relation("customers", CUSTOMERS, frozenset(), periodic=False),
    ]
}
