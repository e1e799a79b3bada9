"""Import speed against DuckDB's own CSV load, and a 200,000-row XLSX.

Budget (design.md): importing a call-log CSV takes at most 1.5x the time of
``CREATE TABLE AS SELECT * FROM read_csv(...)`` of the same file in the same run,
on a file database (both write to disk). Not a test: run it by hand.

    python bench/bench_import.py --rows 1000000 [--xlsx-rows 200000] [--keep]
    python bench/bench_import.py --rows 10000000 --dir /tmp/bench_import --keep --repeat 3

With ``--dir`` and ``--keep`` the generated CSV is reused by later runs (``--csv PATH``
names any call-log CSV to use instead). ``--repeat N`` alternates the two loads N
times and reports each run and the median ratio: on a shared machine one run says
little.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file


def generate_csv(path: Path, rows: int) -> None:
    duckdb.connect().execute(f"""COPY (SELECT 'C' || lpad(i::VARCHAR, 9, '0') AS "Call ID",
        strftime(TIMESTAMP '2024-01-01 08:00:00' + to_seconds(i * 3), '%Y-%m-%d %H:%M:%S') AS "Date",
        ['Support', 'Sales', 'Billing', 'Tech'][i % 4 + 1] AS "Queue",
        CASE WHEN i % 7 = 0 THEN NULL ELSE 'agent' || (i % 120)::VARCHAR END AS "Agent",
        '+3361234' || lpad((i % 50000)::VARCHAR, 4, '0') AS "Caller",
        CASE WHEN i % 7 = 0 THEN 'abandoned' ELSE 'answered' END AS "Outcome",
        (i * 13) % 300 AS "Wait Time",
        CASE WHEN i % 7 = 0 THEN NULL ELSE 30 + (i * 17) % 900 END AS "Talk Time",
        CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 7) % 60 END AS "Hold Time",
        CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 11) % 120 END AS "Wrap Time",
        CASE WHEN i % 23 = 0 THEN 'Y' ELSE 'N' END AS "Transferred"
        FROM range({int(rows)}) t(i)) TO '{path}' (HEADER, DELIMITER ',')""")


def baseline(csv: Path, db: Path) -> float:
    con = duckdb.connect(str(db))
    con.execute("SET enable_progress_bar = false")
    t = time.perf_counter()
    con.execute("CREATE TABLE raw AS SELECT * FROM read_csv(?)", [str(csv)])
    con.execute("CHECKPOINT")
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def kpidesk_import(csv: Path, db: Path) -> tuple[float, float, object]:
    """The import (rows committed and checkpointed), then the derived facts that
    follow it once per batch of files (next contact per customer, survey links)."""
    store = open_database(db)
    store.con.execute("SET enable_progress_bar = false")
    t = time.perf_counter()
    report = import_file(store, csv, derive_facts=False)
    store.con.execute("CHECKPOINT")
    elapsed = time.perf_counter() - t
    t = time.perf_counter()
    derive.catch_up(store)
    store.con.execute("CHECKPOINT")
    derived = time.perf_counter() - t
    store.close()
    return elapsed, derived, report


def xlsx(path: Path, rows: int) -> float:
    import datetime

    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Calls")
    fmt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
    ws.write_row(0, 0, ["Call ID", "Date", "Queue", "Agent", "Wait Time", "Talk Time"])
    start = datetime.datetime(2024, 1, 1, 8)
    for i in range(rows):
        ws.write_string(i + 1, 0, f"X{i:08d}")
        ws.write_datetime(i + 1, 1, start + datetime.timedelta(seconds=3 * i), fmt)
        ws.write_string(i + 1, 2, "Support")
        ws.write_string(i + 1, 3, f"agent{i % 50}")
        ws.write_number(i + 1, 4, i % 300)
        ws.write_number(i + 1, 5, 30 + i % 900)
    wb.close()
    store = open_database(":memory:")
    t = time.perf_counter()
    report = import_file(store, path)
    elapsed = time.perf_counter() - t
    assert report.loaded == rows, report
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--xlsx-rows", type=int, default=200_000)
    ap.add_argument("--dir", default=None, help="work folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--csv", default=None, help="an existing call-log CSV to import (no generation)")
    ap.add_argument("--repeat", type=int, default=1, help="alternate the two loads this many times")
    args = ap.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="kpidesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    csv = Path(args.csv) if args.csv else work / f"calls_{args.rows}.csv"
    if not csv.exists():
        t = time.perf_counter()
        generate_csv(csv, args.rows)
        print(f"generated {csv} ({csv.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f}s")
    ratios = []
    for _ in range(max(1, args.repeat)):
        for db in (work / "baseline.duckdb", work / "import.duckdb"):
            db.unlink(missing_ok=True)
            db.with_name(db.name + ".wal").unlink(missing_ok=True)
        base = baseline(csv, work / "baseline.duckdb")
        took, derived, report = kpidesk_import(csv, work / "import.duckdb")
        ratios.append(took / base)
        print(f"DuckDB CTAS read_csv : {base:6.2f}s")
        print(f"kpidesk import       : {took:6.2f}s  ({report.summary()})")
        print(f"ratio                : {took / base:6.2f}x  (budget 1.5x)")
        print(
            f"then derived facts   : {derived:6.2f}s  (once per batch of files; "
            f"import + derived = {(took + derived) / base:.2f}x)"
        )
    if len(ratios) > 1:
        print(f"median ratio         : {statistics.median(ratios):6.2f}x  over {len(ratios)} runs")
    if args.xlsx_rows:
        x = xlsx(work / f"calls_{args.xlsx_rows}.xlsx", args.xlsx_rows)
        print(f"XLSX {args.xlsx_rows} rows     : {x:6.2f}s  (budget 3s)")
    if not args.keep:
        for p in work.glob("*"):
            if p != csv or not args.csv:
                p.unlink()
        if not any(work.iterdir()):
            os.rmdir(work)


if __name__ == "__main__":
    main()
