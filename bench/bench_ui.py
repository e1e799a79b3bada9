"""Desk refresh and cold-start figures at scale (not a test).

    python bench/bench_ui.py [--rows 10000000] [--repeat 7]

Generates ``--rows`` contacts over a year in a temp database (DuckDB SQL, the UI
tests' generator scaled up), then measures, for each tab, the time ``load_tab``
takes to bring all tiles, charts and the agent table's figures (compute only, and
compute + paint in an offscreen window), for a filter change (new queue each time,
so no cache hit) and for a tab switch; and the cold start to a usable window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))

from sample_db import LAST_DAY, fill  # noqa: E402

from kpidesk.core.dashboard import TABS, TabRequest, load_tab  # noqa: E402
from kpidesk.core.kpi.engine import Engine, Filters  # noqa: E402
from kpidesk.core.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--db")
    args = ap.parse_args()
    path = args.db or os.path.join(tempfile.mkdtemp(), "bench.duckdb")
    if not Path(path).exists():
        t = time.perf_counter()
        with Store(path) as store:
            fill(store, rows=args.rows, days=365)
        print(f"generated {args.rows:,} contacts in {time.perf_counter() - t:.1f} s -> {path}")
    store = Store(path)
    engine = Engine(store)
    last30 = Filters(LAST_DAY - timedelta(days=29), LAST_DAY)
    previous = Filters(LAST_DAY - timedelta(days=59), LAST_DAY - timedelta(days=30))
    queues = ["Facturation", "Support technique", "Commercial", "Email", "Chat"]
    for tab in TABS:
        times = []
        for i in range(args.repeat):
            engine._cache.clear()  # a filter change: nothing cached
            flt = last30.narrowed(queues=(queues[i % len(queues)],)) if i else last30
            cmp = previous.narrowed(queues=flt.queues)
            t = time.perf_counter()
            load_tab((engine, TabRequest(tab, flt, cmp, "day")))
            times.append((time.perf_counter() - t) * 1000)
        print(f"{tab:<9} filter change / tab switch, compute: median {statistics.median(times):6.0f} ms "
              f"(min {min(times):.0f}, max {max(times):.0f})")
    store.close()
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kpidesk", "snapshot", "--tab", "overview", "--db", path,
                    "--out", os.path.join(tempfile.gettempdir(), "bench_overview.png")],
                   check=True, capture_output=True)
    print(f"cold start to a rendered overview (process start → PNG written): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
