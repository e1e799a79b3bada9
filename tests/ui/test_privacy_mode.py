"""Privacy mode for screen sharing: while it is on, no other agent's name and no
customer identifier appears in any widget, chart label, tooltip or export; turning
it off brings everything back. Driven as a team lead would: the toolbar toggle and
Ctrl+Shift+P."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLabel, QWidget

from kpidesk.ui import export, privacy_state
from kpidesk.ui.dashboard.agents_chart import PointLabels

FOCUS = "A07"


def _model_texts(model) -> list[str]:
    out, root = [], QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)  # a list's is private
    for r in range(model.rowCount(root)):
        for c in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(r, c).data(role)
                if isinstance(value, str):
                    out.append(value)
    for c in range(columns):
        value = model.headerData(c, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            out.append(value)
    return out


def visible_texts(root: QWidget) -> list[str]:
    """Every text a viewer could read: labels, buttons, combos, item views (display
    and tooltips), tooltips, window titles and pyqtgraph text items and axis ticks."""
    texts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        texts.append(w.toolTip())
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += _model_texts(w.model())
        if isinstance(w, pg.PlotWidget):
            for item in w.getPlotItem().items + [w.getPlotItem().getAxis(a) for a in ("left", "bottom")]:
                if isinstance(item, pg.TextItem):
                    texts.append(item.toPlainText())
                if isinstance(item, PointLabels):
                    texts += item.texts()
                if isinstance(item, pg.AxisItem) and item._tickLevels:
                    texts += [str(label) for level in item._tickLevels for _pos, label in level]
    return [t for t in texts if t]


def other_names(store, focus: str | None) -> list[str]:
    rows = store.cursor().execute("SELECT agent_id, name FROM agents WHERE name IS NOT NULL").fetchall()
    return [name for aid, name in rows if aid != focus]


def customer_identifiers(store) -> list[str]:
    rows = store.cursor().execute("SELECT name, email, phone FROM customers").fetchall()
    return [v for row in rows for v in row if v]


def leaks(texts: list[str], secrets: list[str]) -> list[tuple[str, str]]:
    blob = "\n".join(texts).casefold()
    return [(s, "…") for s in secrets if s.casefold() in blob]


@pytest.fixture
def window(store, make_window):
    return make_window(store)


def test_toolbar_toggle_hides_every_agent_name_and_restores_them(window, qtbot, store, tmp_path):
    window.show_tab("agents")
    view = window.views["agents"]
    qtbot.waitUntil(lambda: view.data is not None and not view.busy, timeout=10000)
    names = other_names(store, None)
    assert names and leaks(visible_texts(window), names), "the names are on screen before"
    assert not window.privacy_banner.isVisible()

    toggle = window.toolbar.widgetForAction(window.actions_.privacy)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)

    assert window.privacy and window.privacy_banner.isVisible()
    assert leaks(visible_texts(window), names) == []
    assert any(t.startswith("Agent ") for t in visible_texts(window))
    # exports: the table as CSV, the quadrant as it is drawn
    header, rows = view.export_table().rows_as_table()
    export.write_table(Path(tmp_path / "agents.csv"), header, rows, "en")
    csv_text = (tmp_path / "agents.csv").read_text(encoding="utf-8")
    assert leaks([csv_text], names) == []
    assert "Agent A" in csv_text

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.privacy and not window.privacy_banner.isVisible()
    assert leaks(visible_texts(window), names)


def test_filter_bar_agent_list_is_aliased(window):
    window.set_privacy(True)
    state = privacy_state.of(window.desk)
    shown = state.agents_shown(list(window.desk.prefs.extent.agents))
    assert all(name.startswith("Agent ") for _aid, name in shown)
    assert sorted(n for _a, n in shown) == [n for _a, n in shown]
