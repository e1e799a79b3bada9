-- volume_share (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT sum(num) / any_value(total) AS "volume_share__v", sum(num) AS "volume_share__n"
FROM (SELECT *, sum(num) OVER () AS total FROM (SELECT channel AS "channel", (sum(inbound)) AS num
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL) g) w
WHERE len($channel_filter) = 0 OR list_contains($channel_filter, channel);


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT "day", sum(num) / any_value(total) AS "volume_share__v", sum(num) AS "volume_share__n"
FROM (SELECT *, sum(num) OVER (PARTITION BY "day") AS total FROM (SELECT CAST(t AS DATE) AS "day", channel AS "channel", (sum(inbound)) AS num
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL) g) w
WHERE len($channel_filter) = 0 OR list_contains($channel_filter, channel)
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT "day", sum(num) / any_value(total) AS "volume_share__v", sum(num) AS "volume_share__n"
FROM (SELECT *, sum(num) OVER (PARTITION BY "day") AS total FROM (SELECT CAST(t AS DATE) AS "day", channel AS "channel", (sum(inbound)) AS num
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL) g) w
WHERE len($channel_filter) = 0 OR list_contains($channel_filter, channel)
GROUP BY ALL ORDER BY ALL;
