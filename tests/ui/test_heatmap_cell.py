"""A heatmap click narrows every figure to that weekday and hour across the period
(not to one day): the filter bar shows it, its ✕ removes it, Back undoes it."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from kpidesk.core.dashboard.view_state import ViewState


def _click_cell(qtbot, window, weekday: int, hour: int) -> None:
    chart = window.views["phone"].heatmap.body
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        chart.on_click(QPointF(hour + 0.5, weekday + 0.5), False)


def test_a_cell_click_narrows_to_that_weekday_and_hour(qtbot, make_window, store):
    window = make_window(store, "fr")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    view = window.views["phone"]
    before = window.state
    cell = view.heatmap.body._grid[0, 10]  # Mondays 10h–11h, the tab's abandon rate
    assert np.isfinite(cell)
    _click_cell(qtbot, window, 0, 10)
    state = window.state
    assert (state.weekday, state.hour) == (0, 10)
    assert (state.preset, state.custom_from, state.custom_to) == (before.preset, before.custom_from, before.custom_to)
    chip = window.filter_bar.cell
    assert chip.isVisible() and chip.text().startswith("Tous les lundis, 10h–11h")
    # on a line of its own: the French bar still fits a 1366-px screen
    window.resize(1366, 768)
    qtbot.wait(20)
    assert window.filter_bar.minimumSizeHint().width() <= 1366 and window.width() == 1366
    # the tiles count that cell only: the abandon rate tile is the cell's value
    tile = view.data.tiles["abandon_rate"]
    assert tile.value == pytest.approx(float(cell))
    offered = window.desk.engine.compute(["offered"], window.state.filters(window.anchor))[0].value
    assert view.data.tiles["offered"].value == offered
    everything = window.desk.engine.compute(["offered"], before.filters(window.anchor))[0].value
    assert 0 < offered < everything
    # other tabs honour it too
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("overview")
    assert window.views["overview"].request.filters.weekdays == (1,)
    assert window.views["overview"].request.filters.hours == (10,)
    # the chip's ✕ removes it
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        chip.click()
    assert window.state.weekday is None and window.state.hour is None
    assert not chip.isVisible()


def test_back_undoes_a_cell_click(qtbot, make_window, store):
    window = make_window(store, "en")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    _click_cell(qtbot, window, 2, 11)
    assert window.filter_bar.cell.text().startswith("Wednesdays, 11:00–12:00")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.filter_bar.back.click()
    assert window.state.weekday is None and not window.filter_bar.cell.isVisible()


def test_the_cell_is_kept_between_runs_and_checked():
    state = ViewState().in_cell(4, 16)
    again = ViewState.from_json(state.to_json())
    assert again == state
    filters = again.filters(date(2026, 11, 20))
    assert (filters.weekdays, filters.hours) == ((5,), (16,))  # ISO: Friday is 5
    assert ViewState.from_json('{"weekday": 9, "hour": 3}') == ViewState()  # no such weekday: the default
    # an hour of every day (the "Why?" hour driver): kept, and the bar says so
    assert ViewState.from_json('{"hour": 3}') == ViewState(hour=3)
    assert ViewState(hour=3).cell_label("fr") == "Tous les jours, 3h–4h"


def test_a_single_cell_is_drawn_among_its_hours(qtbot):
    """After a click the heatmap holds one cell: drawn as one cell among eight hours,
    in the scale's middle colour, not as one block filling the chart."""
    from kpidesk.ui.dashboard.heatmap import HeatmapChart

    chart = HeatmapChart()
    qtbot.addWidget(chart)
    grid = [[None] * 24 for _ in range(7)]
    grid[0][10] = 0.1
    chart.set_grid(grid, str, "fr", False)
    (x0, x1), _ = chart.getPlotItem().vb.viewRange()
    assert (round(x0), round(x1)) == (7, 15)  # 10h with three hours before, four after
    assert chart.image.levels[0] < 0.1 < chart.image.levels[1]


def test_cells_with_too_few_contacts_are_greyed_out_of_the_scale(qtbot):
    """Two calls on a Wednesday at 18h, both abandoned (100 %), beside hours of 40
    calls at 5–10 %: that cell is greyed, not the darkest of the week; the scale runs
    5 %–10 % and the hover says n."""
    from kpidesk.ui.dashboard.heatmap import HeatmapChart

    chart = HeatmapChart()
    qtbot.addWidget(chart)
    grid = [[None] * 24 for _ in range(7)]
    samples = [[(None, False)] * 24 for _ in range(7)]
    grid[0][10], samples[0][10] = 0.05, (40, False)
    grid[1][11], samples[1][11] = 0.10, (40, False)
    grid[2][18], samples[2][18] = 1.0, (2, True)
    fmt = lambda v: f"{v * 100:.0f} %"
    chart.set_grid(grid, fmt, "en", False, "darker: worse", samples)
    assert (chart.legend._low, chart.legend._high) == ("5 %", "10 %")
    assert np.isnan(chart.image.image[2, 18])  # not coloured
    assert len(chart.small_cells.data) == 1
    chart.on_hover(QPointF(18.5, 2.5))
    assert chart.hover.textItem.toPlainText().endswith("n = 2: too few to read")
