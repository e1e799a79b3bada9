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


def test_why_from_an_overview_tile_and_its_trend_uses_the_period_and_compare_period(store, make_window, qtbot):
    window = make_window(store)
    view = window.views["overview"]  # the first tab, loaded with the window
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(window.state.changed(preset="last_week"))
    anchor = window.anchor
    period, compare = window.state.period(anchor), window.state.compare_period(anchor)
    menu = view.tiles.context_menu("answer_rate")  # what a right-click on the tile pops up
    assert [a.text() for a in menu.actions()] == [
        "Why? What changed against the compare period",
        "Comment on this figure…",
    ]
    menu.actions()[0].trigger()
    dialog = window.service_menu.dialogs[-1]
    assert dialog.kpi == "answer_rate" and dialog.windowTitle() == "Why? — Answer rate"
    assert (dialog.filters.date_from, dialog.filters.date_to) == (period.first, period.last)
    assert dialog.compare == (compare.first, compare.last) and dialog.filters.channels == ()  # every channel
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.result.kpi == "answer_rate" and dialog.result.compare == (compare.first, compare.last)
    dialog.close()
    # the overview's trend has its Why? too, for the KPI it shows
    qtbot.mouseClick(view.trend.why, Qt.MouseButton.LeftButton)
    dialog = window.service_menu.dialogs[-1]
    assert dialog.kpi == view.trend.kpi
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    # a driver that is an agent narrows the Agent filter (an hour narrows to it: tests/ui/test_why_cell.py)
    e = dialog.result
    row = next(i for i, d in enumerate(e.drivers) if d.dimension == "agent" and d.value is not None)
    item = dialog.table.item(row, 0)
    dialog.table.scrollToItem(item)
    at = dialog.table.visualItemRect(item).center()
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        qtbot.mouseClick(
            dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=at
        )  # the press a double-click starts with
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.state.agents == (e.drivers[row].value,) and not dialog.isVisible()
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):  # the test ends with no load running
        window.back()
    assert window.state.agents == ()


def test_a_channel_tile_opens_why_for_its_channel_and_a_comment_on_it(store, make_window, qtbot):
    window = make_window(store)
    view = open_tab(qtbot, window, "phone")
    view.tiles.context_menu("abandon_rate").actions()[0].trigger()
    dialog = window.service_menu.dialogs[-1]
    assert dialog.kpi == "abandon_rate" and dialog.filters.kinds == ("call",)  # the Phone tab's calls
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    dialog.close()
    view.tiles.context_menu("aht").actions()[1].trigger()
    comments_dialog = window.service_menu.dialogs[-1]
    assert comments_dialog.kpi.currentData() == "aht" and comments_dialog.channel.currentData() == "phone"
    comments_dialog.close()


def test_the_comments_dialog_scopes_a_comment_to_an_agent_named_as_privacy_shows_them(store, make_window, qtbot):
    window = make_window(store)
    open_tab(qtbot, window, "phone")
    dialog = window.service_menu.open_comments("aht", "phone")
    qtbot.waitUntil(lambda: dialog.status.text() == "0 comments", timeout=5000)
    names = [dialog.agent.itemText(i) for i in range(dialog.agent.count())]
    assert names[0] == "All agents" and "Alice Martin" in names and "Hugo Faure" in names
    dialog.agent.setCurrentIndex(dialog.agent.findData("A02"))
    assert dialog.agent.currentText() == "Bruno Petit"
    dialog.text.setText("New on the billing queue")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert [(c.kpi, c.channel, c.agent_id) for c in comments.find(store)] == [("aht", "phone", "A02")]
    assert dialog.table.item(0, 4).text() == "phone, Bruno Petit"
    window.set_privacy(True)  # screen sharing: aliases only, in the chooser and the list
    qtbot.waitUntil(lambda: dialog.table.item(0, 4) is not None and "Bruno" not in dialog.table.item(0, 4).text())
    shown = [dialog.agent.itemText(i) for i in range(dialog.agent.count())]
    assert not any(n in " ".join(shown) for n in ("Alice", "Bruno", "Hugo"))
    assert len(shown) == len(names)
    dialog.table.selectRow(0)  # editing the comment picks its agent, under its alias
    assert dialog.agent.currentData() == "A02" and "Bruno" not in dialog.agent.currentText()
    dialog.agent.setCurrentIndex(0)  # back to the whole team
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):  # saved, then the desk reloads
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert comments.find(store)[0].agent_id is None
    dialog.close()


def test_a_comment_marks_the_overview_tile_too(store, make_window, qtbot):
    """A comment on CSAT over all channels: the Overview's CSAT tile gets the star and
    the comment in its tooltip, like the channel tabs' tiles."""
    window = make_window(store)
    view = window.views["overview"]
    period = window.state.period(window.anchor)
    comments.add(store, kpi="csat", date_from=period.first, date_to=None, text="Survey tool down two days")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.refresh()
    tile = view.tiles.tiles["csat"]
    assert tile.title.text().endswith("\u2605") and "Survey tool down two days" in tile.toolTip()
    assert not view.tiles.tiles["volume"].title.text().endswith("\u2605")


def test_why_on_the_tickets_tab_explains_every_ticket_whatever_its_channel(make_window, qtbot, tmp_path):
    """A ticket list whose Channel says Phone or Email: Why? from the tickets tab splits
    the change over all its tickets (not the e-mail channel's only), named '(tickets)'."""
    from datetime import datetime, timedelta

    from kpidesk.core.db.startup import open_database
    from kpidesk.ui import tasks
    from tests.helpers.builders import add_contacts, contact

    store = open_database(str(tmp_path / "tickets.duckdb"))
    try:
        rows = []
        for day in range(14):
            for i, channel in enumerate(("phone", "email", "phone")):
                at = datetime(2026, 11, 2 + day, 9 + i)
                first = 3600 * (1 + i + (day >= 7))
                rows.append(
                    contact(
                        channel=channel,
                        record_kind="ticket",
                        arrived_at=at,
                        outcome="handled",
                        first_response_s=first,
                        solved_at=at + timedelta(hours=5),
                        resolution_s=5 * 3600,
                    )
                )
        add_contacts(store, rows)
        window = make_window(store)
        view = open_tab(qtbot, window, "email")
        view.tiles.context_menu("volume").actions()[0].trigger()
        dialog = window.service_menu.dialogs[-1]
        assert dialog.filters.kinds == ("ticket",) and dialog.filters.channels == ()
        assert dialog.label() == "Contacts (tickets)"  # as its tile says, not "(email)"
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
        assert dialog.result.n_after == 42  # every ticket of the 14 days, 28 of them opened by phone
        dialog.close()
    finally:
        tasks.shutdown()
        store.close()
