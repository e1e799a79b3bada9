"""Coaching notes and goals: the agent's coaching history, and the forms to add to it.

A note is one session (date, text, the KPIs discussed); a goal is a KPI, a target
and a due date, whose progress and status (on track / at risk / met / missed) the
core reads from the data. The forms only emit what the lead typed
(``note_submitted`` / ``goal_submitted``); the view writes it through the write
pool and hands back the refreshed history. Notes are free text, so they are shown
through the privacy rules too.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting
from kpidesk.core.coaching.page import CoachingHistory, GoalInput, NoteInput
from kpidesk.core.privacy import OFF, Privacy
from kpidesk.ui import i18n, theme
from kpidesk.ui.i18n import translate

STATUS = {
    "on_track": QT_TRANSLATE_NOOP("CoachingNotes", "on track"),
    "at_risk": QT_TRANSLATE_NOOP("CoachingNotes", "at risk"),
    "met": QT_TRANSLATE_NOOP("CoachingNotes", "met"),
    "missed": QT_TRANSLATE_NOOP("CoachingNotes", "missed"),
    "no_data": QT_TRANSLATE_NOOP("CoachingNotes", "no data yet"),
}
FORM_LABELS = {
    "Session": QT_TRANSLATE_NOOP("CoachingNotes", "Session"),
    "Note": QT_TRANSLATE_NOOP("CoachingNotes", "Note"),
    "KPIs discussed": QT_TRANSLATE_NOOP("CoachingNotes", "KPIs discussed"),
    "KPI": QT_TRANSLATE_NOOP("CoachingNotes", "KPI"),
    "Target": QT_TRANSLATE_NOOP("CoachingNotes", "Target"),
    "Due": QT_TRANSLATE_NOOP("CoachingNotes", "Due"),
    "Comment": QT_TRANSLATE_NOOP("CoachingNotes", "Comment"),
}
STATUS_COLOUR = {"on_track": "green", "met": "green", "at_risk": "amber", "missed": "red"}
GOAL_COLUMNS = (
    QT_TRANSLATE_NOOP("CoachingNotes", "KPI"),
    QT_TRANSLATE_NOOP("CoachingNotes", "Target"),
    QT_TRANSLATE_NOOP("CoachingNotes", "Due"),
    QT_TRANSLATE_NOOP("CoachingNotes", "Now"),
    QT_TRANSLATE_NOOP("CoachingNotes", "Progress"),
    QT_TRANSLATE_NOOP("CoachingNotes", "Status"),
)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CoachingNotesView(QWidget):
    note_submitted = Signal(object)  # NoteInput
    goal_submitted = Signal(object)  # GoalInput

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.history = CoachingHistory()
        self.privacy: Privacy = OFF
        self.kpis: list[tuple[str, str, str]] = []  # (id, label, unit)
        self.goals_title = QLabel(objectName="SectionTitle")
        self.goals_table = QTableWidget(0, len(GOAL_COLUMNS))
        self.goals_table.verticalHeader().hide()
        self.goals_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.goals_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.goals_table.horizontalHeader().setStretchLastSection(True)
        self.goals_table.setMinimumHeight(90)
        self.goals_table.setMaximumHeight(150)
        self.notes_title = QLabel(objectName="SectionTitle")
        self.notes_list = QListWidget()
        self.notes_list.setWordWrap(True)
        self.notes_list.setMinimumHeight(90)
        self.notes_list.setMaximumHeight(180)
        # The note form
        self.note_date = QDateEdit(_qdate(date.today()), calendarPopup=True)
        self.note_text = QPlainTextEdit()
        self.note_text.setMaximumHeight(70)
        self.note_kpis = QListWidget()
        self.note_kpis.setMaximumHeight(70)
        self.add_note_button = QPushButton()
        self.add_note_button.clicked.connect(self._submit_note)
        # The goal form
        self.goal_kpi = QComboBox()
        self.goal_target = QDoubleSpinBox(decimals=1, maximum=1e9)
        self.goal_unit = QLabel(objectName="Muted")
        self.goal_due = QDateEdit(_qdate(date.today().replace(day=1)).addMonths(1).addDays(-1), calendarPopup=True)
        self.goal_note = QLineEdit()
        self.add_goal_button = QPushButton()
        self.add_goal_button.clicked.connect(self._submit_goal)
        self.goal_kpi.currentIndexChanged.connect(self._goal_kpi_changed)
        self.error = QLabel(objectName="Muted", wordWrap=True)
        for widget in (
            self.goals_table,
            self.notes_list,
            self.note_kpis,
            self.note_text,
            self.goal_kpi,
            self.goal_note,
        ):
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
            widget.setMinimumWidth(120)
        self.note_form, self.goal_form = QFormLayout(), QFormLayout()
        self.form_labels = {
            key: QLabel() for key in ("Session", "Note", "KPIs discussed", "KPI", "Target", "Due", "Comment")
        }
        self.note_form.addRow(self.form_labels["Session"], self.note_date)
        self.note_form.addRow(self.form_labels["Note"], self.note_text)
        self.note_form.addRow(self.form_labels["KPIs discussed"], self.note_kpis)
        self.note_form.addRow("", self.add_note_button)
        target_row = QHBoxLayout()
        target_row.addWidget(self.goal_target, 1)
        target_row.addWidget(self.goal_unit)
        self.goal_form.addRow(self.form_labels["KPI"], self.goal_kpi)
        self.goal_form.addRow(self.form_labels["Target"], target_row)
        self.goal_form.addRow(self.form_labels["Due"], self.goal_due)
        self.goal_form.addRow(self.form_labels["Comment"], self.goal_note)
        self.goal_form.addRow("", self.add_goal_button)
        forms = QHBoxLayout()
        forms.addLayout(self.note_form, 1)
        forms.addLayout(self.goal_form, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.goals_title, self.goals_table, self.notes_title, self.notes_list):
            layout.addWidget(w)
        layout.addLayout(forms)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        tr = lambda s: translate("CoachingNotes", s)
        self.goals_title.setText(translate("CoachingNotes", "Goals"))
        self.notes_title.setText(translate("CoachingNotes", "Coaching history"))
        self.goals_table.setHorizontalHeaderLabels([tr(c) for c in GOAL_COLUMNS])
        for key, label in self.form_labels.items():
            label.setText(tr(FORM_LABELS[key]))
        self.note_text.setPlaceholderText(translate("CoachingNotes", "What was said, what was agreed…"))
        self.add_note_button.setText(translate("CoachingNotes", "Add note"))
        self.add_goal_button.setText(translate("CoachingNotes", "Add goal"))
        for edit in (self.note_date, self.goal_due):  # days as the app writes them, never 09/11 to guess
            edit.setDisplayFormat(i18n.day_format(self.desk.lang))

    # -- what the lead types ------------------------------------------------------------
    def set_kpis(self, kpis: list[tuple[str, str, str]], selected: str | None = None) -> None:
        self.kpis = kpis
        current = self.goal_kpi.currentData()
        self.goal_kpi.blockSignals(True)
        self.goal_kpi.clear()
        for kpi, label, _unit in kpis:
            self.goal_kpi.addItem(label, kpi)
        self.goal_kpi.setCurrentIndex(max(self.goal_kpi.findData(selected or current), 0))
        self.goal_kpi.blockSignals(False)
        self.add_goal_button.setEnabled(bool(kpis))  # no figure in the period: no KPI to set a goal on
        self._goal_kpi_changed()
        self.note_kpis.clear()
        for kpi, label, _unit in kpis:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, kpi)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if kpi == selected else Qt.CheckState.Unchecked)
            self.note_kpis.addItem(item)

    def _unit(self) -> str:
        return next((u for k, _l, u in self.kpis if k == self.goal_kpi.currentData()), "number")

    def _goal_kpi_changed(self, *_args) -> None:
        unit = self._unit()
        self.goal_unit.setText({"rate": "%", "percent": "%", "seconds": "s"}.get(unit, ""))

    def _submit_note(self) -> None:
        text = self.note_text.toPlainText().strip()
        if not text:
            self.error.setText(translate("CoachingNotes", "A coaching note needs some text."))
            return
        kpis = tuple(
            self.note_kpis.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.note_kpis.count())
            if self.note_kpis.item(i).checkState() == Qt.CheckState.Checked
        )
        self.error.setText("")
        self.note_submitted.emit(NoteInput(_pydate(self.note_date.date()), text, kpis))
        self.note_text.clear()

    def _submit_goal(self) -> None:
        kpi = self.goal_kpi.currentData()
        if kpi is None:
            return
        target = self.goal_target.value() / (100.0 if self._unit() == "rate" else 1.0)
        due = _pydate(self.goal_due.date())
        start = date.today()
        if due < start:
            self.error.setText(translate("CoachingNotes", "The due date is before today."))
            return
        self.error.setText("")
        self.goal_submitted.emit(GoalInput(kpi, target, start, due, self.goal_note.text().strip() or None))
        self.goal_note.clear()

    # -- what the data says -------------------------------------------------------------
    def show_history(self, history: CoachingHistory, privacy: Privacy) -> None:
        self.history, self.privacy = history, privacy
        lang, t = self.desk.lang, theme.current()
        self.goals_table.setRowCount(len(history.goals))
        for row, p in enumerate(history.goals):
            g = p.goal
            unit = self.desk.engine.registry[g.kpi].unit if g.kpi in self.desk.engine.registry else "number"
            # a goal is read over all the agent's channels (goals.progress)
            label = self.desk.label(g.kpi, ()) if g.kpi in self.desk.engine.registry else g.kpi
            progress = "–" if p.progress is None else formatting.value(max(p.progress, 0.0), "rate", lang)
            cells = (
                label,
                formatting.value(g.target, unit, lang),
                formatting.day(g.due_date, lang),
                formatting.value(p.value, unit, lang),
                progress,
                translate("CoachingNotes", STATUS[p.status]),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if g.note:
                    item.setToolTip(privacy.text(g.note))
                if col == 5 and p.status in STATUS_COLOUR:
                    item.setForeground(QColor(t.status_colour(STATUS_COLOUR[p.status])))
                self.goals_table.setItem(row, col, item)
        self.notes_list.clear()
        if not history.notes:
            self.notes_list.addItem(translate("CoachingNotes", "No coaching note yet."))
        for n in history.notes:
            kpis = ", ".join(self.desk.label(k) if k in self.desk.engine.registry else k for k in n.kpis)
            text = f"{formatting.day(n.session_date, lang)} — {privacy.text(n.text)}"
            self.notes_list.addItem(text + (f"  [{kpis}]" if kpis else ""))
