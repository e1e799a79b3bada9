"""An open database ready for the views: open it (or build the demo), and the
team lead's preferences the views read (settings, targets, calendar, data extent).

Plain functions run as jobs off the GUI thread by the app, and called directly by
the CLI (``snapshot``) and the view previews.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kpidesk.core import settings
from kpidesk.core.dashboard.extent import DataExtent, extent
from kpidesk.core.db import calendar
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store
from kpidesk.core.jobs import JobState
from kpidesk.core.kpi import targets
from kpidesk.core.kpi.engine import Engine


@dataclass
class Prefs:
    """The settings the views need, read in one go by a worker."""

    params: dict[str, Any] = field(default_factory=dict)
    targets: dict[tuple[str, str], targets.Target] = field(default_factory=dict)
    language: str = "system"
    theme: str = "system"
    business_hours: dict[str, list[list[str]]] = field(default_factory=dict)
    holidays: list[tuple[date, str | None]] = field(default_factory=list)
    extent: DataExtent = field(default_factory=DataExtent)


def load_prefs(store: Store, state: JobState | None = None) -> Prefs:
    cur = store.cursor()
    try:
        holidays = cur.execute("SELECT day, name FROM holidays ORDER BY day").fetchall()
    finally:
        cur.close()
    return Prefs(
        settings.kpi_params(store),
        targets.load(store),
        settings.get(store, "language"),
        settings.get(store, "theme"),
        settings.get(store, "business_hours"),
        holidays,
        extent(store),
    )


@dataclass(frozen=True)
class PrefsChange:
    """Settings and targets to write, then read back (a write job's input)."""

    values: dict[str, Any] = field(default_factory=dict)
    targets: dict[tuple[str, str], tuple[float | None, float | None]] = field(default_factory=dict)
    holidays: list[tuple[date, str]] | None = None


def save_prefs(inputs: tuple[Store, PrefsChange], state: JobState | None = None) -> Prefs:
    store, change = inputs
    for key, value in change.values.items():
        if key == "business_hours":
            calendar.set_business_hours(store, value)
        else:
            settings.set_value(store, key, value)
    for (kpi, channel), (target, warning) in change.targets.items():
        targets.set_target(store, kpi, channel, target, warning)
    if change.holidays is not None:
        calendar.set_holidays(store, change.holidays)
    return load_prefs(store)


def open_job(path: str, state: JobState | None = None) -> tuple[Store, Engine, Prefs]:
    """Open (and migrate) a database, load its KPI registry and prefs: off the GUI thread.
    ``state`` hears the catch-up of derived facts an interrupted import left behind."""
    store = open_database(path, state=state)
    return store, Engine(store), load_prefs(store)


def demo_job(path: str, state: JobState | None = None) -> tuple[Store, Engine, Prefs]:
    """Build the demo database at ``path`` unless it already holds data, then open it."""
    with open_database(path) as store:
        if store.table_count("contacts") == 0:
            from kpidesk.core.demo.generate import build_demo  # the generator loads only to build a demo

            build_demo(store, seed=7)
    return open_job(path)
