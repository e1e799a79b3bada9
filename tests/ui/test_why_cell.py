"""The "Why?" dialog and the heatmap cell: its KPI named with the channels of the tile
it came from, an active cell said and counted, an hour or weekday driver narrowing
the desk as a heatmap cell would. Figures by hand (``tests/helpers/cell_fixtures``):

Week of 11 March against the week of 4 March, phone AHT (talk only):
  whole weeks: 2000/7 = 285.7 s (calls 1, 3, 5, 7, 8, 9, 11) → 1800/5 = 360 s (2, 4, 6, 10, 12);
  Tuesdays 10h–11h: (600 + 200 + 300) / 3 = 366.7 s both weeks (calls 1, 3, 5 → 2, 4, 6);
  hour 10 (every day): (600+200+300+400)/4 = 375 s → (600+200+300+300)/4 = 350 s;
  Mondays: (100+300)/2 = 200 s → 400 s (call 10).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPointF

from kpidesk.ui import tasks
from tests.helpers import cell_fixtures as fx

WEEK2 = (date(2024, 3, 11), date(2024, 3, 17))


@pytest.fixture
def cell_store(tmp_path):
    s = fx.build_store(str(tmp_path / "cells.duckdb"))
    yield s
    tasks.shutdown()
    s.close()


def phone_week2(qtbot, make_window, store, lang="en"):
    window = make_window(store, lang)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(
            window.state.changed(preset="custom", custom_from=WEEK2[0], custom_to=WEEK2[1], comparison="previous")
        )
    return window


def why(qtbot, window, kpi="aht"):
    window.current_view().tiles.context_menu(kpi).actions()[0].trigger()
    dialog = window.service_menu.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    return dialog


def driver_row(dialog, dimension, value):
    return next(i for i, d in enumerate(dialog.result.drivers) if d.dimension == dimension and d.value == value)


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("en", "Why? — Avg handle time (phone)", "Avg handle time (phone): 4 min 46 s"),
        (
            "fr",
            "Pourquoi ? — Durée moyenne de traitement (téléphone)",
            "Durée moyenne de traitement (téléphone) : 4 min 46 s",
        ),
    ],
)
def test_the_kpi_is_named_with_its_tabs_channels(qtbot, make_window, cell_store, lang, title, summary):
    window = phone_week2(qtbot, make_window, cell_store, lang)
    dialog = why(qtbot, window)
    assert dialog.windowTitle() == title
    assert dialog.summary.text().startswith(summary)  # 2000/7 s before
    assert "→ 6 min (" in dialog.summary.text()  # 360 s now
    dialog.close()


def test_under_a_cell_both_periods_count_it_and_the_summary_says_so(qtbot, make_window, cell_store):
    window = phone_week2(qtbot, make_window, cell_store)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):  # Tuesday (row 1), 10h
        window.views["phone"].heatmap.body.on_click(QPointF(fx.HOUR + 0.5, 1.5), False)
    dialog = why(qtbot, window)
    e = dialog.result
    assert e.before == pytest.approx(1100 / 3) and e.after == pytest.approx(1100 / 3)
    assert dialog.summary.text().startswith("Avg handle time (phone) — Tuesdays, 10:00–11:00: 6 min 07 s")
    # one weekday, one hour: nothing to split there
    assert {"weekday", "hour_of_day"} <= set(e.skipped)
    dialog.close()


def test_an_hour_driver_narrows_to_that_hour_every_day(qtbot, make_window, cell_store):
    window = phone_week2(qtbot, make_window, cell_store)
    dialog = why(qtbot, window)
    row = driver_row(dialog, "hour_of_day", fx.HOUR)
    d = dialog.result.drivers[row]
    assert (d.before, d.after) == (pytest.approx(375.0), pytest.approx(350.0))
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        dialog.table.cellDoubleClicked.emit(row, 0)
    assert not dialog.isVisible()
    assert (window.state.weekday, window.state.hour) == (None, fx.HOUR)
    chip = window.filter_bar.cell
    assert chip.isVisible() and chip.text().startswith("Every day, 10:00–11:00")
    assert window.views["phone"].data.tiles["aht"].value == pytest.approx(350.0)
    # then a weekday driver keeps that hour: Wednesdays 10h–11h
    dialog = why(qtbot, window)
    assert "hour_of_day" in dialog.result.skipped
    wednesday = driver_row(dialog, "weekday", 3)  # ISO 3: call 9 (400 s) → call 12 (300 s)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        dialog.table.cellDoubleClicked.emit(wednesday, 0)
    assert (window.state.weekday, window.state.hour) == (2, fx.HOUR)  # 0 = Monday: Wednesday
    assert chip.text().startswith("Wednesdays, 10:00–11:00")
    assert window.views["phone"].data.tiles["aht"].value == pytest.approx(300.0)


def test_a_weekday_driver_narrows_to_that_weekday(qtbot, make_window, cell_store):
    window = phone_week2(qtbot, make_window, cell_store)
    dialog = why(qtbot, window)
    row = driver_row(dialog, "weekday", 1)  # ISO: Monday
    d = dialog.result.drivers[row]
    assert (d.before, d.after) == (pytest.approx(200.0), pytest.approx(400.0))
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        dialog.table.cellDoubleClicked.emit(row, 0)
    assert (window.state.weekday, window.state.hour) == (0, None)
    assert window.filter_bar.cell.text().startswith("Mondays")
