"""A figure over part of the contacts says, on its tile, what it left out (the chats
of an export that cannot say abandoned); a full figure, or no figure, says nothing."""

from __future__ import annotations

from kpidesk.core.kpi.engine import KpiValue
from kpidesk.ui import i18n
from kpidesk.ui.dashboard.tile import KpiTile


def _show(tile: KpiTile, value: KpiValue) -> None:
    tile.show_value("Abandon chat (chat, bot)", value, None, "rate", "lower", None, [0.2, 0.25], "fr", "")


def test_the_tile_says_what_its_figure_left_out(qtbot):
    i18n.Language(None, "fr")
    tile = KpiTile("chat_abandon_rate")
    qtbot.addWidget(tile)
    tile.resize(260, 160)
    tile.show()
    note = "exclus : 3 chats d'exports qui ne disent pas les abandons"
    _show(tile, KpiValue("chat_abandon_rate", 0.25, 4, note=note))
    qtbot.wait(10)
    assert tile.note.isVisible() and tile.note.text() == note
    assert tile.value.text().startswith("25,0")
    _show(tile, KpiValue("chat_abandon_rate", 0.25, 4))  # over every chat: nothing to say
    assert not tile.note.isVisible()
    reason = "donnée manquante : les chats abandonnés"
    _show(tile, KpiValue("chat_abandon_rate", None, 0, reason=reason, note=note))  # no figure: the reason only
    assert not tile.note.isVisible() and tile.delta.text() == reason
    assert len(tile.spark.series()) == 0  # no figure: no daily dots under the reason either


def test_a_figure_keeps_its_sparkline(qtbot):
    tile = KpiTile("abandon_rate")
    qtbot.addWidget(tile)
    _show(tile, KpiValue("abandon_rate", 0.25, 4))
    assert list(tile.spark.series()) == [0.2, 0.25]
