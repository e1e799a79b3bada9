"""What a team lead's first database lacks is said, never computed as zero; odd dates
do not break every period."""

from __future__ import annotations

from datetime import date, datetime

from kpidesk.core.dashboard.tabs import TabRequest, load_tab
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.builders import add_contacts, call, contact


def test_no_tickets_backlog_is_no_data_not_zero(store):
    add_contacts(store, [call("answered", 10), call("abandoned", 40)])
    backlog = Engine(store).compute(["backlog"])[0]
    assert (backlog.value, backlog.reason) == (None, "no data")


def test_a_call_log_alone_loads_every_tab_without_surveys(store):
    add_contacts(store, [call("answered", 10), call("abandoned", 40)])
    engine = Engine(store)
    data = load_tab((engine, TabRequest("phone", Filters())))  # was KeyError: 'day'
    assert data.tiles["offered"].value == 2 and data.tiles["csat"].value is None
    assert "csat" not in data.trend and [v for _, v in data.trend["offered"]] == [2.0]
    assert data.trend_samples["offered"] == [(2.0, False)]


def test_one_contact_dated_9999_12_31_does_not_overflow(store):
    add_contacts(store, [call("answered", 10), call("answered", 20, arrived_at=datetime(9999, 12, 31, 10, 0))])
    assert Engine(store).compute(["answered"])[0].value == 2  # no --to: the data's own range


def test_reasons_follow_the_engines_language(store):
    add_contacts(store, [call("answered", 10)])
    engine = Engine(store, lang="en")
    assert engine.compute(["csat"])[0].reason == "no survey answers imported"
    engine.lang = "fr"  # the window switched language
    assert engine.compute(["csat"])[0].reason == "aucune réponse d'enquête importée"


def test_a_call_log_without_a_transfer_column_has_no_transfer_rate_not_zero(store):
    """Three answered calls: two from an export that says nothing of transfers, one
    that says transferred. Only the one that says counts: 1 of 1. With none saying,
    the rate is missing input, not 0 %."""
    add_contacts(store, [call("answered", 10), call("answered", 20), call("abandoned", 40)])
    rate = Engine(store).compute(["transfer_rate"])[0]
    assert rate.value is None and rate.reason.startswith("missing input: whether calls were transferred")
    add_contacts(store, [call("answered", 15, transferred=True)])
    rate = Engine(store).compute(["transfer_rate"])[0]
    assert (rate.value, rate.n) == (1.0, 1)


def _answers(kind: str, scores: list[int], scale: tuple[int, int], **fields) -> list[dict]:
    return [
        {
            "source": "test",
            "source_key": f"{kind}{i}-{fields.get('contact_ref', '')}",
            "survey_type": kind,
            "score": s,
            "scale_min": scale[0],
            "scale_max": scale[1],
            "answered_at": datetime(2026, 11, 16, 12),
            **fields,
        }
        for i, s in enumerate(scores)
    ]


def test_nps_answers_show_on_the_overview_and_on_the_tab_of_the_contacts_they_rate(store):
    """Two calls rated 10 and 3 (NPS (1 − 1) / 2 = 0), two unlinked answers 9 and 9:
    the Overview counts all four, (3 − 1) / 4 = +50; the Phone tab the two linked
    ones, 0; the Email tab none. No CSAT question anywhere: 'missing input', not 'no
    data'; no effort question: the effort tile is left out of every tab."""
    from tests.helpers.builders import insert

    a, b = call("answered", 10), call("answered", 20)
    add_contacts(store, [a, b])
    insert(store, "surveys", _answers("nps", [10], (0, 10), contact_ref=a["source_key"]))
    insert(store, "surveys", _answers("nps", [3], (0, 10), contact_ref=b["source_key"]))
    insert(store, "surveys", _answers("nps", [9, 9], (0, 10)))
    engine = Engine(store)
    overview = load_tab((engine, TabRequest("overview", Filters())))
    assert overview.tiles["nps"].value == 50.0 and overview.tiles["nps"].n == 4
    assert overview.tiles["csat"].value is None
    assert overview.tiles["csat"].reason == "missing input: no CSAT question in the survey answers"
    assert overview.hidden == {"ces", "fcr_declared"}
    phone = load_tab((engine, TabRequest("phone", Filters())))
    assert (phone.tiles["nps"].value, phone.tiles["nps"].n) == (0.0, 2)
    email = load_tab((engine, TabRequest("email", Filters())))
    assert email.tiles["nps"].value is None and email.hidden == {"ces", "fcr_declared"}


def test_the_effort_tile_shows_where_effort_answers_exist_at_any_date(store):
    """One CES answer (5 on 1–7) of an email, dated a week before the period shown: the
    Email tab keeps its effort tile (no data in this period), the Phone tab has none."""
    from tests.helpers.builders import insert

    mail = contact(channel="email", outcome="handled", arrived_at=datetime(2026, 11, 9, 10))
    add_contacts(store, [mail, call("answered", 10)])
    insert(store, "surveys", _answers("ces", [5], (1, 7), contact_ref=mail["source_key"]))
    engine = Engine(store)
    week = Filters(date_from=date(2026, 11, 16), date_to=date(2026, 11, 22))
    email = load_tab((engine, TabRequest("email", week)))
    assert "ces" not in email.hidden and email.tiles["ces"].value is None
    assert load_tab((engine, TabRequest("email", Filters()))).tiles["ces"].value == 5.0
    assert load_tab((engine, TabRequest("phone", week))).hidden == {"ces", "fcr_declared"}


def test_queue_level_figures_are_not_split_by_agent_or_team(store):
    """Answer rate by agent read 100 % for everyone (an agent only has the calls they
    took) and 0 % for "no agent": a queue-level KPI grouped by agent or team says why
    it has no figure; an agent-level one (AHT) is split as before."""
    from kpidesk.core.kpi.engine import NOT_PER_AGENT

    add_contacts(
        store,
        [call("answered", 10, agent_id="a1", talk_s=100.0), call("answered", 10, agent_id="a2"), call("abandoned", 40)],
    )
    engine = Engine(store)
    assert engine.compute(["answer_rate"])[0].value == 2 / 3  # the queue's figure
    for by in (("agent",), ("team",), ("queue", "agent")):
        (rate,) = engine.compute(["answer_rate"], by=by)
        assert (rate.value, rate.reason) == (None, NOT_PER_AGENT)
    aht = {v.group["agent"]: v.value for v in engine.compute(["aht"], by=("agent",))}
    assert aht["a1"] == 100.0


def test_queue_level_figures_under_an_agent_or_team_filter_say_why(store):
    """Filtered to one team, the answer rate read 100 % and the abandon rate 0 %: the
    abandoned calls belong to no team. Under an agent or team filter a queue-level KPI
    says why it has no figure; AHT is filtered as before."""
    from kpidesk.core.kpi.engine import NOT_PER_AGENT

    add_contacts(store, [call("answered", 10, agent_id="a1", talk_s=100.0), call("abandoned", 40)])
    engine = Engine(store)
    for filters in (Filters(agents=("a1",)), Filters(teams=("Team A",))):
        rate, aht = engine.compute(["abandon_rate", "aht"], filters)
        assert (rate.value, rate.reason) == (None, NOT_PER_AGENT)
        assert aht.reason != NOT_PER_AGENT


def test_a_field_only_answered_calls_carry_does_not_split_queue_figures(store):
    """The demo's site is the answering agent's: abandoned calls have none, so the
    abandon rate by site read 0 % for every site and 75 % for "(none)", and filtered to
    one site 0 %. Such a split or filter is refused with the reason; a site every call
    carries (one per call centre) splits the queue figure as usual."""
    from kpidesk.core.kpi.engine import AGENT_ONLY_FIELD, said_reason

    add_contacts(
        store,
        [
            call("answered", 10, agent_id="a1", site="Lyon"),
            call("answered", 10, agent_id="a2", site="Rabat"),
            call("abandoned", 40),
            call("abandoned", 40),
        ],
    )
    engine = Engine(store)
    for by, filters in (((), Filters(sites=("Lyon",))), (("site",), Filters())):
        (rate,) = engine.compute(["abandon_rate"], filters, by=by)
        assert (rate.value, rate.reason) == (None, AGENT_ONLY_FIELD)
    assert said_reason(AGENT_ONLY_FIELD, "fr").startswith("indicateur de file : cet export")
    aht = {v.group["site"]: v.value for v in engine.compute(["aht"], by=("site",))}
    assert aht == {"Lyon": 180.0, "Rabat": 180.0, None: None}  # no abandoned call handled


def test_a_site_every_call_carries_splits_queue_figures(store):
    add_contacts(
        store,
        [
            call("answered", 10, agent_id="a1", site="Lyon"),
            call("abandoned", 40, site="Lyon"),
            call("answered", 10, agent_id="a2", site="Rabat"),
        ],
    )
    rates = {v.group["site"]: v.value for v in Engine(store).compute(["abandon_rate"], by=("site",))}
    assert rates == {"Lyon": 0.5, "Rabat": 0.0}


def test_chats_without_a_first_reply_time_say_so(store):
    """A transcript list gives each chat's start and end, not its first reply: the
    chat first response is a missing input, not "no data" beside 3 served chats."""
    add_contacts(store, [contact(channel="chat", outcome="answered", talk_s=300.0) for _ in range(3)])
    for lang, start in (("en", "missing input: when agents first replied"), ("fr", "donnée manquante : la première")):
        frt = Engine(store, lang=lang).compute(["chat_first_response_time"])[0]
        assert frt.value is None and frt.reason.startswith(start), frt.reason
        assert frt.extras["frt_unknown"] == 3
