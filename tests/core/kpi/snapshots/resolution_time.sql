-- resolution_time (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (quantile_cont(resolution_s, 0.5) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__v", (count(resolution_s) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__n", (sum(resolution_unmeasured) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__x__resolution_unmeasured"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (quantile_cont(resolution_s, 0.5) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__v", (count(resolution_s) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__n", (sum(resolution_unmeasured) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__x__resolution_unmeasured"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (quantile_cont(resolution_s, 0.5) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__v", (count(resolution_s) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__n", (sum(resolution_unmeasured) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__x__resolution_unmeasured"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (quantile_cont(resolution_s, 0.5) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__v", (count(resolution_s) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__n", (sum(resolution_unmeasured) FILTER (WHERE ticket = 1 AND solved = 1)) AS "resolution_time__x__resolution_unmeasured"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
