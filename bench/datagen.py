"""Synthetic contacts at scale (1 M, 10 M rows) generated inside DuckDB, for benchmarks.

Realistic enough for timing: phone, email, chat and bot contacts over 8 weeks, 3
queues, 40 agents in 2 teams, customers who call back, waits, talk, wrap-up. Rows are
stored in the order imports would write them — one export per system (channel), each
in time order — so DuckDB's zone maps can skip other channels as they do on real data.
"""

from __future__ import annotations

from kpidesk.core.db import derive


def make_contacts(store, rows: int, seed: float = 0.42) -> None:
    with store.write() as cur:
        cur.execute("SELECT setseed(?)", [seed])
        cur.execute(
            """
            INSERT INTO agents
            SELECT 'A' || lpad(i::VARCHAR, 3, '0'), 'Agent ' || i, CASE WHEN i % 2 = 0 THEN 'Lyon' ELSE 'Rabat' END,
                   CASE WHEN i % 2 = 0 THEN 'Lyon' ELSE 'Rabat' END, i % 2 = 1, NULL
            FROM range(1, 41) t(i)
            """
        )
        cur.execute(
            """
            INSERT INTO contacts_main (contact_id, source, source_key, channel, direction, queue, agent_id, customer_id,
                topic, arrived_at, answered_at, first_response_s, resolution_s, solved_at, wait_s, talk_s, hold_s,
                wrap_s, outcome, transferred, resolved, replies, bot_response_s, handoff_at, handoff_wait_s)
            SELECT i + 1, 'bench', 'k' || i, channel, 'inbound', queue, agent_id, customer_id, topic, arrived_at,
                CASE WHEN outcome = 'answered' THEN arrived_at + to_seconds(wait_s::BIGINT) END,
                CASE WHEN channel IN ('email', 'chat') THEN r3 * 20000 END,
                CASE WHEN channel = 'email' AND r4 < 0.8 THEN r4 * 200000 END,
                CASE WHEN channel = 'email' AND r4 < 0.8 THEN arrived_at + to_seconds((r4 * 200000)::BIGINT) END,
                wait_s,
                CASE WHEN outcome IN ('answered', 'handled') THEN 60 + r2 * 400 END,
                CASE WHEN outcome = 'answered' AND r3 < 0.2 THEN r3 * 300 END,
                CASE WHEN outcome IN ('answered', 'handled') THEN r4 * 90 END,
                outcome, r2 < 0.05, r3 < 0.75, CASE WHEN channel = 'email' THEN 1 + (r2 * 4)::INT END,
                CASE WHEN channel = 'bot' THEN r2 * 5 END,
                CASE WHEN channel = 'bot' AND outcome <> 'contained' THEN arrived_at END,
                CASE WHEN channel = 'bot' AND outcome = 'handoff' THEN r3 * 120 END
            FROM (
                SELECT i, r1, r2, r3, r4, channel, wait_s,
                    ['Billing', 'Support', 'Sales'][1 + (i % 3)] AS queue,
                    'A' || lpad((1 + (hash(i) % 40))::VARCHAR, 3, '0') AS agent_id,
                    'C' || (hash(i * 7) % (?::BIGINT / 3)) AS customer_id,
                    ['invoice', 'login', 'delivery', 'refund'][1 + (i % 4)] AS topic,
                    TIMESTAMP '2026-09-28 07:00:00' + to_seconds((r1 * 56 * 86400)::BIGINT) AS arrived_at,
                    CASE
                        WHEN channel = 'phone' AND r4 < 0.08 THEN 'abandoned'
                        WHEN channel = 'phone' AND r4 < 0.10 THEN 'flowout'
                        WHEN channel = 'phone' THEN 'answered'
                        WHEN channel = 'email' THEN 'handled'
                        WHEN channel = 'chat' AND r4 < 0.1 THEN 'abandoned'
                        WHEN channel = 'chat' THEN 'answered'
                        WHEN r4 < 0.6 THEN 'contained' ELSE 'handoff'
                    END AS outcome
                FROM (
                    SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                        CASE WHEN i % 10 < 6 THEN 'phone' WHEN i % 10 < 8 THEN 'email'
                             WHEN i % 10 < 9 THEN 'chat' ELSE 'bot' END AS channel,
                        (random() * random() * 240) AS wait_s
                    FROM range(?) t(i)
                )
            )
            ORDER BY channel, arrived_at
            """,
            [rows, rows],
        )
        derive.refresh(cur)


def write_call_log(path, rows: int, first: int = 0, customers: int | None = None) -> None:
    """A call-log CSV as a phone system exports it (the generic call-log profile
    reads it): calls ``first`` … ``first + rows - 1`` of one timeline, three seconds
    apart (50,000 calls ≈ 1.7 days), so a file starting where another ends is the
    next days' export. ``customers`` callers (default: a third of the calls), each
    call from one of them at random, so that some call back within days."""
    import duckdb

    customers = customers or max(1, (first + rows) // 3)
    duckdb.connect().execute(f"""COPY (SELECT 'C' || lpad(i::VARCHAR, 10, '0') AS "Call ID",
        strftime(TIMESTAMP '2026-01-05 00:00:00' + to_seconds(i * 3), '%Y-%m-%d %H:%M:%S') AS "Date",
        ['Support', 'Sales', 'Billing', 'Tech'][i % 4 + 1] AS "Queue",
        CASE WHEN i % 7 = 0 THEN NULL ELSE 'agent' || (i % 120)::VARCHAR END AS "Agent",
        '+33' || lpad((hash(i * 7) % {int(customers)})::VARCHAR, 9, '0') AS "Caller",
        CASE WHEN i % 7 = 0 THEN 'abandoned' ELSE 'answered' END AS "Outcome",
        (i * 13) % 300 AS "Wait Time",
        CASE WHEN i % 7 = 0 THEN NULL ELSE 30 + (i * 17) % 900 END AS "Talk Time",
        CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 7) % 60 END AS "Hold Time",
        CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 11) % 120 END AS "Wrap Time",
        CASE WHEN i % 23 = 0 THEN 'Y' ELSE 'N' END AS "Transferred"
        FROM range({int(first)}, {int(first) + int(rows)}) t(i)) TO '{path}' (HEADER, DELIMITER ',')""")
