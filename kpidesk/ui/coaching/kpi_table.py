"""Where the agent stands on each KPI, and the strengths and areas to work on.

A thin ``QAbstractTableModel`` over the core's ``Standing`` list: the agent's value,
the team's median and quartiles, the rank and percentile (small samples are flagged,
never ranked), the target and the gap to the median (agent − median, green when it
is good news). Clicking a row emits ``kpi_clicked``: the view then lists the contacts
behind that number and draws its trend.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kpidesk.core import formatting
from kpidesk.core.coaching.standings import Standing
from kpidesk.ui import theme
from kpidesk.ui.i18n import translate

KPI_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("CoachingTable", "KPI"),
    QT_TRANSLATE_NOOP("CoachingTable", "Agent"),
    QT_TRANSLATE_NOOP("CoachingTable", "Team median"),
    QT_TRANSLATE_NOOP("CoachingTable", "Q1 – Q3"),
    QT_TRANSLATE_NOOP("CoachingTable", "Rank"),
    QT_TRANSLATE_NOOP("CoachingTable", "Percentile"),
    QT_TRANSLATE_NOOP("CoachingTable", "Target"),
    QT_TRANSLATE_NOOP("CoachingTable", "Gap"),
    QT_TRANSLATE_NOOP("CoachingTable", "n"),
)


def gap_text(s: Standing, lang: str) -> str:
    """Agent − team median with its real sign, in the KPI's unit: a handle time 14 s
    shorter than the median is "−14 s" (coloured as good news by the caller), never a
    "+14 s" that reads as longer."""
    if s.gap is None or s.value is None or s.team_median is None:
        return "–"
    diff = s.value - s.team_median
    if s.unit in ("rate", "percent"):  # a difference of percentages is in points, not in percent
        points = abs(diff) * 100 if s.unit == "rate" else abs(diff)
        amount = f"{formatting.number(points, 1, lang)} " + translate("CoachingTable", "pts")
    else:
        amount = formatting.value(abs(diff), s.unit, lang)
    shown = any(ch in "123456789" for ch in amount)  # "0,00": no gap at the precision shown
    sign = "±" if not shown else "+" if diff > 0 else "−"
    return f"{sign}{amount}"


class StandingsModel(QAbstractTableModel):
    def __init__(self, lang_of, parent=None):
        super().__init__(parent)
        self.lang_of = lang_of  # a callable: the current language
        self.rows: list[Standing] = []

    def set_rows(self, rows: list[Standing]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("CoachingTable", COLUMNS[section])
        return None

    def _text(self, s: Standing, col: int) -> str:
        lang = self.lang_of()
        fmt = lambda v: formatting.value(v, s.unit, lang)
        if col == 0:
            return s.label
        if col == 1:
            return fmt(s.value)
        if col == 2:
            return fmt(s.team_median)
        if col == 3:
            return "–" if s.team_q1 is None else f"{fmt(s.team_q1)} – {fmt(s.team_q3)}"
        if col == 4:
            if s.small_sample:
                return translate("CoachingTable", "small sample")
            return "–" if s.rank is None else f"{s.rank} / {s.ranked_agents}"
        if col == 5:
            return "–" if s.percentile is None else f"{formatting.number(s.percentile, 0, lang)}"
        if col == 6:
            return fmt(s.target) if s.target is not None else "–"
        if col == 7:
            return gap_text(s, lang)
        return "–" if s.n is None else formatting.number(s.n, 0, lang)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, col)
        if role == KPI_ROLE:
            return s.kpi
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if s.small_sample:
                return QColor(theme.current().muted)
            if col == 7 and s.z is not None and abs(s.z) >= 0.5:
                return QColor(theme.current().good if s.z > 0 else theme.current().bad)
        if role == Qt.ItemDataRole.FontRole and s.small_sample:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if s.small_sample:
                return translate("CoachingTable", "Small sample: shown, not ranked.")
            return s.reason or translate("CoachingTable", "Click to list the contacts behind this figure.")
        return None


class StandingsView(QTableView):
    kpi_clicked = Signal(str)

    def __init__(self, lang_of, parent=None):
        super().__init__(parent)
        self.source = StandingsModel(lang_of, self)
        self.setModel(self.source)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(420)
        self.clicked.connect(lambda index: self.kpi_clicked.emit(self.source.rows[index.row()].kpi))

    def select_kpi(self, kpi: str) -> None:
        for i, s in enumerate(self.source.rows):
            if s.kpi == kpi:
                self.selectRow(i)
                return


class StrengthsPanel(QWidget):
    """Strengths and "to work on", computed by the core, with the gap to the median."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.strengths_title = QLabel(objectName="SectionTitle")
        self.strengths = QLabel(wordWrap=True)
        self.gaps_title = QLabel(objectName="SectionTitle")
        self.gaps = QLabel(wordWrap=True)
        for w in (self.strengths_title, self.strengths, self.gaps_title, self.gaps):
            layout.addWidget(w)
        layout.addStretch(1)

    def show_lists(self, strengths: list[Standing], gaps: list[Standing], lang: str) -> None:
        t = theme.current()
        self.strengths_title.setText(translate("CoachingView", "Strengths"))
        self.gaps_title.setText(translate("CoachingView", "To work on"))
        none = translate("CoachingView", "Nothing stands out against the team.")
        vs_median = translate("CoachingView", "vs median")

        def lines(items: list[Standing], colour: str) -> str:
            if not items:
                return f"<i>{none}</i>"
            return "<br>".join(
                f"• {s.label}: <b>{formatting.value(s.value, s.unit, lang)}</b> "
                f"<span style='color:{colour}'>({gap_text(s, lang)} "
                f"{vs_median} {formatting.value(s.team_median, s.unit, lang)})</span>"
                for s in items
            )

        self.strengths.setText(lines(strengths, t.good))
        self.gaps.setText(lines(gaps, t.bad))
