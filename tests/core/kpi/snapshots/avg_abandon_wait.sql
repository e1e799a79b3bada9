-- avg_abandon_wait (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(wait_abandoned_sum) / nullif(sum(wait_abandoned_n), 0)) AS "avg_abandon_wait__v", (sum(wait_abandoned_n)) AS "avg_abandon_wait__n", (coalesce(sum(detail * abandoned), 0) - coalesce(sum(detail * wait_abandoned_n), 0)) AS "avg_abandon_wait__x__abandon_wait_unknown", (sum(offered * (1 - abandon_known))) AS "avg_abandon_wait__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(wait_abandoned_sum) / nullif(sum(wait_abandoned_n), 0)) AS "avg_abandon_wait__v", (sum(wait_abandoned_n)) AS "avg_abandon_wait__n", (coalesce(sum(detail * abandoned), 0) - coalesce(sum(detail * wait_abandoned_n), 0)) AS "avg_abandon_wait__x__abandon_wait_unknown", (sum(offered * (1 - abandon_known))) AS "avg_abandon_wait__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(wait_abandoned_sum) / nullif(sum(wait_abandoned_n), 0)) AS "avg_abandon_wait__v", (sum(wait_abandoned_n)) AS "avg_abandon_wait__n", (coalesce(sum(detail * abandoned), 0) - coalesce(sum(detail * wait_abandoned_n), 0)) AS "avg_abandon_wait__x__abandon_wait_unknown", (sum(offered * (1 - abandon_known))) AS "avg_abandon_wait__x__abandon_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
