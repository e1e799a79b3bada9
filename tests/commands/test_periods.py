"""Named periods for scheduled runs, counted back from today."""

from __future__ import annotations

from argparse import Namespace
from datetime import date

import pytest

from kpidesk.commands.common import CommandError
from kpidesk.commands.periods import apply_period, compare_period


def _args(period, date_from=None, date_to=None):
    return Namespace(period=period, date_from=date_from, date_to=date_to)


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("yesterday", date(2026, 11, 29), date(2026, 11, 29)),
        ("last-week", date(2026, 11, 23), date(2026, 11, 29)),  # Monday to Sunday
        ("last-month", date(2026, 10, 1), date(2026, 10, 31)),
        ("month-to-date", date(2026, 11, 1), date(2026, 11, 29)),  # complete days only
    ],
)
def test_named_periods_from_monday_30_november(name, first, last):
    args = _args(name)
    apply_period(args, today=date(2026, 11, 30))
    assert (args.date_from, args.date_to) == (first, last)


def test_month_to_date_on_the_first_is_the_whole_previous_month():
    args = _args("month-to-date")
    apply_period(args, today=date(2026, 12, 1))
    assert (args.date_from, args.date_to) == (date(2026, 11, 1), date(2026, 11, 30))


def test_period_and_dates_together_are_refused():
    with pytest.raises(CommandError):
        apply_period(_args("yesterday", date(2026, 11, 1)), today=date(2026, 11, 30))


def test_compare_periods():
    assert compare_period(date(2026, 11, 9), date(2026, 11, 15), "previous") == (date(2026, 11, 2), date(2026, 11, 8))
    assert compare_period(date(2026, 11, 9), date(2026, 11, 15), "last-year") == (date(2025, 11, 9), date(2025, 11, 15))
    assert compare_period(date(2026, 11, 1), date(2026, 11, 30), "previous", "last_month") == (
        date(2026, 10, 1),
        date(2026, 10, 30),
    )
    assert compare_period(date(2026, 11, 9), date(2026, 11, 15), "2026-10-01:2026-10-07") == (
        date(2026, 10, 1),
        date(2026, 10, 7),
    )
    with pytest.raises(CommandError):
        compare_period(date(2026, 11, 9), date(2026, 11, 15), "2026-10-07:2026-10-01")


def test_scheduled_commands_refuse_a_period_and_dates_together(tmp_path):
    from kpidesk.cli import main

    db = str(tmp_path / "empty.duckdb")
    both = ["--period", "yesterday", "--from", "2026-11-01"]
    assert main(["snapshot", "--tab", "phone", "--db", db, *both, "--out", str(tmp_path / "s.png")]) == 2
    assert main(["explain", "--db", db, "--kpi", "volume", *both]) == 2
    assert main(["report", "--service", "--db", db, *both, "--out", str(tmp_path / "r.pdf")]) == 2
