"""What every subcommand needs: open the database, read dates and filters."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime

from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store, StoreError
from kpidesk.core.jobs import Callbacks
from kpidesk.core.kpi import time_filter
from kpidesk.core.kpi.engine import Filters
from kpidesk.core.paths import default_db_path


class CommandError(Exception):
    """A user mistake or a problem to report in one line, without a traceback."""


def open_store(path: str | None, read_only: bool = False) -> Store:
    """Open the database; read-only when the file (or its folder) cannot be written,
    so that reading commands still work on a file shared read-only."""
    path = str(path or default_db_path())
    if not read_only and _unwritable(path):
        read_only = True
    # on a terminal, the catch-up of derived facts an interrupted import left pending
    # shows its progress (it can take a while on a big database)
    state = Callbacks(Progress(sys.stderr, bar=True)) if sys.stderr.isatty() else None
    try:
        store = open_database(path, read_only=read_only, state=state)
    except StoreError as exc:
        if read_only or not getattr(exc, "unwritable", False):
            raise CommandError(str(exc)) from None
        try:  # a file we may read but not write: reading commands still work
            store = open_database(path, read_only=True)
        except StoreError:
            raise CommandError(str(exc)) from None
    if store.facts_error:
        print(
            "kpidesk: the derived facts (repeat contacts, survey links…) of an earlier import could not be "
            f"updated: {store.facts_error}. KPIs that use them may be refused or out of date; they are "
            "retried on the next import or open.",
            file=sys.stderr,
        )
    return store


class Progress:
    """The job's progress on stderr: a bar redrawn in place on a terminal, else a
    line per step (and per tenth of the way)."""

    def __init__(self, out, bar: bool) -> None:
        self.out, self.bar = out, bar
        self.last: tuple[int, str] = (-1, "")
        self.started = time.perf_counter()

    def __call__(self, fraction: float, message: str) -> None:
        pct = int(max(0.0, min(fraction, 1.0)) * 100)
        if self.bar:
            if (pct, message) == self.last:
                return
            filled = pct * 30 // 100
            self.out.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {pct:3d}% {message[:60]:<60}")
            if pct >= 100:
                self.out.write("\n")
        else:
            if message == self.last[1] and pct // 10 == self.last[0] // 10:
                return
            self.out.write(f"{time.perf_counter() - self.started:7.1f}s {pct:3d}% {message}\n")
        self.out.flush()
        self.last = (pct, message)


def _unwritable(path: str) -> bool:
    import os
    from pathlib import Path

    p = Path(path)
    if path == ":memory:" or not p.exists():
        return False
    return not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK)


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
    p.add_argument(
        "--kind",
        action="append",
        help="only these records: call, ticket, chat, bot, whatever their channel (repeat or comma-separate)",
    )
    # a heatmap cell: one weekday and hour across the whole period, as the app's filter bar
    p.add_argument(
        "--weekday",
        action="append",
        metavar="DAY",
        help="only this weekday across the period: mon … sun (or lun … dim, 1 = Monday … 7); "
        "repeat, comma-separate or give a range (mon-fri)",
    )
    p.add_argument(
        "--hour",
        action="append",
        metavar="H",
        help="only this hour of the day across the period (0 … 23: 10 is 10:00–11:00); "
        "repeat, comma-separate or give a range (9-11 is 09:00–12:00)",
    )


def _agent_id(cur, name: str) -> str | None:
    row = cur.execute(
        "SELECT agent_id FROM agents WHERE agent_id = ? OR lower(name) = lower(?) ORDER BY agent_id = ? DESC",
        [name, name, name],
    ).fetchone()
    return None if row is None else row[0]


def resolve_agents(store: Store, values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Agents may be named by id or by display name (case-insensitive). Each
    ``--agent`` value is first taken whole (an id or a name may hold a comma:
    ``"Martin, Alice"``), else as a comma-separated list."""
    ids = []
    cur = store.cursor()
    for value in values or []:
        whole = _agent_id(cur, value.strip()) if value.strip() else None
        names = [value.strip()] if whole is not None else list(split_list([value]))
        for name in names:
            found = whole if whole is not None else _agent_id(cur, name)
            if found is None:
                raise CommandError(f"No agent called {name!r} in this database.")
            ids.append(found)
    return tuple(ids)


def filters_from_args(store: Store, args) -> Filters:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CommandError("--from is after --to.")
    try:
        weekdays = time_filter.parse_weekdays(getattr(args, "weekday", None))
        hours = time_filter.parse_hours(getattr(args, "hour", None))
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    return Filters(
        date_from=args.date_from,
        date_to=args.date_to,
        channels=split_list(args.channel),
        queues=split_list(args.queue),
        teams=split_list(args.team),
        sites=split_list(args.site),
        agents=resolve_agents(store, args.agent),
        topics=split_list(args.topic),
        kinds=split_list(getattr(args, "kind", None)),
        weekdays=weekdays,
        hours=hours,
    )
