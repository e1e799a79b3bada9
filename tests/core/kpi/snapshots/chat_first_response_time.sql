-- chat_first_response_time (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (quantile_cont(chat_frt_v, 0.5)) AS "chat_first_response_time__v", (count(chat_frt_v)) AS "chat_first_response_time__n", (sum(chat_waited * handled) - count(chat_frt_v)) AS "chat_first_response_time__x__frt_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (quantile_cont(chat_frt_v, 0.5)) AS "chat_first_response_time__v", (count(chat_frt_v)) AS "chat_first_response_time__n", (sum(chat_waited * handled) - count(chat_frt_v)) AS "chat_first_response_time__x__frt_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (quantile_cont(chat_frt_v, 0.5)) AS "chat_first_response_time__v", (count(chat_frt_v)) AS "chat_first_response_time__n", (sum(chat_waited * handled) - count(chat_frt_v)) AS "chat_first_response_time__x__frt_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (quantile_cont(chat_frt_v, 0.5)) AS "chat_first_response_time__v", (count(chat_frt_v)) AS "chat_first_response_time__n", (sum(chat_waited * handled) - count(chat_frt_v)) AS "chat_first_response_time__x__frt_unknown"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
