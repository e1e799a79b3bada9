-- short_abandons (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (CASE WHEN sum((offered + short_abandoned) * abandon_known) > 0 AND coalesce(sum(detail * abandoned * abandon_known), 0) - coalesce(sum(detail * wait_abandoned_n * abandon_known), 0) = 0
     THEN sum(short_abandoned * abandon_known) END) AS "short_abandons__v", (sum(short_abandoned * abandon_known)) AS "short_abandons__n", (coalesce(sum(detail * abandoned * abandon_known), 0) - coalesce(sum(detail * wait_abandoned_n * abandon_known), 0)) AS "short_abandons__x__abandon_wait_unknown", (sum(offered * (1 - abandon_known))) AS "short_abandons__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum((offered + short_abandoned) * abandon_known) > 0 AND coalesce(sum(detail * abandoned * abandon_known), 0) - coalesce(sum(detail * wait_abandoned_n * abandon_known), 0) = 0
     THEN sum(short_abandoned * abandon_known) END) AS "short_abandons__v", (sum(short_abandoned * abandon_known)) AS "short_abandons__n", (coalesce(sum(detail * abandoned * abandon_known), 0) - coalesce(sum(detail * wait_abandoned_n * abandon_known), 0)) AS "short_abandons__x__abandon_wait_unknown", (sum(offered * (1 - abandon_known))) AS "short_abandons__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum((offered + short_abandoned) * abandon_known) > 0 AND coalesce(sum(detail * abandoned * abandon_known), 0) - coalesce(sum(detail * wait_abandoned_n * abandon_known), 0) = 0
     THEN sum(short_abandoned * abandon_known) END) AS "short_abandons__v", (sum(short_abandoned * abandon_known)) AS "short_abandons__n", (coalesce(sum(detail * abandoned * abandon_known), 0) - coalesce(sum(detail * wait_abandoned_n * abandon_known), 0)) AS "short_abandons__x__abandon_wait_unknown", (sum(offered * (1 - abandon_known))) AS "short_abandons__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
