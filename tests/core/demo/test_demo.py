"""The demo database: deterministic, fast, plausible, and every advertised pattern visible.

Patterns are checked with plain SQL on the canonical tables, not through the KPI
engine, so a failure here points at the generator and not at a KPI definition.
"""

from __future__ import annotations

import re
import time
from datetime import date
from types import SimpleNamespace

import pytest

from kpidesk.commands import demo as demo_cmd
from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import DEFAULT_END, PATTERN_AGENTS, DemoError, build_demo

TABLES = [
    "agents",
    "customers",
    "contacts",
    "surveys",
    "agent_sessions",
    "agent_schedules",
    "evaluations",
    "messages",
    "settings",
]
NOT_SHORT = "NOT (outcome = 'abandoned' AND wait_s < 5)"


@pytest.fixture(scope="session")
def demo():
    store = open_database(":memory:")
    started = time.perf_counter()
    counts = build_demo(store)
    elapsed = time.perf_counter() - started
    yield SimpleNamespace(store=store, counts=counts, elapsed=elapsed)
    store.close()


def one(store, sql, params=None):
    return store.cursor().execute(sql, params or []).fetchall()[0]


def rows(store, sql, params=None):
    return store.cursor().execute(sql, params or []).fetchall()


def checksum(store) -> dict:
    return {t: one(store, f"SELECT count(*), bit_xor(hash(t)) FROM {t} AS t") for t in TABLES}


# -- build --------------------------------------------------------------------------------
def test_build_is_fast(demo):
    assert demo.elapsed < 5.0


def test_row_counts_are_plausible(demo):
    c, s = demo.counts, demo.store
    assert c["agents"] == 25
    assert 25_000 <= c["contacts"] <= 70_000
    assert c["customers"] >= 10_000
    assert 200 <= c["evaluations"] <= 400  # a few dozen contacts × 5 criteria
    assert c["agent_sessions"] > c["agent_schedules"] > 500
    assert c["messages"] > 0
    for table, n in c.items():
        assert s.table_count(table) == n
    per_weekday = one(
        s,
        """SELECT count(*) / count(DISTINCT arrived_at::DATE) FROM contacts
                            WHERE channel = 'phone' AND isodow(arrived_at) <= 5""",
    )[0]
    assert 300 <= per_weekday <= 800  # "a few hundred calls a weekday"
    volume = dict(rows(s, "SELECT channel, count(*) FROM contacts GROUP BY 1"))
    assert volume["phone"] == max(volume.values())
    assert set(volume) == {"phone", "email", "chat", "bot"}
    first, last = one(s, "SELECT min(arrived_at)::DATE, max(arrived_at)::DATE FROM contacts")
    assert (first, last) == (date(2026, 9, 26), DEFAULT_END)


def test_same_seed_same_database_other_seed_other_data(demo):
    again, other = open_database(":memory:"), open_database(":memory:")
    try:
        build_demo(again, seed=7)
        build_demo(other, seed=8)
        reference = checksum(demo.store)
        assert checksum(again) == reference
        differs = checksum(other)
        assert all(differs[t] != reference[t] for t in TABLES if t not in ("agents", "settings"))
    finally:
        again.close()
        other.close()


def test_keys_sources_and_agents(demo):
    s = demo.store
    for table in ("contacts", "surveys", "agent_sessions", "agent_schedules", "evaluations"):
        n, keys, sources = one(
            s, f"SELECT count(*), count(DISTINCT source_key), string_agg(DISTINCT source, ',') FROM {table}"
        )
        assert n == keys and sources == "demo", table
    pattern = "(call|mail|chat|bot)-[0-9]{6}"
    assert one(s, "SELECT count(*) FROM contacts WHERE source_key NOT SIMILAR TO ?", [pattern])[0] == 0
    teams = rows(s, "SELECT team, site, outsourced, count(*) FROM agents GROUP BY ALL ORDER BY 1")
    assert [t[:3] for t in teams] == [("Équipe Lyon", "Lyon", False), ("Équipe Rabat", "Outsourcer Rabat", True)]
    assert one(s, "SELECT count(*) FROM agents WHERE name = agent_id OR name IS NULL")[0] == 0
    assert one(s, "SELECT count(*) FROM contacts WHERE agent_id NOT IN (SELECT agent_id FROM agents)")[0] == 0


def test_building_twice_into_one_database_is_refused(demo):
    with pytest.raises(DemoError):
        build_demo(demo.store)


# -- magnitudes -----------------------------------------------------------------------------
def test_phone_magnitudes(demo):
    answer_rate, asa, aht = one(
        demo.store,
        f"""
        SELECT count(*) FILTER (WHERE outcome = 'answered') / count(*),
               avg(wait_s) FILTER (WHERE outcome = 'answered'),
               avg(talk_s + hold_s + wrap_s) FILTER (WHERE outcome = 'answered')
        FROM contacts WHERE channel = 'phone' AND {NOT_SHORT}""",
    )
    assert 0.88 <= answer_rate <= 0.92
    assert 20 <= asa <= 40
    assert 240 <= aht <= 360


def test_email_csat_occupancy_magnitudes(demo):
    s = demo.store
    frt_h = one(s, "SELECT median(first_response_s) / 3600 FROM contacts WHERE channel = 'email'")[0]
    assert 1 <= frt_h <= 10
    csat = one(s, "SELECT avg((score >= 4)::INT) FROM surveys WHERE survey_type = 'csat'")[0]
    assert 0.75 <= csat <= 0.85
    occupancy, utilisation = one(
        s,
        """
        WITH h AS (SELECT sum(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0)) h
                   FROM contacts WHERE agent_id IS NOT NULL),
             a AS (SELECT sum(duration_s) FILTER (WHERE state = 'logged_in') li,
                          sum(duration_s) FILTER (WHERE state = 'pause') p FROM agent_sessions)
        SELECT h / (li - p), li / (SELECT sum(duration_s) FROM agent_schedules) FROM h, a""",
    )
    assert 0.75 <= occupancy <= 0.85
    assert 0.85 <= utilisation <= 1.0


# -- patterns -------------------------------------------------------------------------------
def test_lunchtime_abandon_spike(demo):
    by = dict(
        rows(
            demo.store,
            f"""
        SELECT hour(arrived_at) IN (12, 13),
               count(*) FILTER (WHERE outcome = 'abandoned') / count(*)
        FROM contacts WHERE channel = 'phone' AND isodow(arrived_at) <= 5 AND {NOT_SHORT} GROUP BY 1""",
        )
    )
    assert by[True] >= 0.12 and by[True] >= 2.5 * by[False]


def test_monday_morning_peak(demo):
    dow, hour, _ = one(
        demo.store,
        """SELECT isodow(arrived_at), hour(arrived_at), count(*) n
        FROM contacts WHERE channel = 'phone' GROUP BY ALL ORDER BY n DESC""",
    )
    assert dow == 1 and hour in (9, 10)
    per_day = dict(
        rows(
            demo.store,
            """SELECT isodow(arrived_at), count(*) / count(DISTINCT arrived_at::DATE)
        FROM contacts WHERE channel = 'phone' AND hour(arrived_at) IN (9, 10) GROUP BY 1""",
        )
    )
    assert per_day[1] >= 1.3 * max(v for d, v in per_day.items() if d != 1)


def test_out_of_hours_calls(demo):
    total, hno, saturday = one(
        demo.store,
        """SELECT count(*),
        count(*) FILTER (WHERE isodow(arrived_at) > 5 OR hour(arrived_at) < 9 OR hour(arrived_at) >= 18),
        count(*) FILTER (WHERE isodow(arrived_at) = 6 AND hour(arrived_at) BETWEEN 9 AND 12)
        FROM contacts WHERE channel = 'phone'""",
    )
    assert 0.05 <= hno / total <= 0.25
    assert saturday >= 8 * 40
    assert (
        one(
            demo.store,
            """SELECT count(*) FROM contacts WHERE channel = 'phone' AND outcome = 'answered'
        AND isodow(arrived_at) = 6 AND hour(arrived_at) BETWEEN 9 AND 12""",
        )[0]
        > 0
    )


def agent_phone_stats(store):
    return {
        r[0]: r[1:]
        for r in rows(
            store,
            """
        WITH p AS (SELECT agent_id, avg(wrap_s) wrap, avg(talk_s + hold_s + wrap_s) aht
                   FROM contacts WHERE channel = 'phone' AND outcome = 'answered' GROUP BY 1),
             s AS (SELECT agent_id, avg((score >= 4)::INT) csat, count(*) n
                   FROM surveys WHERE survey_type = 'csat' GROUP BY 1)
        SELECT agent_id, wrap, aht, csat, n FROM p JOIN s USING (agent_id)""",
        )
    }


def test_agent_with_long_wrap_up(demo):
    stats = agent_phone_stats(demo.store)
    agent = PATTERN_AGENTS["long_wrap"]
    others = [v[0] for a, v in stats.items() if a != agent]
    assert stats[agent][0] >= 2.5 * (sum(others) / len(others))
    assert stats[agent][0] == max(v[0] for v in stats.values())


def test_agent_with_low_csat_but_good_aht(demo):
    stats = agent_phone_stats(demo.store)
    agent = PATTERN_AGENTS["low_csat_good_aht"]
    csat = {a: v[2] for a, v in stats.items()}
    assert stats[agent][3] >= 100  # enough answers to be a solid finding, not a small sample
    assert csat[agent] == min(csat.values())
    assert csat[agent] <= sorted(csat.values())[1] - 0.2
    ahts = sorted(v[1] for v in stats.values())
    assert stats[agent][1] < ahts[len(ahts) // 2]


def test_repeat_contacts(demo):
    rate = one(
        demo.store,
        """SELECT avg(coalesce(next_contact_at <= arrived_at + INTERVAL 7 DAY, false)::INT)
        FROM contacts WHERE agent_id IS NOT NULL AND customer_id IS NOT NULL""",
    )[0]
    assert 0.10 <= rate <= 0.15
    known = one(demo.store, "SELECT avg((customer_id IS NOT NULL)::INT) FROM contacts")[0]
    assert known >= 0.8


def test_email_backlog_builds_then_recovers(demo):
    backlog = [
        n
        for _, n in rows(
            demo.store,
            """
        WITH days AS (SELECT DISTINCT arrived_at::DATE + 1 AS eod FROM contacts)
        SELECT eod, (SELECT count(*) FROM contacts c WHERE channel = 'email' AND c.arrived_at < eod
                     AND (c.solved_at IS NULL OR c.solved_at >= eod)) FROM days ORDER BY eod""",
        )
    ]
    third = len(backlog) // 3
    peak = backlog.index(max(backlog))
    assert third <= peak < 2 * third
    baseline = sorted(backlog[:14])[7]
    assert max(backlog) >= 3 * baseline
    assert sorted(backlog[-7:])[3] <= 1.5 * baseline
    rising = backlog[peak - 10 : peak + 1]
    assert sum(b > a for a, b in zip(rising, rising[1:])) >= 7  # a climb over about two weeks


def test_short_abandons_flowouts_transfers_holds(demo):
    calls, short, flowout, transferred, held, answered = one(
        demo.store,
        """SELECT count(*),
        count(*) FILTER (WHERE outcome = 'abandoned' AND wait_s < 5), count(*) FILTER (WHERE outcome = 'flowout'),
        count(*) FILTER (WHERE transferred), count(*) FILTER (WHERE hold_s > 0),
        count(*) FILTER (WHERE outcome = 'answered') FROM contacts WHERE channel = 'phone'""",
    )
    assert 0.01 <= short / calls <= 0.05
    assert 0.005 <= flowout / calls <= 0.05
    assert 0.03 <= transferred / answered <= 0.1
    assert 0.15 <= held / answered <= 0.35


def test_chat_and_bot(demo):
    s = demo.store
    containment, handoffs = one(
        s,
        """SELECT avg((outcome = 'contained')::INT),
        count(*) FILTER (WHERE outcome = 'handoff') FROM contacts WHERE channel = 'bot'""",
    )
    assert 0.55 <= containment <= 0.65 and handoffs > 500
    wait, bad = one(
        s,
        """SELECT avg(handoff_wait_s), count(*) FILTER (WHERE answered_at
        <> handoff_at + to_seconds(handoff_wait_s::BIGINT) OR agent_id IS NULL OR handoff_wait_s <= 0)
        FROM contacts WHERE channel = 'bot' AND outcome = 'handoff'""",
    )
    assert 20 <= wait <= 180 and bad == 0
    assert (
        one(
            s,
            """SELECT count(*) FROM contacts
                     WHERE channel = 'bot' AND outcome = 'contained' AND agent_id IS NOT NULL""",
        )[0]
        == 0
    )
    chat = dict(rows(s, "SELECT outcome, count(*) FROM contacts WHERE channel = 'chat' GROUP BY 1"))
    assert set(chat) == {"answered", "abandoned"} and chat["abandoned"] < chat["answered"]


# -- consistency ----------------------------------------------------------------------------
def test_phone_and_chat_times_are_consistent(demo):
    bad = one(
        demo.store,
        """SELECT
        count(*) FILTER (WHERE outcome = 'answered' AND (answered_at <> arrived_at + to_seconds(wait_s::BIGINT)
              OR ended_at <> answered_at + to_seconds((talk_s + hold_s)::BIGINT) OR agent_id IS NULL)),
        count(*) FILTER (WHERE outcome <> 'answered' AND (ended_at <> arrived_at + to_seconds(wait_s::BIGINT)
              OR agent_id IS NOT NULL OR talk_s IS NOT NULL))
        FROM contacts WHERE channel = 'phone'""",
    )
    assert bad == (0, 0)
    assert (
        one(
            demo.store,
            """SELECT count(*) FROM contacts WHERE channel = 'chat' AND outcome = 'answered'
        AND (first_response_s <> wait_s OR first_response_at <> answered_at)""",
        )[0]
        == 0
    )


def test_ticket_times_are_consistent(demo):
    s = demo.store
    bad = one(
        s,
        """SELECT
        count(*) FILTER (WHERE first_response_s <> epoch(first_response_at - arrived_at)),
        count(*) FILTER (WHERE resolution_s <> epoch(solved_at - arrived_at)),
        count(*) FILTER (WHERE solved_at < first_response_at OR first_response_at < arrived_at),
        count(*) FILTER (WHERE (outcome = 'handled') <> (first_response_at IS NOT NULL)),
        count(*) FILTER (WHERE (status = 'solved') <> (solved_at IS NOT NULL)),
        count(*) FILTER (WHERE solved_at > TIMESTAMP '2026-11-21 00:00:00')
        FROM contacts WHERE channel = 'email'""",
    )
    assert bad == (0, 0, 0, 0, 0, 0)
    assert one(s, "SELECT count(*) FROM messages WHERE contact_ref NOT IN (SELECT source_key FROM contacts)")[0] == 0


def test_agents_work_while_logged_in_and_not_paused(demo):
    share_in, share_paused = one(
        demo.store,
        """
        WITH w AS (SELECT contact_id, agent_id, coalesce(answered_at, first_response_at) t
                   FROM contacts WHERE agent_id IS NOT NULL)
        SELECT avg((EXISTS (SELECT 1 FROM agent_sessions s WHERE s.agent_id = w.agent_id AND state = 'logged_in'
                            AND w.t BETWEEN s.started_at AND s.ended_at))::INT),
               avg((EXISTS (SELECT 1 FROM agent_sessions s WHERE s.agent_id = w.agent_id AND state = 'pause'
                            AND w.t BETWEEN s.started_at AND s.ended_at))::INT)
        FROM w""",
    )
    assert share_in >= 0.97
    assert share_paused <= 0.03


def test_surveys(demo):
    s = demo.store
    surveyed, responded = one(
        s,
        """SELECT count(*) FILTER (WHERE surveyed),
        (SELECT count(DISTINCT contact_ref) FROM surveys) FROM contacts""",
    )
    assert 0.15 <= responded / surveyed <= 0.25
    scales = set(rows(s, "SELECT survey_type, scale_min, scale_max FROM surveys GROUP BY ALL"))
    assert scales == {("csat", 1, 5), ("nps", 0, 10), ("ces", 1, 7)}
    assert (
        one(
            s,
            """SELECT count(*) FROM surveys
                     WHERE score < scale_min OR score > scale_max OR contact_id IS NULL""",
        )[0]
        == 0
    )
    assert (
        one(
            s,
            """SELECT count(*) FROM surveys v JOIN contacts c ON c.contact_id = v.contact_id
                     WHERE NOT c.surveyed OR v.answered_at < c.arrived_at""",
        )[0]
        == 0
    )
    comments = [r[0] for r in rows(s, "SELECT comment FROM surveys WHERE comment IS NOT NULL")]
    assert len(comments) >= 500
    private = [c for c in comments if re.search(r"[\w.]+@[\w.]+|0[67]( \d\d){4}", c)]
    assert 3 <= len(private) <= 20


def test_customers_retention_and_churn(demo):
    at_start, new, lost, repurchase = one(
        demo.store,
        """SELECT
        count(*) FILTER (WHERE started_on < DATE '2026-09-26'),
        count(*) FILTER (WHERE started_on >= DATE '2026-09-26'),
        count(*) FILTER (WHERE ended_on BETWEEN DATE '2026-09-26' AND DATE '2026-11-20'),
        count(*) FILTER (WHERE purchases >= 2) / count(*) FILTER (WHERE purchases >= 1) FROM customers""",
    )
    assert new / at_start >= 0.05
    assert 0.01 <= lost / at_start <= 0.1
    assert 0.3 <= repurchase <= 0.8
    assert one(demo.store, "SELECT count(*) FROM customers WHERE email NOT LIKE '%@%' OR phone IS NULL")[0] == 0


def test_evaluations(demo):
    s = demo.store
    criteria = {r[0] for r in rows(s, "SELECT DISTINCT criterion FROM evaluations")}
    assert criteria == {"tone", "empathy", "active listening", "resolution", "accuracy"}
    n, lo, hi, unlinked = one(
        s,
        """SELECT count(DISTINCT contact_ref), min(score), max(score),
        count(*) FILTER (WHERE contact_id IS NULL) FROM evaluations""",
    )
    assert 30 <= n <= 80 and 0 <= lo and hi <= 100 and unlinked == 0
    agent = PATTERN_AGENTS["low_csat_good_aht"]
    empathy = dict(
        rows(
            s,
            """SELECT agent_id = ?, avg(score) FROM evaluations
                              WHERE criterion = 'empathy' GROUP BY 1""",
            [agent],
        )
    )
    assert empathy[True] < empathy[False] - 15


# -- command --------------------------------------------------------------------------------
def test_command_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "demo.duckdb"
    args = SimpleNamespace(db=str(path), seed=3, days=14, agents=15, end=DEFAULT_END, force=False)
    assert demo_cmd.run(args) == 0
    assert "Demo database written" in capsys.readouterr().out
    assert demo_cmd.run(args) == 2
    assert "--force" in capsys.readouterr().err
    args.force, args.seed = True, 4
    assert demo_cmd.run(args) == 0
    with open_database(path) as store:
        assert store.table_count("agents") == 15
    assert demo_cmd.run(SimpleNamespace(**{**vars(args), "agents": 3})) == 2
    assert demo_cmd.run(SimpleNamespace(**{**vars(args), "db": None})) == 2
