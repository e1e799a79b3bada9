"""Every view the launcher knows (ui/preview.VIEWS) opens offscreen on the small sample
database and shows its figures: what ``python -m kpidesk.ui.preview NAME`` does, driven
by the test instead of a person."""

from __future__ import annotations

import shutil
import time
from argparse import Namespace
from datetime import date

import pytest

from kpidesk.core import formatting
from kpidesk.core.ingest import import_file
from kpidesk.smoke import fixture_folder
from kpidesk.ui import preview
from tests.helpers.qt_teardown import close_after_the_windows

AGENT = "A03"  # one of the sample's eight named agents


@pytest.fixture
def desk(sample_db_path, tmp_path):
    path = tmp_path / "sample.duckdb"
    shutil.copy(sample_db_path, path)
    _app, desk = preview.open_desk(str(path), "en")
    yield desk
    close_after_the_windows(desk.store)


def open_view(qtbot, desk, name: str):
    view = preview.show(name, desk, Namespace(agent=AGENT, kpi=None, size=(1366, 768)))
    qtbot.addWidget(view)
    return view


def shown_tiles(view) -> dict[str, str]:
    return {kpi: tile.value.text() for kpi, tile in view.tiles.tiles.items()}


@pytest.mark.parametrize("name", sorted(preview.TAB_VIEWS))
def test_each_tab_shows_its_figures(qtbot, desk, name):
    view = open_view(qtbot, desk, name)
    qtbot.waitUntil(lambda: view.data is not None and not view.busy, timeout=30000)
    data, registry = view.data, desk.engine.registry
    if hasattr(view, "tiles"):
        expected = {
            kpi: formatting.value(data.tiles[kpi].value, registry[kpi].unit, "en") if kpi in data.tiles else "–"
            for kpi in view.tiles.tiles
        }
        qtbot.waitUntil(lambda: shown_tiles(view) == expected, timeout=10000)
        assert any(text != "–" for text in expected.values()), f"{name}: no figure at all on the sample data"
    if hasattr(view, "table"):
        qtbot.waitUntil(lambda: view.table.source.rowCount() == len(data.agents), timeout=10000)
        assert data.agents, f"{name}: no agent row on the sample data"


def test_coaching_shows_the_agent_against_the_team(qtbot, desk):
    view = open_view(qtbot, desk, "coaching")
    qtbot.waitUntil(lambda: view.data is not None and view.detail is not None, timeout=60000)
    profile = view.data.profile
    assert profile.agent_id == AGENT and profile.standings
    assert profile.agent_name in view.title.text()
    assert view.standings.source.rowCount() == len(profile.standings)
    assert view.trend_card.title.text()  # the trend of the KPI it opened on


def test_coaching_an_agent_without_contacts_in_the_period_loads_and_says_so(qtbot, qapp, desk, tmp_path):
    """``preview coaching --from 2000-01-01 --to 2000-01-31 --screenshot``: the page
    loads at once and the picture is taken (it used to wait a minute for a trend that
    no KPI would bring, and fail)."""
    png = tmp_path / "coaching.png"
    args = Namespace(
        agent=AGENT,
        kpi=None,
        size=(1366, 768),
        screenshot=str(png),
        date_from=date(2000, 1, 1),
        date_to=date(2000, 1, 31),
    )
    view = preview.show("coaching", desk, args)
    qtbot.addWidget(view)
    started = time.monotonic()
    assert preview._screenshot(qapp, "coaching", view, args) == 0
    assert time.monotonic() - started < 20 and png.exists()
    assert view.loaded and view.kpi is None and not view.notice_card.isHidden()
    assert "has no contacts in this period" in view.notice.text() and "2000-01-01 – 2000-01-31" in view.notice.text()


def test_a_coaching_job_that_fails_stops_the_wait_with_its_reason(qtbot, qapp, desk, tmp_path, monkeypatch, capsys):
    from kpidesk.ui.coaching import view as coaching_view

    def broken(inputs, state=None):
        raise RuntimeError("the trend query failed")

    monkeypatch.setattr(coaching_view, "load_kpi_detail", broken)
    png = tmp_path / "coaching.png"
    args = Namespace(agent=AGENT, kpi=None, size=(1366, 768), screenshot=str(png))
    view = preview.show("coaching", desk, args)
    qtbot.addWidget(view)
    started = time.monotonic()
    assert preview._screenshot(qapp, "coaching", view, args) == 1
    assert time.monotonic() - started < 20  # not a minute's wait
    assert "the trend query failed" in capsys.readouterr().err


def test_history_lists_the_imports(qtbot, desk):
    report = import_file(desk.store, fixture_folder() / "calls.csv")
    view = open_view(qtbot, desk, "history")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=30000)
    row = " ".join(view.table.item(0, c).text() for c in range(view.table.columnCount()) if view.table.item(0, c))
    assert "calls.csv" in row and formatting.number(report.loaded, 0, "en") in row


def test_every_view_is_covered():
    assert set(preview.VIEWS) == set(preview.TAB_VIEWS) | {"coaching", "history"}
