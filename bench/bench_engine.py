"""Engine speed: all KPIs of one channel, grouped by agent and by day, at 1 M / 10 M rows.

Each figure is a ratio to a hand-written DuckDB query computing the same figures on
the same database in the same run (best of N runs each, engine cache cleared), so
the machine's speed and load cancel out. Absolute milliseconds are printed too,
against the design budget (a channel's whole set of KPIs at 10 M rows < 300 ms).

    python bench/bench_engine.py --rows 1000000 --rows 10000000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datagen import make_contacts
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store
from kpidesk.core.kpi import sql_compose as compose
from kpidesk.core.kpi.engine import Engine, Filters

OUT = Path(__file__).resolve().parent / "out"

# The same phone figures, written by hand against the canonical table.
HAND = """
SELECT {dims}
    count(*) FILTER (WHERE direction = 'inbound') AS volume,
    count(*) FILTER (WHERE direction = 'inbound' AND out_of_hours) AS ooh,
    count(*) FILTER (WHERE direction = 'inbound' AND out_of_hours) / count(*) FILTER (WHERE direction = 'inbound') AS ooh_rate,
    count(*) FILTER (WHERE offered) AS offered,
    count(*) FILTER (WHERE offered AND outcome = 'answered') AS answered,
    count(*) FILTER (WHERE offered AND outcome = 'answered') / count(*) FILTER (WHERE offered) AS answer_rate,
    count(*) FILTER (WHERE offered AND outcome = 'abandoned') / count(*) FILTER (WHERE offered) AS abandon_rate,
    count(*) FILTER (WHERE short) AS short_abandons,
    count(*) FILTER (WHERE offered AND outcome = 'flowout') AS flowouts,
    count(*) FILTER (WHERE offered AND outcome = 'answered' AND wait_s <= 20) / count(*) FILTER (WHERE offered) AS sl,
    avg(wait_s) FILTER (WHERE offered AND outcome = 'answered') AS asa,
    avg(wait_s) FILTER (WHERE offered AND outcome = 'abandoned') AS abandon_wait,
    max(wait_s) FILTER (WHERE offered AND outcome IN ('answered', 'abandoned')) AS max_wait,
    avg(talk_s) FILTER (WHERE handled) AS talk, avg(hold_s) FILTER (WHERE handled) AS hold,
    avg(wrap_s) FILTER (WHERE handled) AS wrap,
    avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0))
        FILTER (WHERE handled AND coalesce(talk_s, hold_s, wrap_s) IS NOT NULL) AS aht,
    count(*) FILTER (WHERE offered AND outcome = 'answered' AND transferred)
        / count(*) FILTER (WHERE offered AND outcome = 'answered') AS transfer_rate,
    count(*) FILTER (WHERE handled AND customer_id IS NOT NULL AND rep)
        / count(*) FILTER (WHERE handled AND customer_id IS NOT NULL) AS repeat_rate,
    count(*) FILTER (WHERE handled AND resolved AND NOT coalesce(rep, false))
        / count(*) FILTER (WHERE handled AND resolved IS NOT NULL) AS fcr,
    count(*) FILTER (WHERE surveyed AND survey_answered) / count(*) FILTER (WHERE surveyed) AS response_rate
FROM (
    SELECT c.*, a.team,
        channel = 'phone' AND direction = 'inbound' AND outcome IN ('answered', 'abandoned', 'flowout')
            AND NOT (outcome = 'abandoned' AND wait_s < 5) AS offered,
        channel = 'phone' AND direction = 'inbound' AND outcome = 'abandoned' AND wait_s < 5 AS short,
        outcome IN ('answered', 'handled') AS handled,
        epoch(next_contact_at) - epoch(arrived_at) <= 7 * 86400 AS rep
    FROM contacts c LEFT JOIN agents a USING (agent_id)
    WHERE channel = 'phone'
)
{group}
"""
DIMS = {"": ("", ""), "agent": ("agent_id,", "GROUP BY ALL"), "day": ("CAST(arrived_at AS DATE),", "GROUP BY ALL")}


def best_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def database(rows: int) -> Store:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"engine_{rows}.duckdb"
    fresh = not path.exists()
    store = open_database(path)
    if fresh:
        t = time.perf_counter()
        make_contacts(store, rows)
        print(f"  generated {rows:,} contacts in {time.perf_counter() - t:.1f} s")
    return store


def bench(rows: int, runs: int) -> None:
    store = database(rows)
    engine = Engine(store)
    ids = [k.id for k in engine.registry.for_channel("phone")]
    filters = Filters(channels=("phone",))
    cur = store.cursor()
    print(f"{rows:>11,} rows, {len(ids)} phone KPIs")
    # the pre-aggregated facts are built once per import (or settings change): time a rebuild
    with store.write(facts=False) as wcur:
        wcur.execute("DELETE FROM rollup_state")
    engine._cache.clear()
    t = time.perf_counter()
    engine.compute(ids, filters)
    detail = [
        q.kpis
        for q in compose.plan(
            [engine.registry[k] for k in ids],
            filters,
            (),
            False,
            engine._routes(
                cur, [engine.registry[k] for k in ids], filters, (), engine.parameters(), *engine.period(filters), False
            ),
        )
        if not q.routed
    ]
    print(
        f"  rollups built in {time.perf_counter() - t:.2f} s ({engine.rollups.builds} relations); "
        f"read from detail rows: {[k.id for ks in detail for k in ks] or 'none'}"
    )
    for by in ("", "agent", "day"):
        dims, group = DIMS[by]

        def run_engine(by=by):
            engine._cache.clear()
            engine.compute(ids, filters, (by,) if by else ())

        def run_hand(dims=dims, group=group):
            cur.execute(HAND.format(dims=dims, group=group)).fetchall()

        run_engine(), run_hand()  # warm the buffer pool for both
        e_best, e_med = best_of(run_engine, runs)
        h_best, h_med = best_of(run_hand, runs)
        label = by or "(total)"
        print(
            f"  by {label:<8} engine {e_med * 1000:6.0f} ms (best {e_best * 1000:.0f})   "
            f"hand-written {h_med * 1000:6.0f} ms (best {h_best * 1000:.0f})   ratio {e_med / h_med:.2f}"
        )
    store.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, action="append", help="contacts (repeatable); default 1 M")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    for rows in args.rows or [1_000_000]:
        bench(rows, args.runs)


if __name__ == "__main__":
    main()
