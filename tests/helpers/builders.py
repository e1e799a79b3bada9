"""Hand-built rows for tests: a contact, a call, and a generic insert."""

from __future__ import annotations

import itertools
from datetime import datetime

from kpidesk.core.db import derive
from kpidesk.core.db.store import Store

_keys = itertools.count(1)


def insert(store: Store, table: str, rows: list[dict]) -> None:
    """Insert rows given as dicts; columns not given take their defaults."""
    if not rows:
        return
    cols = sorted({c for r in rows for c in r})
    with store.write() as cur:
        placeholders = ", ".join("?" for _ in cols)
        names = ", ".join(cols)
        cur.executemany(
            f"INSERT INTO {'contacts_main' if table == 'contacts' else table} ({names}) VALUES ({placeholders})",
            [[r.get(c) for c in cols] for r in rows],
        )
        derive.refresh(cur)


def contact(**fields) -> dict:
    key = next(_keys)
    row = {
        "contact_id": key,
        "source": "test",
        "source_key": f"c{key}",
        "channel": "phone",
        "direction": "inbound",
        "arrived_at": datetime(2026, 11, 16, 10, 0),
    }
    row.update(fields)
    return row


def call(outcome: str, wait: float, **fields) -> dict:
    extra = {"talk_s": 180.0} if outcome == "answered" else {}
    extra.update(fields)
    return contact(outcome=outcome, wait_s=wait, **extra)


def add_contacts(store: Store, rows: list[dict]) -> None:
    insert(store, "contacts", rows)
