-- service_level (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (CASE WHEN coalesce(sum(detail * answered * answer_known), 0) - coalesce(sum(detail * wait_answered_n * answer_known), 0) = 0
      AND coalesce(sum(CASE WHEN sl_num IS NULL THEN sl_den END * answer_known), 0) = 0
     THEN sum(sl_num * answer_known) / nullif(sum(sl_den * answer_known), 0) END) AS "service_level__v", (sum(sl_den * answer_known)) AS "service_level__n", (coalesce(sum(detail * answered * answer_known), 0) - coalesce(sum(detail * wait_answered_n * answer_known), 0)) AS "service_level__x__wait_unknown", (sum(offered * (1 - answer_known))) AS "service_level__x__answer_unknown", (coalesce(sum(CASE WHEN sl_num IS NULL THEN sl_den END * answer_known), 0)) AS "service_level__x__sl_count_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN coalesce(sum(detail * answered * answer_known), 0) - coalesce(sum(detail * wait_answered_n * answer_known), 0) = 0
      AND coalesce(sum(CASE WHEN sl_num IS NULL THEN sl_den END * answer_known), 0) = 0
     THEN sum(sl_num * answer_known) / nullif(sum(sl_den * answer_known), 0) END) AS "service_level__v", (sum(sl_den * answer_known)) AS "service_level__n", (coalesce(sum(detail * answered * answer_known), 0) - coalesce(sum(detail * wait_answered_n * answer_known), 0)) AS "service_level__x__wait_unknown", (sum(offered * (1 - answer_known))) AS "service_level__x__answer_unknown", (coalesce(sum(CASE WHEN sl_num IS NULL THEN sl_den END * answer_known), 0)) AS "service_level__x__sl_count_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN coalesce(sum(detail * answered * answer_known), 0) - coalesce(sum(detail * wait_answered_n * answer_known), 0) = 0
      AND coalesce(sum(CASE WHEN sl_num IS NULL THEN sl_den END * answer_known), 0) = 0
     THEN sum(sl_num * answer_known) / nullif(sum(sl_den * answer_known), 0) END) AS "service_level__v", (sum(sl_den * answer_known)) AS "service_level__n", (coalesce(sum(detail * answered * answer_known), 0) - coalesce(sum(detail * wait_answered_n * answer_known), 0)) AS "service_level__x__wait_unknown", (sum(offered * (1 - answer_known))) AS "service_level__x__answer_unknown", (coalesce(sum(CASE WHEN sl_num IS NULL THEN sl_den END * answer_known), 0)) AS "service_level__x__sl_count_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
