"""``--weekday`` and ``--hour``: the heatmap cell's filter on the command line, read by
every command that takes filters (``tests/helpers/cell_fixtures``: 12 answered calls,
6 of them on Tuesdays 10h–11h; AHT 316.7 s over the period, 366.7 s in the cell)."""

from __future__ import annotations

import json

import pytest

from kpidesk.cli import main
from tests.helpers import cell_fixtures as fx


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cells") / "cells.duckdb"
    fx.build_store(str(path)).close()
    return str(path)


def figures(capsys, db, *options) -> dict[str, float]:
    argv = ["kpis", "--db", db, "--from", "2024-03-04", "--to", "2024-03-17", "--kpi", "answered,aht"]
    assert main([*argv, "--format", "json", *options]) == 0
    return {r["kpi"]: r["value"] for r in json.loads(capsys.readouterr().out)}


def test_kpis_for_a_weekday_and_an_hour(db, capsys):
    assert figures(capsys, db) == {"answered": 12, "aht": pytest.approx(3800 / 12)}
    assert figures(capsys, db, "--weekday", "tue", "--hour", "10") == {"answered": 6, "aht": pytest.approx(2200 / 6)}
    # French names, ranges: Monday to Wednesday at 14h: calls 7, 10, 11 (100, 400, 300 s)
    assert figures(capsys, db, "--weekday", "lundi-mer", "--hour", "14h") == {
        "answered": 3,
        "aht": pytest.approx(800 / 3),
    }
    # every day at 10h: the six Tuesday calls and the two Wednesday ones (400, 300 s)
    assert figures(capsys, db, "--hour", "10") == {"answered": 8, "aht": pytest.approx(2900 / 8)}


def test_the_table_says_which_cell(db, capsys):
    argv = ["kpis", "--db", db, "--kpi", "answered", "--weekday", "2", "--hour", "10", "--lang", "fr"]
    assert main(argv) == 0
    assert "Tous les mardis, 10h–11h" in capsys.readouterr().out


@pytest.mark.parametrize(("option", "value"), [("--weekday", "funday"), ("--hour", "25"), ("--weekday", "fri-mon")])
def test_a_wrong_weekday_or_hour_is_said_in_one_line(db, capsys, option, value):
    assert main(["kpis", "--db", db, option, value]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kpidesk: ") and value in err and "\n" not in err


def test_explain_names_the_channels_and_the_cell(db, capsys):
    """Week of 11 March against the week before, on Tuesdays 10h–11h: (600 + 200 + 300) / 3
    both weeks; over the phone only the label says "(phone)"."""
    argv = ["explain", "--db", db, "--kpi", "aht", "--from", "2024-03-11", "--to", "2024-03-17"]
    assert main([*argv, "--weekday", "tue", "--hour", "10"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Avg handle time (all channels) — Tuesdays, 10:00–11:00: 6 min 07 s")
    assert main([*argv, "--channel", "phone", "--lang", "fr"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Durée moyenne de traitement (téléphone) : 4 min 46 s")
