-- the relation qa_csat: what <relation qa_csat> stands for in the KPI snapshots
SELECT c.arrived_at AS t, c.channel, coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) AS kind, c.queue, c.agent_id, a.team, coalesce(c.site, a.site) AS site,
       c.topic, c.product, q.qa, s.csat
FROM (SELECT contact_id, avg(score) AS qa FROM evaluations WHERE contact_id IS NOT NULL GROUP BY 1) q
JOIN (SELECT contact_id, 100.0 * avg((score >= scale_max - CASE WHEN scale_max - scale_min <= 1 THEN 0 ELSE 1 END)::INT) AS csat
      FROM surveys WHERE survey_type = 'csat' AND contact_id IS NOT NULL GROUP BY 1) s USING (contact_id)
JOIN contacts c USING (contact_id)
LEFT JOIN agents a ON a.agent_id = c.agent_id
