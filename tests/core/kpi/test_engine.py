"""Engine behaviour on hand-built data: edge cases the catalog names, grouping, filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kpidesk.core.db import calendar
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi import sql_compose as compose
from kpidesk.core.kpi.engine import Engine, EngineError, Filters
from kpidesk.core.kpi.sql_compose import DIMENSIONS
from tests.helpers.builders import add_contacts, call, contact, insert

MON = datetime(2026, 11, 16)  # a Monday


def one(engine, kpi, **kw):
    (v,) = engine.compute([kpi], **kw)
    return v


def test_empty_set_is_null_with_reason(store):
    v = one(Engine(store), "answer_rate")
    assert v.value is None and v.reason == "no data"


def test_flowouts_are_offered_but_neither_answered_nor_abandoned(store):
    add_contacts(store, [call("answered", 10), call("flowout", 90), call("abandoned", 30), call("flowout", 60)])
    e = Engine(store)
    assert one(e, "offered").value == 4
    assert one(e, "answer_rate").value == pytest.approx(0.25)
    assert one(e, "abandon_rate").value == pytest.approx(0.25)
    assert one(e, "flowouts").value == 2


def test_aggregated_interval_rows_are_weighted_by_counts(store):
    # Agent A: 10 answered, average talk 100 s; agent B: 90 answered, average 200 s.
    # Weighted mean 190 s — averaging the two averages would give 150 s.
    rows = [
        dict(
            source="sheet",
            source_key="A-1",
            channel="phone",
            agent_id="A",
            interval_start=MON,
            interval_s=86400,
            offered=12,
            answered=10,
            abandoned=2,
            sl_met=8,
            talk_s=10 * 100.0,
            wrap_s=10 * 30.0,
            handled=10,
            wait_answered_s=10 * 20.0,
        ),
        dict(
            source="sheet",
            source_key="B-1",
            channel="phone",
            agent_id="B",
            interval_start=MON,
            interval_s=86400,
            offered=100,
            answered=90,
            abandoned=10,
            sl_met=60,
            talk_s=90 * 200.0,
            wrap_s=90 * 10.0,
            handled=90,
            wait_answered_s=90 * 40.0,
        ),
    ]
    insert(store, "interval_stats", rows)
    e = Engine(store)
    assert one(e, "avg_talk").value == pytest.approx(190.0)
    assert one(e, "aht").value == pytest.approx((1000 + 300 + 18000 + 900) / 100)
    assert one(e, "asa").value == pytest.approx((200 + 3600) / 100)
    assert one(e, "answer_rate").value == pytest.approx(100 / 112)
    assert one(e, "service_level").value == pytest.approx(68 / 112)
    # mixed with one detail call: still a weighted mean over 101 answered calls
    add_contacts(store, [call("answered", 0, talk_s=290.0, arrived_at=MON)])
    assert one(e, "avg_talk").value == pytest.approx((19000 + 290) / 101)


def test_cross_midnight_contact_belongs_to_its_arrival_day(store):
    add_contacts(
        store,
        [
            call(
                "answered",
                10,
                arrived_at=datetime(2026, 11, 16, 23, 59, 50),
                talk_s=600.0,
                ended_at=datetime(2026, 11, 17, 0, 10),
            ),
            call("answered", 10, arrived_at=datetime(2026, 11, 17, 0, 5)),
        ],
    )
    by_day = {v.group["day"]: v.value for v in Engine(store).compute(["answered"], by=["day"])}
    assert by_day == {date(2026, 11, 16): 1, date(2026, 11, 17): 1}


def test_dst_days_and_hours_use_local_wall_clock(store):
    # 29 March 2026 (Europe/Paris springs forward at 02:00): no 02:xx local hour.
    # 25 October 2026 (falls back): 02:30 happens twice, both are hour 2.
    add_contacts(
        store,
        [
            call("answered", 5, arrived_at=datetime(2026, 3, 29, 1, 30)),
            call("answered", 5, arrived_at=datetime(2026, 3, 29, 3, 30)),
            call("answered", 5, arrived_at=datetime(2026, 10, 25, 2, 30)),
            call("answered", 5, arrived_at=datetime(2026, 10, 25, 2, 30, 1)),
        ],
    )
    hours = {
        (v.group["day"], v.group["hour_of_day"]): v.value
        for v in Engine(store).compute(["answered"], by=["day", "hour_of_day"])
    }
    assert hours == {(date(2026, 3, 29), 1): 1, (date(2026, 3, 29), 3): 1, (date(2026, 10, 25), 2): 2}


def test_out_of_hours_weekend_evening_and_holiday(store):
    add_contacts(
        store,
        [
            call("answered", 5, arrived_at=MON.replace(hour=10)),  # open
            call("answered", 5, arrived_at=MON.replace(hour=18, minute=5)),  # after 18:00
            call("answered", 5, arrived_at=datetime(2026, 11, 21, 10)),  # Saturday
            call("answered", 5, arrived_at=datetime(2026, 11, 11, 10)),  # Wednesday, 11 November
        ],
    )
    e = Engine(store)
    assert one(e, "out_of_hours_volume").value == 2
    calendar.set_holidays(store, calendar.french_public_holidays(2026))
    assert one(e, "out_of_hours_volume").value == 3
    assert one(e, "out_of_hours_rate").value == pytest.approx(0.75)
    calendar.set_business_hours(store, {str(d): [["08:00", "20:00"]] for d in range(1, 7)})
    assert one(e, "out_of_hours_volume").value == 1  # only the holiday


def test_repeat_rate_and_fcr_bases(store):
    t = MON.replace(hour=9)
    add_contacts(
        store,
        [
            call("answered", 5, customer_id="c1", arrived_at=t, resolved=True),
            call(
                "answered", 5, customer_id="c1", arrived_at=t + timedelta(days=3), resolved=True
            ),  # repeat of the first
            call("answered", 5, customer_id="c2", arrived_at=t, resolved=True),
            call("answered", 5, customer_id="c2", arrived_at=t + timedelta(days=10), resolved=False),  # outside 7 days
        ],
    )
    e = Engine(store)
    assert one(e, "repeat_rate").value == pytest.approx(1 / 4)
    fcr = one(e, "fcr")
    # resolved and not repeated: #2 and #3 → 2/4
    assert fcr.value == pytest.approx(2 / 4) and fcr.basis == "resolved flag and repeats"
    assert one(e, "repeat_rate", params={"repeat_window_days": 14}).value == pytest.approx(2 / 4)


def test_fcr_without_customer_ids_or_without_resolved_flag(store):
    add_contacts(store, [call("answered", 5, resolved=True), call("answered", 5, resolved=False)])
    fcr = one(Engine(store), "fcr")
    assert fcr.value == pytest.approx(0.5) and fcr.basis == "resolved flag only (no customer ids)"


def test_fcr_from_repeats_when_no_resolved_flag(store):
    add_contacts(
        store,
        [
            call("answered", 5, customer_id="x", arrived_at=MON),
            call("answered", 5, customer_id="x", arrived_at=MON + timedelta(days=1)),
        ],
    )
    fcr = one(Engine(store), "fcr")
    assert fcr.value == pytest.approx(0.5) and fcr.basis == "1 - repeat rate (no resolved flag)"


def test_occupancy_needs_sessions(store):
    add_contacts(store, [call("answered", 5, agent_id="A", talk_s=1800.0, wrap_s=0.0, arrived_at=MON.replace(hour=10))])
    e = Engine(store)
    v = one(e, "occupancy")
    assert v.value is None and v.reason == "no agent sessions imported"
    insert(
        store,
        "agent_sessions",
        [
            dict(
                source="t",
                source_key="s1",
                agent_id="A",
                state="logged_in",
                started_at=MON.replace(hour=9),
                duration_s=3 * 3600.0,
            ),
            dict(
                source="t",
                source_key="s2",
                agent_id="A",
                state="pause",
                started_at=MON.replace(hour=11),
                duration_s=3600.0,
            ),
        ],
    )
    assert one(e, "occupancy").value == pytest.approx(1800 / 7200)
    assert one(e, "contacts_per_hour").value == pytest.approx(0.5)
    # a channel filter keeps the sessions (they have no channel)
    assert one(e, "occupancy", filters=Filters(channels=("phone",))).value == pytest.approx(0.25)


def _ticket(created, solved=None, first=None, **kw):
    return contact(
        channel="email",
        arrived_at=created,
        solved_at=solved,
        resolution_s=(solved - created).total_seconds() if solved else None,
        first_response_s=first,
        outcome="handled" if first else None,
        **kw,
    )


def test_ticket_kpis_median_sla_and_backlog(store):
    d = datetime(2026, 11, 2, 9)
    add_contacts(
        store,
        [
            _ticket(d, d + timedelta(hours=2), first=3600, replies=1, reopened=False),
            _ticket(d, d + timedelta(days=2), first=30 * 3600, replies=3, reopened=True),
            _ticket(d + timedelta(days=1), None, first=7200),
            _ticket(d + timedelta(days=5), None),
        ],
    )
    e = Engine(store)
    f = Filters(date_from=date(2026, 11, 2), date_to=date(2026, 11, 8))
    assert one(e, "first_response_time", filters=f).value == pytest.approx(7200)  # median of 1 h, 2 h, 30 h
    assert one(e, "response_sla", filters=f).value == pytest.approx(2 / 4)
    assert one(e, "resolution_time", filters=f).value == pytest.approx((2 * 3600 + 48 * 3600) / 2)
    assert one(e, "resolution_rate", filters=f).value == pytest.approx(0.5)
    assert one(e, "reopen_rate", filters=f).value == pytest.approx(0.5)
    assert one(e, "reopen_rate", filters=f).n == 2
    assert one(e, "interactions_per_ticket", filters=f).value == pytest.approx(2)
    # backlog at the end of 2 Nov: tickets 1 (solved 11:00) no, 2 yes (solved 4 Nov)
    assert one(e, "backlog", filters=Filters(date_to=date(2026, 11, 2), date_from=date(2026, 11, 2))).value == 1
    by_day = {v.group["day"]: v.value for v in e.compute(["backlog"], filters=f, by=["day"])}
    assert by_day[date(2026, 11, 2)] == 1 and by_day[date(2026, 11, 3)] == 2
    assert by_day[date(2026, 11, 4)] == 1 and by_day[date(2026, 11, 7)] == 2
    age = one(e, "backlog_age", filters=f)  # at 9 Nov 00:00: tickets 3 (5 d 15 h) and 4 (1 d 15 h)
    assert age.value == pytest.approx(((5 * 24 + 15) + (1 * 24 + 15)) * 3600 / 2)
    assert age.extras == {"lt_1d": 0, "d1_3": 1, "d3_7": 1, "gt_7d": 0}
    assert one(e, "backlog", by=["weekday"]).reason.startswith("not available by weekday")


def test_a_status_saying_solved_without_a_time_counts_as_solved_not_as_backlog(store):
    """A helpdesk export with only the status at export time (Salesforce's "Resolved",
    a French "Clôturé"): those tickets are solved for the resolution rate, out of the
    backlog (not known to be open), and give no resolution time; an "Open" one stays
    in the backlog. Four tickets on 2 Nov: two Resolved, one Clôturé, one Open."""
    d = datetime(2026, 11, 2, 9)
    add_contacts(
        store,
        [
            contact(channel="email", arrived_at=d, status="Resolved"),
            contact(channel="email", arrived_at=d, status="Resolved"),
            contact(channel="email", arrived_at=d, status="Clôturé"),
            contact(channel="email", arrived_at=d, status="Open"),
        ],
    )
    e = Engine(store)
    f = Filters(date_from=date(2026, 11, 2), date_to=date(2026, 11, 8))
    assert one(e, "resolution_rate", filters=f).value == pytest.approx(3 / 4)
    backlog = one(e, "backlog", filters=f)
    assert (backlog.value, backlog.n) == (1, 1)  # the Open one only
    assert one(e, "resolution_time", filters=f).value is None  # no solve time given


def test_bot_and_chat_kpis(store):
    add_contacts(
        store,
        [
            contact(channel="bot", outcome="contained", bot_response_s=2.0),
            contact(channel="bot", outcome="contained", bot_response_s=4.0),
            contact(
                channel="bot",
                outcome="handoff",
                bot_response_s=3.0,
                handoff_at=MON,
                handoff_wait_s=40.0,
                answered_at=MON,
                agent_id="A",
            ),
            contact(channel="bot", outcome="abandoned", bot_response_s=3.0, handoff_at=MON),
            contact(channel="chat", outcome="answered", first_response_s=30.0, wait_s=30.0, answered_at=MON),
            contact(channel="chat", outcome="answered", first_response_s=90.0, wait_s=90.0, answered_at=MON),
            contact(channel="chat", outcome="abandoned", wait_s=200.0),
        ],
    )
    e = Engine(store)
    assert one(e, "containment_rate").value == pytest.approx(0.5)
    assert one(e, "handoff_rate").value == pytest.approx(0.5)
    assert one(e, "bot_response_time").value == pytest.approx(3.0)
    assert one(e, "handoff_wait").value == pytest.approx(40.0)
    assert one(e, "chat_first_response_time").value == pytest.approx(60.0)
    assert one(e, "chat_abandon_rate").value == pytest.approx(2 / 5)


def test_channel_share_and_filters(store):
    add_contacts(
        store,
        [call("answered", 5, queue="Q1")] * 0
        + [
            call("answered", 5, queue="Q1"),
            call("answered", 5, queue="Q2"),
            call("answered", 5, queue="Q2"),
            contact(channel="email"),
        ],
    )
    e = Engine(store)
    assert one(e, "volume_share", filters=Filters(channels=("phone",))).value == pytest.approx(0.75)
    shares = {v.group["channel"]: v.value for v in e.compute(["volume_share"], by=["channel"])}
    assert shares == pytest.approx({"phone": 0.75, "email": 0.25})
    assert one(e, "volume", filters=Filters(queues=("Q2",))).value == 2


def test_small_samples_are_flagged_when_grouped(store):
    add_contacts(store, [call("answered", 5, agent_id="A") for _ in range(40)] + [call("answered", 5, agent_id="B")])
    flags = {v.group["agent"]: v.small_sample for v in Engine(store).compute(["aht"], by=["agent"])}
    assert flags == {"A": False, "B": True}


def test_ces_scales_and_servqual(store):
    rows = [
        dict(source="t", source_key=f"c{i}", survey_type="ces", score=s, scale_min=1, scale_max=7, answered_at=MON)
        for i, s in enumerate([7, 5, 6])
    ]
    rows += [
        dict(
            source="t",
            source_key=f"q{i}",
            survey_type="servqual",
            dimension="empathy",
            component=c,
            score=s,
            scale_min=1,
            scale_max=7,
            answered_at=MON,
        )
        for i, (c, s) in enumerate([("expectation", 6), ("perception", 5), ("expectation", 7), ("perception", 5)])
    ]
    insert(store, "surveys", rows)
    e = Engine(store)
    ces = one(e, "ces")
    assert ces.value == pytest.approx(6.0) and ces.basis == "scale 1-7, higher is easier"
    gap = e.compute(["servqual_gap"], by=["dimension"])
    assert gap[0].group["dimension"] == "empathy" and gap[0].value == pytest.approx(-1.5)


def test_ces_on_a_five_point_effort_scale_keeps_its_scale(store):
    insert(
        store,
        "surveys",
        [
            dict(
                source="t",
                source_key=f"c{i}",
                survey_type="ces",
                score=s,
                scale_min=1,
                scale_max=5,
                higher_is_better=False,
                answered_at=MON,
            )
            for i, s in enumerate([1, 2])
        ],
    )
    ces = one(Engine(store), "ces")
    assert ces.value == pytest.approx(1.5) and ces.basis == "scale 1-5, lower is easier"


def test_surveys_attach_to_their_contact_agent(store):
    add_contacts(
        store,
        [
            call("answered", 5, agent_id="A", source_key="call-1"),
            call("answered", 5, agent_id="B", source_key="call-2"),
        ],
    )
    insert(
        store,
        "surveys",
        [
            dict(
                source="test",
                source_key="s1",
                survey_type="csat",
                score=5,
                scale_min=1,
                scale_max=5,
                contact_ref="call-1",
            ),
            dict(
                source="other",
                source_key="s2",
                survey_type="csat",
                score=1,
                scale_min=1,
                scale_max=5,
                contact_ref="call-2",
            ),
        ],
    )
    by_agent = {v.group["agent"]: v.value for v in Engine(store).compute(["csat"], by=["agent"])}
    assert by_agent == {"A": 100.0, "B": 0.0}


def test_unknown_inputs_are_refused(store):
    e = Engine(store)
    with pytest.raises(EngineError):
        e.compute(["nope"])
    with pytest.raises(EngineError):
        e.compute(["volume"], by=["colour"])
    with pytest.raises(EngineError):
        e.compute(["volume"], params={"sl_abandon_policy": "sometimes"})


def test_every_kpi_runs_under_every_grouping(store):
    add_contacts(store, [call("answered", 5, agent_id="A", queue="Q"), contact(channel="email", first_response_s=60.0)])
    e = Engine(store)
    for dim in DIMENSIONS:
        for v in e.compute(by=[dim]):
            assert v.reason is None or not v.reason.startswith("SQL error"), (dim, v)


def test_filter_values_are_bound_not_pasted(store):
    add_contacts(store, [call("answered", 5, queue="O'Brien; DROP TABLE contacts")])
    e = Engine(store)
    assert one(e, "volume", filters=Filters(queues=("O'Brien; DROP TABLE contacts",))).value == 1
    sql = "".join(q.sql for q in compose.plan([e.registry["volume"]], Filters(queues=("O'Brien",)), ()))
    assert "O'Brien" not in sql and "$f_queue" in sql


def test_two_point_csat_counts_only_the_top_point(store):
    insert(
        store,
        "surveys",
        [
            dict(source="z", source_key=f"s{i}", survey_type="csat", score=s, scale_min=0, scale_max=1, answered_at=MON)
            for i, s in enumerate([1, 1, 1, 0])
        ],
    )
    assert one(Engine(store), "csat").value == pytest.approx(75.0)


def test_queued_calls_of_unknown_outcome_are_offered(store):
    # A CDR cannot tell an abandon from a timeout: the answer rate stays right, the
    # abandon rate (and the flow-outs) are unknown, not 0 % (SOURCES.md: a CDR "does not
    # give the abandon rate").
    add_contacts(store, [call("answered", 5, queue="Q"), contact(queue="Q", outcome=None)])
    e = Engine(store)
    assert one(e, "answer_rate").value == pytest.approx(0.5)
    for kpi in ("abandon_rate", "flowouts"):
        v = one(e, kpi)
        assert v.value is None and v.reason.startswith("missing input: how unanswered calls ended")


def test_answered_calls_without_a_wait_leave_the_service_level_unknown(store):
    # Three answered calls, one with no wait in the export (a CDR without answer times):
    # whether it met the 20 s threshold is unknown, so is the service level; the ASA is
    # the mean of the waits given, (10 + 30) / 2. With every wait missing, the ASA too is
    # "missing input", not "no data".
    add_contacts(store, [call("answered", 10), call("answered", 30), call("answered", None)])
    e = Engine(store)
    sl = one(e, "service_level")
    assert sl.value is None and sl.reason.startswith("missing input: how long answered calls waited")
    assert sl.extras["wait_unknown"] == 1
    assert one(e, "asa").value == pytest.approx(20.0)
    other = Engine(open_database())
    add_contacts(other.store, [call("answered", None), call("answered", None)])
    asa = one(other, "asa")
    assert asa.value is None and asa.reason.startswith("missing input: how long answered calls waited")


def test_abandoned_calls_without_a_wait_leave_short_abandons_unknown(store):
    # The PwC shape: an unanswered call's wait is blank. Whether it was a short abandon,
    # and how long callers waited before hanging up, are unknown ("missing input", not
    # 0); the abandon rate counts it (a blank wait is no short abandon): 1 of 2 offered.
    add_contacts(store, [call("answered", 10), call("abandoned", None)])
    e = Engine(store)
    for kpi in ("short_abandons", "avg_abandon_wait"):
        v = one(e, kpi)
        assert v.value is None and v.reason.startswith("missing input: how long abandoned calls waited"), kpi
    assert one(e, "abandon_rate").value == pytest.approx(0.5)


def test_medians_and_p90_on_request(store):
    add_contacts(store, [call("answered", w) for w in (10, 20, 30, 40, 100)])
    e = Engine(store)
    assert one(e, "asa").extras == {"wait_unknown": 0}  # no statistics unless asked
    v = one(e, "asa", stats=True)
    assert v.value == pytest.approx(40) and v.extras["median"] == pytest.approx(30)
    assert v.extras["p90"] == pytest.approx(76)


def test_weekday_and_hour_filters_count_that_cell_across_the_period(store):
    """Monday 16 and Monday 23 November at 9h, a Monday at 10h, a Tuesday at 9h:
    Mondays 9h–10h hold two calls (one of each Monday), answered one of two."""
    tue = MON + timedelta(days=1)
    add_contacts(
        store,
        [
            call("answered", 10, arrived_at=MON.replace(hour=9, minute=5)),
            call("abandoned", 40, arrived_at=(MON + timedelta(days=7)).replace(hour=9, minute=55)),
            call("answered", 10, arrived_at=MON.replace(hour=10, minute=0)),
            call("answered", 10, arrived_at=tue.replace(hour=9, minute=30)),
        ],
    )
    e = Engine(store)
    period = Filters(date_from=date(2026, 11, 16), date_to=date(2026, 11, 29))
    cell = period.narrowed(weekdays=(1,), hours=(9,))
    assert one(e, "offered", filters=cell).value == 2
    assert one(e, "answer_rate", filters=cell).value == pytest.approx(0.5)
    assert one(e, "offered", filters=period.narrowed(weekdays=(1,))).value == 3
    assert one(e, "offered", filters=period.narrowed(hours=(9,))).value == 3
    by_day = {v.group["day"]: v.value for v in e.compute(["offered"], cell, by=("day",))}
    assert by_day == {date(2026, 11, 16): 1, date(2026, 11, 23): 1}


def test_an_hour_filter_leaves_out_arrivals_without_their_time(store):
    """A call dated Monday with no time is not a 0h–1h call (it has no hour); the
    weekday filter alone still counts it."""
    add_contacts(
        store,
        [
            call("answered", 10, arrived_at=MON, arrived_time_known=False),
            call("answered", 10, arrived_at=MON.replace(hour=0, minute=30)),
        ],
    )
    e = Engine(store)
    day = Filters(date_from=MON.date(), date_to=MON.date())
    assert one(e, "offered", filters=day.narrowed(weekdays=(1,), hours=(0,))).value == 1
    assert one(e, "offered", filters=day.narrowed(weekdays=(1,))).value == 2


def test_reopen_rate_without_a_reopen_column_is_missing_input_not_zero(store):
    """An export that never says whether a ticket was reopened: 'missing input', not 0 %."""
    d = datetime(2026, 11, 2, 9)
    add_contacts(store, [_ticket(d, d + timedelta(hours=2), first=3600), _ticket(d, d + timedelta(hours=5), first=60)])
    v = one(Engine(store), "reopen_rate", filters=Filters(date_from=date(2026, 11, 2), date_to=date(2026, 11, 2)))
    assert v.value is None and v.reason.startswith("missing input: whether tickets were reopened")


def test_a_status_saying_open_beats_a_resolution_time(store):
    """Synthetic and hand-kept exports give open tickets a resolution time too: the
    status at export time wins (not solved, in the backlog), as the team lead reads it."""
    d = datetime(2026, 11, 2, 9)
    add_contacts(
        store,
        [
            _ticket(d, d + timedelta(hours=10), first=3600, status="Closed"),
            _ticket(d, d + timedelta(hours=20), first=3600, status="In Progress"),
            _ticket(d, d + timedelta(hours=30), first=3600, status="Pending"),
            _ticket(d, d + timedelta(hours=40), first=3600, status="En cours"),
        ],
    )
    e = Engine(store)
    f = Filters(date_from=date(2026, 11, 2), date_to=date(2026, 11, 8))
    assert one(e, "resolution_rate", filters=f).value == pytest.approx(1 / 4)
    assert one(e, "resolution_time", filters=f).value == pytest.approx(10 * 3600)  # the closed one only
    assert one(e, "backlog", filters=f).value == 3
