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
from kpidesk.core.db import calendar, contact_tables, derive
from kpidesk.core.db.store import Store
from kpidesk.core.jobs import JobState


def open_database(path: str | Path = ":memory:", *, read_only: bool = False, state: JobState | None = None) -> Store:
    """Open ``path`` ready for use. Last step: :meth:`Store.contain` — from then on
    no SQL run on this database (KPI files, profile expressions included) can read or
    write a file outside the staging folder, attach a database, load an extension or
    change a setting: every setting kpidesk needs is applied before (the connection's
    own in ``store._connect``, those stored in the file here).

    ``store.facts_error`` says why the derived facts an earlier import left pending
    could not be caught up (None when they are up to date or were caught up);
    ``state`` hears the progress of that catch-up, when there is one."""
    store = Store(path, read_only=read_only)
    store.facts_error = None
    try:
        # GLOBAL: for every cursor (each is a session of its own), not this connection alone
        store.con.execute(f"SET GLOBAL TimeZone = '{settings.safe_timezone(store)}'")
        settings.apply_resources(store)
        if store.migrated and not read_only:
            calendar.rebuild_slots(store)
            _segments_back(store)
    except BaseException:
        store.close()
        raise
    if not read_only:  # an import whose derived facts were left behind (cancel, crash)
        try:
            derive.catch_up(store, state)
        except duckdb.Error as exc:  # still pending (rolled back): retried on the next open or import
            store.facts_error = str(exc).splitlines()[0]
    try:
        store.contain()
    except BaseException:
        store.close()
        raise
    return store


def _segments_back(store: Store) -> None:
    """After a migration that changed ``contacts_main`` (and made the view again over
    it alone), the view shows the segments of bulk imports again."""
    segmented = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'contact_segments'"
    with store.write(facts=False) as cur:
        if cur.execute(segmented).fetchall()[0][0]:
            contact_tables.rebuild_view(cur)
