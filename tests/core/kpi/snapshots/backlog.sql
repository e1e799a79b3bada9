-- backlog (backlog): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (count(*)) AS "backlog__v", (count(*)) AS "backlog__n"
FROM (SELECT r.* REPLACE (e.bucket_start AS t), e.bucket_end AS period_end
FROM (<relation backlog>) r JOIN (SELECT $period_start AS bucket_start, $period_end AS bucket_end) e
  ON r.arrived_at < e.bucket_end AND (r.solved_at IS NULL OR r.solved_at >= e.bucket_end)) r;


-- by agent, statement 1
SELECT agent_id AS "agent", (count(*)) AS "backlog__v", (count(*)) AS "backlog__n"
FROM (SELECT r.* REPLACE (e.bucket_start AS t), e.bucket_end AS period_end
FROM (<relation backlog>) r JOIN (SELECT $period_start AS bucket_start, $period_end AS bucket_end) e
  ON r.arrived_at < e.bucket_end AND (r.solved_at IS NULL OR r.solved_at >= e.bucket_end)) r
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (count(*)) AS "backlog__v", (count(*)) AS "backlog__n"
FROM (SELECT r.* REPLACE (e.bucket_start AS t), e.bucket_end AS period_end
FROM (<relation backlog>) r JOIN (SELECT s AS bucket_start, least(s + INTERVAL 1 DAY, $period_end) AS bucket_end FROM generate_series(date_trunc('day', $period_start), $period_end - INTERVAL 1 MICROSECOND, INTERVAL 1 DAY) g(s)) e
  ON r.arrived_at < e.bucket_end AND (r.solved_at IS NULL OR r.solved_at >= e.bucket_end)) r
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (count(*)) AS "backlog__v", (count(*)) AS "backlog__n"
FROM (SELECT r.* REPLACE (e.bucket_start AS t), e.bucket_end AS period_end
FROM (<relation backlog>) r JOIN (SELECT s AS bucket_start, least(s + INTERVAL 1 DAY, $period_end) AS bucket_end FROM generate_series(date_trunc('day', $period_start), $period_end - INTERVAL 1 MICROSECOND, INTERVAL 1 DAY) g(s)) e
  ON r.arrived_at < e.bucket_end AND (r.solved_at IS NULL OR r.solved_at >= e.bucket_end)) r
WHERE list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
