-- reopen_rate (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(ticket * solved * reopened) / nullif(sum(ticket * solved * reopen_known), 0)) AS "reopen_rate__v", (sum(ticket * solved * reopen_known)) AS "reopen_rate__n", (sum(ticket * solved * (1 - reopen_known))) AS "reopen_rate__x__reopen_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (sum(ticket * solved * reopened) / nullif(sum(ticket * solved * reopen_known), 0)) AS "reopen_rate__v", (sum(ticket * solved * reopen_known)) AS "reopen_rate__n", (sum(ticket * solved * (1 - reopen_known))) AS "reopen_rate__x__reopen_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(ticket * solved * reopened) / nullif(sum(ticket * solved * reopen_known), 0)) AS "reopen_rate__v", (sum(ticket * solved * reopen_known)) AS "reopen_rate__n", (sum(ticket * solved * (1 - reopen_known))) AS "reopen_rate__x__reopen_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(ticket * solved * reopened) / nullif(sum(ticket * solved * reopen_known), 0)) AS "reopen_rate__v", (sum(ticket * solved * reopen_known)) AS "reopen_rate__n", (sum(ticket * solved * (1 - reopen_known))) AS "reopen_rate__x__reopen_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
