"""Desk refresh and cold-start figures at scale (not a test).

    python bench/bench_ui.py [--rows 10000000] [--agents 8] [--repeat 7] [--no-paint]

Generates ``--rows`` contacts over a year in a temp database (DuckDB SQL, the UI
tests' generator scaled up), then measures, for each tab, the time ``load_tab``
takes to bring all tiles, charts and the agent table's figures (compute only), for a
filter change (new queue each time, so no cache hit) and for a tab switch; then, in
an offscreen window, how long the event loop goes without serving a 10 ms timer
while a team lead opens each tab, changes a filter, switches tabs, language and
theme (the window must never freeze: issue #4's bar is 100 ms); and the cold start
to a usable window.
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
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `python bench/bench_ui.py` from the repository

from kpidesk.core.dashboard.tabs import TABS, TabRequest, load_tab
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.sample_db import LAST_DAY, fill


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--db")
    ap.add_argument("--agents", type=int, default=8)
    ap.add_argument("--no-paint", action="store_true", help="skip the event-loop measurement")
    args = ap.parse_args()
    path = args.db or os.path.join(tempfile.mkdtemp(), "bench.duckdb")
    if not Path(path).exists():
        t = time.perf_counter()
        with open_database(path) as store:
            fill(store, rows=args.rows, days=365, agents=args.agents)
        print(f"generated {args.rows:,} contacts in {time.perf_counter() - t:.1f} s -> {path}")
    store = open_database(path)
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
        print(
            f"{tab:<9} filter change / tab switch, compute: median {statistics.median(times):6.0f} ms "
            f"(min {min(times):.0f}, max {max(times):.0f})"
        )
    store.close()
    if not args.no_paint:
        paint(path)
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kpidesk",
            "snapshot",
            "--tab",
            "overview",
            "--db",
            path,
            "--out",
            os.path.join(tempfile.gettempdir(), "bench_overview.png"),
        ],
        check=True,
        capture_output=True,
    )
    print(f"cold start to a rendered overview (process start → PNG written): {time.perf_counter() - t:.2f} s")


def paint(path: str) -> None:
    """The longest event-loop block for each thing a team lead does, in a real window."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from kpidesk.core.workspace import PrefsChange, load_prefs
    from kpidesk.ui import i18n, tasks
    from kpidesk.ui.app import make_app
    from kpidesk.ui.desk import Desk
    from kpidesk.ui.main_window import MainWindow
    from tests.helpers.loop_watch import LoopWatch

    app = make_app()
    store = open_database(path)
    language = i18n.Language(app, "en")
    prefs = load_prefs(store)
    prefs.language, prefs.theme = "en", "light"
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(language, QSettings(os.path.join(tmp, "bench.ini"), QSettings.Format.IniFormat))
        window.resize(1600, 1000)
        window.show()

        def settle(timeout: float = 120.0) -> None:
            """Run the loop until every figure is loaded and painted, then a little more."""
            loop, end = QEventLoop(), time.monotonic() + timeout
            quiet = [0]

            def poll():
                quiet[0] = quiet[0] + 1 if not window.busy else 0
                if quiet[0] >= 15 or time.monotonic() > end:
                    loop.quit()

            timer = QTimer()
            timer.timeout.connect(poll)
            timer.start(20)
            loop.exec()
            timer.stop()

        window.attach(Desk(store, Engine(store, lang="en"), prefs, language, window))
        settle()
        steps = [(f"first show of {k}", lambda k=k: window.show_tab(k)) for k in ("phone", "email", "chat", "agents")]
        steps += [("filter change (agents)", lambda: window.narrow(window.state.changed(queues=("Facturation",))))]
        steps += [(f"switch to stale {k}", lambda k=k: window.show_tab(k)) for k in ("phone", "email", "overview")]
        steps += [
            ("switch to loaded phone", lambda: window.show_tab("phone")),
            ("filter change (phone)", lambda: window.narrow(window.state.changed(queues=("Commercial",)))),
            ("language → French", lambda: window.actions_.set_language("fr")),
            ("language → English", lambda: window.actions_.set_language("en")),
            ("theme → dark", lambda: window.actions_.save(PrefsChange(values={"theme": "dark"}))),
            ("theme → light", lambda: window.actions_.save(PrefsChange(values={"theme": "light"}))),
        ]
        print("event loop, longest block per action (10 ms timer; wall gap less time waiting for a CPU):")
        for label, act in steps:
            watch = LoopWatch().start()
            watch.mark(label)
            act()
            settle()
            watch.stop()
            wall, wait, cpu, _ = max(watch.gaps, key=lambda g: g[0] - g[1])
            print(
                f"  {label:<26} {1000 * watch.longest:5.0f} ms  (gap {1000 * wall:.0f} ms: {1000 * cpu:.0f} ms "
                f"running, {1000 * wait:.0f} ms waiting for a CPU)"
            )
        window.close()
        tasks.shutdown()
    store.close()


if __name__ == "__main__":
    main()
