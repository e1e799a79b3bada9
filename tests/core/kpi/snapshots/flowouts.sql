-- flowouts (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (CASE WHEN sum(offered * flowout_known) > 0 AND sum(offered * flowout_known) - sum(answered * flowout_known) - sum(abandoned * flowout_known) - sum(flowout * flowout_known) = 0 THEN sum(flowout * flowout_known) END) AS "flowouts__v", (sum(offered * flowout_known)) AS "flowouts__n", (sum(offered * flowout_known) - sum(answered * flowout_known) - sum(abandoned * flowout_known) - sum(flowout * flowout_known)) AS "flowouts__x__outcome_unknown", (sum(offered * (1 - flowout_known))) AS "flowouts__x__flowout_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum(offered * flowout_known) > 0 AND sum(offered * flowout_known) - sum(answered * flowout_known) - sum(abandoned * flowout_known) - sum(flowout * flowout_known) = 0 THEN sum(flowout * flowout_known) END) AS "flowouts__v", (sum(offered * flowout_known)) AS "flowouts__n", (sum(offered * flowout_known) - sum(answered * flowout_known) - sum(abandoned * flowout_known) - sum(flowout * flowout_known)) AS "flowouts__x__outcome_unknown", (sum(offered * (1 - flowout_known))) AS "flowouts__x__flowout_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum(offered * flowout_known) > 0 AND sum(offered * flowout_known) - sum(answered * flowout_known) - sum(abandoned * flowout_known) - sum(flowout * flowout_known) = 0 THEN sum(flowout * flowout_known) END) AS "flowouts__v", (sum(offered * flowout_known)) AS "flowouts__n", (sum(offered * flowout_known) - sum(answered * flowout_known) - sum(abandoned * flowout_known) - sum(flowout * flowout_known)) AS "flowouts__x__outcome_unknown", (sum(offered * (1 - flowout_known))) AS "flowouts__x__flowout_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
