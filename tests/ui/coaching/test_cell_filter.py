"""A heatmap cell clicked on the desk, then an agent opened: the coaching view counts
that cell only (figures, team, the contacts behind a number), says which cell on a
chip like the desk's, and its ✕ gives the page back its whole period. Figures worked
out by hand in ``tests/helpers/cell_fixtures`` (A1's AHT: 600 s on Tuesdays
10h–11h, 350 s over the period)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from kpidesk.ui import export, tasks
from tests.helpers import cell_fixtures as fx


@pytest.fixture
def cell_store(tmp_path):
    s = fx.build_store(str(tmp_path / "cells.duckdb"))
    yield s
    tasks.shutdown()
    s.close()


def open_on_cell(qtbot, make_window, store, lang):
    window = make_window(store, lang)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):  # Tuesday (row 1), 10h
        window.views["phone"].heatmap.body.on_click(QPointF(fx.HOUR + 0.5, 1.5), False)
    assert (window.state.weekday, window.state.hour) == (1, fx.HOUR)
    window.open_coaching("A1")
    view = window.coaching_view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.data is not None and view.detail is not None, timeout=20000)
    return window, view


def aht_row(view) -> list[str]:
    model = view.standings.source
    row = next(r for r in range(model.rowCount()) if model.rows[r].kpi == "aht")
    return [model.index(row, c).data() for c in range(model.columnCount())]


@pytest.mark.parametrize(("lang", "chip"), [("fr", "Tous les mardis, 10h–11h"), ("en", "Tuesdays, 10:00–11:00")])
def test_the_coaching_view_counts_the_cell_and_says_so(qtbot, make_window, cell_store, lang, chip):
    window, view = open_on_cell(qtbot, make_window, cell_store, lang)
    assert view.cell.isVisible() and view.cell.text().startswith(chip)
    row = aht_row(view)
    assert row[1] == "10 min"  # the agent: two calls of 600 s
    assert row[2] == "5 min"  # the team median of 200, 300, 600 s
    # the contacts behind AHT: the two Tuesday-10h calls only
    with qtbot.waitSignal(view.kpi_detail_loaded, timeout=10000):
        view.show_kpi("aht")
    assert view.contacts.source.rowCount() == 2
    # an exported chart says so too
    caption = view.png_caption()
    assert "Alice Martin" in caption.title and caption.lines[-1] == chip
    assert not export.chart_image(view.trend_card, caption).isNull()
    # the ✕ gives the page back its whole period; the desk keeps its cell
    with qtbot.waitSignal(view.coaching_loaded, timeout=10000):
        qtbot.mouseClick(view.cell, Qt.MouseButton.LeftButton)
    assert not view.cell.isVisible()
    assert aht_row(view)[1] == "5 min 50 s"  # (600 + 600 + 100 + 100) / 4
    assert window.state.weekday == 1 and window.filter_bar.cell.isVisible()


def test_the_chip_follows_the_language(qtbot, make_window, cell_store):
    window, view = open_on_cell(qtbot, make_window, cell_store, "en")
    assert view.cell.text().startswith("Tuesdays, 10:00–11:00")
    window.actions_.set_language("fr")
    qtbot.waitUntil(lambda: view.cell.text().startswith("Tous les mardis, 10h–11h"), timeout=10000)
    assert "Cliquez pour retirer" in view.cell.toolTip()
    assert window.filter_bar.cell.text().startswith("Tous les mardis, 10h–11h")
