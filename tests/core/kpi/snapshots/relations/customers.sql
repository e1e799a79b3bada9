-- the relation customers: what <relation customers> stands for in the KPI snapshots
SELECT
    (started_on < $period_start AND (ended_on IS NULL OR ended_on >= $period_start))::INT AS at_start,
    (started_on < $period_end AND (ended_on IS NULL OR ended_on >= $period_end))::INT AS at_end,
    (started_on >= $period_start AND started_on < $period_end)::INT AS new,
    (started_on < $period_start AND ended_on >= $period_start AND ended_on < $period_end)::INT AS lost,
    (coalesce(purchases, 0) >= 1)::INT AS buyer,
    (coalesce(purchases, 0) >= 2)::INT AS repeat_buyer
FROM customers
