-- repurchase_rate (customers): the SQL the engine composes, see test_sql_snapshots.py

-- by none, statement 1
SELECT (sum(repeat_buyer) / nullif(sum(buyer), 0)) AS "repurchase_rate__v", (sum(buyer)) AS "repurchase_rate__n"
FROM (<relation customers>) r;


-- by agent: not available by agent


-- by day: not available by day


-- by day, every filter narrowed: not available by day
