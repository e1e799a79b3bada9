"""Recognition of a file costs under 0.5 s whatever its size (#12).

Recognition = sniffing the file (kind, encoding, separator, header), reading a
sample of its values, and choosing the profile (or the refusal with its candidates),
as :func:`kpidesk.core.ingest.recognise.recognise` does before an import. Only a
sample is read, so the time must not grow with the file. Not a test: run it by hand.

    python -m bench.bench_recognition [--rows 10000,1000000,5000000] [--repeat 3] [--files PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from kpidesk.core.ingest.recognise import recognise

BUDGET_S = 0.5


def generate(path: Path, rows: int) -> None:
    """A French call log: ';', date and time in two columns, hinted headers, a score."""
    duckdb.connect().execute(f"""COPY (SELECT 'A' || i AS "N° appel",
        strftime(DATE '2024-01-01' + (i // 2000)::INTEGER, '%d/%m/%Y') AS "Date appel",
        strftime(TIMESTAMP '2024-01-01 08:00:00' + to_seconds((i * 7) % 36000), '%H:%M:%S') AS "Heure",
        'agent' || (i % 50) AS "Conseiller",
        CASE WHEN i % 7 = 0 THEN 'N' ELSE 'O' END AS "Décroché (O/N)",
        (i * 13) % 300 AS "Attente (s)",
        CASE WHEN i % 7 = 0 THEN NULL ELSE 30 + (i * 17) % 900 END AS "Durée de conversation (s)",
        CASE WHEN i % 3 = 0 THEN (i % 5) + 1 END AS "Satisfaction"
        FROM range({int(rows)}) t(i)) TO '{path}' (HEADER, DELIMITER ';')""")


def generate_events(path: Path, rows: int) -> None:
    """A call event log under a ticket event log's headers: told apart by its event
    names, read from the sample (five events per call)."""
    duckdb.connect().execute(f"""COPY (SELECT 'C' || (i // 5) AS "Case ID",
        strftime(TIMESTAMP '2024-01-01 08:00:00' + to_seconds(i * 7), '%Y-%m-%d %H:%M:%S') AS "Timestamp",
        ['Enter queue', 'Ringing', 'Answered', 'Hang up', 'Wrap-up end'][(i % 5) + 1] AS "Activity",
        'agent' || (i % 40) AS "Resource", 'Q' || (i % 3) AS "Queue"
        FROM range({int(rows)}) t(i)) TO '{path}' (HEADER)""")


def measure(path: Path, repeat: int) -> tuple[float, float, float, str]:
    """(wall seconds of the first recognition of this file, median wall seconds,
    median CPU seconds of this process, what was recognised). The first one pays for
    what is kept from one file to the next (header readings); on a loaded machine the
    CPU time says more than the wall time."""
    times, cpu, what = [], [], ""
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        rec = recognise(path)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        what = rec.profile.name if rec.profile else "refused: " + rec.refused.splitlines()[0]
    return times[0], statistics.median(times), statistics.median(cpu), what


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", default="10000,1000000,5000000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--files", nargs="*", default=[])
    args = ap.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(f) for f in args.files]
        for n in [int(x) for x in args.rows.split(",") if x]:
            p = Path(tmp) / f"appels_{n}.csv"
            generate(p, n)
            paths.append(p)
            e = Path(tmp) / f"call_events_{n}.csv"
            generate_events(e, n)
            paths.append(e)
        warm = Path(tmp) / "warm.csv"  # the modules imported and the profiles read once, as in the app
        generate(warm, 10)
        recognise(warm)
        for p in paths:
            first, seconds, cpu, what = measure(p, args.repeat)
            worst = max(worst, seconds, first)
            size = p.stat().st_size / 1e6
            print(
                f"{p.name:<40} {size:>9.1f} MB  first {first:6.3f} s  wall {seconds:6.3f} s  cpu {cpu:6.3f} s  "
                f"{what[:50]}"
            )
    print(f"worst {worst:.3f} s (budget {BUDGET_S} s): {'ok' if worst < BUDGET_S else 'OVER BUDGET'}")
    return 0 if worst < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
