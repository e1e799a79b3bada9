"""What the data holds to filter on: queues, teams, sites, topics, agents, dates.

The filter bar offers only values that exist, so these lists come from the data
itself — a few small ``DISTINCT`` queries, run off the GUI thread and cached by the
window until the next import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from kpidesk.core.dashboard import periods
from kpidesk.core.db.store import Store
from kpidesk.core.formatting import name_key

# filter field → SQL giving the distinct values (fixed text: no user input)
_LISTS = {
    "queues": "SELECT DISTINCT queue FROM contacts WHERE queue IS NOT NULL ORDER BY 1",
    "teams": "SELECT DISTINCT team FROM agents WHERE team IS NOT NULL ORDER BY 1",
    "sites": "SELECT DISTINCT site FROM (SELECT site FROM agents UNION ALL "
    "SELECT DISTINCT site FROM contacts) WHERE site IS NOT NULL ORDER BY 1",
    "topics": "SELECT DISTINCT topic FROM contacts WHERE topic IS NOT NULL ORDER BY 1",
    "channels": "SELECT DISTINCT channel FROM contacts ORDER BY 1",
}


@dataclass(frozen=True)
class DataExtent:
    """The values to offer in each filter and the days the data covers."""

    first_day: date | None = None
    last_day: date | None = None
    contacts: int = 0
    lists: dict[str, list[str]] = field(default_factory=dict)
    agents: list[tuple[str, str]] = field(default_factory=list)  # (agent_id, display name)
    records: int = 0  # rows of every dated kind: contacts, survey answers, intervals…
    customers: tuple[str, ...] = ()  # customers' names (privacy mode masks them in free text)
    # the first day of the records that reach ``last_day``: a monthly report's row for
    # March reaches the 31st from the 1st (the default period holds it whole); else last_day
    last_since: date | None = None

    @property
    def empty(self) -> bool:
        """Nothing imported yet (survey answers or an interval report alone are data)."""
        return self.contacts == 0 and self.records == 0

    def anchor(self, today: date | None = None) -> date:
        """The day periods are counted back from (the data's last day when it ends
        before ``today``, with the first day of the records that reach it)."""
        return periods.anchor_day(today or date.today(), self.last_day, self.last_since)

    def grain(self, today: date | None = None) -> str:
        """The finest grain the data has: a monthly report's rows are drawn by month."""
        return periods.data_granularity("day", self.anchor(today))


# The dated tables a database may hold alone, when their records begin and when they
# end (fixed text): a row of an interval report covers its whole interval (a quarter
# of an hour, a day, a month), the other records are dated by one moment.
_INTERVAL_END = "interval_start + to_seconds(greatest(interval_s, 1)) - INTERVAL 1 MICROSECOND"
_DATED = (
    ("contacts", "arrived_at", "arrived_at"),
    ("surveys", "answered_at", "answered_at"),
    ("interval_stats", "interval_start", _INTERVAL_END),
    ("agent_sessions", "started_at", "started_at"),
    ("evaluations", "evaluated_at", "evaluated_at"),
)


def date_range(cur: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None, int]:
    row = cur.execute(
        "SELECT CAST(min(arrived_at) AS DATE), CAST(max(arrived_at) AS DATE), count(*) FROM contacts"
    ).fetchone()
    assert row is not None  # aggregates without GROUP BY always return one row
    lo, hi, n = row
    return lo, hi, int(n)


def dated_range(cur: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None, int]:
    """First and last day, and the row count, over every dated table: from the day the
    first record begins to the day the last one ends (a report of March 2024 covers
    the 1st to the 31st)."""
    parts = " UNION ALL ".join(
        f"SELECT CAST(min({start}) AS DATE) AS lo, CAST(max({end}) AS DATE) AS hi, count(*) AS n FROM {table}"
        for table, start, end in _DATED
    )
    row = cur.execute(f"SELECT min(lo), max(hi), sum(n) FROM ({parts})").fetchone()
    assert row is not None  # aggregates without GROUP BY always return one row
    lo, hi, n = row
    return lo, hi, int(n or 0)


def last_since(cur: duckdb.DuckDBPyConnection, last: date | None) -> date | None:
    """The first day of the records that reach ``last`` (the data's last day): the
    start of a monthly report's row for the last month; ``last`` itself for records
    dated by one moment."""
    if last is None:
        return None
    parts = " UNION ALL ".join(
        f"SELECT CAST(min({start}) AS DATE) AS since FROM {table} WHERE CAST({end} AS DATE) >= ?"
        for table, start, end in _DATED
        if start != end
    )
    row = cur.execute(f"SELECT min(since) FROM ({parts})", [last] * parts.count("?")).fetchone()
    assert row is not None
    return min(last, row[0]) if row[0] is not None else last


def values(cur: duckdb.DuckDBPyConnection, field_name: str) -> list[str]:
    return [str(r[0]) for r in cur.execute(_LISTS[field_name]).fetchall()]


def agents(cur: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Every agent seen in contacts or the agents table, with a display name, in the
    order a person sorts names (``Agent_2`` before ``Agent_10``)."""
    rows = cur.execute(
        "SELECT id, coalesce(a.name, id) FROM (SELECT DISTINCT agent_id AS id FROM contacts "
        "WHERE agent_id IS NOT NULL UNION SELECT agent_id FROM agents) ids "
        "LEFT JOIN agents a ON a.agent_id = ids.id"
    ).fetchall()
    return sorted(((r[0], r[1]) for r in rows), key=lambda p: (name_key(p[1]), p[0]))


def extent(store: Store) -> DataExtent:
    cur = store.cursor()
    try:
        n = date_range(cur)[2]
        first, last, records = dated_range(cur)
        lists = {name: values(cur, name) for name in _LISTS}
        names = cur.execute("SELECT DISTINCT name FROM customers WHERE name IS NOT NULL ORDER BY 1").fetchall()
        customers = tuple(r[0] for r in names)
        return DataExtent(first, last, n, lists, agents(cur), records, customers, last_since(cur, last))
    finally:
        cur.close()
