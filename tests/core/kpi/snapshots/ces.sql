-- ces (surveys): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (coalesce(avg(ces7), avg(ces_any))) AS "ces__v", (CASE WHEN count(ces7) > 0 THEN count(ces7) ELSE count(ces_any) END) AS "ces__n", (CASE WHEN count(ces7) > 0 THEN 'scale 1-7, higher is easier' WHEN count(ces_any) > 0 THEN 'scale ' || CAST(min(scale_min) FILTER (WHERE survey_type = 'ces') AS INT) || '-' || CAST(max(scale_max) FILTER (WHERE survey_type = 'ces') AS INT) || CASE WHEN bool_and(higher_is_better) FILTER (WHERE survey_type = 'ces') THEN ', higher is easier' ELSE ', lower is easier' END END
) AS "ces__b", (count(*) - count(ces_any)) AS "ces__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (coalesce(avg(ces7), avg(ces_any))) AS "ces__v", (CASE WHEN count(ces7) > 0 THEN count(ces7) ELSE count(ces_any) END) AS "ces__n", (CASE WHEN count(ces7) > 0 THEN 'scale 1-7, higher is easier' WHEN count(ces_any) > 0 THEN 'scale ' || CAST(min(scale_min) FILTER (WHERE survey_type = 'ces') AS INT) || '-' || CAST(max(scale_max) FILTER (WHERE survey_type = 'ces') AS INT) || CASE WHEN bool_and(higher_is_better) FILTER (WHERE survey_type = 'ces') THEN ', higher is easier' ELSE ', lower is easier' END END
) AS "ces__b", (count(*) - count(ces_any)) AS "ces__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (coalesce(avg(ces7), avg(ces_any))) AS "ces__v", (CASE WHEN count(ces7) > 0 THEN count(ces7) ELSE count(ces_any) END) AS "ces__n", (CASE WHEN count(ces7) > 0 THEN 'scale 1-7, higher is easier' WHEN count(ces_any) > 0 THEN 'scale ' || CAST(min(scale_min) FILTER (WHERE survey_type = 'ces') AS INT) || '-' || CAST(max(scale_max) FILTER (WHERE survey_type = 'ces') AS INT) || CASE WHEN bool_and(higher_is_better) FILTER (WHERE survey_type = 'ces') THEN ', higher is easier' ELSE ', lower is easier' END END
) AS "ces__b", (count(*) - count(ces_any)) AS "ces__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (coalesce(avg(ces7), avg(ces_any))) AS "ces__v", (CASE WHEN count(ces7) > 0 THEN count(ces7) ELSE count(ces_any) END) AS "ces__n", (CASE WHEN count(ces7) > 0 THEN 'scale 1-7, higher is easier' WHEN count(ces_any) > 0 THEN 'scale ' || CAST(min(scale_min) FILTER (WHERE survey_type = 'ces') AS INT) || '-' || CAST(max(scale_max) FILTER (WHERE survey_type = 'ces') AS INT) || CASE WHEN bool_and(higher_is_better) FILTER (WHERE survey_type = 'ces') THEN ', higher is easier' ELSE ', lower is easier' END END
) AS "ces__b", (count(*) - count(ces_any)) AS "ces__x__other_answers"
FROM (<relation surveys>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
