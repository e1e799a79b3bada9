"""The worked examples of kpi-catalog.md, built row by row and checked by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kpidesk.core import erlang
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.builders import add_contacts, call, insert


def values(engine, ids, **kw):
    return {v.kpi: v for v in engine.compute(ids, **kw)}


def test_phone_access_worked_example(store):
    # 200 inbound calls: 10 abandons within 3 s, 20 abandons after 40 s,
    # 170 answered of which 140 within 20 s.
    rows = [call("abandoned", 3) for _ in range(10)]
    rows += [call("abandoned", 40) for _ in range(20)]
    rows += [call("answered", 12) for _ in range(140)]
    rows += [call("answered", 35) for _ in range(30)]
    add_contacts(store, rows)
    v = values(Engine(store), ["offered", "answered", "answer_rate", "abandon_rate", "service_level", "short_abandons"])
    assert v["offered"].value == 190
    assert v["answered"].value == 170
    assert v["answer_rate"].value == pytest.approx(170 / 190)
    assert round(v["answer_rate"].value, 4) == 0.8947
    assert round(v["abandon_rate"].value, 4) == 0.1053
    assert round(v["service_level"].value, 4) == 0.7368
    assert v["short_abandons"].value == 10
    assert v["answer_rate"].n == 190


@pytest.mark.parametrize("policy, expected", [("negative", 0.70), ("ignore", 70 / 90), ("positive", 0.80)])
def test_service_level_policies(store, policy, expected):
    # Threshold 20 s, no short abandons: 70 answered within 20 s, 10 abandoned within
    # 20 s, 20 answered or abandoned after 20 s (100 offered).
    rows = [call("answered", 15) for _ in range(70)]
    rows += [call("abandoned", 10) for _ in range(10)]
    rows += [call("answered", 30) for _ in range(10)] + [call("abandoned", 45) for _ in range(10)]
    add_contacts(store, rows)
    sl = values(Engine(store), ["service_level"], params={"sl_abandon_policy": policy, "short_abandon_s": 0})
    assert sl["service_level"].value == pytest.approx(expected)


def test_threshold_and_short_abandon_parameters(store):
    add_contacts(store, [call("answered", 25), call("answered", 10), call("abandoned", 2)])
    e = Engine(store)
    assert values(e, ["service_level"])["service_level"].value == pytest.approx(1 / 2)
    assert values(e, ["service_level"], params={"sl_threshold_s": 30})["service_level"].value == pytest.approx(1.0)
    # short_abandon_s = 0 counts every abandon
    v = values(e, ["offered", "abandon_rate"], params={"short_abandon_s": 0})
    assert v["offered"].value == 3
    assert v["abandon_rate"].value == pytest.approx(1 / 3)


def _surveys(kind, scores, scale=(1, 5)):
    return [
        {
            "source": "test",
            "source_key": f"{kind}{i}",
            "survey_type": kind,
            "score": s,
            "scale_min": scale[0],
            "scale_max": scale[1],
            "answered_at": datetime(2026, 11, 16, 12),
        }
        for i, s in enumerate(scores)
    ]


def test_csat_worked_example(store):
    # 100 answers: 43 satisfied (4), 29 very satisfied (5), 28 below.
    insert(store, "surveys", _surveys("csat", [4] * 43 + [5] * 29 + [3] * 10 + [2] * 10 + [1] * 8))
    assert values(Engine(store), ["csat"])["csat"].value == pytest.approx(72.0)


def test_csat_other_scale_counts_top_two_points(store):
    insert(store, "surveys", _surveys("csat", [10, 9, 8, 2], scale=(1, 10)))
    assert values(Engine(store), ["csat"])["csat"].value == pytest.approx(50.0)


def test_nps_worked_example(store):
    scores = [9] * 35 + [10] * 35 + [7] * 10 + [8] * 10 + [0] * 5 + [6] * 5
    insert(store, "surveys", _surveys("nps", scores, scale=(0, 10)))
    assert values(Engine(store), ["nps"])["nps"].value == pytest.approx(60.0)


def test_erlang_c_worked_example():
    # 100 calls in 30 min, AHT 180 s, 14 agents, threshold 20 s.
    s = erlang.evaluate(calls=100, aht_s=180, interval_s=1800, agents=14, threshold_s=20)
    assert round(s.p_wait, 4) == 0.1741
    assert round(s.service_level, 3) == 0.888
    assert round(s.asa_s, 1) == 7.8
    assert round(s.occupancy, 3) == 0.714
    assert erlang.agents_needed(100, 180, 1800, 0.8, 20).agents == 14
    assert erlang.agents_needed(100, 180, 1800, 0.8, 20, shrinkage=0.3).scheduled == 20


def test_customer_retention_worked_example(store):
    # 1,000 customers at start, 100 new, 50 lost → 1,050 at end → retention 95.
    start = date(2026, 11, 1)
    rows = [
        {
            "customer_id": f"old{i}",
            "started_on": date(2025, 1, 1),
            "ended_on": start + timedelta(days=5) if i < 50 else None,
            "purchases": 2 if i < 300 else 1,
        }
        for i in range(1000)
    ]
    rows += [{"customer_id": f"new{i}", "started_on": start + timedelta(days=3), "purchases": 1} for i in range(100)]
    insert(store, "customers", rows)
    v = values(
        Engine(store), ["retention_rate", "churn_rate", "repurchase_rate"], filters=_period(start, date(2026, 11, 30))
    )
    assert v["retention_rate"].value == pytest.approx(95.0)
    assert v["churn_rate"].value == pytest.approx(0.05)
    assert v["repurchase_rate"].value == pytest.approx(300 / 1100)


def _period(a, b):
    return Filters(date_from=a, date_to=b)
