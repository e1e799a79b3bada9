"""Ready in seconds, in bounded memory: every figure of issue #13 in one run.

Each step runs in a process of its own, timed from its start to its exit and with
its peak resident memory (``wait4``), beside the DuckDB baseline run by this same
script on the same files:

* full import to "figures ready" (``kpidesk import``: load, derived facts, rollups)
  against DuckDB's ``CREATE TABLE AS SELECT * FROM read_csv(...)`` of the same file;
* append of 50,000 rows (the next days' export) to that database, against the same
  file imported into an empty database;
* ``kpidesk kpis --channel phone --by agent --format json`` against a hand-written
  query of the same figures in a fresh Python process.

Each row also gives both sides' CPU seconds (user + system) and their ratio: on
this shared machine the wall times move with the other engineers' load, CPU less.

Budgets: full import ≤ 1.5×, append ≤ 3× the empty-database import, peak RSS
≤ 1.5 GB at 10 M rows, CLI KPIs ≤ 1.5×. Not a test: run it by hand.

    python bench/bench_ready.py --rows 1000000 [--rows 10000000] [--dir /tmp/bench_ready] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/bench_ready.py` from the repository
    sys.path.insert(0, str(ROOT))
APPEND_ROWS = 50_000
ROWS_READY = "Preparing the figures"  # the step after the rows and their derived facts
BUDGETS = {"import": 1.5, "append": 3.0, "kpis": 1.5}
RSS_BUDGET_MB = 1536

CTAS = """
import sys, duckdb
con = duckdb.connect(sys.argv[2])
con.execute("SET enable_progress_bar = false")
con.execute("CREATE TABLE raw AS SELECT * FROM read_csv(?)", [sys.argv[1]])
con.execute("CHECKPOINT")
con.close()
"""

# The figures `kpidesk kpis --channel phone --by agent` shows first, written by hand.
HAND = """
import sys, json, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
rows = con.execute('''
    SELECT agent_id, count(*) FILTER (WHERE outcome IN ('answered', 'abandoned', 'flowout')) AS offered,
           avg((outcome = 'answered')::INT) AS answer_rate,
           avg(wait_s) FILTER (WHERE outcome = 'answered') AS asa,
           avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0)) FILTER (WHERE outcome = 'answered') AS aht,
           avg((wait_s <= 20)::INT) FILTER (WHERE outcome IN ('answered', 'abandoned')) AS service_level
    FROM contacts WHERE channel = 'phone' GROUP BY agent_id ORDER BY agent_id''').fetchall()
sys.stdout.write(json.dumps(rows, default=str) + "\\n")
"""


def run_measured(
    cmd: list[str], env: dict | None = None, marks: dict[str, float] | None = None
) -> tuple[float, float, float]:
    """Wall seconds from start to exit of ``cmd``, its own peak RSS in MB and its CPU
    seconds (user + system, wait4): on a shared machine the CPU time moves less.
    ``marks``: step messages (``--progress`` lines on stderr) → filled with the wall
    seconds from the start at which each first appeared."""
    lines: list[str] = []
    marks = {} if marks is None else marks
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def read() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            line = raw.decode(errors="replace")
            lines.append(line)
            for mark, seen in marks.items():
                if mark in line and not seen:
                    marks[mark] = time.perf_counter() - started

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    reader.join()
    err = "".join(lines)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def fresh(path: Path) -> Path:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".tmp"), ignore_errors=True)
    return path


def kpidesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "kpidesk", *args]


Row = tuple[str, float, float, float, float, str, float, float]


def bench(rows: int, work: Path, env: dict) -> list[Row]:
    """Rows: (what, kpidesk s, reference s, ratio, peak RSS MB, budget, kpidesk CPU s, reference CPU s)."""
    from bench.datagen import write_call_log

    base_csv = work / f"calls_{rows}.csv"
    add_csv = work / f"calls_{rows}_next.csv"
    if not base_csv.exists() or not add_csv.exists():
        write_call_log(base_csv, rows)
        write_call_log(add_csv, APPEND_ROWS, first=rows, customers=rows // 3)
    out = []
    # 1. full import to ready, against CTAS
    ctas_s, ctas_mb, ctas_cpu = run_measured(
        [sys.executable, "-c", CTAS, str(base_csv), str(fresh(work / "ctas.duckdb"))], env
    )
    full = fresh(work / f"full_{rows}.duckdb")
    marks: dict[str, float] = {ROWS_READY: 0.0}
    imp_s, imp_mb, imp_cpu = run_measured(kpidesk("import", "--progress", "--db", str(full), str(base_csv)), env, marks)
    out.append(
        (f"full import to ready, {rows:,} rows", imp_s, ctas_s, imp_s / ctas_s, imp_mb, "1.5x", imp_cpu, ctas_cpu)
    )
    if marks.get(ROWS_READY):  # rows and derived facts committed: the rollups come next
        ready = marks[ROWS_READY]
        what = f"  of which rows + derived facts committed at {ready:.2f}s = {ready / ctas_s:.2f}x"
        out.append((what, ready, ctas_s, ready / ctas_s, imp_mb, "", 0.0, ctas_cpu))
    out.append(
        (
            f"  DuckDB CTAS of the same file (peak {ctas_mb:.0f} MB)",
            ctas_s,
            ctas_s,
            1.0,
            ctas_mb,
            "",
            ctas_cpu,
            ctas_cpu,
        )
    )
    # 2. append 50,000 rows to it, against the same rows into an empty database
    grown = fresh(work / f"grown_{rows}.duckdb")
    shutil.copy(full, grown)
    empty = fresh(work / "empty.duckdb")
    empty_s, empty_mb, empty_cpu = run_measured(kpidesk("import", "--db", str(empty), str(add_csv)), env)
    add_s, add_mb, add_cpu = run_measured(kpidesk("import", "--db", str(grown), str(add_csv)), env)
    out.append(
        (f"append {APPEND_ROWS:,} rows to {rows:,}", add_s, empty_s, add_s / empty_s, add_mb, "3x", add_cpu, empty_cpu)
    )
    out.append(
        (
            f"  the same rows into an empty database (peak {empty_mb:.0f} MB)",
            empty_s,
            empty_s,
            1.0,
            empty_mb,
            "",
            empty_cpu,
            empty_cpu,
        )
    )
    # 3. CLI KPIs against a hand-written query, each in a fresh process (best of three)
    cli = min(
        run_measured(kpidesk("kpis", "--db", str(full), "--channel", "phone", "--by", "agent", "--format", "json"), env)
        for _ in range(3)
    )
    hand = min(run_measured([sys.executable, "-c", HAND, str(full)], env) for _ in range(3))
    out.append(
        (
            f"kpidesk kpis --channel phone --by agent, {rows:,}",
            cli[0],
            hand[0],
            cli[0] / hand[0],
            cli[1],
            "1.5x",
            cli[2],
            hand[2],
        )
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, action="append", help="database sizes (default 1,000,000)")
    ap.add_argument("--dir", default=None, help="work folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files and databases")
    ap.add_argument("--memory-limit-mb", type=int, default=0, help="KPIDESK_MEMORY_LIMIT_MB for kpidesk's steps")
    args = ap.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="kpidesk-ready-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # as installed: modules compiled once (the first step writes their bytecode)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.memory_limit_mb:
        env["KPIDESK_MEMORY_LIMIT_MB"] = str(args.memory_limit_mb)
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at start")
    rows = []
    for n in args.rows or [1_000_000]:
        rows += bench(n, work, env)
    print(
        f"{'what':<58} {'kpidesk':>9} {'reference':>10} {'ratio':>7} {'peak RSS':>9}  budget"
        f"  {'CPU':>7} {'ref CPU':>8} {'CPU ratio':>9}"
    )
    for what, mine, ref, ratio, mb, budget, cpu, ref_cpu in rows:
        if budget:
            print(
                f"{what:<58} {mine:8.2f}s {ref:9.2f}s {ratio:6.2f}x {mb:7.0f}MB  {budget:<6}"
                f"  {cpu:6.2f}s {ref_cpu:7.2f}s {cpu / ref_cpu:8.2f}x"
            )
        else:
            print(f"{what:<58} {'':>9} {ref:9.2f}s {'':>7} {mb:7.0f}MB  {'':<6}  {'':>7} {ref_cpu:7.2f}s")
    print(f"peak RSS budget: {RSS_BUDGET_MB} MB at 10 M rows; load average at the end {os.getloadavg()[0]:.1f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
