-- the relation contacts: what <relation contacts> stands for in the KPI snapshots
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
    (NOT regexp_matches(lower(coalesce(f.status, '')), '^\s*(open|new|pending|in progress|on hold|waiting|escalated|assigned|reopened|ouvert|nouveau|en cours|en attente|escalad|r[ée]ouvert)')
     AND (f.solved_at IS NOT NULL OR f.resolution_s IS NOT NULL OR regexp_matches(lower(coalesce(f.status, '')), '^\s*(solved|closed|resolved|done|completed|r[ée]solu|clos|cl[oô]tur|ferm[ée]|termin[ée]|trait[ée])')))::INT AS solved,
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
FROM (
SELECT *,
    offered * (outcome = 'answered')::INT                       AS answered,
    offered * (outcome = 'abandoned')::INT                      AS abandoned,
    offered * (outcome = 'flowout')::INT                        AS flowout,
    offered * (outcome = 'answered' AND wait_s <= $sl_threshold_s)::INT AS sl_met,
    offered * (outcome = 'abandoned' AND wait_s <= $sl_threshold_s)::INT AS sl_abandon_within
FROM (
    SELECT c.*, coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) AS kind,
        (coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'call' AND c.direction = 'inbound' AND c.outcome = 'abandoned'
         AND coalesce(c.wait_s, 1e12) < $short_abandon_s)::INT      AS short_abandoned,
        (coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'call' AND c.direction = 'inbound'
         AND (c.outcome IN ('answered', 'abandoned', 'flowout') OR (c.outcome IS NULL AND c.queue IS NOT NULL))
         -- (a call of no outcome is no short abandon: offered, whatever its wait)
         AND NOT coalesce(c.outcome = 'abandoned' AND coalesce(c.wait_s, 1e12) < $short_abandon_s, false))::INT AS offered,
        (c.outcome IN ('answered', 'handled') OR (coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'bot' AND c.answered_at IS NOT NULL) OR (c.outcome IS NULL AND coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'ticket' AND c.agent_id IS NOT NULL AND (c.first_response_at IS NOT NULL OR c.first_response_s IS NOT NULL OR c.replies > 0))) AS is_handled,
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
) f
LEFT JOIN agents a ON a.agent_id = f.agent_id

UNION ALL BY NAME

SELECT
    i.interval_start AS t, i.channel, CASE i.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END AS kind, 'inbound' AS direction, i.queue, i.agent_id, a.team,
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
    (CASE i.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END = 'ticket')::INT * coalesce(i.handled, 0) AS ticket
FROM interval_stats i
LEFT JOIN agents a ON a.agent_id = i.agent_id
LEFT JOIN calendar_slots cs
       ON cs.dow = isodow(i.interval_start) AND cs.slot = hour(i.interval_start) * 4 + minute(i.interval_start) // 15
LEFT JOIN holidays h ON h.day = CAST(i.interval_start AS DATE)
