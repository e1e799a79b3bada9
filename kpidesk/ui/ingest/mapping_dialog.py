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
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting, ingest
from kpidesk.core.ingest import preview
from kpidesk.core.ingest.profiles import user_folder
from kpidesk.core.ingest.proposal import PRIMARY_TIME
from kpidesk.core.ingest.synonyms import TABLE_HINTS
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.field_labels import TABLE_LABELS, field_label, value_label
from kpidesk.ui.tasks import TaskRunner

NONE = "—"
TIME_SUFFIX = ".time"
DELIMITERS = [
    (";", QT_TRANSLATE_NOOP("Mapping", "Semicolon ;")),
    (",", QT_TRANSLATE_NOOP("Mapping", "Comma ,")),
    ("\t", QT_TRANSLATE_NOOP("Mapping", "Tab")),
    ("|", QT_TRANSLATE_NOOP("Mapping", "Pipe |")),
]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16"]


def tr(text: str) -> str:
    return translate("Mapping", text)


def inspect_job(inputs, state):
    """Reader options, table and mapping guess for the file (worker thread)."""
    path, sheet, read, table = inputs
    return "inspected", preview.inspect(path, sheet=sheet, read=read, table=table)


def preview_job(inputs, state):
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
        self.proposal, self.last_preview = None, None
        self.combos: dict[str, QComboBox] = {}
        self.chosen_rows: set[int] = set()
        self._status: tuple[str | None, dict] = (None, {"text": ""})
        self.runner = TaskRunner(self, pool="read")
        self.runner.task_finished.connect(self._job_done)
        self.runner.task_failed.connect(self._job_failed)
        self._build()
        self.retranslate()
        self.resize(1040, 760)
        language = getattr(parent, "language", None)
        if language is not None:  # re-label with the window when its language changes
            language.language_changed.connect(self.retranslate)
        self._inspect()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        top = QVBoxLayout(self)
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        top.addWidget(intro)
        self.reader = reader = QGroupBox()
        form = QFormLayout(reader)
        self.encoding = QComboBox(editable=True)
        self.encoding.addItems(ENCODINGS)
        self.delimiter = QComboBox()
        for char, _label in DELIMITERS:
            self.delimiter.addItem("", char)
        self.header_line = QSpinBox(minimum=1, maximum=200)
        self.sheet = QComboBox()
        self.table = QComboBox()
        for name in preview.TABLES:
            self.table.addItem(name, name)
        self.rows, self.row_labels = {}, {}
        for key, widget in (
            ("encoding", self.encoding),
            ("delimiter", self.delimiter),
            ("header", self.header_line),
            ("sheet", self.sheet),
            ("table", self.table),
        ):
            self.row_labels[key] = QLabel()
            form.addRow(self.row_labels[key], widget)
            self.rows[key] = widget
        top.addWidget(reader)
        self.fields = QTableWidget(0, 3)
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        self.mapping_label = QLabel()
        top.addWidget(self.mapping_label)
        top.addWidget(self.fields, 4)
        self.preview_label = QLabel()
        top.addWidget(self.preview_label)
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().hide()
        top.addWidget(self.preview, 2)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        top.addWidget(self.status)
        save_row = QHBoxLayout()
        self.name = QLineEdit(self.path.stem)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_profile)
        self.name_label = QLabel()
        save_row.addWidget(self.name_label)
        save_row.addWidget(self.name, 1)
        save_row.addWidget(self.save_button)
        top.addLayout(save_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top.addWidget(self.buttons)
        self._set_enabled(False)
        self.encoding.currentTextChanged.connect(lambda _t: self._inspect(self._read()))
        self.delimiter.currentIndexChanged.connect(lambda _i: self._inspect(self._read()))
        self.header_line.valueChanged.connect(lambda _v: self._inspect(self._read()))
        self.sheet.currentIndexChanged.connect(lambda _i: self._inspect(self._read()))
        self.table.currentIndexChanged.connect(lambda _i: self._inspect(self._read(), self.table.currentData()))

    def retranslate(self, code: str | None = None) -> None:
        """Every text in the current language (also after the window switches language)."""
        if code:
            self.lang = code
        self.setWindowTitle(tr("Map the columns of {file}").format(file=self.path.name))
        self.intro.setText(
            tr(
                "No import profile recognises {file}. Check how it is read, choose a column for each "
                "field (fields marked * are required), then import it."
            ).format(file=self.path.name)
        )
        self.reader.setTitle(tr("Reading the file"))
        for key, text in (
            ("encoding", "Encoding"),
            ("delimiter", "Separator"),
            ("header", "Header line"),
            ("sheet", "Sheet"),
            ("table", "Import into"),
        ):
            self.row_labels[key].setText(tr(text))
        for i, (_char, label) in enumerate(DELIMITERS):
            self.delimiter.setItemText(i, tr(label))
        for i in range(self.table.count()):
            name = self.table.itemData(i)
            self.table.setItemText(i, tr(TABLE_LABELS[name]) if name in TABLE_LABELS else name)
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("Column in the file"), tr("Confidence")])
        self.mapping_label.setText(tr("Mapping"))
        self.preview_label.setText(tr("Preview: the first rows as they will load"))
        self.name_label.setText(tr("Profile name"))
        self.save_button.setText(tr("Save as profile"))
        self.import_button.setText(tr("Import"))
        self.cancel_button.setText(tr("Cancel"))
        if self.proposal is not None:
            self._label_fields(self.proposal)
        if self.last_preview is not None:
            self._show_preview(self.last_preview, emit=False)
        if self._status[0] == "missing":
            self._say_missing(self._status[1]["missing"])
        else:
            self._say(*self._status)

    def _say(self, template: str | None, kwargs: dict) -> None:
        """The status line; kept as template and values so it can be re-said in another language."""
        self._status = (template, kwargs)
        self.status.setText(kwargs.get("text", "") if template is None else tr(template).format(**kwargs))

    def _set_enabled(self, ok: bool) -> None:
        self.import_button.setEnabled(ok)
        self.save_button.setEnabled(ok)

    # -- reading and proposing ------------------------------------------------------------
    def _read(self) -> dict:
        read = {
            "encoding": self.encoding.currentText(),
            "delimiter": self.delimiter.currentData(),
            "header_line": self.header_line.value(),
        }
        return read if self.proposal and self.proposal.reader.get("kind") == "csv" else {}

    def _inspect(self, read: dict | None = None, table: str | None = None) -> None:
        sheet = self.sheet.currentText() or None if self.sheet.count() else None
        self._say("Reading the file…", {})
        self.runner.start(inspect_job, (self.path, sheet, read, table))

    def _job_done(self, result) -> None:
        kind, value = result
        if kind == "inspected":
            self._show_proposal(value)
        else:
            self._show_preview(value)

    def _job_failed(self, message: str) -> None:
        self._say(None, {"text": message.split(": ", 1)[-1]})  # from the reader, in English
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
        names = preview.required_fields(prop.table) + list(TABLE_HINTS.get(prop.table, {}).get("fields", prop.fields))
        names = [n for n in dict.fromkeys(names) if n != "source_key"] + ["source_key"]
        primary = PRIMARY_TIME.get(prop.table)
        if primary in names:
            names.insert(names.index(primary) + 1, primary + TIME_SUFFIX)
        return names

    def _fill_fields(self, prop) -> None:
        required = set(preview.required_fields(prop.table))
        names = self._field_names(prop)
        self.fields.setRowCount(len(names))
        self.combos, self.chosen_rows = {}, set()
        bold = QFont()
        bold.setBold(True)
        for row, name in enumerate(names):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if name in required:
                item.setFont(bold)
            self.fields.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(NONE, None)
            for col in prop.columns:
                combo.addItem(col, col)
            guess = prop.fields.get(name.removesuffix(TIME_SUFFIX))
            column = (guess.time if name.endswith(TIME_SUFFIX) else guess.column) if guess else None
            combo.setCurrentIndex(max(0, combo.findData(column)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.fields.setCellWidget(row, 1, combo)
            self.combos[name] = combo
            self.fields.setItem(row, 2, QTableWidgetItem())
        self._label_fields(prop)

    def _label_fields(self, prop) -> None:
        """Field names and confidences in the user's words; the field id as tooltip (profiles use it)."""
        required = set(preview.required_fields(prop.table))
        for row, name in enumerate(self.combos):
            base = name.removesuffix(TIME_SUFFIX)
            label = field_label(base)
            if name.endswith(TIME_SUFFIX):
                label = tr("{field} (time of day, optional)").format(field=label)
            item = self.fields.item(row, 0)
            item.setText(label + (" *" if name in required else ""))
            item.setToolTip(base)  # the field id, as profiles write it
            guess = prop.fields.get(base)
            column = (guess.time if name.endswith(TIME_SUFFIX) else guess.column) if guess else None
            if row in self.chosen_rows:
                conf = tr("chosen")
            elif guess and column:
                conf = formatting.number(round(guess.confidence * 100), 0, self.lang) + (
                    "\u202f%" if self.lang == "fr" else "%"
                )
            else:
                conf = ""
            self.fields.item(row, 2).setText(conf)
        self.fields.resizeColumnToContents(0)
        self.fields.resizeColumnToContents(2)

    def _changed(self, row: int) -> None:
        self.chosen_rows.add(row)
        self.fields.item(row, 2).setText(tr("chosen"))
        self.fields.resizeColumnToContents(2)
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
        return preview.profile_data(
            self.proposal,
            self.chosen_fields(),
            table=self.proposal.table,
            read=self._read(),
            name=self.name.text().strip() or self.path.stem,
        )

    def sheet_name(self) -> str | None:
        return self.sheet.currentText() if self.sheet.count() else None

    def missing(self) -> list[str]:
        return preview.missing_fields(self.profile_data(), self.proposal.columns) if self.proposal else ["?"]

    def _refresh(self) -> None:
        missing = self.missing()
        self._set_enabled(not missing)
        if missing:
            self._say_missing(missing)
            self.preview.setRowCount(0)
            self.last_preview = None
            return
        self._say("Reading the first rows…", {})
        self.runner.start(preview_job, (self.path, self.profile_data(), self.sheet_name(), self.timezone))

    def _say_missing(self, missing: list[str]) -> None:
        self._status = ("missing", {"missing": missing})
        names = ", ".join(field_label(m) for m in missing)
        self.status.setText(tr("Choose a column for: {fields}").format(fields=names))

    def _show_preview(self, pv, emit: bool = True) -> None:
        self.last_preview = pv
        keys = ["Line"] + list(pv.columns) + ["Rejected because"]
        self.preview.setColumnCount(len(keys))
        for c, key in enumerate(keys):
            head = QTableWidgetItem(tr(key) if c in (0, len(keys) - 1) else field_label(key))
            if 0 < c < len(keys) - 1:
                head.setToolTip(key)  # the field id, as profiles write it
            self.preview.setHorizontalHeaderItem(c, head)
        self.preview.setRowCount(len(pv.rows))
        red = QBrush(QColor("#fde2e1"))
        for r, (line, row, reason) in enumerate(zip(pv.lines, pv.rows, pv.reasons)):
            cells = [str(line)] + [self._text(v, col) for v, col in zip(row, pv.columns)] + [reason or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if reason:
                    item.setBackground(red)
                    item.setToolTip(reason)
                elif 0 < c < len(cells) - 1 and text != str(row[c - 1]) and isinstance(row[c - 1], str):
                    item.setToolTip(row[c - 1])  # the code as stored
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        bad = sum(1 for x in pv.reasons if x)
        n = lambda v: formatting.number(v, 0, self.lang)
        if pv.rows and bad == len(pv.rows):
            # Nothing would load: Import (and saving the mapping as a profile) stay refused.
            self._set_enabled(False)
            first = next(x for x in pv.reasons if x)
            self._say(
                "None of the {n} rows shown would load ({reason}): change the columns or formats first.",
                {"n": n(len(pv.rows)), "reason": first},
            )
        else:
            self._set_enabled(True)
            self._say("{n} rows shown, {bad} would be rejected.", {"n": n(len(pv.rows)), "bad": n(bad)})
        if emit:
            self.preview_refreshed.emit(pv)

    def _text(self, value, column: str = "") -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value_label(column, value)
        if isinstance(value, datetime):
            return formatting.day(value, self.lang, with_time=True) + value.strftime(":%S")
        if isinstance(value, float):
            return formatting.number(value, 0 if value.is_integer() else 2, self.lang)
        return str(value)

    # -- saving ---------------------------------------------------------------------------
    def save_profile(self) -> Path | None:
        folder = user_folder(self.store.path)
        if folder is None:
            self._say("Profiles cannot be saved beside an in-memory database.", {})
            return None
        path = ingest.save_profile(self.profile_data(), self.name.text().strip() or self.path.stem, folder)
        self._say("Saved as the profile {name}: files of this shape will import on sight.", {"name": path.stem})
        self.profile_saved.emit(str(path))
        return path
