"""The service report's figures on a database holding only a call log."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core import comments
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.service import HEADLINE, build
from tests.helpers.explain_fixtures import WEEK1, abandon_spike

WEEK2 = Filters(date_from=date(2026, 11, 9), date_to=date(2026, 11, 15))


@pytest.fixture(scope="module")
def calls_only():
    store = open_database(":memory:")
    abandon_spike(store)
    comments.add(
        store, "answer_rate", date(2026, 11, 10), None, "Billing short-staffed", action="Overflow", owner="Léa"
    )
    comments.add(store, "answer_rate", date(2026, 11, 10), None, "Billing queue only", queue="Billing")
    comments.add(store, "csat", date(2026, 10, 1), date(2026, 10, 7), "Out of the period")
    yield store
    store.close()


@pytest.fixture(scope="module")
def report(calls_only):
    return build(Engine(calls_only), WEEK2, WEEK1, date(2026, 11, 8))


def test_headline_order_and_missing_inputs_say_so(report):
    assert [f.kpi for f in report.headline] == list(HEADLINE)  # CSAT and service level first
    by = {f.kpi: f for f in report.headline}
    assert by["csat"].value is None and "survey" in by["csat"].reason.lower()  # no surveys: no figure
    assert by["first_response_time"].value is None  # no tickets
    assert ("csat", by["csat"].reason) in report.missing
    # by hand: 308 offered each week; answered 293 → 279
    assert by["answer_rate"].value == pytest.approx(279 / 308) and by["answer_rate"].previous == pytest.approx(
        293 / 308
    )
    assert by["answer_rate"].target == 0.9 and by["answer_rate"].status == "green"
    assert by["volume"].value == 308 and not by["volume"].moved


def test_what_changed_names_the_queue(report):
    moved = {e.kpi: e for e in report.explanations}
    assert "answer_rate" in moved  # 95.1 % → 90.6 %: z ≈ 2.2
    e = moved["answer_rate"]
    queue = [d for d in e.drivers if d.dimension == "queue"]
    assert queue[0].value == "Billing"
    assert sum(d.contribution for d in queue) == pytest.approx(e.change)


def test_comments_sit_with_their_figure(report):
    by = {f.kpi: f for f in report.headline}
    assert [c.text for c in by["answer_rate"].comments] == ["Billing short-staffed"]  # the queue one is scoped
    assert [c.text for c in report.comments] == ["Billing short-staffed", "Billing queue only"]
    phone = report.channels[0]
    assert phone.channel == "phone" and [c.channel for c in report.channels] == ["phone"]
    assert phone.trend is None or phone.trend.kpi == "service_level"


def test_no_made_up_qualitative_sections(report):
    assert report.lowest == [] and report.highest == [] and report.topics == []
    assert report.quality == []
    assert {s for s, _ in report.sites["rows"]} == {"Lyon", "Rabat"}


def test_a_call_log_draws_the_phone_trends_and_names_the_absent_channels(report):
    phone = report.channels[0]
    assert [t.kpi for t in phone.trends] == ["service_level", "abandon_rate", "volume", "aht"] and not phone.no_trend
    volume = next(t for t in phone.trends if t.kpi == "volume")
    # by hand: calls i = 0…n-1 fall on weekday i % 5; Billing, Sales, Support 100 a week (20 a day),
    # Tiny 8 (2, 2, 2, 1, 1): 62, 62, 62, 61, 61 from Monday to Friday
    assert volume.bucket == "day" and volume.periods == [date(2026, 11, 9 + i) for i in range(5)]
    assert volume.values == [62, 62, 62, 61, 61]
    assert report.absent == ["email", "chat", "bot"]
    assert report.topic_trend is None  # no contact reasons in a bare call log: nothing drawn
    # the headline trends: every headline KPI with figures, and its comments on the bucket of their first day
    assert [t.kpi for t in report.headline_trends] == ["service_level", "answer_rate", "volume"]  # no CSAT, FRT, FCR
    answer = next(t for t in report.headline_trends if t.kpi == "answer_rate")
    assert [(slot, c.text) for slot, c in answer.marks] == [
        (date(2026, 11, 10), "Billing short-staffed"),
        (date(2026, 11, 10), "Billing queue only"),
    ]


def test_the_top_contact_reasons_by_day_worked_by_hand():
    """Three reasons over three days (contacts a day): Billing 1, 2, 2; Login 3, 1, 0;
    Refund 0, 0, 1. Largest first: Billing (5), Login (4), Refund (1); a reason with
    no contact on a day counts 0 that day."""
    from datetime import datetime

    from tests.helpers.builders import add_contacts, contact

    plan = {"Billing": (1, 2, 2), "Login": (3, 1, 0), "Refund": (0, 0, 1)}
    rows = [
        contact(topic=topic, outcome="answered", arrived_at=datetime(2026, 11, 9 + day, 10, n))
        for topic, counts in plan.items()
        for day, count in enumerate(counts)
        for n in range(count)
    ]
    store = open_database(":memory:")
    try:
        add_contacts(store, rows)
        days = Filters(date_from=date(2026, 11, 9), date_to=date(2026, 11, 11))
        r = build(Engine(store), days, date(2026, 11, 6), date(2026, 11, 8))
    finally:
        store.close()
    tt = r.topic_trend
    assert tt.bucket == "day" and tt.periods == [date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 11)]
    assert tt.topics == ["Billing", "Login", "Refund"]
    assert tt.volumes == {"Billing": [1, 2, 2], "Login": [3, 1, 0], "Refund": [0, 0, 1]}
    assert [(t.topic, t.volume) for t in r.topics] == [("Billing", 5), ("Login", 4), ("Refund", 1)]
