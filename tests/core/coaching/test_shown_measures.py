"""The coaching view's row of distributions shows what the agent's contacts have: a
ticket desk sees first response, resolution and CSAT, not three empty call charts."""

from __future__ import annotations

from kpidesk.core.coaching.charts import MEASURES, Distribution, shown_measures


def dists(with_data: set[str]) -> dict[str, Distribution]:
    return {
        m: Distribution(m, "seconds", [0, 1], [1] if m in with_data else [0], [2] if m in with_data else [0])
        for m in MEASURES
    }


def test_a_call_desk_keeps_its_four_charts():
    assert shown_measures(dists({"handle", "wait", "wrap", "csat"})) == ["handle", "wait", "wrap", "csat"]


def test_a_ticket_desk_sees_its_own_durations_and_csat():
    assert shown_measures(dists({"first_response", "resolution", "csat"})) == ["first_response", "resolution", "csat"]


def test_csat_keeps_its_place_when_every_duration_has_data():
    assert shown_measures(dists(set(MEASURES))) == ["handle", "wait", "wrap", "csat"]


def test_no_data_at_all_shows_the_call_charts_saying_so():
    assert shown_measures(dists(set())) == ["handle", "wait", "wrap", "csat"]
    assert shown_measures({}) == ["handle", "wait", "wrap", "csat"]
