"""`explain` on a database through the KPI engine: the done-when case of issue #15."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.explain import explain
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.explain_fixtures import WEEK1, WEEK2, abandon_spike


@pytest.fixture(scope="module")
def engine():
    store = open_database(":memory:")
    abandon_spike(store)
    yield Engine(store)
    store.close()


def _week2():
    return Filters(date_from=WEEK2, date_to=WEEK2 + timedelta(days=6))


def test_the_queue_whose_rate_tripled_comes_first(engine):
    ex = explain(engine, "abandon_rate", _week2(), WEEK1, WEEK1 + timedelta(days=6), ("queue",))
    # by hand: week 1 15/308, week 2 29/308
    assert ex.before == pytest.approx(15 / 308) and ex.after == pytest.approx(29 / 308)
    top = ex.drivers[0]
    assert (top.dimension, top.value) == ("queue", "Billing")
    assert top.rate == pytest.approx(100 / 308 * 0.10)
    assert top.mix == pytest.approx(0.0)
    assert (top.before, top.after, top.n_before, top.n_after) == (pytest.approx(0.05), pytest.approx(0.15), 100, 100)
    total = sum(d.contribution for d in ex.drivers)
    assert total == pytest.approx(ex.change, abs=1e-12)
    assert ex.sums["queue"]["mix"] + ex.sums["queue"]["rate"] == pytest.approx(ex.change, abs=1e-12)
    assert ex.method == "weighted"


def test_a_small_sample_is_flagged_and_never_first(engine):
    ex = explain(engine, "abandon_rate", _week2(), WEEK1, WEEK1 + timedelta(days=6), ("queue",))
    tiny = next(d for d in ex.drivers if d.value == "Tiny")
    assert tiny.small_sample
    assert tiny.rate == pytest.approx(8 / 308 * 0.5)  # larger than Billing's 0.0325 …
    assert ex.drivers[-1] is tiny  # … yet ranked last
    assert not ex.drivers[0].small_sample


def test_several_dimensions_each_add_up(engine):
    ex = explain(engine, "abandon_rate", _week2(), WEEK1, WEEK1 + timedelta(days=6), ("queue", "site", "hour_of_day"))
    for dim in ("queue", "site", "hour_of_day"):
        assert ex.sums[dim]["total"] == pytest.approx(ex.change, abs=1e-12)
    site = {d.value: d for d in ex.drivers if d.dimension == "site"}
    assert site["Lyon"].contribution > site["Rabat"].contribution


def test_a_count_splits_as_differences(engine):
    ex = explain(engine, "abandon_rate", _week2(), WEEK1, WEEK1 + timedelta(days=6), ("queue",))
    vol = explain(engine, "offered", _week2(), WEEK1, WEEK1 + timedelta(days=6), ("queue",))
    assert ex.method == "weighted" and vol.method == "sum"
    assert vol.change == 0 and all(d.contribution == 0 and d.mix is None for d in vol.drivers)


def test_a_kpi_without_its_inputs_says_so(engine):
    ex = explain(engine, "csat", _week2(), WEEK1, WEEK1 + timedelta(days=6), ("queue",))
    assert ex.change is None and ex.drivers == [] and "survey" in ex.reason.lower()
