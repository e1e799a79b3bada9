-- asa (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(wait_answered_sum) / nullif(sum(wait_answered_n), 0)) AS "asa__v", (sum(wait_answered_n)) AS "asa__n", (coalesce(sum(detail * answered), 0) - coalesce(sum(detail * wait_answered_n), 0)) AS "asa__x__wait_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent: a queue-level figure: not meaningful per agent or team


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(wait_answered_sum) / nullif(sum(wait_answered_n), 0)) AS "asa__v", (sum(wait_answered_n)) AS "asa__n", (coalesce(sum(detail * answered), 0) - coalesce(sum(detail * wait_answered_n), 0)) AS "asa__x__wait_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (sum(wait_answered_sum) / nullif(sum(wait_answered_n), 0)) AS "asa__v", (sum(wait_answered_n)) AS "asa__n", (coalesce(sum(detail * answered), 0) - coalesce(sum(detail * wait_answered_n), 0)) AS "asa__x__wait_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
