"""Comments, Why? and the service report in the app, driven as a team lead would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kpidesk.core import comments


def open_tab(qtbot, window, key):
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab(key)
    return window.views[key]


def test_a_comment_added_in_the_dialog_marks_the_trend(store, make_window, qtbot):
    window = make_window(store)
    view = open_tab(qtbot, window, "phone")
    kpi = view.trend.kpi
    dialog = window.service_menu.open_comments(kpi, "phone")
    qtbot.waitUntil(lambda: dialog.status.text() == "0 comments", timeout=5000)
    period = window.state.period(window.anchor)
    dialog.first.setDate(dialog.first.date().addDays((period.last - period.first).days // 2))
    dialog.last.setDate(dialog.first.date())
    dialog.text.setText("IVR outage")
    dialog.action.setText("Ticket with the telco")
    dialog.owner.setText("Marc")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):  # saved, then the desk reloads
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 3).text() == "IVR outage → Ticket with the telco (Marc)"
    saved = comments.find(store)
    assert [(c.kpi, c.channel, c.owner) for c in saved] == [(kpi, "phone", "Marc")]
    qtbot.waitUntil(lambda: bool(view.trend.chart.mark_texts), timeout=5000)
    assert "IVR outage → Ticket with the telco (Marc)" in next(iter(view.trend.chart.mark_texts.values()))
    tile = view.tiles.tiles[kpi]  # the tile too: a star, the comment in its tooltip
    assert tile.title.text().endswith("\u2605") and "IVR outage" in tile.toolTip()
    # edit it: pick the row, change the text, save
    dialog.table.selectRow(0)
    assert dialog.text.text() == "IVR outage" and dialog.delete_button.isEnabled()
    dialog.text.setText("IVR outage, fixed at 11:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: comments.find(store)[0].text == "IVR outage, fixed at 11:00", timeout=5000)
    dialog.close()


def test_why_opens_a_waterfall_and_a_driver_narrows_the_filters(store, make_window, qtbot):
    window = make_window(store)
    view = open_tab(qtbot, window, "phone")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(window.state.changed(preset="last_week"))  # its compare week is in the data too
    assert view.trend.why.text() == "Why?"
    qtbot.mouseClick(view.trend.why, Qt.MouseButton.LeftButton)
    dialog = window.service_menu.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    e = dialog.result
    assert dialog.table.rowCount() == len(e.drivers) > 0
    assert len(dialog.chart.texts) >= 3  # before, at least one driver, now
    for dim, sums in e.sums.items():
        assert abs(sums["total"] - e.change) < 1e-9 or e.method == "approximate", dim
    row = next(i for i, d in enumerate(e.drivers) if d.dimension in ("queue", "site", "team") and d.value is not None)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        dialog._chosen(row, 0)
    d = e.drivers[row]
    assert str(d.value) in getattr(window.state, {"queue": "queues", "site": "sites", "team": "teams"}[d.dimension])


def test_report_menu_writes_the_service_report(store, make_window, qtbot, tmp_path):
    window = make_window(store, "fr")
    assert window.service_menu.menu.title() == "&Rapport"
    out = tmp_path / "service.xlsx"
    with qtbot.waitSignal(window.service_menu.runner.task_finished, timeout=60000):
        window.service_menu.write(str(out))
    assert Path(out).stat().st_size > 0
    assert "Rapport de service écrit" in window.statusBar().currentMessage()
