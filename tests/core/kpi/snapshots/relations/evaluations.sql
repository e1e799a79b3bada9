-- the relation evaluations: what <relation evaluations> stands for in the KPI snapshots
SELECT coalesce(c.arrived_at, e.evaluated_at) AS t, c.channel, coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) AS kind, c.queue,
       coalesce(e.agent_id, c.agent_id) AS agent_id, a.team, coalesce(c.site, a.site) AS site,
       c.topic, c.product, e.criterion, e.score, e.contact_id
FROM evaluations e
LEFT JOIN contacts c ON c.contact_id = e.contact_id
LEFT JOIN agents a ON a.agent_id = coalesce(e.agent_id, c.agent_id)
