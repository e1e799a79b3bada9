"""The sortable agent table: one row per agent, one column per KPI of the tab.

A thin ``QAbstractTableModel`` over ``core.dashboard.AgentRow``: the display role is
the formatted value, the sort role the raw number (no data sorts last), the
background the target colour, and small samples are shown in grey italics and
never coloured — a figure over a dozen calls is not a verdict.

Every cell is formatted once, when the rows arrive (:func:`table_cells`), so that
``data()`` — which the view and its header call tens of thousands of times while
sizing columns and sorting — only looks values up.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from kpidesk.core.dashboard.tabs import AgentRow
from kpidesk.core.formatting import export_unit, export_value, name_key
from kpidesk.ui import privacy_state, theme
from kpidesk.ui.column_fit import resize_sections, share_out
from kpidesk.ui.i18n import translate

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AGENT_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _wrap(text: str, width: int = 11) -> str:
    """Long KPI names on two or three header lines, so columns stay narrow (a
    channel tab's table shares its row with a chart)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


def export_header(kpi, channels: tuple[str, ...], lang: str) -> str:
    """An exported column's header, on one line: the KPI's name with the channels its
    figures cover (when it spans several) and its unit: ``Avg handle time (phone, s)``."""
    notes = [n for n in (kpi.scope_for(channels, lang), export_unit(kpi.unit)) if n]
    return kpi.label_for(lang) + (f" ({', '.join(notes)})" if notes else "")


@dataclass(frozen=True)
class Cell:
    """One KPI cell as shown: text, sort key, target status, small sample, tooltip."""

    text: str
    value: float | None
    status: str | None
    small: bool
    tooltip: str | None


def table_cells(desk, channel: str | None, kpis: list[str], rows: list[AgentRow]) -> list[list[Cell]]:
    """The KPI cells of every row, formatted in the desk's language."""
    small_tip = translate("AgentTable", "small sample: not ranked")
    columns = [(kpi, desk.formatter(kpi)) for kpi in kpis]
    out = []
    for row in rows:
        cells = []
        for kpi, fmt in columns:
            value = row.values.get(kpi)
            v = value.value if value else None
            small = bool(value and value.small_sample)
            tip = None
            if value is not None:
                tip = value.reason or (
                    f"n = {'–' if value.n is None else f'{value.n:.0f}'}" + (f" · {small_tip}" if small else "")
                )
            cells.append(Cell(fmt(v) if v is not None else "–", v, desk.status(kpi, v, channel), small, tip))
        out.append(cells)
    return out


def _has_figure(row: AgentRow, kpi: str) -> bool:
    value = row.values.get(kpi)
    return value is not None and value.value is not None


class AgentTableModel(QAbstractTableModel):
    def __init__(self, desk, channel: str | None, parent=None):
        super().__init__(parent)
        self.desk, self.channel = desk, channel
        self.channels: tuple[str, ...] = (channel,) if channel else ()
        self.kpis: list[str] = []
        self.rows: list[AgentRow] = []
        self._cells: list[list[Cell]] = []
        self._names: list[str] = []
        self._headers: list[str] = []
        self._header_tips: list[str | None] = []
        self._italic = QFont()
        self._italic.setItalic(True)
        self._tints: dict[str | None, QColor | None] = {}
        self._muted = QColor()
        self.privacy = privacy_state.of(desk)
        self.privacy.privacy_changed.connect(lambda _on: self.relabel())

    def set_rows(self, kpis: list[str], rows: list[AgentRow], channels: tuple[str, ...] | None = None) -> None:
        """New figures: one model reset, every cell formatted here, once. ``channels``:
        those the figures cover (the tab's, else the filter's; none = every channel)."""
        self.beginResetModel()
        # A column no agent has a figure in (AHT on a ticket export, QA without
        # evaluations) is a column of dashes: left out, unless every one is.
        shown = [k for k in kpis if any(_has_figure(r, k) for r in rows)]
        self.kpis, self.rows = shown or list(kpis), list(rows)
        if channels is not None:
            self.channels = tuple(channels)
        self._cells = table_cells(self.desk, self.channel, self.kpis, self.rows)
        self._prepare()
        self.endResetModel()

    def _prepare(self) -> None:
        t = theme.current()
        self._tints = {s: t.tint(s) for s in (None, "green", "amber", "red")}
        self._muted = QColor(t.muted)
        self._names = [self.privacy.agent_name(r.agent_id, r.name) for r in self.rows]
        self._headers = [translate("AgentTable", "Agent")] + [
            _wrap(self.desk.label(k, self.channels, short=True)) for k in self.kpis
        ]
        self._header_tips = [None] + [self.desk.tooltip(k, self.channel) for k in self.kpis]

    def relabel(self) -> None:
        """Names (privacy mode), header texts and colours changed; the figures did not."""
        if self.rows:
            self._prepare()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.kpis))
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def column_texts(self, column: int) -> list[tuple[str, bool]]:
        """Every text of a column with whether it is shown in italics (for sizing)."""
        if column == 0:
            return [(name, False) for name in self._names]
        return [(row[column - 1].text, row[column - 1].small) for row in self._cells]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.kpis) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or section >= len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == AGENT_ROLE:
            return self.rows[r].agent_id
        if c == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._names[r]
            if role == SORT_ROLE:
                return name_key(self._names[r])
            return None
        cell = self._cells[r][c - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return cell.value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if cell.small else self._tints.get(cell.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._muted if cell.small else None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if cell.small else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip
        return None


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:  # no data sorts last in ascending order
            return a is not None and b is None
        return a < b


class AgentTableView(QTableView):
    """The table widget; double-clicking a row emits ``agent_selected(agent_id)``.

    Columns are sized to their texts once per new set of rows, from font metrics on
    the formatted strings: ``ResizeToContents`` (or ``resizeColumnsToContents``)
    would ask the model for ten roles of every cell, again and again."""

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
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # room left over goes to the names (fit_columns)
        self.setMinimumHeight(240)
        self.doubleClicked.connect(self._double_clicked)
        self._measured: tuple[list[int], list[int]] = ([], [])
        self.source.modelReset.connect(self.fit_columns)
        self.source.headerDataChanged.connect(lambda *_: self.fit_columns())

    def fit_columns(self) -> None:
        """Each column as wide as its widest text (cells and header lines): measured
        when the figures or headers change, shared out again on a resize."""
        self._measured = self._measure()
        self._share_out()

    def _measure(self) -> tuple[list[int], list[int]]:
        """Per column, the width its texts want and the least it may take (its figures;
        a header word may wrap or elide). Measuring every cell's text is the costly
        part, so it runs once per change of figures, not on every resize."""
        plain = self.fontMetrics()
        italic_font = QFont(self.font())
        italic_font.setItalic(True)
        italic = QFontMetrics(italic_font)
        head = self.horizontalHeader().fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 14
        sort_arrow = 22  # room for the sort indicator beside the header text
        widths, floors = [], []
        for c in range(self.source.columnCount()):
            title = self.source.headerData(c, Qt.Orientation.Horizontal) or ""
            width = max((head.horizontalAdvance(line) for line in title.split("\n")), default=0) + sort_arrow
            cells = 0
            for text, slanted in self.source.column_texts(c):
                cells = max(cells, (italic if slanted else plain).horizontalAdvance(text) + pad)
            widths.append(max(width, cells))
            floors.append(max(cells, 90 if c == 0 else 48))
        return widths, floors

    def _share_out(self) -> None:
        widths, floors = self._measured
        if len(widths) != self.source.columnCount():
            widths, floors = self._measured = self._measure()
        resize_sections(self.horizontalHeader(), share_out(widths, floors, self.viewport().width()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and self.source.rowCount():
            self._share_out()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self.source.rowCount():
            self.fit_columns()  # the texts measure differently now

    def _double_clicked(self, index) -> None:
        agent = self.proxy.index(index.row(), 0).data(AGENT_ROLE)
        if agent:
            self.agent_selected.emit(agent)

    def rows_as_table(self) -> tuple[list[str], list[list]]:
        """Header and rows in the order shown (for CSV / XLSX export), in one unit per
        column said in its header: percentages 0-100 (rates and CSAT alike), durations
        in seconds, counts as whole numbers; one line per header, no line break."""
        model = self.source
        header = [translate("AgentTable", "Agent")]
        units = self.column_units()[1:]
        for kpi in model.kpis:
            header.append(export_header(model.desk.engine.registry[kpi], model.channels, model.desk.lang))
        rows = []
        for r in range(self.proxy.rowCount()):
            source_row = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            row = [self.proxy.index(r, 0).data()]
            for cell, unit in zip(model._cells[source_row], units, strict=True):
                row.append(export_value(cell.value, unit))
            rows.append(row)
        return header, rows

    def column_units(self) -> list[str | None]:
        """Each exported column's unit (None for the names): the XLSX number formats."""
        return [None] + [self.source.desk.engine.registry[kpi].unit for kpi in self.source.kpis]
