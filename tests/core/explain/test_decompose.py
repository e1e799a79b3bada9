"""The worked examples of docs/explain.md, figure by figure."""

from __future__ import annotations

import pytest

from kpidesk.core.explain.decompose import APPROXIMATE, SUM, WEIGHTED, Cell, rebuilds, split


def _rate(offered: int, abandoned: int) -> Cell:
    return Cell(abandoned / offered, offered)


def _by_key(parts):
    return {p.key: p for p in parts}


def test_example_1_rate_effect_only():
    before = {"A": _rate(100, 5), "B": _rate(100, 5)}
    after = {"A": _rate(100, 15), "B": _rate(100, 5)}
    parts = _by_key(split(before, after, 0.05, 0.10, WEIGHTED))
    assert parts["A"].mix == pytest.approx(0.0)
    assert parts["A"].rate == pytest.approx(0.05)
    assert parts["B"].contribution == pytest.approx(0.0)
    assert sum(p.contribution for p in parts.values()) == pytest.approx(0.05)


def test_example_2_mix_effect_only():
    before = {"A": _rate(100, 20), "B": _rate(100, 5)}
    after = {"A": _rate(300, 60), "B": _rate(100, 5)}
    assert rebuilds(0.125, list(before.values()), WEIGHTED) and rebuilds(0.1625, list(after.values()), WEIGHTED)
    parts = _by_key(split(before, after, 0.125, 0.1625, WEIGHTED))
    assert parts["A"].rate == pytest.approx(0.0) and parts["B"].rate == pytest.approx(0.0)
    assert parts["A"].mix == pytest.approx(0.0140625)
    assert parts["B"].mix == pytest.approx(0.0234375)
    assert sum(p.mix for p in parts.values()) == pytest.approx(0.0375)


def test_example_3_both_and_a_new_queue():
    before = {"A": _rate(200, 10), "B": _rate(200, 30)}
    after = {"A": _rate(100, 10), "B": _rate(300, 45), "C": _rate(100, 0)}
    parts = _by_key(split(before, after, 0.10, 0.11, WEIGHTED))
    assert (parts["A"].mix, parts["A"].rate) == (pytest.approx(0.009), pytest.approx(0.0175))
    assert (parts["B"].mix, parts["B"].rate) == (pytest.approx(0.0045), pytest.approx(0.0))
    assert (parts["C"].mix, parts["C"].rate) == (pytest.approx(-0.021), pytest.approx(0.0))
    assert parts["C"].before is None and parts["C"].n_before == 0
    assert sum(p.contribution for p in parts.values()) == pytest.approx(0.01)


def test_example_3_swapped_periods_negate_every_part():
    before = {"A": _rate(200, 10), "B": _rate(200, 30)}
    after = {"A": _rate(100, 10), "B": _rate(300, 45), "C": _rate(100, 0)}
    there = _by_key(split(before, after, 0.10, 0.11, WEIGHTED))
    back = _by_key(split(after, before, 0.11, 0.10, WEIGHTED))
    for key in there:
        assert back[key].mix == pytest.approx(-there[key].mix)
        assert back[key].rate == pytest.approx(-there[key].rate)


def test_example_4_a_count_adds_up():
    before = {"A": Cell(120, 120), "B": Cell(80, 80)}
    after = {"A": Cell(150, 150), "B": Cell(70, 70)}
    assert rebuilds(200, list(before.values()), SUM)
    parts = _by_key(split(before, after, 200, 220, SUM))
    assert parts["A"].contribution == 30 and parts["B"].contribution == -10
    assert parts["A"].mix is None and parts["A"].rate is None


def test_example_5_small_sample_figures():
    before = {"A": _rate(100, 5), "S": _rate(10, 1)}
    after = {"A": _rate(100, 6), "S": _rate(10, 9)}
    parts = _by_key(split(before, after, 6 / 110, 15 / 110, WEIGHTED))
    assert parts["A"].contribution == pytest.approx(0.0090909, abs=1e-7)
    assert parts["S"].contribution == pytest.approx(0.0727273, abs=1e-7)


def test_a_median_does_not_rebuild_its_total():
    # medians 10 and 30 of two groups of 3: the total's median is not their weighted mean
    cells = [Cell(10, 3), Cell(30, 3)]
    assert not rebuilds(18.0, cells, WEIGHTED)
    assert APPROXIMATE != WEIGHTED
