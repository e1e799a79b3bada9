"""The sortable agent table: one row per agent, one column per KPI of the tab.

A thin ``QAbstractTableModel`` over ``core.dashboard.AgentRow``: the display role is
the formatted value, the sort role the raw number (no data sorts last), the
background the target colour, and small samples are shown in grey italics and
never coloured — a figure over a dozen calls is not a verdict.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kpidesk.core.dashboard import AgentRow
from kpidesk.ui import privacy_state, theme
from kpidesk.ui.i18n import translate

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AGENT_ROLE = Qt.ItemDataRole.UserRole + 2


def _wrap(text: str, width: int = 16) -> str:
    """Long KPI names on two or three header lines, so columns stay narrow."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


class AgentTableModel(QAbstractTableModel):
    def __init__(self, desk, channel: str | None, parent=None):
        super().__init__(parent)
        self.desk, self.channel = desk, channel
        self.kpis: list[str] = []
        self.rows: list[AgentRow] = []
        self.privacy = privacy_state.of(desk)
        self.privacy.privacy_changed.connect(lambda _on: self.relabel())

    def set_rows(self, kpis: list[str], rows: list[AgentRow]) -> None:
        self.beginResetModel()
        self.kpis, self.rows = list(kpis), list(rows)
        self.endResetModel()

    def relabel(self) -> None:
        if self.rows:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.kpis))
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.kpis) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt name)
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("AgentTable", "Agent")
            kpi = self.kpis[section - 1]
            return self.desk.short(kpi) or _wrap(self.desk.label(kpi))
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.desk.tooltip(self.kpis[section - 1], self.channel)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == AGENT_ROLE:
            return row.agent_id
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                shown = self.privacy.agent_name(row.agent_id, row.name)  # an alias in privacy mode
                return shown.lower() if role == SORT_ROLE else shown
            return None
        kpi = self.kpis[index.column() - 1]
        value = row.values.get(kpi)
        v = value.value if value else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.desk.formatter(kpi)(v) if v is not None else "–"
        if role == SORT_ROLE:
            return v
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        small = bool(value and value.small_sample)
        if role == Qt.ItemDataRole.BackgroundRole and not small:
            return theme.current().tint(self.desk.status(kpi, v, self.channel))
        if role == Qt.ItemDataRole.ForegroundRole and small:
            return QColor(theme.current().muted)
        if role == Qt.ItemDataRole.FontRole and small:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            n = "–" if value.n is None else f"{value.n:.0f}"
            tip = f"n = {n}"
            if small:
                tip += " · " + translate("AgentTable", "small sample: not ranked")
            return value.reason or tip
        return None


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left, right) -> bool:  # noqa: N802 (Qt name)
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:  # no data sorts last in ascending order
            return a is not None and b is None
        return a < b


class AgentTableView(QTableView):
    """The table widget; double-clicking a row emits ``agent_selected(agent_id)``."""

    agent_selected = Signal(str)

    def __init__(self, desk, channel: str | None, parent=None):
        super().__init__(parent)
        self.source = AgentTableModel(desk, channel, self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMinimumHeight(240)
        self.doubleClicked.connect(self._double_clicked)

    def _double_clicked(self, index) -> None:
        agent = self.proxy.index(index.row(), 0).data(AGENT_ROLE)
        if agent:
            self.agent_selected.emit(agent)

    def rows_as_table(self) -> tuple[list[str], list[list]]:
        """Header and raw rows in the order shown (for CSV / XLSX export)."""
        header = [self.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(self.proxy.columnCount())]
        rows = []
        for r in range(self.proxy.rowCount()):
            rows.append([self.proxy.index(r, 0).data()] +
                        [self.proxy.index(r, c).data(SORT_ROLE) for c in range(1, self.proxy.columnCount())])
        return header, rows
