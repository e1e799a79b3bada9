"""The window never freezes (issue #4): figures load off the GUI thread, the newest
request wins, a loaded tab is painted a slice per event-loop turn, and a busy
indicator shows until the figures are on screen.

Driven as a team lead would — tabs clicked, a queue ticked in the filter menu, a tile
clicked, the period changed from the keyboard, Back — on a database of 150,000
contacts and 40 agents, while a 10 ms timer measures how long the event loop goes
without serving it (see ``loop_watch``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.loop_watch import LoopWatch, machine_overloaded

BUDGET_S = 0.100  # the bar: the event loop is never blocked longer


def click_tab(qtbot, window, key: str) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.views[key])).center())


def tick_queue(window, name: str) -> None:
    """Tick (or untick) a queue in the filter bar's Queue menu."""
    menu = window.filter_bar.filters["queues"].menu_
    next(a for a in menu.actions() if a.text() == name).trigger()


def test_window_never_freezes_while_a_team_lead_works(qtbot, busy_store, make_window):
    window = make_window(busy_store)  # the Overview, loaded
    watch = LoopWatch().start()
    loaded = lambda: qtbot.waitSignal(window.kpis_computed, timeout=30000)
    try:
        for key in ("phone", "email", "chat", "agents"):  # first show of each tab, and its load
            watch.mark(f"opening the {key} tab")
            with loaded():
                click_tab(qtbot, window, key)
        watch.mark("going back to a loaded tab")
        click_tab(qtbot, window, "phone")
        qtbot.wait(150)
        watch.mark("ticking a queue")
        with loaded():
            tick_queue(window, "Facturation")
        watch.mark("clicking a tile")
        qtbot.mouseClick(window.views["phone"].tiles.tiles["aht"], Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        watch.mark("changing the period from the keyboard")
        window.filter_bar.period.setFocus()
        with loaded():
            qtbot.keyClick(window.filter_bar.period, Qt.Key.Key_Up)  # Last 30 days → Last month
        watch.mark("two queue changes in a row (the newest wins)")
        with loaded():
            tick_queue(window, "Commercial")
            tick_queue(window, "Facturation")
        watch.mark("switching to a stale tab")
        with loaded():
            click_tab(qtbot, window, "agents")
        watch.mark("Back")
        with loaded():
            qtbot.mouseClick(window.filter_bar.back, Qt.MouseButton.LeftButton)
        qtbot.wait(100)
    finally:
        watch.stop()
    assert window.state.queues == ("Facturation", "Commercial")  # Back undid the last change only
    assert window.filter_bar.filters["queues"].text() == "Queue: 2 selected"
    assert not window.busy
    print(watch.report())
    if machine_overloaded():  # other processes own the CPUs: judge the window by its own work
        assert watch.longest_running < BUDGET_S, watch.report()
    else:
        assert watch.longest < BUDGET_S, watch.report()


def test_busy_indicator_shows_until_the_figures_are_on_screen(qtbot, store, make_window):
    window = make_window(store)
    assert not window.busy_bar.isVisible()
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        tick_queue(window, "Facturation")
        assert window.busy_bar.isVisible() and window.busy_label.text() == "Loading figures…"
    assert not window.busy_bar.isVisible()


def test_a_newer_request_stops_painting_an_older_result(qtbot, store, make_window):
    """A result arrives and its first slice is painted; before the next slice the
    team lead changes a filter: the rest of the old result is never painted, and
    the tab ends on the newest request's figures, announced once."""
    window = make_window(store)
    view = window.views["overview"]
    computed = []
    window.kpis_computed.connect(computed.append)
    interrupted = []

    def change_filter_mid_paint(_data):  # runs after the view painted its first slice
        if not interrupted:
            interrupted.append(view.data)
            tick_queue(window, "Commercial")

    view.runner.task_finished.connect(change_filter_mid_paint)
    tick_queue(window, "Facturation")
    qtbot.waitUntil(lambda: bool(interrupted) and bool(computed), timeout=10000)
    qtbot.wait(200)
    assert computed == ["overview"]  # once: the interrupted paint never announced itself
    assert view.data is not interrupted[0]
    assert view.data.request.filters.queues == ("Facturation", "Commercial")
    assert view.trend.chart.curve.xData is not None and not view.busy
