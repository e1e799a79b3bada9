-- abandon_rate (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (CASE WHEN sum(offered * abandon_known) - sum(answered * abandon_known) - sum(abandoned * abandon_known) - coalesce(sum(flowout * abandon_known), 0) = 0 THEN sum(abandoned * abandon_known) / nullif(sum(offered * abandon_known), 0) END) AS "abandon_rate__v", (sum(offered * abandon_known)) AS "abandon_rate__n", (sum(offered * abandon_known) - sum(answered * abandon_known) - sum(abandoned * abandon_known) - coalesce(sum(flowout * abandon_known), 0)) AS "abandon_rate__x__outcome_unknown", (sum(offered * (1 - abandon_known))) AS "abandon_rate__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum(offered * abandon_known) - sum(answered * abandon_known) - sum(abandoned * abandon_known) - coalesce(sum(flowout * abandon_known), 0) = 0 THEN sum(abandoned * abandon_known) / nullif(sum(offered * abandon_known), 0) END) AS "abandon_rate__v", (sum(offered * abandon_known)) AS "abandon_rate__n", (sum(offered * abandon_known) - sum(answered * abandon_known) - sum(abandoned * abandon_known) - coalesce(sum(flowout * abandon_known), 0)) AS "abandon_rate__x__outcome_unknown", (sum(offered * (1 - abandon_known))) AS "abandon_rate__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum(offered * abandon_known) - sum(answered * abandon_known) - sum(abandoned * abandon_known) - coalesce(sum(flowout * abandon_known), 0) = 0 THEN sum(abandoned * abandon_known) / nullif(sum(offered * abandon_known), 0) END) AS "abandon_rate__v", (sum(offered * abandon_known)) AS "abandon_rate__n", (sum(offered * abandon_known) - sum(answered * abandon_known) - sum(abandoned * abandon_known) - coalesce(sum(flowout * abandon_known), 0)) AS "abandon_rate__x__outcome_unknown", (sum(offered * (1 - abandon_known))) AS "abandon_rate__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
