-- the relation backlog: what <relation backlog> stands for in the KPI snapshots
SELECT c.arrived_at AS t, c.channel, coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) AS kind, c.queue, c.agent_id, a.team,
       coalesce(c.site, a.site) AS site, c.topic, c.product, c.arrived_at,
       CASE WHEN NOT regexp_matches(lower(coalesce(c.status, '')), '^\s*(open|new|pending|in progress|on hold|waiting|escalated|assigned|reopened|ouvert|nouveau|en cours|en attente|escalad|r[ée]ouvert)')  -- still open at export time: in the backlog since it came
            THEN coalesce(c.solved_at, c.arrived_at + to_microseconds(CAST(c.resolution_s * 1e6 AS BIGINT)))
       END AS solved_at,
       c.resolution_s
FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) = 'ticket'
  AND NOT (c.solved_at IS NULL AND c.resolution_s IS NULL AND regexp_matches(lower(coalesce(c.status, '')), '^\s*(solved|closed|resolved|done|completed|r[ée]solu|clos|cl[oô]tur|ferm[ée]|termin[ée]|trait[ée])'))
