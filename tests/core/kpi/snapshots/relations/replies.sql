-- the relation replies: what <relation replies> stands for in the KPI snapshots
WITH m AS (
    SELECT source, contact_ref, author_kind, sent_at,
           min(sent_at) FILTER (WHERE author_kind = 'agent') OVER (
               PARTITION BY source, contact_ref ORDER BY sent_at
               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS reply_at
    FROM messages
)
SELECT c.arrived_at AS t, c.channel, coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END) AS kind, c.queue, c.agent_id, a.team,
       coalesce(c.site, a.site) AS site, c.topic, c.product, epoch(m.reply_at) - epoch(m.sent_at) AS delay_s
FROM m JOIN contacts c ON c.source = m.source AND c.source_key = m.contact_ref
LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE m.author_kind = 'customer' AND m.reply_at IS NOT NULL
UNION ALL
SELECT c.arrived_at, c.channel, coalesce(c.record_kind, CASE c.channel WHEN 'phone' THEN 'call' WHEN 'chat' THEN 'chat' WHEN 'bot' THEN 'bot' ELSE 'ticket' END), c.queue, c.agent_id, a.team, coalesce(c.site, a.site),
       c.topic, c.product, c.avg_reply_s
FROM contacts c LEFT JOIN agents a ON a.agent_id = c.agent_id
WHERE c.avg_reply_s IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.source = c.source AND m.contact_ref = c.source_key)
