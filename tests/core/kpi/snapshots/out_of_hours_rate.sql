-- out_of_hours_rate (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(out_of_hours * hours_known * inbound) / nullif(sum(hours_known * inbound), 0)) AS "out_of_hours_rate__v", (sum(hours_known * inbound)) AS "out_of_hours_rate__n", (sum((1 - hours_known) * inbound)) AS "out_of_hours_rate__x__time_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(out_of_hours * hours_known * inbound) / nullif(sum(hours_known * inbound), 0)) AS "out_of_hours_rate__v", (sum(hours_known * inbound)) AS "out_of_hours_rate__n", (sum((1 - hours_known) * inbound)) AS "out_of_hours_rate__x__time_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(out_of_hours * hours_known * inbound) / nullif(sum(hours_known * inbound), 0)) AS "out_of_hours_rate__v", (sum(hours_known * inbound)) AS "out_of_hours_rate__n", (sum((1 - hours_known) * inbound)) AS "out_of_hours_rate__x__time_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
