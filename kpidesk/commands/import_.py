"""``kpidesk import FILE...``: load exports into the database, one transaction each.

Prints, per file, the profile used and where every row went (loaded, duplicate,
rejected, ignored). A file that cannot be imported is reported on stderr in one
message, without a traceback, and makes the exit status non-zero; the other files
are still imported.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

from kpidesk.commands.common import Progress
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import StoreError
from kpidesk.core.ingest import batch
from kpidesk.core.ingest.period import parse as parse_period
from kpidesk.core.ingest.profiles import invalid_profiles
from kpidesk.core.jobs import Callbacks
from kpidesk.core.paths import default_db_path

# What a file of calls or chats cannot say (ImportReport.unsaid), and what it means
UNSAID = {
    "abandoned": "this file cannot say that a contact was abandoned: no abandon rate from its contacts",
    "flowout": "this file cannot say that a call flowed out: no flow-out count from its calls",
}


def add_parser(sub) -> None:
    p = sub.add_parser("import", help="import export files (CSV, Excel, Parquet, JSON)")
    p.add_argument("files", nargs="*", metavar="FILE", help="files to import")
    p.add_argument(
        "--catch-up",
        action="store_true",
        help="compute the derived facts (repeat contacts, survey links) and figures an earlier import left pending",
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help="report progress on stderr (a bar on a terminal, one line per step otherwise)",
    )
    p.add_argument("--db", help="database file")
    p.add_argument("--profile", help="profile name, or path to a .toml profile (default: recognised from the file)")
    p.add_argument("--sheet", help="spreadsheet sheet to read (default: the first one with data)")
    p.add_argument(
        "--period",
        help="the period a report of counts without dates covers: a day (2024-03-01), a month (2024-03) "
        "or two days (2024-03-01..2024-03-31); default: the period its preamble or file name says",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--lang",
        choices=("en", "fr"),
        default="en",
        help="language of the message a refused file gets (e.g. the period a report without dates covers)",
    )


def run(args) -> int:
    path = args.db or str(default_db_path())
    state = Callbacks(Progress(sys.stderr, bar=sys.stderr.isatty()) if args.progress or sys.stderr.isatty() else None)
    try:  # facts an interrupted import left pending are caught up first, with their progress
        store = open_database(path, state=state)
    except StoreError as exc:
        print(f"kpidesk: {exc}", file=sys.stderr)
        return 2
    if not args.files and not args.catch_up:
        store.close()
        print("kpidesk: import: give the files to import, or --catch-up", file=sys.stderr)
        return 2
    try:
        period = parse_period(args.period) if args.period else None
    except ValueError as exc:
        store.close()
        print(f"kpidesk: import: --period: {exc}", file=sys.stderr)
        return 2
    for problem in invalid_profiles(path):  # left out; the other profiles still work
        print(f"kpidesk: {problem} (ignored)", file=sys.stderr)
    try:
        if args.files:
            result = batch.import_batch(
                store, args.files, profile=args.profile, sheet=args.sheet, state=state, period=period
            )
        else:
            result = batch.catch_up(store, state)
    except StoreError as exc:
        print(f"kpidesk: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    for report in result.reports:
        if not report.ok:
            print(f"kpidesk: {report.file}: {_said(report, args.lang)}", file=sys.stderr)
        elif args.format == "table":
            _print(report)
    if result.facts_error:
        print(
            "kpidesk: the facts derived from the imports (repeat contacts, survey links) could not be "
            f"updated: {result.facts_error}. Until they are, the KPIs that need them say so; they are "
            "retried when the database is next opened, or run `kpidesk import --catch-up`.",
            file=sys.stderr,
        )
    if args.format == "json":
        rows = [r.to_dict() if r.ok else {"file": r.file, "ok": False, "message": r.message} for r in result.reports]
        sys.stdout.write(json.dumps(rows, indent=2, default=str, ensure_ascii=False) + "\n")
    if result.cancelled:
        print("kpidesk: import cancelled; the file being imported was not written.", file=sys.stderr)
        return 130
    return 1 if result.failed or result.facts_error else 0


def _said(report, lang: str) -> str:
    """A refused file's message in ``lang``: core's English template said from the
    app's French catalogues (context ``Errors``, as ``ui/errors`` says it), else as written."""
    if lang != "fr" or not report.message_template:
        return report.message
    from PySide6.QtCore import QTranslator  # only for French: the catalogues are Qt's

    folder = Path(str(resources.files("kpidesk") / "resources" / "i18n"))
    for qm in sorted(folder.glob("*_fr.qm")):
        catalogue = QTranslator()
        said = catalogue.translate("Errors", report.message_template) if catalogue.load(str(qm)) else ""
        if said:
            try:
                return said.format(**report.message_params)
            except (KeyError, IndexError):
                break
    return report.message


def _print(r) -> None:
    print(f"{r.file}: profile {r.profile}")
    if r.recognised:
        print(f"  {r.recognised}")
    print(f"  rows read  {r.rows_read:>10}")
    print(f"  loaded     {r.loaded:>10}")
    print(f"  duplicates {r.duplicate:>10}")
    print(f"  rejected   {r.rejected:>10}")
    if r.ignored:
        print(f"  ignored    {r.ignored:>10}")
    for reason, n in r.ignored_reasons.items():
        print(f"    {n:>6} ignored: {reason}")
    repaired = r.reader.get("windows_1252_lines") or []
    if repaired:
        shown = ", ".join(str(n) for n in repaired[:10]) + (" …" if len(repaired) > 10 else "")
        print(f"  {len(repaired)} line(s) not in UTF-8, read as Windows-1252: {shown}")
    for line, reason in r.rejects[:5]:
        print(f"    line {line}: {reason}")
    if r.rejected > 5:
        print(f"    … {r.rejected - 5} more rejects in the imports log")
    for table, n in (r.tables or {}).items():
        if table != "contacts" or len(r.tables) > 1:
            print(f"  into {table:<11}{n:>7}")
    if r.key:
        print(f"  key        {r.key}")
    if r.columns:
        print("  columns")
        width = max(len(c["column"]) for c in r.columns)
        for c in r.columns:
            conf = f"{c['confidence']:.0%}" if c.get("confidence") is not None else ""
            target = c["field"] or "–"
            print(f"    {c['column']:<{width}}  {target:<22} {conf:>4}  {c['rule']}")
    for w in r.warnings:
        print(f"  warning: {w}")
    for outcome in r.unsaid:
        print(f"  note: {UNSAID[outcome]}")
