-- the relation backlog: what <relation backlog> stands for in the KPI snapshots
SELECT c.arrived_at AS t, c.channel, c.queue, c.agent_id, a.team, coalesce(c.site, a.site) AS site,
       c.topic, c.product, c.arrived_at, c.solved_at, c.resolution_s
FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE c.channel NOT IN ('phone', 'chat', 'bot')
