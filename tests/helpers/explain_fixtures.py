"""A database where one queue's abandon rate triples in the second week."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.helpers.builders import add_contacts, call

WEEK1, WEEK2 = date(2026, 11, 2), date(2026, 11, 9)  # two Mondays


def _week(monday: date, queue: str, offered: int, abandoned: int, site: str) -> list[dict]:
    rows = []
    for i in range(offered):
        at = datetime.combine(monday + timedelta(days=i % 5), datetime.min.time()) + timedelta(hours=9, minutes=i % 480)
        outcome = "abandoned" if (i + 1) * abandoned // offered != i * abandoned // offered else "answered"  # spread
        rows.append(call(outcome, 60.0 if outcome == "abandoned" else 10.0, queue=queue, site=site, arrived_at=at))
    return rows


def abandon_spike(store) -> None:
    """Queues Billing (100 calls a week, 5 % → 15 % abandoned), Sales and Support
    (100 a week, 5 % both weeks), and Tiny (8 calls a week, 0 → 4 abandoned: a small
    sample whose rate moves the most)."""
    rows = []
    rows += _week(WEEK1, "Billing", 100, 5, "Lyon") + _week(WEEK2, "Billing", 100, 15, "Lyon")
    for queue in ("Sales", "Support"):
        rows += _week(WEEK1, queue, 100, 5, "Rabat") + _week(WEEK2, queue, 100, 5, "Rabat")
    rows += _week(WEEK1, "Tiny", 8, 0, "Rabat") + _week(WEEK2, "Tiny", 8, 4, "Rabat")
    add_contacts(store, rows)
