-- churn_rate (customers): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(lost) / nullif(sum(at_start), 0)) AS "churn_rate__v", (sum(at_start)) AS "churn_rate__n"
FROM (<relation customers>) r;


-- by agent: not available by agent


-- by day: not available by day


-- by day, every filter narrowed: not available by day
