"""The coaching view on a ticket export alone: its row of distributions shows the
agent's first replies, resolutions and CSAT scores, not three empty call charts."""

from __future__ import annotations

from kpidesk.core.db.startup import open_database
from tests.helpers.kinds import build
from tests.helpers.qt_teardown import close_after_the_windows


def test_a_ticket_desk_coaches_on_ticket_durations(make_window, qtbot, tmp_path):
    store = open_database(build("tickets_any_channel", tmp_path / "tickets.duckdb"))
    try:
        window = make_window(store, "fr")
        window.open_coaching("ann")
        view = window.coaching_view
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: view.data is not None, timeout=20000)
        shown = [m for m, card in view.dist_cards.items() if not card.isHidden()]
        assert shown == ["first_response", "resolution", "csat"]
        assert view.dist_cards["resolution"].title.text() == "Temps de résolution"
        # ann's one solved ticket took 10 h: her bar is there, not an empty plot
        assert sum(view.data.distributions["resolution"].agent) == 1
        assert not view.dist_charts["resolution"].empty
    finally:
        close_after_the_windows(store)
