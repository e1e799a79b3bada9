"""What a team lead's first database lacks is said, never computed as zero; odd dates
do not break every period."""

from __future__ import annotations

from datetime import datetime

from kpidesk.core.dashboard.tabs import TabRequest, load_tab
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.builders import add_contacts, call


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
