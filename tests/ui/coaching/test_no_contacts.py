"""An agent with no contacts in the period the desk is on: the coaching view opens, says
so in the user's language with the period and filters, and never waits for a trend
that no KPI will bring (it used to stay blank: no KPI → no detail job → no figures).

The fixture team (``tests/helpers/coaching_fixtures``): A1…A5 take one call a day
from 4 to 17 March 2024; A7 takes 5 calls, on the 4th to the 8th only. From the 11th
to the 17th, A7 has none.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.ui import tasks
from kpidesk.ui.dashboard.agent_table import AGENT_ROLE
from tests.helpers.coaching_fixtures import build_store

WEEK = ViewState(preset="custom", custom_from=date(2024, 3, 11), custom_to=date(2024, 3, 17))


@pytest.fixture
def team_store(tmp_path):
    s = build_store(str(tmp_path / "team.duckdb"))
    yield s
    tasks.shutdown()
    s.close()


def on_week(qtbot, make_window, store, lang):
    window = make_window(store, lang)
    window.show_tab("agents")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(WEEK)
    return window


def double_click_agent(qtbot, window, agent_id):
    """The desk's drill-down: a double-click on the agent's row of the Agents tab."""
    agents = window.views["agents"]
    qtbot.waitUntil(lambda: agents.data is not None and not agents.busy, timeout=10000)
    table = agents.table
    row = next(r for r in range(table.proxy.rowCount()) if table.proxy.index(r, 0).data(AGENT_ROLE) == agent_id)
    cell = table.visualRect(table.proxy.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    view = window.coaching_view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.loaded, timeout=20000)
    return view


def pick(qtbot, view, agent_id):
    """Another agent chosen in the coaching view's own list."""
    index = view.picker.findData(agent_id)
    view.picker.setCurrentIndex(index)
    view.picker.activated.emit(index)
    qtbot.waitUntil(lambda: view.loaded and view.data.profile.agent_id == agent_id, timeout=20000)


def test_an_agent_without_contacts_in_the_period_opens_and_says_so(qtbot, make_window, team_store):
    window = on_week(qtbot, make_window, team_store, "fr")
    view = double_click_agent(qtbot, window, "A1")
    assert view.detail is not None and view.detail.trend.agent  # A1's trend, drawn
    assert view.notice_card.isHidden() and not view.standings_card.isHidden()

    pick(qtbot, view, "A7")  # no contact between the 11th and the 17th
    assert view.kpi is None and view.detail is None  # not A1's trend left on A7's page
    assert not view.notice_card.isHidden()
    assert view.notice_card.title.text() == "Aucun contact sur cette période"
    text = view.notice.text()
    assert "Gaëlle Simon n'a aucun contact sur cette période." in text
    assert "11/03/2024 – 17/03/2024" in text
    for card in (view.standings_card, view.strengths_card, view.trend_card, view.contacts_card):
        assert card.isHidden()  # no empty table, no empty axes
    assert all(card.isHidden() for card in view.dist_cards.values())
    assert not view.notes_card.isHidden()  # the coaching history stays
    assert not view.notes.add_goal_button.isEnabled()  # no KPI of theirs to set a goal on
    # the page heading still says whose page, the team and the period
    assert view.title.text() == "Coaching — Gaëlle Simon"
    assert "Lyon · 5 conseillers · 11/03/2024 – 17/03/2024 · canaux : téléphone" == view.subtitle.text()
    assert view.status.text() == ""  # not "Chargement…" for ever

    pick(qtbot, view, "A1")  # back to an agent with figures: the notice goes
    assert view.notice_card.isHidden() and not view.trend_card.isHidden()
    assert view.detail is not None and view.detail.kpi == view.kpi
    assert view.notes.add_goal_button.isEnabled()


def test_the_notice_names_the_filters_in_english(qtbot, make_window, team_store):
    window = make_window(team_store, "en")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(WEEK.changed(queues=("Facturation",)))
    window.open_coaching("A7")  # the hook every double-click on an agent calls
    view = window.coaching_view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.loaded, timeout=20000)
    assert view.notice_card.title.text() == "No contacts in this period"
    text = view.notice.text()
    assert "Gaëlle Simon has no contacts in this period." in text
    assert "2024-03-11 – 2024-03-17 · channels: phone · Queue: Facturation" in text
    assert view.subtitle.text().endswith("· Queue: Facturation")
