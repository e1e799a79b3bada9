"""File › Import history…: what was imported, when, with what result, why rows were
rejected, what each column of the file fed (or that it was not used) and which rows
were ignored, per reason — so a team lead can fix the export instead of guessing.

The queries are ``core.ingest.history``; they run on the read runner and the dialog
shows their results. Opens alone on a database: ``python -m kpidesk.ui.preview history
path/to/db.duckdb``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting
from kpidesk.core.ingest import history
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import words
from kpidesk.ui.tasks import TaskRunner

REJECTS_SHOWN = 1000
IMPORT_COLUMNS = [
    QT_TRANSLATE_NOOP("ImportHistory", "File"),
    QT_TRANSLATE_NOOP("ImportHistory", "Profile"),
    QT_TRANSLATE_NOOP("ImportHistory", "Date"),
    QT_TRANSLATE_NOOP("ImportHistory", "Read"),
    QT_TRANSLATE_NOOP("ImportHistory", "Loaded"),
    QT_TRANSLATE_NOOP("ImportHistory", "Duplicates"),
    QT_TRANSLATE_NOOP("ImportHistory", "Rejected"),
    QT_TRANSLATE_NOOP("ImportHistory", "Ignored"),
]
REJECT_COLUMNS = [
    QT_TRANSLATE_NOOP("ImportHistory", "Line"),
    QT_TRANSLATE_NOOP("ImportHistory", "Reason"),
    QT_TRANSLATE_NOOP("ImportHistory", "Raw text"),
]
SOURCE_COLUMNS = [
    QT_TRANSLATE_NOOP("ImportHistory", "Column in the file"),
    QT_TRANSLATE_NOOP("ImportHistory", "Field"),
    QT_TRANSLATE_NOOP("ImportHistory", "Confidence"),
    QT_TRANSLATE_NOOP("ImportHistory", "Read as"),
]
IGNORED_COLUMNS = [
    QT_TRANSLATE_NOOP("ImportHistory", "Reason"),
    QT_TRANSLATE_NOOP("ImportHistory", "Rows"),
]


def tr(text: str) -> str:
    return translate("ImportHistory", text)


def imports_job(store, _state):
    return "imports", history.imports(store.cursor())


def rejects_job(inputs, _state):
    store, import_id = inputs
    cur = store.cursor()
    return "rejects", (*history.rejects(cur, import_id, REJECTS_SHOWN), history.accounting(cur, import_id))


class ImportHistoryDialog(QDialog):
    imports_listed = Signal(list)
    rejects_listed = Signal(int, list)
    accounting_listed = Signal(object)  # history.Accounting of the selected import

    def __init__(self, store, parent: QWidget | None = None, *, lang: str = "en", privacy=None):
        """``privacy``: the desk's PrivacyState; while on, rejected rows' raw text (a
        customer's phone, an agent's name…) is hidden and reasons are masked."""
        super().__init__(parent)
        self.store, self.lang, self.entries = store, lang, []
        self.privacy = privacy
        self.rejected_of: tuple = ()  # (total, rows) of the selected import, once listed
        self.runner = TaskRunner(self, pool="read")
        self.runner.task_finished.connect(self._job_done)
        layout = QVBoxLayout(self)
        self.table = self._table(len(IMPORT_COLUMNS))
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 2)
        self.rejects_label = QLabel()
        layout.addWidget(self.rejects_label)
        self.rejects = self._table(len(REJECT_COLUMNS))
        self.rejects.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The selected import: its rejected rows, every column of its file, its ignored rows.
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rejects, "")
        self.columns = self._table(len(SOURCE_COLUMNS))
        self.columns.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.columns, "")
        self.ignored = self._table(len(IGNORED_COLUMNS))
        self.ignored.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.ignored, "")
        self.accounting = None
        layout.addWidget(self.tabs, 3)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self.retranslate()
        language = getattr(parent, "language", None)
        if language is not None:  # re-label with the window when its language changes
            language.language_changed.connect(self.retranslate)
        if privacy is not None:
            privacy.privacy_changed.connect(
                lambda _on: self._show_rejects(*self.rejected_of) if self.rejected_of else None
            )
        self.runner.start(imports_job, store)

    def retranslate(self, code: str | None = None) -> None:
        """Every text in the current language; counts and dates re-formatted for it."""
        if code:
            self.lang = code
        self.setWindowTitle(translate("ImportHistory", "Import history"))
        self.table.setHorizontalHeaderLabels([tr(t) for t in IMPORT_COLUMNS])
        self.rejects.setHorizontalHeaderLabels([tr(t) for t in REJECT_COLUMNS])
        self.columns.setHorizontalHeaderLabels([tr(t) for t in SOURCE_COLUMNS])
        self.ignored.setHorizontalHeaderLabels([tr(t) for t in IGNORED_COLUMNS])
        tabs = (
            QT_TRANSLATE_NOOP("ImportHistory", "Rejected rows"),
            QT_TRANSLATE_NOOP("ImportHistory", "Columns of the file"),
            QT_TRANSLATE_NOOP("ImportHistory", "Ignored rows"),
        )
        for i, text in enumerate(tabs):
            self.tabs.setTabText(i, tr(text))
        self.close_button.setText(translate("ImportHistory", "Close"))
        if self.entries:
            self._show_imports(self.entries, emit=False)
        if self.accounting is not None:
            self._show_accounting(self.accounting, emit=False)
        if self.rejected_of:  # the reasons, said again in the new language
            self._show_rejects(*self.rejected_of)
        self._label_rejects()

    def _label_rejects(self) -> None:
        entry = self._selected_entry()
        if self.rejected_of and entry is not None:
            total, rows = self.rejected_of
            text = (
                translate("ImportHistory", "{n} rejected rows (first {shown} shown)")
                if total > len(rows)
                else translate("ImportHistory", "{n} rejected rows")
            )
            self.rejects_label.setText(
                text.format(n=formatting.number(total, 0, self.lang), shown=formatting.number(len(rows), 0, self.lang))
            )
        elif entry is not None:
            self.rejects_label.setText(
                translate("ImportHistory", "Rejected rows of {file}").format(file=entry.file_name)
            )
        elif self.entries or not self.table.property("listed"):
            self.rejects_label.setText(translate("ImportHistory", "Select an import to see its rejected rows."))
        else:
            self.rejects_label.setText(translate("ImportHistory", "No import yet."))

    def _selected_entry(self):
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and rows[0].row() < len(self.entries) else None

    def _table(self, columns: int) -> QTableWidget:
        t = QTableWidget(0, columns)
        t.verticalHeader().hide()
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return t

    def _job_done(self, result) -> None:
        kind, value = result
        if kind == "imports":
            self._show_imports(value)
        else:
            total, rows, accounting = value
            self._show_rejects(total, rows)
            self._show_accounting(accounting)

    def _show_imports(self, entries, emit: bool = True) -> None:
        self.entries = entries
        self.table.setProperty("listed", True)
        n = lambda v: formatting.number(v, 0, self.lang)
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            cells = [
                e.file_name,
                e.profile or "",
                formatting.day(e.started_at, self.lang, with_time=True),
                n(e.rows_read),
                n(e.loaded),
                n(e.duplicate),
                n(e.rejected),
                n(e.ignored),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if e.message:
                    hide = self.privacy is not None and self.privacy.enabled
                    item.setToolTip(self.privacy.text(e.message) if hide else e.message)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if emit:
            self._label_rejects()
            self.imports_listed.emit(entries)

    def _selected(self) -> None:
        entry = self._selected_entry()
        if entry is not None:
            self.rejected_of = ()
            self.accounting = None
            self._label_rejects()
            self.runner.start(rejects_job, (self.store, entry.import_id))

    def _show_rejects(self, total: int, rows) -> None:
        self.rejects.setRowCount(len(rows))
        hide = self.privacy is not None and self.privacy.enabled
        for r, rej in enumerate(rows):
            reason, raw = words.reason(rej.reason), rej.raw or ""
            if hide:  # a raw export line holds names and phone numbers of every kind
                reason = self.privacy.text(reason)
                raw = translate("ImportHistory", "(hidden in privacy mode)") if raw else ""
            for c, text in enumerate(["" if rej.line is None else str(rej.line), reason, raw]):
                self.rejects.setItem(r, c, QTableWidgetItem(text))
        self.rejects.resizeColumnToContents(0)
        self.rejects.resizeColumnToContents(1)
        self.rejected_of = (total, rows)
        self._label_rejects()
        self.rejects_listed.emit(total, rows)

    def _show_accounting(self, acc, emit: bool = True) -> None:
        """Every source column of the selected import (the field it fed, or not used),
        its ignored rows per reason and the key that told its records apart."""
        self.accounting = acc
        hide = self.privacy is not None and self.privacy.enabled
        self.columns.setRowCount(len(acc.columns))
        for r, use in enumerate(acc.columns):
            conf = "" if use.confidence is None else formatting.number(round(use.confidence * 100), 0, self.lang)
            if conf:
                conf += "\u202f%" if self.lang == "fr" else "%"
            cells = [use.column, words.field_of(use.field), conf, words.rule(use.rule)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and use.field:
                    item.setToolTip(use.field)  # the field id, as profiles write it
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.columns.setItem(r, c, item)
        self.columns.resizeColumnsToContents()
        self.ignored.setRowCount(len(acc.ignored))
        for r, (reason, n) in enumerate(acc.ignored):
            said = words.reason(reason)
            item = QTableWidgetItem(self.privacy.text(said) if hide else said)
            self.ignored.setItem(r, 0, item)
            count = QTableWidgetItem(formatting.number(n, 0, self.lang))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.ignored.setItem(r, 1, count)
        self.tabs.setTabText(
            1,
            translate("ImportHistory", "Columns of the file")
            + f" ({formatting.number(len(acc.columns), 0, self.lang)})",
        )
        total = sum(n for _r, n in acc.ignored)
        self.tabs.setTabText(
            2, translate("ImportHistory", "Ignored rows") + f" ({formatting.number(total, 0, self.lang)})"
        )
        if not acc.columns:
            self.key_label.setText(
                translate("ImportHistory", "This import was made before kpidesk kept the use of each column.")
            )
        elif acc.key:
            self.key_label.setText(
                translate("ImportHistory", "Records told apart by: {key}").format(key=words.key(acc.key))
            )
        else:
            self.key_label.setText("")
        if emit:
            self.accounting_listed.emit(acc)
