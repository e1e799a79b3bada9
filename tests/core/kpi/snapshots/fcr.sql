-- fcr (contacts): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (CASE WHEN sum(resolution_known) > 0 THEN sum(first_contact_resolved) / sum(resolution_known) WHEN sum(customer_known) > 0 THEN 1 - sum(repeat) / sum(customer_known) END) AS "fcr__v", (CASE WHEN sum(resolution_known) > 0 THEN sum(resolution_known) ELSE sum(customer_known) END) AS "fcr__n", (CASE WHEN sum(resolution_known) > 0 AND sum(customer_known) > 0 THEN 'resolved flag and repeats' WHEN sum(resolution_known) > 0 THEN 'resolved flag only (no customer ids)' WHEN sum(customer_known) > 0 THEN '1 - repeat rate (no resolved flag)' END
) AS "fcr__b"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end;


-- by agent, statement 1
SELECT agent_id AS "agent", (CASE WHEN sum(resolution_known) > 0 THEN sum(first_contact_resolved) / sum(resolution_known) WHEN sum(customer_known) > 0 THEN 1 - sum(repeat) / sum(customer_known) END) AS "fcr__v", (CASE WHEN sum(resolution_known) > 0 THEN sum(resolution_known) ELSE sum(customer_known) END) AS "fcr__n", (CASE WHEN sum(resolution_known) > 0 AND sum(customer_known) > 0 THEN 'resolved flag and repeats' WHEN sum(resolution_known) > 0 THEN 'resolved flag only (no customer ids)' WHEN sum(customer_known) > 0 THEN '1 - repeat rate (no resolved flag)' END
) AS "fcr__b"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum(resolution_known) > 0 THEN sum(first_contact_resolved) / sum(resolution_known) WHEN sum(customer_known) > 0 THEN 1 - sum(repeat) / sum(customer_known) END) AS "fcr__v", (CASE WHEN sum(resolution_known) > 0 THEN sum(resolution_known) ELSE sum(customer_known) END) AS "fcr__n", (CASE WHEN sum(resolution_known) > 0 AND sum(customer_known) > 0 THEN 'resolved flag and repeats' WHEN sum(resolution_known) > 0 THEN 'resolved flag only (no customer ids)' WHEN sum(customer_known) > 0 THEN '1 - repeat rate (no resolved flag)' END
) AS "fcr__b"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
GROUP BY ALL ORDER BY ALL;


-- by day, every filter narrowed, statement 1
SELECT CAST(t AS DATE) AS "day", (CASE WHEN sum(resolution_known) > 0 THEN sum(first_contact_resolved) / sum(resolution_known) WHEN sum(customer_known) > 0 THEN 1 - sum(repeat) / sum(customer_known) END) AS "fcr__v", (CASE WHEN sum(resolution_known) > 0 THEN sum(resolution_known) ELSE sum(customer_known) END) AS "fcr__n", (CASE WHEN sum(resolution_known) > 0 AND sum(customer_known) > 0 THEN 'resolved flag and repeats' WHEN sum(resolution_known) > 0 THEN 'resolved flag only (no customer ids)' WHEN sum(customer_known) > 0 THEN '1 - repeat rate (no resolved flag)' END
) AS "fcr__b"
FROM (<relation contacts>) r
WHERE t >= $period_start AND t < $period_end
  AND list_contains($f_channel, channel)
  AND list_contains($f_queue, queue)
  AND list_contains($f_team, team)
  AND list_contains($f_site, site)
  AND list_contains($f_agent, agent_id)
  AND list_contains($f_topic, topic)
GROUP BY ALL ORDER BY ALL;
