"""Pre-aggregated facts (kpi/rollup.py) give the same figures as the detail rows.

The reference is the engine reading detail rows (rollups off); the same engine with
rollups forced on must agree on every KPI × grouping × filter of the demo data, and
stay right after writes, settings changes and parameter overrides.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import duckdb
import pytest

from kpidesk.core import settings
from kpidesk.core.coaching import notes as coaching_notes
from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import build_demo
from kpidesk.core.kpi import distribution, rollup
from kpidesk.core.kpi import sql_compose as compose
from kpidesk.core.kpi.definitions import load_registry
from kpidesk.core.kpi.engine import Engine, Filters

NEVER = 10**12


def engines(store):
    raw = Engine(store)
    raw.rollups.min_rows = NEVER
    fast = Engine(store)
    fast.rollups.min_rows = 0
    return raw, fast


def keyed(values):
    return {(v.kpi, tuple(sorted(v.group.items()))): v for v in values}


def assert_same(raw, fast, kpis=None, filters=Filters(), by=(), params=None):
    a = keyed(raw.compute(kpis, filters, by, params))
    b = keyed(fast.compute(kpis, filters, by, params))
    assert a.keys() == b.keys()
    for key, x in a.items():
        y = b[key]
        for got, want in ((y.value, x.value), (y.n, x.n)):
            assert (got is None) == (want is None), key
            if want is not None:
                assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9), (key, got, want)
        assert (y.basis, y.reason, y.small_sample, y.extras) == (x.basis, x.reason, x.small_sample, x.extras), key


def routed(engine, kpis, filters=Filters(), by=()):
    """The KPI ids the engine answers from a rollup for this request."""
    cur = engine.store.cursor()
    defs = [engine.registry[k] for k in kpis]
    start, end = engine.period(filters, cur)
    routes = engine._routes(cur, defs, filters, by, engine.parameters(), start, end, False)
    return {k.id for q in compose.plan(defs, filters, by, False, routes) if q.routed for k in q.kpis}


@pytest.fixture(scope="module")
def demo():
    store = open_database(":memory:")
    build_demo(store, seed=7)
    yield store
    store.close()


@pytest.fixture(scope="module")
def pair(demo):
    return engines(demo)


def _week(engine):
    lo, _ = engine.data_range()
    return Filters(lo.date() + timedelta(days=7), lo.date() + timedelta(days=13))


CASES = [
    ((), "all"),
    (("agent",), "all"),
    (("day",), "phone"),
    (("weekday", "hour_of_day"), "team"),
    (("channel",), "all"),
    (("queue", "month"), "topic"),
    (("hour",), "week"),
    (("week", "site"), "all"),
    (("15min",), "week"),
    (("topic",), "phone"),
    (("dimension",), "all"),
    (("day", "channel"), "tickets"),  # the tickets tab: every ticket, by its channel
    (("hour_of_day",), "calls"),
    (("kind",), "all"),
]


@pytest.mark.parametrize("by,narrow", CASES)
def test_every_kpi_agrees_with_the_detail_rows(pair, by, narrow):
    raw, fast = pair
    filters = {
        "all": Filters(),
        "phone": Filters(channels=("phone",)),
        "team": Filters(teams=("Équipe Nord",)),
        "topic": Filters(topics=("Facturation",)),
        "week": _week(raw),
        "tickets": Filters(kinds=("ticket",)),
        "calls": Filters(kinds=("call",)),
    }[narrow]
    assert_same(raw, fast, None, filters, by)


def test_tab_figures_come_from_the_rollups(pair):
    _, fast = pair
    phone = ["offered", "answer_rate", "abandon_rate", "service_level", "asa", "aht", "transfer_rate", "csat", "fcr"]
    assert routed(fast, phone, Filters(channels=("phone",))) == set(phone)
    assert routed(fast, phone, Filters(channels=("phone",)), ("agent",)) == set(phone)
    assert routed(fast, phone, Filters(channels=("phone",)), ("weekday", "hour_of_day")) == set(phone)
    assert routed(fast, phone, Filters(kinds=("call",)), ("weekday", "hour_of_day")) == set(phone)
    assert routed(fast, ["occupancy", "volume_share"], Filters(), ("agent",)) == {"occupancy", "volume_share"}
    # medians come from each group's list of values, so they stay exact
    medians = {"first_response_time", "chat_first_response_time", "resolution_time"}
    assert routed(fast, sorted(medians), Filters(), ("weekday", "hour_of_day")) == medians
    # the backlog at the end of each day/week from tickets counted by day of arrival and of solving
    assert routed(fast, ["backlog", "backlog_age"], Filters(channels=("email",)), ("week",)) == {"backlog"}
    # 15-minute buckets, and topic at hour grain, need the detail rows
    assert routed(fast, ["volume"], Filters(), ("15min",)) == set()
    assert routed(fast, ["volume"], Filters(topics=("Facturation",)), ("hour",)) == set()
    assert routed(fast, ["volume"], Filters(topics=("Facturation",)), ("day",)) == {"volume"}
    # integer partials are stored as BIGINT (HUGEINT costs a third more to write)
    types = (
        fast.store.cursor()
        .execute("SELECT DISTINCT data_type FROM duckdb_columns() WHERE table_name LIKE '_rollup_%'")
        .fetchall()
    )
    assert types and ("HUGEINT",) not in types


def test_writes_settings_and_overrides_keep_figures_right(tmp_path):
    path = tmp_path / "kd.duckdb"
    store = open_database(path)
    build_demo(store, seed=3, days=21, agents=15)
    raw, fast = engines(store)
    phone = Filters(channels=("phone",))
    assert_same(raw, fast, None, phone, ("day",))
    builds = fast.rollups.builds
    assert builds >= 1

    # a note or a target cannot change a figure: nothing is rebuilt
    coaching_notes.add_note(store, "A01", date(2026, 1, 5), "Good call flow")
    assert_same(raw, fast, None, phone, ("agent",))
    assert fast.rollups.builds == builds

    # new contacts: the rollup is rebuilt and shows them
    with store.write() as cur:
        cur.execute("""INSERT INTO contacts_main (contact_id, source, source_key, channel, direction, queue, arrived_at,
                           wait_s, outcome) SELECT 10000000 + i, 'extra', 'x' || i, 'phone', 'inbound', 'Support',
                           TIMESTAMP '2026-01-01 10:00:00' + INTERVAL (i) MINUTE, 10, 'abandoned' FROM range(50) t(i)""")
    assert_same(raw, fast, ["offered", "abandon_rate"], phone, ("day",))
    assert fast.rollups.builds > builds
    offered = {v.group["day"]: v.value for v in fast.compute(["offered"], phone, ("day",))}
    assert offered[date(2026, 1, 1)] >= 50

    # a settings change rebuilds for the new threshold; an override reads the detail
    settings.set_value(store, "sl_threshold_s", 45)
    assert_same(raw, fast, ["service_level", "asa"], phone, ("agent",))
    assert routed(fast, ["service_level"], phone) == {"service_level"}
    assert_same(raw, fast, ["service_level"], phone, (), {"sl_threshold_s": 10})
    assert_same(raw, fast, ["service_level", "offered"], phone, ("week",), {"short_abandon_s": 0})
    store.close()

    # the rollups are kept in the file: reopening does not rebuild them
    store = open_database(path)
    _, again = engines(store)
    again.compute(["offered"], phone)
    assert again.rollups.builds == 0
    store.close()


def test_a_period_not_on_day_bounds_reads_the_hour_level_or_the_detail():
    start = datetime(2026, 1, 1)
    assert rollup.level_for((), set(), start, start + timedelta(days=1)).name == "day"
    assert rollup.level_for(("hour_of_day",), {"channel"}, start, start + timedelta(days=1)).name == "hour"
    assert rollup.level_for((), set(), start, start + timedelta(hours=3)).name == "hour"
    assert rollup.level_for((), {"topic"}, start, start + timedelta(hours=3)) is None
    assert rollup.level_for((), set(), start, start + timedelta(minutes=90)) is None


def test_measures_are_rewritten_over_partial_aggregates():
    aggs = frozenset({"sum", "count", "avg", "min", "max", "quantile_cont", "median", "any_value", "string_agg"})
    found = rollup.calls("sum(a * (b + 1)) / nullif(count(c) FILTER (WHERE ticket = 1), 0) + avg(x)", aggs)
    assert [c.partials() for _, _, c in found] == [
        ["sum(a * (b + 1))"],
        ["count(c) FILTER (WHERE ticket = 1)"],
        ["sum(x)", "count(x)"],
    ]
    cols = {"sum(a * (b + 1))": "a0", "count(c) FILTER (WHERE ticket = 1)": "a1", "sum(x)": "a2", "count(x)": "a3"}
    assert rollup._rewrite("sum(a * (b + 1)) / nullif(count(c) FILTER (WHERE ticket = 1), 0) + avg(x)", cols) == (
        "sum(a0) / nullif(coalesce(sum(a1), 0), 0) + (sum(a2) / nullif(sum(a3), 0))"
    )
    median = rollup.calls("quantile_cont(first_response_s, 0.5) FILTER (WHERE ticket = 1)", aggs)[0][2]
    assert median.partials() == [
        "list(first_response_s) FILTER (WHERE (ticket = 1) AND (first_response_s) IS NOT NULL)"
    ]
    assert (
        rollup._rewrite("quantile_cont(first_response_s, 0.5) FILTER (WHERE ticket = 1)", {median.partials()[0]: "a7"})
        == "list_aggregate(flatten(list(a7)), 'quantile_cont', 0.5)"
    )
    for measure in ("count(DISTINCT customer_id)", "any_value(x)", "sum(x) OVER ()", "string_agg(x, ',' ORDER BY y)"):
        with pytest.raises(rollup.NotRollable):
            rollup.calls(measure, aggs)


def test_filtered_partials_are_built_as_aggregates_of_a_case():
    # the same value as the FILTER (rows failing it give NULL, which the aggregate skips)
    assert rollup.computed("count(c) FILTER (WHERE ticket = 1)") == "count(CASE WHEN ticket = 1 THEN c END)"
    assert rollup.computed("count(*) FILTER (WHERE bot = 1 AND solved = 1)") == (
        "count(CASE WHEN bot = 1 AND solved = 1 THEN 1 END)"
    )
    assert rollup.computed("sum(x) FILTER (WHERE a > (b + 1))") == "sum(CASE WHEN a > (b + 1) THEN x END)"
    # unfiltered, and value lists (list keeps NULLs): as written
    for expr in ("sum(a * (b + 1))", "list(x) FILTER (WHERE (x) IS NOT NULL)", "sum(x) / count(y)"):
        assert rollup.computed(expr) == expr
    # by hand: group 1 has one value passing the filter (2.0; the other passing row's is
    # NULL), group 2 none: count 0, the others NULL, as the FILTER gives them
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES (1, 0, 5.0), (1, 1, NULL), (1, 1, 2.0), (2, 0, 7.0)) v(g, f, x)"
    )
    expected = {
        "count(x) FILTER (WHERE f = 1)": [(1, 1), (2, 0)],
        "sum(x) FILTER (WHERE f = 1)": [(1, 2.0), (2, None)],
        "max(x) FILTER (WHERE f = 1)": [(1, 2.0), (2, None)],
    }
    for expr, want in expected.items():
        for sql in (expr, rollup.computed(expr)):
            assert con.execute(f"SELECT g, {sql} FROM t GROUP BY g ORDER BY g").fetchall() == want, sql


def test_the_partials_of_every_kpi_are_checked_in_one_explain_unless_one_fails():
    kpis = [k for k in load_registry() if k.relation == "contacts"]
    aggs = frozenset({"sum", "count", "avg", "min", "max", "quantile_cont", "median"})
    asked: list[list[str]] = []

    def binds(_rel, partials):  # every partial binds
        asked.append(partials)
        return True

    design = rollup.design("contacts", kpis, {}, aggs, binds)
    assert len(asked) == 1 and set(asked[0]) == set(design.columns)
    rolled = set(design.kpis)
    assert len(rolled) > 20

    # one KPI whose partials do not bind (a broken user file): each KPI is then checked,
    # and only the KPIs needing one of its partials are left out
    by_id = {k.id: k for k in kpis}
    bad = set(rollup.partials_of(by_id["aht"], aggs))
    asked.clear()

    def binds_but(_rel, partials):
        asked.append(partials)
        return not bad & set(partials)

    design = rollup.design("contacts", kpis, {}, aggs, binds_but)
    assert len(asked) == 1 + len(rolled)
    left_out = {k for k in rolled if bad & set(rollup.partials_of(by_id[k], aggs))}
    assert "aht" in left_out and set(design.kpis) == rolled - left_out


def test_user_kpis_use_the_rollup_when_they_can(tmp_path):
    folder = tmp_path / "kpis"
    folder.mkdir()
    common = '\nunit = "count"\nbetter = "higher"\n[label]\nen = "x"\n[description]\nen = "x"\n'
    (folder / "long_calls.toml").write_text(
        'id = "long_calls"\nrelation = "contacts"\nmeasure = "sum(answered * (talk_sum > 300)::INT)"\n'
        'n = "sum(answered)"' + common
    )
    (folder / "distinct_callers.toml").write_text(
        'id = "distinct_callers"\nrelation = "contacts"\nmeasure = "count(DISTINCT customer_id)"\n'
        'n = "count(*)"' + common
    )
    store = open_database(tmp_path / "kd.duckdb")
    build_demo(store, seed=5, days=14, agents=15)
    raw, fast = engines(store)
    assert not raw.registry.errors
    for by in ((), ("agent",), ("weekday", "hour_of_day")):
        assert_same(raw, fast, ["long_calls", "distinct_callers"], Filters(channels=("phone",)), by)
    assert routed(fast, ["long_calls", "distinct_callers"], Filters()) == {"long_calls"}
    store.close()


@pytest.mark.parametrize("measure", ["wait", "handle", "first_response", "resolution"])
def test_distributions_agree_with_the_detail_rows(pair, measure):
    raw, fast = pair
    for filters in (
        Filters(),
        Filters(channels=("phone",), teams=("Équipe Nord",)),
        _week(raw),
        Filters(channels=("email",), topics=("Facturation",)),
        Filters(kinds=("ticket",)),
        _week(raw).narrowed(weekdays=(2,), hours=(10,)),  # a heatmap cell: not the day level's midnight
        Filters(hours=(14,)),
    ):
        a, b = distribution.histogram(raw, measure, filters), distribution.histogram(fast, measure, filters)
        assert (a.n, a.counts) == (b.n, b.counts)
        for x, y in ((a.median, b.median), (a.p90, b.p90), (a.mean, b.mean)):
            assert (x is None and y is None) or math.isclose(x, y, rel_tol=1e-9)
    assert "unnest" in fast.values_sql(measure, Filters())[0]


def test_medians_and_p90_on_request_agree(pair):
    raw, fast = pair
    for by in ((), ("agent",), ("week",), ("hour_of_day",)):
        a = keyed(raw.compute(["asa", "aht", "first_response_time"], Filters(), by, stats=True))
        b = keyed(fast.compute(["asa", "aht", "first_response_time"], Filters(), by, stats=True))
        assert a.keys() == b.keys()
        for key, x in a.items():
            for name, want in x.extras.items():
                got = b[key].extras[name]
                assert (want is None and got is None) or math.isclose(got, want, rel_tol=1e-9), (key, name)


@pytest.mark.parametrize(
    "cell",
    [Filters(weekdays=(1,), hours=(9,)), Filters(weekdays=(6,)), Filters(hours=(14,), channels=("phone",))],
)
def test_a_weekday_and_hour_filter_agrees_with_the_detail_rows(pair, cell):
    """A heatmap cell across the period: the rollups answer it (the hour level for an
    hour) with the figures of the detail rows."""
    raw, fast = pair
    filters = _week(raw).narrowed(weekdays=cell.weekdays, hours=cell.hours, channels=cell.channels)
    for by in ((), ("day",), ("agent",)):
        assert_same(raw, fast, ["offered", "answer_rate", "aht", "csat", "volume"], filters, by)
    assert "offered" in routed(fast, ["offered"], filters)


def test_tickets_dated_without_a_time_have_no_hour_on_either_path(tmp_path):
    """A ticket list giving dates only (support-tickets-yashwanth's shape): grouped by
    the hour, no KPI puts its tickets at 00:00, the channel share included — the
    detail rows answer as the rollups' hour level does (it keeps timed rows only)."""
    from kpidesk.core.ingest import import_file

    rows = [
        f"T{i},2024-09-{1 + i % 20:02d},{'Email' if i % 3 else 'Chat'},{'Closed' if i % 2 else 'Open'},Agent {i % 4}"
        for i in range(60)
    ]
    path = tmp_path / "tickets.csv"
    path.write_text("Ticket ID,Created Date,Channel,Status,Assigned Agent\n" + "\n".join(rows) + "\n")
    store = open_database(tmp_path / "t.duckdb")
    import_file(store, path)
    raw, fast = engines(store)
    for by in (("hour_of_day",), ("hour",), ("day",), ("weekday",)):
        assert_same(raw, fast, None, Filters(), by)
    assert not [v for v in raw.compute(["volume_share", "volume"], Filters(), ("hour_of_day",)) if v.value]
    by_day = raw.compute(["volume"], Filters(), ("day",))
    assert sum(v.value for v in by_day) == 60
    store.close()


def test_a_call_log_alone_builds_no_rollup_of_agent_time(tmp_path):
    """Agent time (occupancy, contacts per hour, utilisation) needs sessions, intervals
    or schedules: from a call log alone every such KPI says what is missing, so its
    rollup is not built; an import of sessions then builds it, and the figures agree."""
    from kpidesk.core.ingest import import_file

    calls = tmp_path / "calls.csv"
    calls.write_text(
        "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"
        + "\n".join(
            f"C{i},2024-03-{1 + i % 5:02d} 09:{i % 60:02d}:00,Sales,a{i % 3},06{i},answered,5,60" for i in range(30)
        )
        + "\n"
    )
    store = open_database(tmp_path / "c.duckdb")
    import_file(store, calls)
    raw, fast = engines(store)
    fast.prepare()
    tables = {r[0] for r in store.cursor().execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "_rollup_contacts_day" in tables and "_rollup_activity_day" not in tables
    assert fast.compute(["occupancy"], Filters())[0].reason
    sessions = tmp_path / "sessions.csv"
    sessions.write_text(
        "Agent,State,Start,End\n"
        + "\n".join(f"a{i % 3},Logged in,2024-03-0{1 + i % 5} 08:00:00,2024-03-0{1 + i % 5} 12:00:00" for i in range(6))
        + "\n"
    )
    import_file(store, sessions)
    fast.prepare()
    tables = {r[0] for r in store.cursor().execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "_rollup_activity_day" in tables
    assert_same(raw, fast, ["occupancy", "contacts_per_hour"], Filters(), ("agent",))
    assert all(v.value for v in fast.compute(["occupancy"], Filters(), ("agent",)))
    store.close()
