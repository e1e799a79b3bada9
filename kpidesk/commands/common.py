"""What every subcommand needs: open the database, read dates and filters."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store, StoreError
from kpidesk.core.kpi.engine import Filters
from kpidesk.core.paths import default_db_path


class CommandError(Exception):
    """A user mistake or a problem to report in one line, without a traceback."""


def open_store(path: str | None, read_only: bool = False) -> Store:
    try:
        return open_database(path or default_db_path(), read_only=read_only)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def fail(message: str, code: int = 2) -> int:
    print(f"kpidesk: {message}", file=sys.stderr)
    return code


def parse_day(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)")


def split_list(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out += [v.strip() for v in value.split(",") if v.strip()]
    return tuple(out)


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database file")
    p.add_argument("--from", dest="date_from", type=parse_day, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=parse_day, help="last day, included")
    for name in ("channel", "queue", "team", "site", "agent", "topic"):
        p.add_argument(f"--{name}", action="append", help=f"only this {name} (repeat or comma-separate)")


def resolve_agents(store: Store, names: tuple[str, ...]) -> tuple[str, ...]:
    """Agents may be named by id or by display name (case-insensitive)."""
    ids = []
    cur = store.cursor()
    for name in names:
        row = cur.execute(
            "SELECT agent_id FROM agents WHERE agent_id = ? OR lower(name) = lower(?) ORDER BY agent_id = ? DESC",
            [name, name, name],
        ).fetchone()
        if row is None:
            raise CommandError(f"No agent called {name!r} in this database.")
        ids.append(row[0])
    return tuple(ids)


def filters_from_args(store: Store, args) -> Filters:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CommandError("--from is after --to.")
    return Filters(
        date_from=args.date_from,
        date_to=args.date_to,
        channels=split_list(args.channel),
        queues=split_list(args.queue),
        teams=split_list(args.team),
        sites=split_list(args.site),
        agents=resolve_agents(store, split_list(args.agent)),
        topics=split_list(args.topic),
    )
