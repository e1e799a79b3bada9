-- the relation activity: what <relation activity> stands for in the KPI snapshots
SELECT t, channel, kind, queue, agent_id, a.team, coalesce(x.site, a.site) AS site, topic, product,
       handle_s, handled, logged_s, paused_s, scheduled_s
FROM (
    SELECT arrived_at AS t, channel, coalesce(record_kind, CASE channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) AS kind, queue, agent_id, site, topic, product,
           coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0) AS handle_s,
           1 AS handled, 0 AS logged_s, 0 AS paused_s, 0 AS scheduled_s
    FROM contacts WHERE agent_id IS NOT NULL AND (outcome IN ('answered', 'handled') OR (coalesce(record_kind, CASE channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'bot' AND answered_at IS NOT NULL) OR (outcome IS NULL AND coalesce(record_kind, CASE channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'ticket' AND agent_id IS NOT NULL AND (first_response_at IS NOT NULL OR first_response_s IS NOT NULL OR replies > 0)))
    UNION ALL
    SELECT interval_start, channel, CASE channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END, queue, agent_id, site, topic, NULL,
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
