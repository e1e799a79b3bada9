"""Appends keep the rollups equal to the detail rows, recomputing only the days they touch.

Files are imported the way a team lead does (``import_batch``), in several orders:
a day imported twice, a late survey for an old contact, a repeat caller whose two
calls are in two files (the later file imported first or second). After each, every
KPI by day, by agent and overall is the same from the rollups as from the detail
rows, and the rollups were updated for the days touched rather than rebuilt.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_batch
from kpidesk.core.kpi import rollup
from kpidesk.core.kpi.engine import Engine, Filters
from tests.core.kpi.test_rollup import assert_same, engines

HEADER = "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"
DAY1 = datetime(2026, 3, 2, 9, 0)  # a Monday


def calls(path, first_day: int, days: int, prefix: str, extra: list[str] = ()):
    """Forty calls a day from ten callers (each calls back two hours later)."""
    lines = [HEADER]
    for d in range(first_day, first_day + days):
        for i in range(40):
            at = DAY1 + timedelta(days=d, minutes=7 * i)
            outcome = "abandoned" if i % 9 == 0 else "answered"
            talk = "" if outcome == "abandoned" else str(60 + i)
            lines.append(f"{prefix}{d}-{i},{at:%Y-%m-%d %H:%M:%S},Support,ag{i % 4},+33{i % 10},{outcome},{i},{talk}\n")
    lines += [line + "\n" for line in extra]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def survey(path, rows: list[tuple[str, str, int]]):
    lines = ["Response ID,Call ID,Answered at,CSAT\n"] + [f"{r},{c},{a},{s}\n" for r, c, a, s in rows]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def check(store, raw, fast, every=("day", "agent")):
    # every KPI a rollup can answer (those of other relations run the same SQL on the
    # detail rows in both engines: comparing them would only cost time)
    kpis = [k.id for k in raw.registry if k.relation in rollup.ROLLED]
    for by in every:
        assert_same(raw, fast, kpis, Filters(), (by,))


def imported(store, *paths):
    result = import_batch(store, paths)
    assert not result.failed and not result.facts_error, [r.message for r in result.failed]
    return result


@pytest.fixture
def store(tmp_path):
    s = open_database(tmp_path / "kd.duckdb")
    yield s
    s.close()


def test_appends_in_any_order_agree_with_the_detail_rows(tmp_path, store):
    raw, fast = engines(store)
    a = calls(tmp_path / "a.csv", 0, 3, "A")
    # the repeat caller: +33X calls on day 2 in file A (A2-…) and again on day 3 in file B
    b = calls(tmp_path / "b.csv", 3, 2, "B", extra=["R1,2026-03-04 17:00:00,Support,ag1,+33999,answered,5,100"])
    late = calls(tmp_path / "late.csv", 3, 0, "L", extra=["R0,2026-03-04 16:00:00,Support,ag1,+33999,answered,5,90"])
    imported(store, a)
    check(store, raw, fast)
    assert fast.rollups.rebuilt.count("contacts") == 1
    updates = fast.rollups.updates

    imported(store, b)  # the next days
    check(store, raw, fast)
    assert fast.rollups.updates > updates

    imported(store, a)  # a day imported twice: every row a duplicate
    check(store, raw, fast)

    imported(store, late)  # an earlier call of the repeat caller, in a later file
    check(store, raw, fast)
    repeat = {v.group["day"]: v for v in fast.compute(["repeat_rate"], Filters(), ("day",))}
    # the call at 16:00 on the 4th is followed by the one at 17:00: a repeat on that day
    assert repeat[date(2026, 3, 4)].value > 0

    # a late survey for an old contact: counted on the contact's day, three days back
    imported(store, survey(tmp_path / "s.csv", [("S1", "A0-3", "2026-03-07 10:00:00", 5)]))
    check(store, raw, fast)
    csat = {v.group["day"]: v for v in fast.compute(["csat"], Filters(), ("day",)) if v.n}
    assert list(csat) == [date(2026, 3, 2)]
    # every append recomputed its days only (the surveys' rollup is new: built once)
    assert fast.rollups.rebuilt.count("contacts") == 1 and fast.rollups.rebuilt.count("surveys") == 1


def test_the_same_files_in_another_order_give_the_same_figures(tmp_path):
    files = [
        calls(tmp_path / "a.csv", 0, 3, "A"),
        calls(tmp_path / "b.csv", 2, 3, "B"),  # day 2 again, other calls
        survey(
            tmp_path / "s.csv", [("S1", "A1-5", "2026-03-03 12:00:00", 4), ("S2", "B4-2", "2026-03-06 12:00:00", 2)]
        ),
    ]
    figures = []
    for order in ((0, 1, 2), (2, 1, 0)):
        store = open_database(tmp_path / f"kd{order[0]}.duckdb")
        raw, fast = engines(store)
        for i in order:
            imported(store, files[i])
        check(store, raw, fast, ("day",))
        figures.append({(v.kpi, v.group.get("day")): v.value for v in fast.compute(None, Filters(), ("day",))})
        store.close()
    assert figures[0] == figures[1]


def test_a_write_that_lists_no_days_rebuilds_everything(tmp_path, store):
    raw, fast = engines(store)
    imported(store, calls(tmp_path / "a.csv", 0, 2, "A"))
    check(store, raw, fast)
    builds = fast.rollups.builds
    with store.write() as cur:  # agents change teams: every row's team
        cur.execute("UPDATE agents SET team = 'Nord' WHERE agent_id = 'ag1'")
    check(store, raw, fast)
    assert fast.rollups.builds > builds


def test_pending_derived_facts_refuse_the_kpis_that_need_them(tmp_path, store):
    imported(store, calls(tmp_path / "a.csv", 0, 1, "A"))
    with store.write() as cur:  # an import whose derived facts were never computed
        cur.execute("UPDATE derived_state SET through_import = 0")
    engine = Engine(store)
    values = {v.kpi: v for v in engine.compute(["repeat_rate", "fcr", "offered", "csat"])}
    for kpi in ("repeat_rate", "fcr"):
        assert values[kpi].value is None
        assert "derived facts pending" in values[kpi].reason and "--catch-up" in values[kpi].reason
    # not derived: still computed (40 calls, one abandoned after 0 s: a short abandon)
    assert values["offered"].value == 39
    assert derive.catch_up(store) == [1]
    values = {v.kpi: v for v in engine.compute(["repeat_rate"])}
    assert values["repeat_rate"].value is not None


def test_a_call_log_alone_reads_its_hour_level_as_aggregated_once(tmp_path, store, monkeypatch):
    # no topic, no product: each hour × agent × queue… is one row of the finest grain,
    # so the hour level is that row as it is (no second aggregate); figures by hour
    # and hour of day agree, after the first import and after an append
    taken = []
    original = rollup._as_is
    monkeypatch.setattr(rollup, "_as_is", lambda *a: taken.append(a[3]) or original(*a))
    raw, fast = engines(store)
    imported(store, calls(tmp_path / "a.csv", 0, 3, "A"))
    check(store, raw, fast, ("hour", "hour_of_day", "agent"))
    imported(store, calls(tmp_path / "b.csv", 2, 2, "B"))  # day 2 again, and day 3
    check(store, raw, fast, ("hour", "hour_of_day", "agent"))
    assert taken  # the hour level of contacts was taken as it is


def test_a_call_log_alone_does_not_aggregate_the_ticket_and_chat_columns(tmp_path, store, monkeypatch):
    # a call log has no reply time, no bot, no chat: DuckDB's statistics say those
    # columns' inputs hold no value, so the build gives them their constant (a count
    # 0, a sum NULL) instead of aggregating them row by row; the figures agree with
    # the detail rows, after the first import and after an append
    left_out: dict[str, dict[str, str]] = {}  # relation's SQL → what was left out of its first build
    original = rollup._unfed
    monkeypatch.setattr(rollup, "_unfed", lambda *a: left_out.setdefault(a[1], original(*a)))
    raw, fast = engines(store)
    imported(store, calls(tmp_path / "a.csv", 0, 3, "A"))
    check(store, raw, fast, ("day", "hour", "agent"))
    design = fast._design(store.cursor(), "contacts")
    constant = left_out[design.relation.sql]
    unfed = {expr: col for expr, col in design.columns.items() if col in constant}
    assert constant[unfed["count(first_response_s) FILTER (WHERE ticket = 1)"]] == "CAST(0 AS BIGINT)"
    assert constant[unfed["sum(bot_response_s) FILTER (WHERE bot = 1)"]].startswith("CAST(NULL AS ")
    # and the call figures themselves are aggregated
    assert not {"sum(answered)", "sum(talk_sum)", "list(handle_v) FILTER (WHERE (handle_v) IS NOT NULL)"} & set(unfed)
    imported(store, calls(tmp_path / "b.csv", 3, 1, "B"))
    check(store, raw, fast, ("day", "hour", "agent"))


def _tables(store, relation):
    """Every rollup level of ``relation`` as sorted rows (value lists sorted: their order is the scan's)."""
    out = {}
    cur = store.cursor()
    for level in rollup.LEVELS:
        table = rollup.table_name(relation, level.name)
        cols = [r[0] for r in cur.execute(f"DESCRIBE {table}").fetchall()]
        rows = cur.execute(f"SELECT * FROM {table}").fetchall()
        rows = [tuple(sorted(v) if isinstance(v, list) else v for v in row) for row in rows]
        out[level.name] = (cols, sorted(rows, key=repr))
    return out


def test_a_call_log_alone_is_aggregated_into_its_hour_level_directly(tmp_path, monkeypatch):
    # every call has its time, no topic, no product: the hour level is aggregated from
    # the detail rows and the day level regrouped from it (no temporary finest grain
    # written, then copied); the same tables, column by column, as the general way
    figures = []
    taken: list[str] = []
    original = rollup._build_from_hours
    monkeypatch.setattr(rollup, "_build_from_hours", lambda *a: taken.append(a[1].relation.name) or original(*a))
    for direct in (True, False):
        store = open_database(tmp_path / f"kd{direct}.duckdb")
        if not direct:
            monkeypatch.setattr(rollup, "_hourly", lambda *a: False)
        taken.clear()
        raw, fast = engines(store)
        imported(store, calls(tmp_path / "a.csv", 0, 3, "A"))
        check(store, raw, fast, ("day", "hour", "agent"))
        fast.prepare()  # every rollup a KPI can read (agent time: none without sessions)
        assert ("contacts" in taken) == direct
        figures.append({r: _tables(store, r) for r in ("contacts",)})
        store.close()
    assert figures[0] == figures[1]


def test_a_call_log_with_dates_only_takes_the_general_way(tmp_path, store, monkeypatch):
    # a call known by its day only belongs to the day level, not to 00:00 of the hour level
    taken = []
    original = rollup._build_from_hours
    monkeypatch.setattr(rollup, "_build_from_hours", lambda *a: taken.append(a[1].relation.name) or original(*a))
    raw, fast = engines(store)
    path = calls(tmp_path / "a.csv", 0, 2, "A", extra=["D1,2026-03-03,Support,ag1,+33777,answered,5,100"])
    imported(store, path)
    check(store, raw, fast, ("day", "agent"))
    assert "contacts" not in taken
