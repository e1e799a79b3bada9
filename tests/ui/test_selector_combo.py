"""The charts' KPI selectors at 1366 px in French: the quadrant's two axes ("Durée
moyenne de traitement (tous canaux)" against "Satisfaction client (tous canaux)")
do not fit their card whole. The name is cut with "…" (it was clipped mid-letter
without a sign), said whole in the tooltip and in the list that drops down; on a
1920-px screen it shows whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from kpidesk.ui.dashboard.tab_view import SelectorCombo
from tests.ui.test_shareable_screens import _window

AHT_FR = "Durée moyenne de traitement (tous canaux)"


def agents_tab(qtbot, tmp_path, store, size):
    window = _window(qtbot, tmp_path, store, "fr", size)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("agents")
    view = window.views["agents"]
    qtbot.waitUntil(lambda: view.data is not None and not view.busy, timeout=10000)
    view.x_combo.setCurrentIndex(view.x_combo.findData("aht"))
    qtbot.wait(50)
    return view


@pytest.mark.qt_log_ignore("grabbing the keyboard", "propagateSizeHints", "does not support raise")  # offscreen
def test_a_long_kpi_name_is_cut_with_an_ellipsis_and_said_whole(qtbot, tmp_path, store):
    view = agents_tab(qtbot, tmp_path, store, (1366, 768))
    combo, card = view.x_combo, view.quadrant
    assert isinstance(combo, SelectorCombo) and combo.currentText() == AHT_FR
    shown = combo.elided()
    assert shown != AHT_FR and shown.endswith("…") and AHT_FR.startswith(shown[:-1])
    assert len(shown) >= 12  # still tells the KPIs apart
    # both selectors inside their card, next to its title
    for c in (view.x_combo, view.y_combo):
        right = c.mapTo(card, c.rect().topRight()).x()
        assert right <= card.width() and c.geometry().left() > card.title.geometry().right()
    # the tooltip says the name whole
    shown_tip = []
    original = QToolTip.showText
    try:
        QToolTip.showText = lambda _pos, text, *_a: shown_tip.append(text)
        combo.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), combo.mapToGlobal(QPoint(5, 5))))
    finally:
        QToolTip.showText = original
    assert shown_tip == [AHT_FR]
    # the list that drops down shows every name whole, each with its tooltip
    index = combo.findData("aht")
    assert combo.itemData(index, Qt.ItemDataRole.ToolTipRole) == AHT_FR
    combo.showPopup()
    try:
        widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert combo.view().width() >= widest
    finally:
        combo.hidePopup()


@pytest.mark.parametrize("size", [(1920, 1080)])
def test_the_name_shows_whole_where_there_is_room(qtbot, tmp_path, store, size):
    view = agents_tab(qtbot, tmp_path, store, size)
    assert view.x_combo.elided() == AHT_FR
