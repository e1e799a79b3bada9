"""Named periods for unattended runs: ``--period yesterday|last-week|last-month|month-to-date``.

A scheduled job runs on the calendar, not on the data: the periods count back from
today (month-to-date stops at yesterday, the last complete day). The compare period
(``--vs``) is the dashboard's own rule (``dashboard.periods.compare``).
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from kpidesk.commands.common import CommandError, parse_day
from kpidesk.core.dashboard import periods

NAMED = {
    "yesterday": ("yesterday", 0),
    "last-week": ("last_week", 0),
    "last-month": ("last_month", 0),
    "month-to-date": ("this_month", 1),  # anchored on yesterday: complete days only
}


def add_period_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--period",
        choices=tuple(NAMED),
        help="a named period counted back from today, instead of --from/--to (for scheduled runs)",
    )


def add_vs_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--vs",
        default="previous",
        metavar="previous|last-year|FROM:TO",
        help="the period to compare with (default: the previous period of the same length)",
    )


def apply_period(args, today: date | None = None) -> None:
    """Fill ``args.date_from``/``date_to`` from ``--period`` (refusing both at once)."""
    name = getattr(args, "period", None)
    if not name:
        return
    if args.date_from or args.date_to:
        raise CommandError("give either --period or --from/--to, not both.")
    preset, back = NAMED[name]
    anchor = (today or date.today()) - timedelta(days=back)
    period = periods.resolve(preset, anchor)
    args.date_from, args.date_to = period.first, period.last
    args.preset = preset


def compare_period(date_from: date, date_to: date, vs: str, preset: str = "custom") -> tuple[date, date]:
    """The compare period for ``--vs``: previous, last-year or FROM:TO."""
    if ":" in vs:
        first, last = (parse_day(part) for part in vs.split(":", 1))
        if first > last:
            raise CommandError(f"--vs {vs}: the first day is after the last.")
        return first, last
    how = {"previous": "previous", "last-year": "last_year", "last_year": "last_year"}.get(vs)
    if how is None:
        raise CommandError(f"--vs {vs!r}: use previous, last-year or FROM:TO.")
    period = periods.compare(periods.Period(date_from, date_to), how, preset)
    return period.first, period.last
