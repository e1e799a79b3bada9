-- fcr_declared (surveys): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(fcr_yes) / nullif(sum(fcr_answers), 0)) AS "fcr_declared__v", (sum(fcr_answers)) AS "fcr_declared__n", (count(*) - sum(fcr_answers)) AS "fcr_declared__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (sum(fcr_yes) / nullif(sum(fcr_answers), 0)) AS "fcr_declared__v", (sum(fcr_answers)) AS "fcr_declared__n", (count(*) - sum(fcr_answers)) AS "fcr_declared__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(fcr_yes) / nullif(sum(fcr_answers), 0)) AS "fcr_declared__v", (sum(fcr_answers)) AS "fcr_declared__n", (count(*) - sum(fcr_answers)) AS "fcr_declared__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(fcr_yes) / nullif(sum(fcr_answers), 0)) AS "fcr_declared__v", (sum(fcr_answers)) AS "fcr_declared__n", (count(*) - sum(fcr_answers)) AS "fcr_declared__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
