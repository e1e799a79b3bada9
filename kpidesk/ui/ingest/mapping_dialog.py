"""The mapping dialog: import a file no profile recognises, and remember how.

The user chooses the kind of file (call log, tickets, chats, surveys, agent sessions,
interval report); every column of the file is listed with a few of its values, the
field core proposes for it with its confidence, and how its values are read; the date
order and the unit of durations written without one can be set; the values of an
outcome, status, channel, direction or state column are listed (most frequent first)
with the code each becomes. The preview says, for the whole file, how many rows would
load and why the others would not, and shows the first rows as they will load.
Import (and "save as profile") are refused while no row would load. The reading,
recognition, value listing and previewing are ``core.ingest.preview`` functions, run
on workers (``ui/tasks.py``), the preview debounced; the dialog only shows results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting, ingest
from kpidesk.core.ingest import preview
from kpidesk.core.ingest.profiles import user_folder
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.mapping_fields import FieldsTable
from kpidesk.ui.ingest.mapping_formats import FormatsRow
from kpidesk.ui.ingest.mapping_linked import LinkedQuestions
from kpidesk.ui.ingest.mapping_preview import PreviewTable, _scale_fields, preview_job
from kpidesk.ui.ingest.mapping_privacy import PrivacyMasking
from kpidesk.ui.ingest.mapping_values import ValuesTable

# The dialog's words, kept importable from here (tests, other dialogs).
from kpidesk.ui.ingest.mapping_words import (  # noqa: F401
    CALL_EVENT_LABELS,
    DATE_ORDERS,
    DECIMALS,
    DELIMITERS,
    DURATION_UNITS,
    ENCODINGS,
    EVENT_LABELS,
    FLAG_CODES,
    KEEP,
    KIND_LABELS,
    NONE,
    ROLE_LABELS,
    TIME_SUFFIX,
    code_label,
    name_of,
    tr,
)
from kpidesk.ui.tasks import TaskRunner

DEBOUNCE_MS = 300


def inspect_job(inputs, state):
    """The mapping guess for one kind of file (worker thread)."""
    path, sheet, read, kind, db_path = inputs
    return "inspected", preview.inspect_kind(path, sheet=sheet, read=read, kind=kind, db_path=db_path)


class MappingDialog(FormatsRow, FieldsTable, ValuesTable, LinkedQuestions, PreviewTable, PrivacyMasking, QDialog):
    """``exec()`` it; when accepted, ``profile_data()`` is the profile to import with."""

    mapping_proposed = Signal(object)  # Inspection
    preview_refreshed = Signal(object)  # Preview
    values_listed = Signal(object)  # {column: ([(value, rows)], distinct)}
    profile_saved = Signal(str)  # path of the TOML written
    failed = Signal(str)

    def __init__(
        self,
        path,
        store,
        parent: QWidget | None = None,
        *,
        lang: str = "en",
        timezone: str = "UTC",
        privacy=None,
        period=None,
    ):
        """``privacy``: the desk's PrivacyState (sample values masked while it is on);
        ``period``: the period a report without dates covers, when already given."""
        super().__init__(parent)
        self.path, self.store, self.lang, self.timezone = Path(path), store, lang, timezone
        self.privacy = privacy
        self.given_period = period
        self.inspection = None
        self.proposal = None
        self.scale = None  # a survey score column's (type, min, max), from the last preview
        self.last_preview = None
        self.kind = None
        self.combos: dict[str, QComboBox] = {}  # source column → its field combo
        self.chosen: set[str] = set()  # columns whose field the user chose
        self.values: dict[str, tuple[list[tuple[str, int]], int]] = {}  # column → listed values
        self.targets: dict[tuple[str, str], str] = {}  # (column, value) → code chosen by the user
        self.value_combos: dict[tuple[str, str], QComboBox] = {}
        self._pending = False  # a preview is asked for or running: its counts are not known yet
        self._inspecting = False  # the file is being read again (kind or reader options changed)
        self._status: tuple[str | None, dict] = (None, {"text": ""})
        self.runner = TaskRunner(self, pool="read")
        self.runner.task_finished.connect(self._job_done)
        self.runner.task_failed.connect(self._job_failed)
        self.preview_runner = TaskRunner(self, pool="read")  # the newest preview wins
        self.preview_runner.task_finished.connect(self._job_done)
        self.preview_runner.task_failed.connect(self._job_failed)
        self.values_runner = TaskRunner(self, pool="read")
        self.values_runner.task_finished.connect(self._job_done)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self._run_preview)
        self._build()
        self.retranslate()
        self.resize(1280, 720)
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
        self._build_reader(top)
        # Every column of the file (left), the values of the coded ones (right).
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        self.mapping_label = QLabel()
        lay.addWidget(self.mapping_label)
        self.fields = QTableWidget(0, 5)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.fields)
        split.addWidget(left)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        self.values_label = QLabel()
        self.values_label.setWordWrap(True)
        lay.addWidget(self.values_label)
        self.value_table = QTableWidget(0, 4)
        self.value_table.verticalHeader().hide()
        self.value_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.value_table)
        self._build_linked(lay)
        split.addWidget(right)
        split.setSizes([760, 440])
        top.addWidget(split, 5)
        # What the import would do, then the first rows as they will load.
        self.preview_label = QLabel()
        top.addWidget(self.preview_label)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.counts)
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().hide()
        top.addWidget(self.preview, 3)
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_row.addSpacing(24)
        save_row.addWidget(self.buttons)
        top.addLayout(save_row)
        self._set_enabled(False)
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self._inspect(self._read(), self.kind_combo.currentData())
        )
        self.encoding.currentTextChanged.connect(lambda _t: self._inspect(self._read(), self.kind))
        self.delimiter.currentIndexChanged.connect(lambda _i: self._inspect(self._read(), self.kind))
        self.header_line.valueChanged.connect(lambda _v: self._inspect(self._read(), self.kind))
        self.sheet.currentIndexChanged.connect(lambda _i: self._inspect(self._read(), self.kind))
        self.date_order.currentIndexChanged.connect(lambda _i: self._refresh())
        self.duration_unit.currentIndexChanged.connect(lambda _i: self._refresh())
        self.decimal.currentIndexChanged.connect(lambda _i: self._refresh())
        self.date_format.textChanged.connect(lambda _t: self._format_changed())
        self.zone.currentTextChanged.connect(lambda _t: self._refresh())
        self.period_edit.changed.connect(self._refresh)
        self._show_period_row(False)
        if self.privacy is not None:  # sample values masked (or shown again) at once
            self.privacy.privacy_changed.connect(self._privacy_switched)

    def retranslate(self, code: str | None = None) -> None:
        """Every text in the current language (also after the window switches language)."""
        if code:
            self.lang = code
        self.setWindowTitle(translate("Mapping", "Map the columns of {file}").format(file=self.path.name))
        self.intro.setText(
            translate(
                "Mapping",
                "No import profile recognises {file}. Say what kind of file it is, check the field proposed "
                "for each column (fields marked * are required), the formats and the values, then import it.",
            ).format(file=self.path.name)
        )
        self._retranslate_reader()
        self._retranslate_linked()
        self.fields.setHorizontalHeaderLabels(
            [
                translate("Mapping", "Column in the file"),
                translate("Mapping", "Values"),
                translate("Mapping", "Field"),
                translate("Mapping", "Confidence"),
                translate("Mapping", "Read as"),
            ]
        )
        self.value_table.setHorizontalHeaderLabels(
            [
                translate("Mapping", "Field"),
                translate("Mapping", "Value in the file"),
                translate("Mapping", "Rows"),
                translate("Mapping", "Becomes"),
            ]
        )
        self.mapping_label.setText(translate("Mapping", "Columns of the file"))
        self.values_label.setText(
            translate("Mapping", "Values of the coded columns (outcome, status, channel…): what each becomes")
        )
        self.preview_label.setText(
            translate("Mapping", "Preview: what the import would do, and the first rows as they will load")
        )
        self.name_label.setText(translate("Mapping", "Profile name"))
        self.save_button.setText(translate("Mapping", "Save as profile"))
        self.import_button.setText(translate("Mapping", "Import"))
        self.cancel_button.setText(translate("Mapping", "Cancel"))
        if self.proposal is not None:
            self._label_fields()
            self._fill_values()
        if self.last_preview is not None:
            self._show_preview(self.last_preview, emit=False)
        self._say(*self._status)

    def _say(self, template: str | None, kwargs: dict) -> None:
        """The status line; kept as template and values so it can be re-said in another language."""
        self._status = (template, kwargs)
        if template == "missing":
            names = ", ".join(name_of(m, self.kind) for m in kwargs["missing"])
            self.status.setText(translate("Mapping", "Choose a column for: {fields}").format(fields=names))
            return
        if template == "blocked":  # a format the user typed: said in their language already
            self.status.setText(kwargs["text"])
            return
        self.status.setText(kwargs.get("text", "") if template is None else tr(template).format(**kwargs))

    def _set_enabled(self, ok: bool) -> None:
        self.import_button.setEnabled(ok)
        self.save_button.setEnabled(ok)

    def _n(self, v: int) -> str:
        return formatting.number(v, 0, self.lang)

    # -- reading and proposing ------------------------------------------------------------
    def _read(self) -> dict:
        read = {
            "encoding": self.encoding.currentText(),
            "delimiter": self.delimiter.currentData(),
            "header_line": self.header_line.value(),
        }
        return read if self.proposal and self.proposal.reader.get("kind") == "csv" else {}

    def sheet_name(self) -> str | None:
        return self.sheet.currentText() if self.sheet.count() else None

    def _inspect(self, read: dict | None = None, kind: str | None = None) -> None:
        self.timer.stop()
        self.preview_runner.cancel()
        self.values_runner.cancel()
        self._inspecting = True
        self._pending = True
        self._set_enabled(False)
        self._say(QT_TRANSLATE_NOOP("Mapping", "Reading the file…"), {})
        self.runner.start(inspect_job, (self.path, self.sheet_name(), read, kind, self.store.path))

    def _job_done(self, result) -> None:
        kind, value = result
        if kind == "inspected":
            self._show_inspection(value)
        elif kind == "values":
            self._show_values(value)
        else:
            pv, self.scale = value
            self._show_preview(pv)

    def _job_failed(self, message: str) -> None:
        self._pending = self._inspecting = False
        self._say(None, {"text": message.split(": ", 1)[-1]})  # from the reader, in English
        self._set_enabled(False)
        self.failed.emit(message)

    def _show_inspection(self, inspection) -> None:
        self._inspecting = False
        self.inspection, self.proposal, self.kind = inspection, inspection.proposal, inspection.kind
        self.scale = None
        prop = self.proposal
        r = prop.reader
        widgets = (self.encoding, self.delimiter, self.header_line, self.sheet, self.kind_combo)
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
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(inspection.kind)))
        for w in widgets:
            w.blockSignals(False)
        for key, visible in (("encoding", csv), ("delimiter", csv), ("header", csv), ("sheet", not csv)):
            self.rows[key].setVisible(visible)
            self.row_labels[key].setVisible(visible)
        self.chosen, self.targets, self.values = set(), {}, {}
        self._fill_fields()
        if self.period_edit.period() is None:  # the file's name or preamble says it; else the last one offered
            self.period_edit.blockSignals(True)
            if inspection.period is not None:
                self.period_edit.set_period(inspection.period)
            else:
                self.period_edit.offer(getattr(self.parent(), "last_period", None))
            self.period_edit.blockSignals(False)
        self.mapping_proposed.emit(inspection)
        self._ask_values()
        self._refresh()

    def profile_data(self) -> dict:
        data = self._profile_data()
        if self.scale is not None and data.get("table") == "surveys" and "score" in data.get("fields", {}):
            data["fields"].update(_scale_fields(self.scale))
        return data

    def _profile_data(self) -> dict:
        return preview.profile_data(
            self.proposal,
            self.chosen_fields(),
            read=self._read(),
            name=self.name.text().strip() or self.path.stem,
            kind=self.kind,
            parse={k: v for k, v in self.formats().items() if not (k == "duration_unit" and v == "seconds")},
            confidence=self.confidences(),
        )

    def missing(self) -> list[str]:
        if self.proposal is None:
            return ["?"]
        return preview.missing_fields(self.profile_data(), self.proposal.columns, self.period())

    def _refresh(self) -> None:
        """The mapping changed: the preview is asked again after a short pause (debounced)."""
        if self.proposal is None or self._inspecting:
            return
        self._set_enabled(False)
        undated = self.needs_period()
        self._show_period_row(undated)
        self._say_period()
        blocked = self.format_problem() or self.zone_problem() or (undated and self.period_edit.problem())
        if blocked or (undated and self.period() is None):
            self.timer.stop()
            self._pending = False
            self.preview_runner.cancel()
            self.preview.setRowCount(0)
            self.last_preview = None
            self._fill_linked(None)
            if blocked:
                self._say("blocked", {"text": blocked})
                self.counts.setText(translate("Mapping", "No row can load until the formats are right."))
            else:
                self._say("Say which period this file covers (it has no date column), or choose its date column.", {})
                self.counts.setText(translate("Mapping", "No row can load until the period is given."))
            return
        missing = self.missing()
        if missing:
            self.timer.stop()
            self._pending = False
            self.preview_runner.cancel()
            self._say("missing", {"missing": missing})
            self.preview.setRowCount(0)
            self.last_preview = None
            self._fill_linked(None)
            self.counts.setText(translate("Mapping", "No row can load until every required field has a column."))
            return
        self._pending = True
        self._say(QT_TRANSLATE_NOOP("Mapping", "Checking the rows…"), {})
        self.timer.start()

    def _run_preview(self) -> None:
        score = self.column_of("score") if self.kind == "surveys" else None
        inputs = (self.path, self.profile_data(), self.sheet_name(), self.timezone, score, self.period())
        self.preview_runner.start(preview_job, inputs)

    def is_pending(self) -> bool:
        return self._pending

    # -- saving ---------------------------------------------------------------------------
    def save_profile(self) -> Path | None:
        """Save the mapping (fields, value codes, formats) as a profile: only one under
        which rows load (the button is refused otherwise)."""
        pv = self.last_preview
        if self._pending or pv is None or pv.missing or not pv.loading or self.linked_problem(pv):
            self._say(QT_TRANSLATE_NOOP("Mapping", "Only a mapping under which rows load can be saved."), {})
            return None
        folder = user_folder(self.store.path)
        if folder is None:
            self._say(QT_TRANSLATE_NOOP("Mapping", "Profiles cannot be saved beside an in-memory database."), {})
            return None
        path = ingest.save_profile(self.profile_data(), self.name.text().strip() or self.path.stem, folder)
        self._say(
            QT_TRANSLATE_NOOP("Mapping", "Saved as the profile {name}: files of this shape will import on sight."),
            {"name": path.stem},
        )
        self.profile_saved.emit(str(path))
        return path
