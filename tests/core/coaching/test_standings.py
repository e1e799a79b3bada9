"""Coaching core: one agent against the team, worked out by hand on the fixture team
described in tests/helpers/coaching_fixtures.py (Lyon: AHT 100…500 s, waits 40/10/20/25/30 s)."""

from datetime import date, datetime

import pytest

from kpidesk.core.coaching import goals
from kpidesk.core.coaching import notes as coaching_notes
from kpidesk.core.coaching.charts import distribution, trend
from kpidesk.core.coaching.contacts import contact_record, contacts_behind
from kpidesk.core.coaching.quality import qa_by_criterion
from kpidesk.core.coaching.standings import IQR_TO_SIGMA, agent_profile, strengths_and_gaps
from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.coaching_fixtures import build_store, calls, insert_calls


@pytest.fixture(scope="module")
def engine():
    store = build_store()
    yield Engine(store)
    store.close()


def test_team_median_quartiles_rank_percentile(engine):
    p = agent_profile(engine, "A2")
    aht = p.standing("aht")
    # Lyon agents with ≥ 30 calls: 100, 200, 300, 400, 500 (A7's 50 s on 5 calls and
    # A6's 1000 s in Rabat are left out).
    assert (aht.value, aht.n) == (200, 30)
    assert (aht.team_q1, aht.team_median, aht.team_q3) == (200, 300, 400)
    assert (aht.rank, aht.ranked_agents) == (2, 5)
    assert aht.percentile == pytest.approx(75)  # better than or equal to 3 of the 4 others
    # pooled team value includes A7's small sample: (30·1500 + 5·50) / 155
    assert aht.team_value == pytest.approx(45250 / 155)
    assert p.team_agents == ("A1", "A2", "A3", "A4", "A5", "A7")


def test_rank_follows_direction(engine):
    # AHT (lower is better) 100, 200, 300, 400, 500 s: A1 is first, A5 last.
    assert agent_profile(engine, "A1").standing("aht").rank == 1
    a5 = agent_profile(engine, "A5").standing("aht")
    assert (a5.rank, a5.percentile) == (5, 0)
    assert (a5.team_q1, a5.team_median, a5.team_q3) == (200, 300, 400)


def test_small_sample_is_flagged_not_ranked(engine):
    a7 = agent_profile(engine, "A7").standing("aht")
    assert a7.small_sample and a7.value == 50 and a7.n == 5
    assert a7.rank is None and a7.percentile is None
    assert a7.team_median == 300  # the team is still shown


def test_kpis_without_direction_are_not_ranked(engine):
    talk = agent_profile(engine, "A2").standing("avg_talk")
    assert talk.better == "none" and talk.rank is None and talk.team_median == 270


def test_kpis_are_the_agents_channels(engine):
    p = agent_profile(engine, "A2")
    assert p.channels == ("phone",)
    assert p.standing("first_response_time") is None  # an email KPI
    # the coaching view pools the agent's channels: the label says so (the Phone tab's AHT is the calls')
    assert p.standing("aht").label == "Avg handle time (all channels)"
    french = agent_profile(engine, "A2", lang="fr")
    assert french.standing("aht").label == "Durée moyenne de traitement (tous canaux)"
    phone = agent_profile(engine, "A2", Filters(channels=("phone",)))
    assert phone.standing("aht").label == "Avg handle time (phone)"


def test_standardised_gap(engine):
    aht = agent_profile(engine, "A2").standing("aht")
    # gap 300 − 200 = 100 better (lower is better); spread (400 − 200) / 1.349
    assert aht.gap == 100
    assert aht.z == pytest.approx(100 / (200 / IQR_TO_SIGMA))


def test_strengths_and_gaps(engine):
    strengths, gaps = strengths_and_gaps(agent_profile(engine, "A2"))
    # Wrap-up (30 − 20) / (20 / 1.349) = 0.67; AHT (300 − 200) / (200 / 1.349) = 0.67.
    # The queue's ASA, longest wait and service level are not A2's doing: not listed.
    assert [s.kpi for s in strengths] == ["avg_wrap", "aht"]
    assert strengths[0].z == pytest.approx(10 / (20 / IQR_TO_SIGMA))
    assert gaps == []
    strengths, gaps = strengths_and_gaps(agent_profile(engine, "A5"))
    # AHT and wrap-up 1.35 spreads worse
    assert {g.kpi for g in gaps[:2]} == {"aht", "avg_wrap"}
    assert gaps[0].z == pytest.approx(-200 / (200 / IQR_TO_SIGMA))


def test_trend_agent_vs_team(engine):
    t = trend(engine, "aht", "A2", agent_profile(engine, "A2").team_filters)
    assert t.bucket == "day" and len(t.periods) == 14
    assert all(v == 200 for v in t.agent)
    # day 0 holds call 0 of A1…A5 and A7 (j % 14 = 0 for j = 0, 14, 28): team pooled per day
    assert t.team[0] == pytest.approx((3 * 1500 + 50) / 16)


def test_distribution_common_bins(engine):
    d = distribution(engine.store, engine, "handle", "A2", agent_profile(engine, "A2").team_filters)
    assert sum(d.agent) == 30 and sum(d.team) == 125  # the rest of Lyon: 4 × 30 + 5
    i = next(k for k in range(len(d.agent)) if d.agent[k])
    assert d.edges[i] <= 200 < d.edges[i + 1] and d.agent[i] == 30
    csat = distribution(engine.store, engine, "csat", "A2", Filters())
    assert csat.edges[0] == 0.5 and csat.agent == [1, 1, 0, 0, 1]


def test_contacts_behind_handle_time_longest_first():
    store = build_store()
    insert_calls(store, calls("A2", 2, 1000, 100, 10, 900))  # two long calls
    why, lines = contacts_behind(Engine(store), "A2", "aht", limit=3)
    assert why == "longest handle times"
    assert [line.contact_id for line in lines] == [900, 901, 200]
    assert lines[0].figure == 1100


def test_contacts_behind_low_csat_with_comment(engine):
    _, lines = contacts_behind(engine, "A2", "csat")
    assert [(line.contact_id, line.figure) for line in lines] == [(200, 1), (201, 2)]
    assert "06 12 34 56 78" in lines[0].comment and lines[0].customer_name == "Jeanne Dupont"


def test_contacts_behind_repeats_and_filters(engine):
    _, lines = contacts_behind(engine, "A3", "repeat_rate")
    assert [line.contact_id for line in lines] == [300]
    assert lines[0].figure == 86400 + 60  # back a day and a minute later
    assert contacts_behind(engine, "A3", "repeat_rate", Filters(date_from=date(2024, 3, 5)))[1] == []
    assert contacts_behind(engine, "A2", "volume") == (None, [])


def test_contact_record(engine):
    r = contact_record(engine.store, 200)
    assert (r["queue"], r["outcome"], r["talk_s"], r["agent_name"]) == ("Facturation", "answered", 180, "Bruno Petit")
    assert r["customer_email"] == "jeanne.dupont@exemple.fr"
    assert [s["score"] for s in r["surveys"]] == [1]
    assert [(e["criterion"], e["score"]) for e in r["evaluations"]] == [("empathie", 80), ("ton", 60)]
    assert contact_record(engine.store, 123456) is None


def test_qa_by_criterion_next_to_csat(engine):
    q = qa_by_criterion(engine, "A2", agent_profile(engine, "A2").team_filters)
    # A2: empathie 80, ton 60; team (A1 + A2): empathie 85, ton 65
    assert q.criteria == [("empathie", 80, 85, 1), ("ton", 60, 65, 1)]
    assert q.qa == (70, 75)
    assert q.csat[0] == pytest.approx(100 / 3)  # one 5 out of three answers
    assert q.gap[0] == pytest.approx(70)  # contact 200: QA 70, CSAT 0


def test_qa_without_evaluations():
    store = open_database()
    insert_calls(store, calls("A1", 3, 60, 10, 5, 1))
    assert qa_by_criterion(Engine(store), "A1", Filters()).reason == "no QA evaluations imported"


def test_notes_crud_and_history():
    store = build_store()
    first = coaching_notes.add_note(store, "A2", date(2024, 3, 11), "  Travail sur la DMT  ", ["aht"])
    second = coaching_notes.add_note(store, "A2", date(2024, 3, 18), "Bon progrès", [])
    coaching_notes.add_note(store, "A3", date(2024, 3, 18), "Autre agent")
    assert [n.note_id for n in coaching_notes.notes(store, "A2")] == [second, first]
    coaching_notes.update_note(store, first, text="DMT et post-appel", kpis=["aht", "avg_wrap"])
    note = coaching_notes.notes(store, "A2")[1]
    assert (note.text, note.kpis) == ("DMT et post-appel", ["aht", "avg_wrap"])
    with pytest.raises(coaching_notes.NoteError):
        coaching_notes.add_note(store, "A2", date(2024, 3, 18), "   ")
    goals.add_goal(store, "A2", "aht", 180, date(2024, 3, 11), date(2024, 3, 25), "DMT sous 3 min")
    kinds = [(h.day, h.kind) for h in coaching_notes.history(store, "A2")]
    assert kinds == [
        (date(2024, 3, 25), "goal_due"),
        (date(2024, 3, 18), "note"),
        (date(2024, 3, 11), "goal_set"),
        (date(2024, 3, 11), "note"),
    ]  # goal agreed in that session
    coaching_notes.delete_note(store, second)
    assert [n.note_id for n in coaching_notes.notes(store, "A2")] == [first]


def test_notes_and_goals_survive_a_reimport():
    store = build_store()
    coaching_notes.add_note(store, "A2", date(2024, 3, 11), "Travail sur la DMT", ["aht"])
    goals.add_goal(store, "A2", "aht", 180, date(2024, 3, 11), date(2024, 3, 25))
    with store.write() as cur:  # a re-import: contacts replaced, derived columns refreshed
        cur.execute("DELETE FROM contacts_main")
        cur.execute("DELETE FROM agents WHERE agent_id = 'A2'")
        cur.execute("INSERT INTO agents (agent_id, name, team) VALUES ('A2', 'Bruno Petit', 'Lyon')")
        derive.refresh(cur)
    insert_calls(store, calls("A2", 30, 180, 20, 10, 200))
    assert [n.text for n in coaching_notes.notes(store, "A2")] == ["Travail sur la DMT"]
    assert [g.kpi for g in goals.goals(store, "A2")] == ["aht"]


# -- goals: status from the data ----------------------------------------------------


def _goal_store():
    """A2 handles 400 s calls from 2024-02-12 to 03-10 (baseline), 300 s from 03-11."""
    store = open_database()
    insert_calls(store, calls("A2", 28, 390, 10, 5, 1, first_day=date_time(2024, 2, 12), every_days=28))
    insert_calls(store, calls("A2", 20, 290, 10, 5, 100, first_day=date_time(2024, 3, 11), every_days=10))
    return Engine(store)


def date_time(y, m, d):
    return datetime(y, m, d, 10)


@pytest.mark.parametrize(
    "today, status",
    [
        (date(2024, 3, 15), goals.ON_TRACK),  # 4/10 of the time gone, half-way there (0.5 ≥ 0.4)
        (date(2024, 3, 17), goals.AT_RISK),  # 6/10 of the time gone, still half-way (0.5 < 0.6)
        (date(2024, 3, 22), goals.MISSED),  # past due, 300 > 200
    ],
)
def test_goal_status_by_pace(today, status):
    engine = _goal_store()
    gid = goals.add_goal(engine.store, "A2", "aht", 200, date(2024, 3, 11), date(2024, 3, 21))
    p = goals.progress(engine, goals.goals(engine.store, "A2")[0], today)
    assert p.goal.goal_id == gid
    assert (p.baseline, p.value) == (400, 300)
    assert p.progress == pytest.approx(0.5)
    assert p.status == status


def test_goal_met_and_reached_early():
    engine = _goal_store()
    goals.add_goal(engine.store, "A2", "aht", 320, date(2024, 3, 11), date(2024, 3, 21))
    g = goals.goals(engine.store, "A2")[0]
    assert goals.progress(engine, g, date(2024, 3, 12)).status == goals.ON_TRACK  # already under 320
    assert goals.progress(engine, g, date(2024, 4, 1)).status == goals.MET


def test_goal_without_data():
    engine = _goal_store()
    goals.add_goal(engine.store, "A2", "aht", 200, date(2024, 5, 1), date(2024, 5, 31))
    g = goals.goals(engine.store, "A2")[0]
    p = goals.progress(engine, g, date(2024, 5, 10))
    assert (p.value, p.status, p.reason) == (None, goals.NO_DATA, "no data since the goal was set")
    assert goals.progress(engine, g, date(2024, 6, 5)).status == goals.NO_DATA  # not "missed": nothing to judge
    assert goals.progress(engine, g, date(2024, 4, 20)).status == goals.NO_DATA  # not started: not "on track"


def test_goal_dates_checked():
    with pytest.raises(goals.GoalError):
        goals.add_goal(open_database(), "A2", "aht", 200, date(2024, 5, 1), date(2024, 4, 1))


QUEUE_GRAIN = {"answer_rate", "abandon_rate", "service_level", "asa", "max_wait", "containment_rate", "handoff_rate"}


def test_agent_views_show_only_agent_grain_kpis(engine):
    """An agent's answer rate is 100 % and abandon rate 0 % by construction (abandoned
    calls reach no agent): never ranked, coloured or listed as a strength."""
    for kpi in QUEUE_GRAIN:
        assert engine.registry[kpi].grain == "queue"
    p = agent_profile(engine, "A2")
    shown = {s.kpi for s in p.standings}
    assert shown and not shown & QUEUE_GRAIN
    assert {"aht", "avg_wrap"} <= shown
    strengths, gaps = strengths_and_gaps(p)
    assert not {s.kpi for s in strengths + gaps} & QUEUE_GRAIN


def test_the_agent_table_shows_only_agent_grain_kpis(monkeypatch, engine):
    from dataclasses import replace

    from kpidesk.core.dashboard import tabs

    phone = replace(tabs.TABS["phone"], table=("answered", "aht", "answer_rate", "asa"))
    monkeypatch.setitem(tabs.TABS, "phone", phone)
    data = tabs.load_tab((engine, tabs.TabRequest("phone", Filters())))
    columns = {k for row in data.agents for k in row.values}
    assert columns == {"answered", "aht"}


def test_a_gap_too_small_to_see_is_neither_strength_nor_weakness():
    """A tight team makes any gap many spreads wide: 3.37 against a median of 3.38 is
    not "to work on", nor is a rate half a point from the median."""
    from kpidesk.core.coaching.standings import AgentProfile, Standing

    def standing(kpi, unit, value, q1, med, q3):
        return Standing(kpi, kpi, unit, "higher", value, 100, team_median=med, team_q1=q1, team_q3=q3)

    p = AgentProfile("A1", "A1", None, ("phone",), Filters(), Filters(), ("A1", "A2"))
    p.standings = [
        standing("csat_mean", "score", 3.37, 3.379, 3.38, 3.381),  # z −13, gap 0.3 % of the median
        standing("fcr", "rate", 0.904, 0.899, 0.9, 0.901),  # z +2.7, gap 0.4 pt
        standing("csat", "rate", 0.52, 0.47, 0.49, 0.51),  # z +2.0, gap 3 pts
    ]
    strengths, gaps = strengths_and_gaps(p)
    assert [s.kpi for s in strengths] == ["csat"] and gaps == []


def test_an_agent_without_contacts_in_the_period_has_no_figures_and_says_zero(engine):
    """A7's 5 calls are on 4–8 March; from the 11th to the 17th the team (A1…A5,
    one call a day each: j % 14 = 7…13) works without them."""
    week = Filters(date_from=date(2024, 3, 11), date_to=date(2024, 3, 17))
    a7 = agent_profile(engine, "A7", week)
    assert a7.standings == [] and a7.contacts == 0
    assert a7.team_agents == ("A1", "A2", "A3", "A4", "A5")  # the team is still the team
    # A1's calls of that week: days 7…13 of 30 calls (j = 7…13 and 21…27): 14 calls
    assert agent_profile(engine, "A1", week).contacts == 14
    assert agent_profile(engine, "A7").contacts == 5
    # a phone agent on the email tab's filter: no channel of theirs, no figure, no contact
    email = agent_profile(engine, "A1", Filters(channels=("email",)))
    assert (email.channels, email.standings, email.contacts) == ((), [], 0)
