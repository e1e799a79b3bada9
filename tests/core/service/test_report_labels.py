"""The service report names each KPI with the channels its figure covers, as the
tiles do (``KpiDefinition.scoped_label``): "(all channels)" over every channel, the
section's channel in a channel section, "(chat, bot)" under a Chat / Bot filter; and
A call log alone (``explain_fixtures.abandon_spike``)."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.service import build
from tests.helpers.explain_fixtures import WEEK1, abandon_spike

WEEK2 = Filters(date_from=date(2026, 11, 9), date_to=date(2026, 11, 15))


@pytest.fixture(scope="module")
def engine():
    store = open_database(":memory:")
    abandon_spike(store)
    yield Engine(store)
    store.close()


def test_labels_say_the_channels_of_their_figure(engine):
    report = build(engine, WEEK2, WEEK1, date(2026, 11, 8))
    headline = {f.kpi: f for f in report.headline}
    assert headline["fcr"].label_for("en") == "First contact resolution (all channels)"
    assert headline["answer_rate"].label_for("fr") == "Taux de décroché"  # a phone KPI: nothing to say
    phone = next(s for s in report.channels if s.channel == "phone")
    figures = {f.kpi: f for f in phone.figures}
    assert figures["aht"].label_for("en") == "Avg handle time (phone)"
    assert figures["aht"].label_for("fr") == "Durée moyenne de traitement (téléphone)"
    trends = {t.kpi: t for t in phone.trends}
    assert trends["volume"].label_for("en") == "Contacts (phone)"
    assert report.labels["aht"]["en"] == "Avg handle time (all channels)"  # the headline's scope


def test_a_chat_and_bot_report_says_chat_bot(engine):
    report = build(engine, WEEK2.narrowed(channels=("chat", "bot")), WEEK1, date(2026, 11, 8))
    headline = {f.kpi: f for f in report.headline}
    assert headline["volume"].label_for("en") == "Contacts (chat, bot)"
    assert report.labels["fcr"]["fr"] == "Résolution au premier contact (chat, bot)"
