-- contacts_per_hour (activity): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(handled) / nullif((sum(logged_s) - sum(paused_s)) / 3600, 0)) AS "contacts_per_hour__v", (sum(handled)) AS "contacts_per_hour__n"
FROM (<relation activity>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (sum(handled) / nullif((sum(logged_s) - sum(paused_s)) / 3600, 0)) AS "contacts_per_hour__v", (sum(handled)) AS "contacts_per_hour__n"
FROM (<relation activity>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(handled) / nullif((sum(logged_s) - sum(paused_s)) / 3600, 0)) AS "contacts_per_hour__v", (sum(handled)) AS "contacts_per_hour__n"
FROM (<relation activity>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(handled) / nullif((sum(logged_s) - sum(paused_s)) / 3600, 0)) AS "contacts_per_hour__v", (sum(handled)) AS "contacts_per_hour__n"
FROM (<relation activity>) r
WHERE t >= $period_start AND t < $period_end
  AND (channel IS NULL OR list_contains($f_channel, channel))
  AND (queue IS NULL OR list_contains($f_queue, queue))
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND (topic IS NULL OR list_contains($f_topic, topic))
GROUP BY ALL ORDER BY ALL;
