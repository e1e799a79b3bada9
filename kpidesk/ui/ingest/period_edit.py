"""The period a report of counts without dates covers, asked of the user.

A per-agent report with no date column ("Call Center Data.csv") holds real counts
that belong to a period only the user knows. ``PeriodEdit`` asks for it — one day, or
from one day to another — for the mapping dialog and for :class:`PeriodDialog` (a file
a profile reads but for its period). The period is never saved in a profile (it
belongs to one file); the last one given is offered again for the next such file
(its dates filled in, to be chosen with one click), never taken without asking.
The rows are then placed by core's ``ingest.period`` (one interval the length of the
period), the same way the CLI's ``--period`` does.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting
from kpidesk.core.ingest.period import Period
from kpidesk.ui.i18n import translate

MODES = [
    ("none", QT_TRANSLATE_NOOP("Period", "not given yet")),
    ("day", QT_TRANSLATE_NOOP("Period", "one day")),
    ("range", QT_TRANSLATE_NOOP("Period", "from … to")),
]


def tr(text: str) -> str:
    return translate("Period", text)


def said(period: Period, lang: str) -> str:
    """``12 Mar 2024`` or ``1 Mar 2024 – 31 Mar 2024`` in the user's language."""
    one = formatting.day(period.start, lang)
    return one if period.start == period.end else f"{one} – {formatting.day(period.end, lang)}"


def last_month() -> Period:
    first = date.today().replace(day=1)
    end = first - timedelta(days=1)
    return Period(end.replace(day=1), end)


class PeriodEdit(QWidget):
    """Not given / one day / from … to, with the dates; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.mode = QComboBox()
        for code, _label in MODES:
            self.mode.addItem("", code)
        self.start, self.end = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        self.to_label = QLabel()
        for edit in (self.start, self.end):
            edit.setMinimumDate(QDate(1970, 1, 1))
            edit.setMaximumDate(QDate(2100, 12, 31))
        lay.addWidget(self.mode)
        lay.addWidget(self.start)
        lay.addWidget(self.to_label)
        lay.addWidget(self.end)
        lay.addStretch(1)
        self.offer(last_month())
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.start.dateChanged.connect(self._start_changed)
        self.end.dateChanged.connect(lambda _d: self.changed.emit())
        self.retranslate()
        self._mode_changed()

    def retranslate(self, lang: str = "en") -> None:
        for i, (_code, label) in enumerate(MODES):
            self.mode.setItemText(i, tr(label))
        self.to_label.setText(translate("Period", "to"))
        for edit in (self.start, self.end):  # the dates as the app writes them (core.formatting.day)
            edit.setDisplayFormat("dd/MM/yyyy" if lang == "fr" else "yyyy-MM-dd")

    def offer(self, period: Period | None) -> None:
        """Fill the dates with ``period`` without giving it (the user chooses the mode)."""
        if period is None:
            return
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def set_period(self, period: Period | None) -> None:
        """Give ``period`` (None: not given)."""
        self.offer(period)
        mode = "none" if period is None else "day" if period.start == period.end else "range"
        self.mode.setCurrentIndex(self.mode.findData(mode))
        self.changed.emit()

    def period(self) -> Period | None:
        mode = self.mode.currentData()
        if mode == "none":
            return None
        start = self.start.date().toPython()
        end = start if mode == "day" else self.end.date().toPython()
        return Period(start, end) if start <= end else None

    def problem(self) -> str:
        """Why the dates given are no period ('' when they are, or none is given)."""
        if self.mode.currentData() != "range":
            return ""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            return translate("Period", "The period ends before it starts.")
        if (end - start).days > 366:
            return translate("Period", "A period of more than a year: give the period one file covers.")
        return ""

    def _mode_changed(self, _i: int = 0) -> None:
        mode = self.mode.currentData()
        self.start.setEnabled(mode != "none")
        self.end.setEnabled(mode == "range")
        self.end.setVisible(mode != "day")
        self.to_label.setVisible(mode != "day")
        self.changed.emit()

    def _start_changed(self, _d) -> None:
        if self.end.date() < self.start.date():
            self.end.setDate(self.start.date())
        self.changed.emit()


class PeriodDialog(QDialog):
    """A report of counts a profile reads, but for the period it covers: asked here.
    ``accepted`` with ``period()``; ``map_asked`` when the user would rather map the
    columns (the mapping dialog then opens with the period)."""

    map_asked = Signal()

    def __init__(self, file: str, parent: QWidget | None = None, *, lang: str = "en", offered: Period | None = None):
        super().__init__(parent)
        self.file, self.lang = file, lang
        lay = QVBoxLayout(self)
        self.question = QLabel()
        self.question.setWordWrap(True)
        lay.addWidget(self.question)
        self.edit = PeriodEdit()
        self.edit.offer(offered)
        lay.addWidget(self.edit)
        self.offered = QLabel()
        self.offered.setWordWrap(True)
        self.offered.setVisible(offered is not None)
        self.offered_period = offered
        lay.addWidget(self.offered)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.map_button = QPushButton()
        self.buttons.addButton(self.map_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.map_button.clicked.connect(self._map)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.edit.changed.connect(self._check)
        self.retranslate()
        self._check()
        self.setMinimumWidth(640)
        self.adjustSize()
        language = getattr(parent, "language", None)
        if language is not None:
            language.language_changed.connect(self.retranslate)

    def retranslate(self, code: str | None = None) -> None:
        if code:
            self.lang = code
        self.setWindowTitle(translate("Period", "Which period does {file} cover?").format(file=self.file))
        self.question.setText(
            translate(
                "Period",
                "{file} holds counts per agent or queue, but no column says which day or period they cover. "
                "Which period does it cover?",
            ).format(file=self.file)
        )
        if self.offered_period is not None:
            self.offered.setText(
                translate(
                    "Period",
                    "The dates of the last file's period are filled in ({period}): choose “one day” or “from … to” to use them.",
                ).format(period=said(self.offered_period, self.lang))
            )
        self.note.setText(
            translate(
                "Period",
                "Each row becomes one interval the length of that period (no hour of day). The period is not "
                "saved in any profile: it is asked again for the next file.",
            )
        )
        self.import_button.setText(translate("Period", "Import"))
        self.cancel_button.setText(translate("Period", "Cancel"))
        self.map_button.setText(translate("Period", "Map the columns…"))
        self.edit.retranslate(self.lang)

    def period(self) -> Period | None:
        return self.edit.period()

    def _check(self) -> None:
        self.import_button.setEnabled(self.edit.period() is not None and not self.edit.problem())

    def _map(self) -> None:
        self.map_asked.emit()
        self.reject()
