"""The coaching view, driven as a team lead would on the demo database: double-click
an agent, read their figures, click a KPI to see the contacts behind it, open one,
write a note and a goal, share the screen in privacy mode, print the sheet."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from kpidesk.core.coaching import goals
from kpidesk.core.coaching import notes as coaching_notes
from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import build_demo
from kpidesk.ui import export, privacy_state
from kpidesk.ui.coaching.contacts_view import CONTACT_ROLE
from kpidesk.ui.dashboard.agent_table import AGENT_ROLE
from tests.helpers.qt_teardown import close_after_the_windows
from tests.ui.test_privacy_mode import customer_identifiers, leaks, other_names, visible_texts

AGENT = "A07"  # the demo's long wrap-up agent


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with open_database(path) as s:
        build_demo(s, seed=7, days=28)
    return path


@pytest.fixture
def demo_store(demo_db_path, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    s = open_database(path)
    yield s
    close_after_the_windows(s)


@pytest.fixture
def coaching(demo_store, make_window, qtbot):
    """The main window on the demo; the Agents tab; a double-click on A07's row."""
    window = make_window(demo_store)
    window.show_tab("agents")
    agents = window.views["agents"]
    qtbot.waitUntil(lambda: agents.data is not None and not agents.busy, timeout=15000)
    table = agents.table
    row = next(r for r in range(table.proxy.rowCount()) if table.proxy.index(r, 0).data(AGENT_ROLE) == AGENT)
    cell = table.visualRect(table.proxy.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    view = window.coaching_view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.data is not None and view.detail is not None, timeout=20000)
    return window, view


def agent_name(store, agent_id):
    return store.cursor().execute("SELECT name FROM agents WHERE agent_id = ?", [agent_id]).fetchone()[0]


def test_double_click_opens_the_agents_figures(coaching, demo_store):
    window, view = coaching
    name = agent_name(demo_store, AGENT)
    assert view.isVisible() and name in view.title.text() and name in view.windowTitle()
    model = view.standings.source
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Avg wrap-up (all channels)" in labels  # the coaching view pools every channel: it says so
    wrap = labels.index("Avg wrap-up (all channels)")
    assert model.index(wrap, 4).data().endswith("/ 15") or "small" in model.index(wrap, 4).data()
    # A07 wraps up long: it is named among the areas to work on, with the gap
    assert "Avg wrap-up" in view.strengths.gaps.text()
    assert view.picker.currentData() == AGENT


def test_click_a_kpi_lists_its_contacts_and_opens_a_record(coaching, qtbot):
    _window, view = coaching
    model = view.standings.source
    row = next(r for r in range(model.rowCount()) if model.rows[r].kpi == "aht")
    with qtbot.waitSignal(view.kpi_detail_loaded, timeout=10000):
        qtbot.mouseClick(
            view.standings.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.standings.visualRect(model.index(row, 1)).center(),
        )
    contacts = view.contacts.source
    assert contacts.rowCount() > 5
    assert "longest handle times" in view.contacts_card.title.text()
    with qtbot.waitSignal(view.record_opened, timeout=10000) as opened:
        view.contacts.record_requested.emit(contacts.index(0, 0).data(CONTACT_ROLE))
    dialog = opened.args[0]
    assert "Talk" in dialog.body.text() and "Queue" in dialog.body.text()


def test_add_a_note_and_a_goal_listed_and_saved(coaching, qtbot, demo_store):
    _window, view = coaching
    notes = view.notes
    qtbot.keyClicks(notes.note_text, "Wrap-up: use the templates, check again next week.")
    notes.note_kpis.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(view.history_saved, timeout=10000):
        qtbot.mouseClick(notes.add_note_button, Qt.MouseButton.LeftButton)
    assert "use the templates" in notes.notes_list.item(0).text()
    notes.goal_kpi.setCurrentIndex(notes.goal_kpi.findData("avg_wrap"))
    notes.goal_target.setValue(60)
    due = date.today() + timedelta(days=30)
    notes.goal_due.setDate(QDate(due.year, due.month, due.day))
    assert notes.goal_due.text() == due.isoformat()  # in English, as the app writes days (not 09/11/…)
    with qtbot.waitSignal(view.history_saved, timeout=10000):
        qtbot.mouseClick(notes.add_goal_button, Qt.MouseButton.LeftButton)
    assert notes.goals_table.rowCount() == 1
    assert notes.goals_table.item(0, 0).text() == "Avg wrap-up (all channels)"
    assert notes.goals_table.item(0, 5).text() == "no data yet"  # set today: nothing to judge yet
    saved = coaching_notes.notes(demo_store, AGENT)
    assert saved[0].text.startswith("Wrap-up") and saved[0].kpis
    assert [(g.kpi, g.target, g.due_date) for g in goals.goals(demo_store, AGENT)] == [("avg_wrap", 60.0, due)]


def test_privacy_hides_other_agents_and_customers_in_the_coaching_view(coaching, qtbot, demo_store, tmp_path):
    window, view = coaching
    # open the low-CSAT contacts and one record so comments and customers are on screen
    with qtbot.waitSignal(view.kpi_detail_loaded, timeout=10000):
        view.show_kpi("csat")
    with qtbot.waitSignal(view.record_opened, timeout=10000) as opened:
        view.contacts.record_requested.emit(view.contacts.source.index(0, 0).data(CONTACT_ROLE))
    dialog = opened.args[0]
    others = other_names(demo_store, AGENT)
    focus_name = agent_name(demo_store, AGENT)
    # the coached agent keeps their name, even where a customer happens to share it
    customers = [c for c in customer_identifiers(demo_store) if c != focus_name]
    before = visible_texts(view) + visible_texts(dialog)
    assert leaks(before, customers), "customer names are shown when privacy is off"

    qtbot.mouseClick(view.privacy_button, Qt.MouseButton.LeftButton)
    assert window.privacy and view.banner.isVisible() and window.privacy_banner.isVisible()
    shown = visible_texts(view) + visible_texts(dialog) + visible_texts(window)
    assert leaks(shown, others) == []
    assert leaks(shown, customers)[:5] == []
    assert agent_name(demo_store, AGENT) in view.title.text()  # the coached agent keeps their name
    # the charts as exported PNG are grabs of those widgets; the PDF goes through the core's privacy
    with qtbot.waitSignal(view.report_written, timeout=60000):
        view.make_report(str(tmp_path / "sheet.pdf"))
    assert (tmp_path / "sheet.pdf").stat().st_size > 10000

    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not privacy_state.of(window.desk).enabled and not window.privacy
    assert leaks(visible_texts(view) + visible_texts(dialog), customers)


def test_agent_picker_switches_agent_and_png_export(coaching, qtbot, tmp_path, demo_store):
    _window, view = coaching
    index = view.picker.findData("A12")
    with qtbot.waitSignal(view.coaching_loaded, timeout=20000):
        view.picker.activated.emit(index)
    assert agent_name(demo_store, "A12") in view.title.text()
    assert export.save_png(view.dist_cards["csat"], Path(tmp_path / "csat.png"))
    assert (tmp_path / "csat.png").stat().st_size > 1000


def test_the_gap_to_the_median_has_its_real_sign():
    """A handle time 14 s under the median reads "−14 s" (good news, in green), never "+14 s"."""
    from kpidesk.core.coaching.standings import Standing
    from kpidesk.ui.coaching.kpi_table import gap_text

    shorter = Standing("aht", "AHT", "seconds", "lower", 207.0, 155, team_median=221.0, team_q1=200.0, team_q3=225.0)
    assert shorter.gap == 14 and shorter.z > 0  # better
    assert gap_text(shorter, "en") == "−14 s"
    higher = Standing("fcr", "FCR", "rate", "higher", 0.903, 155, team_median=0.898, team_q1=0.89, team_q3=0.91)
    assert gap_text(higher, "en") == "+0.5 pts"
    tight = Standing("csat_mean", "Mean", "score", "higher", 3.374, 155, team_median=3.378, team_q1=3.3, team_q3=3.4)
    assert gap_text(tight, "en") == "±0.00"
