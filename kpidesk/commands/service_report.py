"""``kpidesk report --service``: the service report (PDF or XLSX), by hand or scheduled.

Exit codes, for a scheduler (Task Scheduler, launchd, cron):
  0  the report was written;
  1  it could not be written (disk, permissions, database in use…);
  2  a mistake in the command (option, date, file name);
  3  the report was written but the period holds no data (an import did not run?).
"""

from __future__ import annotations

import argparse

from kpidesk.commands.common import CommandError, fail, filters_from_args, open_store
from kpidesk.commands.periods import add_period_argument, add_vs_argument, apply_period, compare_period

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_DATA = 0, 1, 2, 3


def add_service_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--service",
        action="store_true",
        help="the service report for a production committee (headline, channels, what changed and why, sites, "
        "contact reasons, customers' words, quality), as FILE.pdf or FILE.xlsx",
    )
    add_vs_argument(p)
    add_period_argument(p)


def run_service(args) -> int:
    out = args.out.lower()
    if not (out.endswith(".pdf") or out.endswith(".xlsx")):
        return fail(f"--out {args.out!r}: the service report is FILE.pdf or FILE.xlsx", EXIT_USAGE)
    try:
        apply_period(args)
        if not (args.date_from and args.date_to):
            raise CommandError("give the period with --from and --to, or --period.")
        store = open_store(args.db, read_only=True)
    except (CommandError, argparse.ArgumentTypeError) as exc:
        return fail(str(exc), EXIT_USAGE)
    try:
        filters = filters_from_args(store, args)
        first, last = compare_period(args.date_from, args.date_to, args.vs, getattr(args, "preset", "custom"))
    except (CommandError, argparse.ArgumentTypeError) as exc:
        store.close()
        return fail(str(exc), EXIT_USAGE)
    try:
        from kpidesk.core.kpi.engine import Engine
        from kpidesk.core.service import build

        engine = Engine(store, lang=args.lang)
        report = build(engine, filters, first, last)
        if out.endswith(".pdf"):
            from kpidesk.pdf.service_report import build_service_pdf  # reportlab only for this command

            pages = build_service_pdf(store, report, args.out, args.lang, privacy=args.privacy).pages
            written = f"{args.out} ({pages} pages)"
        else:
            from kpidesk.pdf.service_xlsx import build_service_xlsx

            written = str(build_service_xlsx(store, report, args.out, args.lang, privacy=args.privacy))
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc}", EXIT_FAILED)
    finally:
        store.close()
    print(f"Wrote {written}: {args.date_from} – {args.date_to} against {first} – {last}.")
    if report.empty:
        return fail("the period holds no data: the report says so (did an import run?).", EXIT_NO_DATA)
    return EXIT_OK
