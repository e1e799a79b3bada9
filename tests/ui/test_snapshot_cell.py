"""``kpidesk snapshot --weekday … --hour …``: a picture of the desk narrowed to a
heatmap cell, as a click would (``tests/helpers/cell_fixtures``: six of the twelve
calls are on Tuesdays 10h–11h)."""

from __future__ import annotations

import pytest

from kpidesk import cli
from kpidesk.commands import snapshot
from tests.helpers import cell_fixtures as fx


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cells") / "cells.duckdb"
    fx.build_store(str(path)).close()
    return str(path)


def test_a_snapshot_of_the_phone_tab_on_a_cell(qapp, db, tmp_path, capsys, monkeypatch):
    seen = {}
    grab = snapshot._grab

    def watching(app, window, *args):
        result = grab(app, window, *args)
        view = window.views["phone"]
        seen.update(
            state=(window.state.weekday, window.state.hour),
            chip=window.filter_bar.cell.text(),
            chip_shown=window.filter_bar.cell.isVisible(),
            offered=view.data.tiles["offered"].value,
        )
        return result

    monkeypatch.setattr(snapshot, "_grab", watching)
    out = tmp_path / "cell.png"
    argv = ["snapshot", "--db", db, "--tab", "phone", "--out", str(out), "--lang", "fr", "--size", "1366x768"]
    code = cli.main([*argv, "--from", "2024-03-04", "--to", "2024-03-17", "--weekday", "mardi", "--hour", "10"])
    assert code == 0, capsys.readouterr().err
    assert out.stat().st_size > 5000
    assert seen["state"] == (1, 10)  # the view state counts weekdays from 0 = Monday
    assert seen["chip_shown"] and seen["chip"].startswith("Tous les mardis, 10h–11h")
    assert seen["offered"] == 6


def test_two_weekdays_are_refused_in_one_line(qapp, db, tmp_path, capsys):
    out = tmp_path / "no.png"
    code = cli.main(["snapshot", "--db", db, "--tab", "phone", "--out", str(out), "--weekday", "mon-tue"])
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err.strip()
    assert "one --weekday and one --hour" in err and "\n" not in err
