"""``kpidesk report``: the PDF coaching sheet of one agent, or the service report.

    kpidesk report --agent "Léa Dubois" --db centre.kpidesk --from 2024-03-01 --to 2024-03-31 \
        --lang fr --privacy --out lea.pdf
    kpidesk report --service --db centre.kpidesk --period last-week --lang fr --out semaine.pdf
"""

from __future__ import annotations

import argparse

from kpidesk.commands.common import CommandError, add_filter_arguments, fail, filters_from_args, open_store
from kpidesk.commands.periods import apply_period
from kpidesk.commands.service_report import add_service_arguments


def add_parser(sub) -> None:
    p = sub.add_parser(
        "report",
        help="write an agent's PDF coaching sheet",
        description="Write a PDF coaching sheet: the agent against the team, charts, strengths "
        "and areas to work on, goals, latest notes and the KPI definitions used.",
    )
    add_filter_arguments(p)  # --agent ID|NAME is one of them; exactly one is required here
    p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the sheet")
    p.add_argument(
        "--privacy",
        action="store_true",
        help="privacy mode: other agents as aliases, customer details and contact data masked",
    )
    p.add_argument("--out", required=True, help="the PDF file to write (the service report: .pdf or .xlsx)")
    add_service_arguments(p)  # --service, --vs, --period


def run(args) -> int:
    if args.service:
        from kpidesk.commands.service_report import run_service

        return run_service(args)
    if not args.out.lower().endswith(".pdf"):
        return fail(f"--out {args.out!r}: the report is a PDF, name it FILE.pdf")
    try:
        store = open_store(args.db, read_only=True)
    except CommandError as exc:
        return fail(str(exc))
    try:
        apply_period(args)  # --period: a scheduled coaching sheet too
        filters = filters_from_args(store, args)
        if len(filters.agents) != 1:
            raise CommandError("name one agent with --agent ID or --agent NAME")
        from kpidesk.pdf.coaching_sheet import build_report  # reportlab is loaded only for this command

        result = build_report(
            store, filters.agents[0], args.out, filters.narrowed(agents=()), args.lang, privacy=args.privacy
        )
    except (CommandError, argparse.ArgumentTypeError) as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc}")
    finally:
        store.close()
    print(f"Wrote {result.path} ({result.pages} pages) for {result.agent_name}.")
    return 0
