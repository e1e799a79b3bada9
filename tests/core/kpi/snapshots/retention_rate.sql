-- retention_rate (customers): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (100.0 * (sum(at_end) - sum(new)) / nullif(sum(at_start), 0)) AS "retention_rate__v", (sum(at_start)) AS "retention_rate__n"
FROM (<relation customers>) r;


-- by agent: not available by agent


-- by day: not available by day


-- by day, every filter narrowed: not available by day
