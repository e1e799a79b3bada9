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
