"""Open a database ready for use: the schema upgraded (by :class:`Store`), the time
zone set, the calendar slots rebuilt after an upgrade, and the derived facts an
interrupted import left behind caught up.

:class:`~kpidesk.core.db.store.Store` is the floor and calls nothing above it; this
is what every front end calls to open a file.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from kpidesk.core import settings
from kpidesk.core.db import calendar, derive
from kpidesk.core.db.store import Store


def open_database(path: str | Path = ":memory:", *, read_only: bool = False) -> Store:
    store = Store(path, read_only=read_only)
    try:
        store.con.execute(f"SET TimeZone = '{settings.safe_timezone(store)}'")
        settings.apply_resources(store)
        if store.migrated and not read_only:
            calendar.rebuild_slots(store)
    except BaseException:
        store.close()
        raise
    if not read_only:  # an import whose derived facts were left behind (cancel, crash)
        try:
            derive.catch_up(store)
        except duckdb.Error:  # still pending (rolled back): retried after the next import
            pass
    return store
