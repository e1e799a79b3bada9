-- the relation surveys: what <relation surveys> stands for in the KPI snapshots
SELECT
    coalesce(c.arrived_at, s.answered_at) AS t, coalesce(c.channel, s.channel) AS channel,
    -- a rating of a contact counts with its contact's kind; one rating no contact by its channel
    CASE WHEN c.contact_id IS NOT NULL THEN coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) ELSE CASE WHEN s.channel IS NOT NULL THEN CASE s.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END END END AS kind,
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
