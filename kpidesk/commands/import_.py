"""``kpidesk import FILE...``: load exports into the database, one transaction each.

Prints, per file, the profile used and where every row went (loaded, duplicate,
rejected, ignored). A file that cannot be imported is reported on stderr in one
message, without a traceback, and makes the exit status non-zero; the other files
are still imported.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kpidesk.core import derive
from kpidesk.core.ingest.api import ImportCancelled, ImportError_, import_file
from kpidesk.core.store import Store, StoreError


def add_parser(sub) -> None:
    p = sub.add_parser("import", help="import export files (CSV, Excel, Parquet, JSON)")
    p.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    p.add_argument("--db", help="database file")
    p.add_argument("--profile", help="profile name, or path to a .toml profile (default: recognised from the file)")
    p.add_argument("--sheet", help="spreadsheet sheet to read (default: the first one with data)")
    p.add_argument("--format", choices=("table", "json"), default="table")


def _db_path(args) -> str | None:
    if args.db:
        return args.db
    try:
        from kpidesk.core.paths import default_db_path
    except ImportError:
        return None
    return str(default_db_path())


def run(args) -> int:
    path = _db_path(args)
    if path is None:
        print("kpidesk: no database given; pass --db PATH", file=sys.stderr)
        return 2
    try:
        store = Store(path)
    except StoreError as exc:
        print(f"kpidesk: {exc}", file=sys.stderr)
        return 2
    failed = 0
    results = []
    try:
        for file in args.files:
            try:
                report = import_file(store, file, profile=args.profile, sheet=args.sheet, derive_facts=False)
            except ImportCancelled:
                print("kpidesk: import cancelled; the file being imported was not written.", file=sys.stderr)
                return 130
            except (ImportError_, StoreError) as exc:
                failed += 1
                print(f"kpidesk: {Path(file).name}: {exc}", file=sys.stderr)
                results.append({"file": Path(file).name, "ok": False, "message": str(exc)})
                continue
            results.append(report.to_dict())
            if args.format == "table":
                _print(report)
        derive.catch_up(store)  # once for the whole batch (next contacts, survey links)
        if any(r.get("loaded") for r in results if isinstance(r, dict)):
            from kpidesk.core.kpi.engine import Engine

            Engine(store).prepare()  # big databases: the pre-aggregated figures, now rather than later
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(results, indent=2, default=str, ensure_ascii=False))
    return 1 if failed else 0


def _print(r) -> None:
    print(f"{r.file}: profile {r.profile}")
    print(f"  rows read  {r.rows_read:>10}")
    print(f"  loaded     {r.loaded:>10}")
    print(f"  duplicates {r.duplicate:>10}")
    print(f"  rejected   {r.rejected:>10}")
    if r.ignored:
        print(f"  ignored    {r.ignored:>10}")
    for line, reason in r.rejects[:5]:
        print(f"    line {line}: {reason}")
    if r.rejected > 5:
        print(f"    … {r.rejected - 5} more rejects in the imports log")
