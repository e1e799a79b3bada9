"""The contacts behind a number: the agent's contacts that weigh on the KPI clicked.

Worst first (the core decides the order and why they are listed): the longest calls
for handle time, low CSAT answers with their comment, repeats, tickets over SLA.
Customer identifiers and survey comments go through the privacy rules on their way
to the screen; double-clicking a row asks for the contact's full record.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from kpidesk.core import formatting
from kpidesk.core.coaching.contacts import ContactLine
from kpidesk.core.privacy import OFF, Privacy
from kpidesk.ui.column_fit import resize_sections, share_out
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.field_labels import value_label

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("CoachingContacts", "When"),
    QT_TRANSLATE_NOOP("CoachingContacts", "Channel"),
    QT_TRANSLATE_NOOP("CoachingContacts", "Queue"),
    QT_TRANSLATE_NOOP("CoachingContacts", "Outcome"),
    QT_TRANSLATE_NOOP("CoachingContacts", "Customer"),
    QT_TRANSLATE_NOOP("CoachingContacts", "Figure"),
    QT_TRANSLATE_NOOP("CoachingContacts", "Comment"),  # the survey's: said in the header's tooltip
)
WHOLE = (0, 1, 5)  # the date, the channel and the figure are never cut
ELIDED_FLOOR = 72  # the least a queue, an outcome, a customer or a comment is cut to
COMMENT_TIP = QT_TRANSLATE_NOOP("CoachingContacts", "Survey comment")
WHY = {
    "longest handle times": QT_TRANSLATE_NOOP("CoachingContacts", "longest handle times"),
    "longest talk times": QT_TRANSLATE_NOOP("CoachingContacts", "longest talk times"),
    "longest holds": QT_TRANSLATE_NOOP("CoachingContacts", "longest holds"),
    "longest wrap-ups": QT_TRANSLATE_NOOP("CoachingContacts", "longest wrap-ups"),
    "longest waits before answer": QT_TRANSLATE_NOOP("CoachingContacts", "longest waits before answer"),
    "abandoned": QT_TRANSLATE_NOOP("CoachingContacts", "abandoned"),
    "transferred": QT_TRANSLATE_NOOP("CoachingContacts", "transferred"),
    "customer came back within the repeat window": QT_TRANSLATE_NOOP(
        "CoachingContacts", "customer came back within the repeat window"
    ),
    "not resolved, or customer came back": QT_TRANSLATE_NOOP("CoachingContacts", "not resolved, or customer came back"),
    "tickets over the response SLA": QT_TRANSLATE_NOOP("CoachingContacts", "tickets over the response SLA"),
    "longest resolutions": QT_TRANSLATE_NOOP("CoachingContacts", "longest resolutions"),
    "reopened tickets": QT_TRANSLATE_NOOP("CoachingContacts", "reopened tickets"),
    "most replies": QT_TRANSLATE_NOOP("CoachingContacts", "most replies"),
    "longest first replies": QT_TRANSLATE_NOOP("CoachingContacts", "longest first replies"),
    "low CSAT": QT_TRANSLATE_NOOP("CoachingContacts", "low CSAT"),
    "lowest survey scores": QT_TRANSLATE_NOOP("CoachingContacts", "lowest survey scores"),
    "lowest QA scores": QT_TRANSLATE_NOOP("CoachingContacts", "lowest QA scores"),
}


def why_text(why: str | None) -> str:
    return translate("CoachingContacts", WHY.get(why or "", why or ""))


def figure_text(line: ContactLine, lang: str) -> str:
    if line.figure is None:
        return "–"
    if line.unit == "seconds":
        return formatting.duration(line.figure, lang)
    return formatting.number(line.figure, 0 if float(line.figure).is_integer() else 1, lang)


class ContactsModel(QAbstractTableModel):
    def __init__(self, lang_of, parent=None):
        super().__init__(parent)
        self.lang_of = lang_of
        self.lines: list[ContactLine] = []
        self.privacy: Privacy = OFF

    def set_lines(self, lines: list[ContactLine], privacy: Privacy) -> None:
        self.beginResetModel()
        self.lines, self.privacy = list(lines), privacy
        self.endResetModel()

    def set_privacy(self, privacy: Privacy) -> None:
        self.beginResetModel()
        self.privacy = privacy
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("CoachingContacts", COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return translate("CoachingContacts", COMMENT_TIP) if section == len(COLUMNS) - 1 else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, col, lang = self.lines[index.row()], index.column(), self.lang_of()
        if role == CONTACT_ROLE:
            return line.contact_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return formatting.day(line.arrived_at, lang, with_time=True)
            if col == 1:
                return value_label("channel", line.channel)
            if col == 2:
                return line.queue or "–"
            if col == 3:
                return value_label("outcome", line.outcome) if line.outcome else "–"
            if col == 4:
                return self.privacy.customer(line.customer_name or line.customer_id) or "–"
            if col == 5:
                return figure_text(line, lang)
            return self.privacy.text(line.comment) or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ContactsView(QTableView):
    """Double-click (or Enter) on a row emits ``record_requested(contact_id)``."""

    record_requested = Signal(int)

    def __init__(self, lang_of, parent=None):
        super().__init__(parent)
        self.source = ContactsModel(lang_of, self)
        self.setModel(self.source)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Columns fit the table (column_fit): the date, channel and figure whole; the
        # queue, outcome, customer and comment cut with "…" when the table is narrow
        # (each cell whole in its tooltip), the room left over to the comment. Sized
        # to their contents, they pushed the table sideways on a 1366-px laptop.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.source.modelReset.connect(self.fit_columns)
        self.setMinimumHeight(200)
        self._measured: tuple[list[int], list[int]] = ([], [])
        self.doubleClicked.connect(self._open)
        self.activated.connect(self._open)

    def fit_columns(self) -> None:
        """Measure each column's texts (header and cells) and share the width out."""
        cells, head = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 14
        # a column nothing is known for takes no room: no comment column for the longest
        # calls, no queue or customer column for a call log without them
        for c in range(self.source.columnCount()):
            texts = {self.source.index(r, c).data() for r in range(self.source.rowCount())}
            self.setColumnHidden(c, c not in WHOLE and bool(texts) and texts <= {"", "–"})
        widths, floors = [], []
        for c in range(self.source.columnCount()):
            if self.isColumnHidden(c):
                widths.append(0)
                floors.append(0)
                continue
            title = self.source.headerData(c, Qt.Orientation.Horizontal) or ""
            texts = (self.source.index(r, c).data() or "" for r in range(self.source.rowCount()))
            # a header is never cut; no column narrower than the header allows (a 38-px
            # "File" made 40 px by Qt pushed the table 2 px sideways)
            heading = max(head.horizontalAdvance(title) + pad, self.horizontalHeader().minimumSectionSize())
            width = max([heading, *(cells.horizontalAdvance(t) + pad for t in texts)])
            widths.append(width)
            floors.append(width if c in WHOLE else max(heading, min(width, ELIDED_FLOOR)))
        self._measured = (widths, floors)
        self._share_out()

    def _share_out(self) -> None:
        widths, floors = self._measured
        if widths:
            comment = len(COLUMNS) - 1
            spare_to = None if self.isColumnHidden(comment) else comment
            # a hidden column is 0 wide and stays so (it gives nothing, gets nothing)
            resize_sections(self.horizontalHeader(), share_out(widths, floors, self.viewport().width(), spare_to))

    def viewportEvent(self, event) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:  # the view's width, or a scroll bar shown or hidden
            self._share_out()
        return handled

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self.fit_columns()  # the texts measure differently now

    def _open(self, index) -> None:
        contact_id = index.data(CONTACT_ROLE)
        if contact_id is not None:
            self.record_requested.emit(int(contact_id))
