"""The mapping dialog: import a file no profile recognises, and remember how.

It shows the reader options found (encoding, separator, header line, sheet), the
table the rows go to, one combo per canonical field with the proposed column and its
confidence, and the first rows as they will load (parsed by the import's own SQL,
rejected rows in red with their reason). "Save as profile" writes the mapping into
the ``profiles`` folder beside the database, so the next file of the same shape
imports on sight. The reading and previewing are ``core.ingest.preview`` functions,
run on a worker (``ui/tasks.py``); the dialog only shows their results.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from kpidesk.core import formatting
from kpidesk.ui.i18n import short_date, translate
from kpidesk.ui.tasks import TaskRunner

NONE = "—"
TIME_SUFFIX = ".time"
DELIMITERS = [(";", QT_TRANSLATE_NOOP("Mapping", "Semicolon ;")), (",", QT_TRANSLATE_NOOP("Mapping", "Comma ,")),
              ("\t", QT_TRANSLATE_NOOP("Mapping", "Tab")), ("|", QT_TRANSLATE_NOOP("Mapping", "Pipe |"))]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16"]
TABLE_LABELS = {
    "contacts": QT_TRANSLATE_NOOP("Mapping", "Contacts (calls, tickets, chats)"),
    "agent_sessions": QT_TRANSLATE_NOOP("Mapping", "Agent presence"),
    "surveys": QT_TRANSLATE_NOOP("Mapping", "Surveys"),
}
FIELD_LABELS = {
    "source_key": QT_TRANSLATE_NOOP("Mapping", "Record ID"), "arrived_at": QT_TRANSLATE_NOOP("Mapping", "Arrival time"),
    "agent_id": QT_TRANSLATE_NOOP("Mapping", "Agent"), "queue": QT_TRANSLATE_NOOP("Mapping", "Queue"),
    "customer_id": QT_TRANSLATE_NOOP("Mapping", "Customer"), "topic": QT_TRANSLATE_NOOP("Mapping", "Topic"),
    "outcome": QT_TRANSLATE_NOOP("Mapping", "Outcome"), "status": QT_TRANSLATE_NOOP("Mapping", "Status"),
    "channel": QT_TRANSLATE_NOOP("Mapping", "Channel"), "priority": QT_TRANSLATE_NOOP("Mapping", "Priority"),
    "product": QT_TRANSLATE_NOOP("Mapping", "Product"), "wait_s": QT_TRANSLATE_NOOP("Mapping", "Wait time"),
    "talk_s": QT_TRANSLATE_NOOP("Mapping", "Talk time"), "hold_s": QT_TRANSLATE_NOOP("Mapping", "Hold time"),
    "wrap_s": QT_TRANSLATE_NOOP("Mapping", "Wrap-up time"), "solved_at": QT_TRANSLATE_NOOP("Mapping", "Solved at"),
    "first_response_at": QT_TRANSLATE_NOOP("Mapping", "First response at"),
    "score": QT_TRANSLATE_NOOP("Mapping", "Score"), "answered_at": QT_TRANSLATE_NOOP("Mapping", "Answered at"),
    "contact_ref": QT_TRANSLATE_NOOP("Mapping", "Contact reference"),
    "comment": QT_TRANSLATE_NOOP("Mapping", "Comment"), "started_at": QT_TRANSLATE_NOOP("Mapping", "Start"),
    "ended_at": QT_TRANSLATE_NOOP("Mapping", "End"), "state": QT_TRANSLATE_NOOP("Mapping", "State"),
    "reason": QT_TRANSLATE_NOOP("Mapping", "Reason"), "duration_s": QT_TRANSLATE_NOOP("Mapping", "Duration"),
    "direction": QT_TRANSLATE_NOOP("Mapping", "Direction"),
}


def tr(text: str) -> str:
    return translate("Mapping", text)


def inspect_job(inputs, state):
    """Reader options, table and mapping guess for the file (worker thread)."""
    from kpidesk.core.ingest import preview

    path, sheet, read, table = inputs
    return "inspected", preview.inspect(path, sheet=sheet, read=read, table=table)


def preview_job(inputs, state):
    from kpidesk.core.ingest import preview

    path, data, sheet, timezone = inputs
    return "previewed", preview.preview(path, data, sheet=sheet, timezone=timezone)


class MappingDialog(QDialog):
    """``exec()`` it; when accepted, ``profile_data()`` is the profile to import with."""

    mapping_proposed = Signal(object)  # Proposal
    preview_refreshed = Signal(object)  # Preview
    profile_saved = Signal(str)  # path of the TOML written
    failed = Signal(str)

    def __init__(self, path, store, parent: QWidget | None = None, *, lang: str = "en", timezone: str = "UTC"):
        super().__init__(parent)
        self.path, self.store, self.lang, self.timezone = Path(path), store, lang, timezone
        self.proposal = None
        self.combos: dict[str, QComboBox] = {}
        self.runner = TaskRunner(self, pool="read")
        self.runner.task_finished.connect(self._job_done)
        self.runner.task_failed.connect(self._job_failed)
        self.setWindowTitle(tr("Map the columns of {file}").format(file=self.path.name))
        self._build()
        self.resize(980, 720)
        self._inspect()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        top = QVBoxLayout(self)
        intro = QLabel(tr("No import profile recognises {file}. Check how it is read, choose a column for each "
                          "field (fields marked * are required), then import it.").format(file=self.path.name))
        intro.setWordWrap(True)
        top.addWidget(intro)
        reader = QGroupBox(tr("Reading the file"))
        form = QFormLayout(reader)
        self.encoding = QComboBox(editable=True)
        self.encoding.addItems(ENCODINGS)
        self.delimiter = QComboBox()
        for char, label in DELIMITERS:
            self.delimiter.addItem(tr(label), char)
        self.header_line = QSpinBox(minimum=1, maximum=200)
        self.sheet = QComboBox()
        self.table = QComboBox()
        from kpidesk.core.ingest.preview import TABLES

        for name in TABLES:
            self.table.addItem(tr(TABLE_LABELS[name]) if name in TABLE_LABELS else name, name)
        self.rows = {}
        for key, label, widget in (("encoding", tr("Encoding"), self.encoding),
                                   ("delimiter", tr("Separator"), self.delimiter),
                                   ("header", tr("Header line"), self.header_line),
                                   ("sheet", tr("Sheet"), self.sheet), ("table", tr("Import into"), self.table)):
            form.addRow(label, widget)
            self.rows[key] = widget
        top.addWidget(reader)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("Column in the file"), tr("Confidence")])
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        top.addWidget(QLabel(tr("Mapping")))
        top.addWidget(self.fields, 3)
        top.addWidget(QLabel(tr("Preview: the first rows as they will load")))
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().hide()
        top.addWidget(self.preview, 3)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        top.addWidget(self.status)
        save_row = QHBoxLayout()
        self.name = QLineEdit(self.path.stem)
        self.save_button = QPushButton(tr("Save as profile"))
        self.save_button.clicked.connect(self.save_profile)
        save_row.addWidget(QLabel(tr("Profile name")))
        save_row.addWidget(self.name, 1)
        save_row.addWidget(self.save_button)
        top.addLayout(save_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top.addWidget(self.buttons)
        self._set_enabled(False)
        self.encoding.currentTextChanged.connect(lambda _t: self._inspect(self._read()))
        self.delimiter.currentIndexChanged.connect(lambda _i: self._inspect(self._read()))
        self.header_line.valueChanged.connect(lambda _v: self._inspect(self._read()))
        self.sheet.currentIndexChanged.connect(lambda _i: self._inspect(self._read()))
        self.table.currentIndexChanged.connect(lambda _i: self._inspect(self._read(), self.table.currentData()))

    def _set_enabled(self, ok: bool) -> None:
        self.import_button.setEnabled(ok)
        self.save_button.setEnabled(ok)

    # -- reading and proposing ------------------------------------------------------------
    def _read(self) -> dict:
        read = {"encoding": self.encoding.currentText(), "delimiter": self.delimiter.currentData(),
                "header_line": self.header_line.value()}
        return read if self.proposal and self.proposal.reader.get("kind") == "csv" else {}

    def _inspect(self, read: dict | None = None, table: str | None = None) -> None:
        sheet = self.sheet.currentText() or None if self.sheet.count() else None
        self.status.setText(tr("Reading the file…"))
        self.runner.start(inspect_job, (self.path, sheet, read, table))

    def _job_done(self, result) -> None:
        kind, value = result
        if kind == "inspected":
            self._show_proposal(value)
        else:
            self._show_preview(value)

    def _job_failed(self, message: str) -> None:
        self.status.setText(message.split(": ", 1)[-1])
        self._set_enabled(False)
        self.failed.emit(message)

    def _show_proposal(self, prop) -> None:
        self.proposal = prop
        r = prop.reader
        widgets = (self.encoding, self.delimiter, self.header_line, self.sheet, self.table)
        for w in widgets:
            w.blockSignals(True)
        csv = r.get("kind") == "csv"
        self.encoding.setCurrentText(r.get("encoding") or "utf-8")
        self.delimiter.setCurrentIndex(max(0, self.delimiter.findData(r.get("delimiter_char"))))
        self.header_line.setValue(max(1, r.get("header_line") or 1))
        if not self.sheet.count() and r.get("sheets"):
            self.sheet.addItems(r["sheets"])
        if r.get("sheet"):
            self.sheet.setCurrentText(r["sheet"])
        self.table.setCurrentIndex(max(0, self.table.findData(prop.table)))
        for w in widgets:
            w.blockSignals(False)
        form = self.rows["encoding"].parentWidget().layout()
        for key, visible in (("encoding", csv), ("delimiter", csv), ("header", csv), ("sheet", not csv)):
            form.setRowVisible(self.rows[key], visible)
        self._fill_fields(prop)
        self.mapping_proposed.emit(prop)
        self._refresh()

    def _field_names(self, prop) -> list[str]:
        from kpidesk.core.ingest.preview import required_fields
        from kpidesk.core.ingest.proposal import PRIMARY_TIME
        from kpidesk.core.ingest.synonyms import TABLE_HINTS

        names = required_fields(prop.table) + list(TABLE_HINTS.get(prop.table, {}).get("fields", prop.fields))
        names = [n for n in dict.fromkeys(names) if n != "source_key"] + ["source_key"]
        primary = PRIMARY_TIME.get(prop.table)
        if primary in names:
            names.insert(names.index(primary) + 1, primary + TIME_SUFFIX)
        return names

    def _fill_fields(self, prop) -> None:
        from kpidesk.core.ingest.preview import required_fields

        required = set(required_fields(prop.table))
        names = self._field_names(prop)
        self.fields.setRowCount(len(names))
        self.combos = {}
        bold = QFont()
        bold.setBold(True)
        for row, name in enumerate(names):
            base = name.removesuffix(TIME_SUFFIX)
            label = tr(FIELD_LABELS.get(base, base))
            if name.endswith(TIME_SUFFIX):
                label = tr("{field} (time of day, optional)").format(field=label)
            item = QTableWidgetItem(label + (" *" if name in required else ""))
            item.setToolTip(base)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if name in required:
                item.setFont(bold)
            self.fields.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(NONE, None)
            for col in prop.columns:
                combo.addItem(col, col)
            guess = prop.fields.get(base)
            column = (guess.time if name.endswith(TIME_SUFFIX) else guess.column) if guess else None
            combo.setCurrentIndex(max(0, combo.findData(column)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.fields.setCellWidget(row, 1, combo)
            self.combos[name] = combo
            conf = f"{guess.confidence:.0%}" if guess and column else ""
            self.fields.setItem(row, 2, QTableWidgetItem(conf.replace("%", "\u202f%") if self.lang == "fr" else conf))
        self.fields.resizeColumnToContents(0)

    def _changed(self, row: int) -> None:
        self.fields.setItem(row, 2, QTableWidgetItem(tr("chosen")))
        self._refresh()

    # -- the mapping the user made ----------------------------------------------------------
    def chosen_fields(self) -> dict:
        out: dict = {}
        guesses = self.proposal.fields if self.proposal else {}
        for name, combo in self.combos.items():
            col = combo.currentData()
            if name.endswith(TIME_SUFFIX) or col is None:
                continue
            time = self.combos.get(name + TIME_SUFFIX)
            g = guesses.get(name)
            if time is not None and time.currentData():
                out[name] = {"date": col, "time": time.currentData()}
            elif g is not None and g.column == col and g.map:
                out[name] = {"column": col, "map": dict(g.map)}
            else:
                out[name] = col
        return out

    def profile_data(self) -> dict:
        from kpidesk.core.ingest.preview import profile_data

        return profile_data(self.proposal, self.chosen_fields(), table=self.proposal.table, read=self._read(),
                            name=self.name.text().strip() or self.path.stem)

    def sheet_name(self) -> str | None:
        return self.sheet.currentText() if self.sheet.count() else None

    def missing(self) -> list[str]:
        from kpidesk.core.ingest.preview import missing_fields

        return missing_fields(self.profile_data(), self.proposal.columns) if self.proposal else ["?"]

    def _refresh(self) -> None:
        missing = self.missing()
        self._set_enabled(not missing)
        if missing:
            names = ", ".join(tr(FIELD_LABELS.get(m, m)) for m in missing)
            self.status.setText(tr("Choose a column for: {fields}").format(fields=names))
            self.preview.setRowCount(0)
            return
        self.status.setText(tr("Reading the first rows…"))
        self.runner.start(preview_job, (self.path, self.profile_data(), self.sheet_name(), self.timezone))

    def _show_preview(self, pv) -> None:
        headers = [tr("Line")] + [tr(FIELD_LABELS.get(c, c)) for c in pv.columns] + [tr("Rejected because")]
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(pv.rows))
        red = QBrush(QColor("#fde2e1"))
        for r, (line, row, reason) in enumerate(zip(pv.lines, pv.rows, pv.reasons)):
            cells = [str(line)] + [self._text(v) for v in row] + [reason or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if reason:
                    item.setBackground(red)
                    item.setToolTip(reason)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        bad = sum(1 for x in pv.reasons if x)
        self.status.setText(tr("{n} rows shown, {bad} would be rejected.").format(n=len(pv.rows), bad=bad))
        self.preview_refreshed.emit(pv)

    def _text(self, value) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return short_date(value, self.lang, with_time=True) + value.strftime(":%S")
        if isinstance(value, float):
            return formatting.number(value, 0 if value.is_integer() else 2, self.lang)
        return str(value)

    # -- saving ---------------------------------------------------------------------------
    def save_profile(self) -> Path | None:
        from kpidesk.core.ingest import save_profile
        from kpidesk.core.ingest.profiles import user_folder

        folder = user_folder(self.store.path)
        if folder is None:
            self.status.setText(tr("Profiles cannot be saved beside an in-memory database."))
            return None
        path = save_profile(self.profile_data(), self.name.text().strip() or self.path.stem, folder)
        self.status.setText(tr("Saved as the profile {name}: files of this shape will import on sight.")
                            .format(name=path.stem))
        self.profile_saved.emit(str(path))
        return path
