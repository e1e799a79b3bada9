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

from datetime import datetime
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting, ingest
from kpidesk.core import privacy as masks
from kpidesk.core.ingest import dateformat, headers, preview
from kpidesk.core.ingest.identifiers import normalize
from kpidesk.core.ingest.profiles import user_folder
from kpidesk.core.ingest.proposal import PRIMARY_TIME
from kpidesk.core.ingest.synonyms import TABLE_HINTS
from kpidesk.core.ingest.values import FALSE_WORDS, TRUE_WORDS
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import words
from kpidesk.ui.ingest.field_labels import field_label, value_label
from kpidesk.ui.ingest.period_edit import PeriodEdit, said
from kpidesk.ui.tasks import TaskRunner

NONE = "—"
TIME_SUFFIX = ".time"
DEBOUNCE_MS = 300
DELIMITERS = [
    (";", QT_TRANSLATE_NOOP("Mapping", "Semicolon ;")),
    (",", QT_TRANSLATE_NOOP("Mapping", "Comma ,")),
    ("\t", QT_TRANSLATE_NOOP("Mapping", "Tab")),
    ("|", QT_TRANSLATE_NOOP("Mapping", "Pipe |")),
]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16"]
KIND_LABELS = {
    "calls": QT_TRANSLATE_NOOP("Mapping", "Call log (one row per call)"),
    "tickets": QT_TRANSLATE_NOOP("Mapping", "Tickets (one row per ticket)"),
    "chats": QT_TRANSLATE_NOOP("Mapping", "Chats (one row per conversation)"),
    "surveys": QT_TRANSLATE_NOOP("Mapping", "Survey answers"),
    "sessions": QT_TRANSLATE_NOOP("Mapping", "Agent sessions and pauses"),
    "intervals": QT_TRANSLATE_NOOP("Mapping", "Interval report (counts per period)"),
    "events": QT_TRANSLATE_NOOP("Mapping", "Ticket event log (one row per event)"),
    "call_events": QT_TRANSLATE_NOOP("Mapping", "Call event log (one row per event)"),
}
EVENT_LABELS = {  # an event log's columns (rebuilt into tickets or calls)
    "event.case": QT_TRANSLATE_NOOP("Mapping", "Case (ticket id)"),
    "event.at": QT_TRANSLATE_NOOP("Mapping", "Time of the event"),
    "event.activity": QT_TRANSLATE_NOOP("Mapping", "Activity"),
    "event.resource": QT_TRANSLATE_NOOP("Mapping", "Resource (agent)"),
    "event.queue": QT_TRANSLATE_NOOP("Mapping", "Queue"),
    "event.caller": QT_TRANSLATE_NOOP("Mapping", "Caller"),
}
CALL_EVENT_LABELS = {  # a call event log's own words for them
    "event.case": QT_TRANSLATE_NOOP("Mapping", "Call id"),
    "event.activity": QT_TRANSLATE_NOOP("Mapping", "Event"),
}
ROLE_LABELS = {  # what an activity means for the ticket…
    "created": QT_TRANSLATE_NOOP("Mapping", "ticket created"),
    "response": QT_TRANSLATE_NOOP("Mapping", "agent response"),
    "solved": QT_TRANSLATE_NOOP("Mapping", "solved or closed"),
    "reopen": QT_TRANSLATE_NOOP("Mapping", "reopened"),
    # …or for the call
    "queued": QT_TRANSLATE_NOOP("Mapping", "entered the queue"),
    "ringing": QT_TRANSLATE_NOOP("Mapping", "ringing an agent"),
    "answered": QT_TRANSLATE_NOOP("Mapping", "answered by an agent"),
    "hold": QT_TRANSLATE_NOOP("Mapping", "put on hold"),
    "unhold": QT_TRANSLATE_NOOP("Mapping", "taken off hold"),
    "transfer": QT_TRANSLATE_NOOP("Mapping", "transferred"),
    "abandon": QT_TRANSLATE_NOOP("Mapping", "abandoned by the caller"),
    "hangup": QT_TRANSLATE_NOOP("Mapping", "call ended (hang-up)"),
    "wrapup": QT_TRANSLATE_NOOP("Mapping", "end of wrap-up"),
}
DATE_ORDERS = [
    ("auto", QT_TRANSLATE_NOOP("Mapping", "Found from the values")),
    ("dmy", QT_TRANSLATE_NOOP("Mapping", "Day first: 31/12/2024, 31.12.2024")),
    ("mdy", QT_TRANSLATE_NOOP("Mapping", "Month first: 12/31/2024")),
    ("ymd", QT_TRANSLATE_NOOP("Mapping", "Year first: 2024-12-31, 20241231, 241231")),
]
DURATION_UNITS = [
    ("seconds", QT_TRANSLATE_NOOP("Mapping", "seconds")),
    ("minutes", QT_TRANSLATE_NOOP("Mapping", "minutes")),
    ("hours", QT_TRANSLATE_NOOP("Mapping", "hours")),
    ("milliseconds", QT_TRANSLATE_NOOP("Mapping", "milliseconds")),
]
DECIMALS = [
    ("auto", QT_TRANSLATE_NOOP("Mapping", "Found from the numbers")),
    ("comma", QT_TRANSLATE_NOOP("Mapping", "Comma: 4,5")),
    ("point", QT_TRANSLATE_NOOP("Mapping", "Point: 4.5")),
]
FLAG_CODES = {"true": QT_TRANSLATE_NOOP("Mapping", "yes"), "false": QT_TRANSLATE_NOOP("Mapping", "no")}
KEEP = "\x00keep"  # a value kept as it is written
# Columns whose values privacy mode masks in the dialog (as the rest of the app does):
# agents get an alias, customers' identifiers are masked, free text has emails,
# phones and known names taken out (every other column too).
AGENT_FIELDS = {"agent_id", "event.resource"}
CUSTOMER_FIELDS = {"customer_id", "contact_ref", "event.caller"}
# Headers that say a column holds a person's details or free text, whatever field it feeds.
PERSON_WORDS = {
    "customer", "client", "caller", "appelant", "phone", "telephone", "tel", "mobile", "portable",
    "email", "mail", "courriel", "name", "nom", "prenom", "ani", "cli", "msisdn",
}  # fmt: skip
TEXT_WORDS = {
    "comment", "comments", "commentaire", "commentaires", "note", "notes", "description", "subject", "objet",
    "message", "verbatim", "feedback", "remarque", "remarques", "text", "texte", "body",
}  # fmt: skip
ZONES = sorted(available_timezones())


def tr(text: str) -> str:
    return translate("Mapping", text)


def name_of(field: str, kind: str | None = None) -> str:
    """The user's word for a field, the event logs' columns included (``kind``: the
    kind of file, a call event log naming its case a call)."""
    if kind == "call_events" and field in CALL_EVENT_LABELS:
        return tr(CALL_EVENT_LABELS[field])
    return tr(EVENT_LABELS[field]) if field in EVENT_LABELS else field_label(field)


def code_label(field: str, code: str) -> str:
    """The user's word for a code a value becomes."""
    return tr(ROLE_LABELS[code]) if field == "event.activity" and code in ROLE_LABELS else value_label(field, code)


def inspect_job(inputs, state):
    """The mapping guess for one kind of file (worker thread)."""
    path, sheet, read, kind, db_path = inputs
    return "inspected", preview.inspect_kind(path, sheet=sheet, read=read, kind=kind, db_path=db_path)


def preview_job(inputs, state):
    """The first rows as they will load, and the counts over the file (worker thread).
    A survey file's score column gives the scale (its type, minimum and maximum)."""
    path, data, sheet, timezone, score, period = inputs
    scale = preview.score_scale(path, score, sheet=sheet, read=data.get("read")) if score else None
    if scale is not None:
        data = dict(data, fields={**data["fields"], **_scale_fields(scale)})
    return "previewed", (preview.preview(path, data, sheet=sheet, timezone=timezone, period=period), scale)


def _scale_fields(scale) -> dict:
    kind, lo, hi = scale
    return {"survey_type": {"value": kind}, "scale_min": {"value": lo}, "scale_max": {"value": hi}}


def values_job(inputs, state):
    """The distinct values of the coded columns (worker thread)."""
    path, columns, sheet, read, empty = inputs
    return "values", preview.distinct_values(path, columns, sheet=sheet, read=read, empty=empty)


class MappingDialog(QDialog):
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
        # The kind of file and the formats of its values (first line), how it is read (second).
        self.reader = reader = QGroupBox()
        grid = QGridLayout(reader)
        grid.setContentsMargins(8, 4, 8, 4)
        self.kind_combo = QComboBox()
        for kind in preview.KINDS:
            self.kind_combo.addItem("", kind)
        self.encoding = QComboBox(editable=True)
        self.encoding.addItems(ENCODINGS)
        self.delimiter = QComboBox()
        for char, _label in DELIMITERS:
            self.delimiter.addItem("", char)
        self.header_line = QSpinBox(minimum=1, maximum=200)
        self.sheet = QComboBox()
        self.date_order = QComboBox()
        for code, _label in DATE_ORDERS:
            self.date_order.addItem("", code)
        self.duration_unit = QComboBox()
        for code, _label in DURATION_UNITS:
            self.duration_unit.addItem("", code)
        # Formats the values alone cannot tell: the decimal mark, a date format, the time zone.
        self.decimal = QComboBox()
        for code, _label in DECIMALS:
            self.decimal.addItem("", code)
        self.date_format = QLineEdit()
        self.date_format.setClearButtonEnabled(True)
        self.date_format.setMinimumWidth(150)
        self.format_hint = QLabel()
        self.format_hint.setWordWrap(True)
        self.zone = QComboBox(editable=True)
        self.zone.addItem("", None)
        for name in ZONES:
            self.zone.addItem(name, name)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.period_edit = PeriodEdit()
        self.period_edit.set_period(self.given_period)
        self.period_hint = QLabel()
        self.period_hint.setWordWrap(True)
        self.rows, self.row_labels = {}, {}
        places = (
            ("kind", self.kind_combo, 0, 0),
            ("dates", self.date_order, 0, 2),
            ("durations", self.duration_unit, 0, 4),
            ("decimal", self.decimal, 1, 0),
            ("date_format", self.date_format, 1, 2),
            ("zone", self.zone, 1, 4),
            ("encoding", self.encoding, 2, 0),
            ("delimiter", self.delimiter, 2, 2),
            ("header", self.header_line, 2, 4),
            ("sheet", self.sheet, 2, 6),
        )
        for key, widget, row, col in places:
            self.row_labels[key] = QLabel()
            grid.addWidget(self.row_labels[key], row, col)
            grid.addWidget(widget, row, col + 1)
            self.rows[key] = widget
        grid.addWidget(self.format_hint, 1, 6, 1, 3)
        self.row_labels["period"] = QLabel()
        grid.addWidget(self.row_labels["period"], 3, 0)
        grid.addWidget(self.period_edit, 3, 1, 1, 3)
        grid.addWidget(self.period_hint, 3, 4, 1, 5)
        self.rows["period"] = self.period_edit
        grid.setColumnStretch(8, 1)
        top.addWidget(reader)
        short = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        for combo, chars in (
            (self.kind_combo, 26),
            (self.date_order, 26),
            (self.duration_unit, 10),
            (self.decimal, 12),
            (self.zone, 30),
        ):
            combo.setSizeAdjustPolicy(short)  # the dialog fits 1366 pixels; the full text shows when open
            combo.setMinimumContentsLength(chars)
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
        self.reader.setTitle(translate("Mapping", "The file and its formats"))
        for key, text in (
            ("kind", QT_TRANSLATE_NOOP("Mapping", "Kind of file")),
            ("encoding", QT_TRANSLATE_NOOP("Mapping", "Encoding")),
            ("delimiter", QT_TRANSLATE_NOOP("Mapping", "Separator")),
            ("header", QT_TRANSLATE_NOOP("Mapping", "Header line")),
            ("sheet", QT_TRANSLATE_NOOP("Mapping", "Sheet")),
            ("dates", QT_TRANSLATE_NOOP("Mapping", "Dates")),
            ("durations", QT_TRANSLATE_NOOP("Mapping", "Durations without a unit")),
            ("decimal", QT_TRANSLATE_NOOP("Mapping", "Decimal mark")),
            ("date_format", QT_TRANSLATE_NOOP("Mapping", "Date format")),
            ("zone", QT_TRANSLATE_NOOP("Mapping", "Times written in")),
            ("period", QT_TRANSLATE_NOOP("Mapping", "Period of the file")),
        ):
            self.row_labels[key].setText(tr(text))
        for i, (_code, label) in enumerate(DECIMALS):
            self.decimal.setItemText(i, tr(label))
        self.zone.setItemText(0, translate("Mapping", "the app's time zone ({zone})").format(zone=self.timezone))
        self.zone.lineEdit().setCursorPosition(0)
        self.date_format.setPlaceholderText(translate("Mapping", "found from the values"))
        pattern_help = translate(
            "Mapping",
            "A date format, when the values alone do not tell: DD day, MM month, YYYY year (YY: two digits), "
            "hh hours (0-23), mm minutes, ss seconds; every other character as written. "
            "E.g. DD.MM.YYYY hh:mm for 31.12.2024 18:30. A strptime format (%d.%m.%Y %H:%M) is accepted too.",
        )
        self.date_format.setToolTip(pattern_help)
        self.format_hint.setToolTip(pattern_help)
        self.zone.setToolTip(
            translate(
                "Mapping",
                "The time zone the file's times are written in: they are converted to the app's time zone "
                "({zone}), as every import is. Times that carry their own offset (Z, +02:00) are always converted.",
            ).format(zone=self.timezone)
        )
        self.period_edit.retranslate(self.lang)
        self._format_changed(refresh=False)
        self._say_period()
        for i, (_char, label) in enumerate(DELIMITERS):
            self.delimiter.setItemText(i, tr(label))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, tr(KIND_LABELS[self.kind_combo.itemData(i)]))
        for i, (_code, label) in enumerate(DATE_ORDERS):
            self.date_order.setItemText(i, tr(label))
        for i, (_code, label) in enumerate(DURATION_UNITS):
            self.duration_unit.setItemText(i, tr(label))
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

    # -- the columns and their fields ------------------------------------------------------
    def field_choices(self) -> list[str]:
        """The fields a column may feed, for the kind of file chosen (required first)."""
        prop = self.proposal
        if self.kind in preview.EVENT_KINDS:
            return preview.event_fields(self.kind)
        hinted = list(TABLE_HINTS.get(prop.table, {}).get("fields", []))
        names = preview.required_fields(prop.table) + hinted + list(getattr(self.inspection, "fields", []))
        names += [f for f in prop.fields if f != preview.LINKED_SCORE]
        names = [n for n in dict.fromkeys(names) if n != "source_key" and n not in prop.constants] + ["source_key"]
        if self.kind in ("calls", "tickets", "chats") and "channel" not in names:
            names.append("channel")
        primary = PRIMARY_TIME.get(prop.table)
        if primary in names:
            names.insert(names.index(primary) + 1, primary + TIME_SUFFIX)
        if prop.table == "contacts":
            names.append(preview.LINKED_SCORE)
        return names

    def _guessed(self) -> dict[str, tuple[str, float]]:
        """Column → (field, confidence) as core proposed them."""
        out: dict[str, tuple[str, float]] = {}
        for name, g in self.proposal.fields.items():
            out.setdefault(g.column, (name, g.confidence))
            if g.time:
                out.setdefault(g.time, (name + TIME_SUFFIX, g.confidence))
        return out

    def _fill_fields(self) -> None:
        prop = self.proposal
        choices = self.field_choices()
        required = set(self.required())
        guessed = self._guessed()
        self.fields.setRowCount(len(prop.columns))
        self.combos = {}
        for row, col in enumerate(prop.columns):
            item = QTableWidgetItem(col)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(row, 0, item)
            examples = QTableWidgetItem()
            examples.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(row, 1, examples)
            combo = QComboBox()
            combo.addItem("", None)
            bold = QFont()
            bold.setBold(True)
            for name in choices:
                combo.addItem("", name)
                if name in required:
                    combo.setItemData(combo.count() - 1, bold, Qt.ItemDataRole.FontRole)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(col, (None, 0))[0])))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._changed(c))
            self.fields.setCellWidget(row, 2, combo)
            self.combos[col] = combo
            for c in (3, 4):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.fields.setItem(row, c, cell)
        self._label_fields()

    def _choice_label(self, name: str | None) -> str:
        if name is None:
            return translate("Mapping", "not used")
        if name == preview.LINKED_SCORE:
            return words.field_of("surveys.score")
        base = name.removesuffix(TIME_SUFFIX)
        label = name_of(base, self.kind)
        if name.endswith(TIME_SUFFIX):
            label = translate("Mapping", "{field}: time of day only").format(field=label)
        return label + (" *" if name in self.required() else "")

    def required(self) -> list[str]:
        """The fields the kind of file cannot do without."""
        if self.kind in preview.EVENT_KINDS:
            return list(preview.EVENT_REQUIRED)
        return preview.required_fields(self.proposal.table)

    def _label_fields(self) -> None:
        """Fields and confidences in the user's words; the field id as tooltip (profiles use it)."""
        guessed = self._guessed()
        report = {c["column"]: c for c in (self.last_preview.columns_report if self.last_preview else [])}
        for row, col in enumerate(self.proposal.columns):
            shown = [self.shown(v, self._field_of_column(col), col) for v in self.inspection.examples.get(col, [])]
            self.fields.item(row, 1).setText(" · ".join(shown))
            combo = self.combos[col]
            for i in range(combo.count()):
                combo.setItemText(i, self._choice_label(combo.itemData(i)))
                combo.setItemData(i, combo.itemData(i) or "", Qt.ItemDataRole.ToolTipRole)
            name = combo.currentData()
            if col in self.chosen:
                conf = translate("Mapping", "chosen") if name else ""
            elif name and guessed.get(col, (None, 0))[0] == name:
                conf = self._percent(guessed[col][1])
            else:
                conf = ""
            self.fields.item(row, 3).setText(conf)
            said = report.get(col)
            if said and not self._pending:  # what the import would do under this mapping
                rule = words.rule(said["rule"])
            else:  # not previewed yet under this mapping
                rule = words.rule("not used") if name is None else ""
            self.fields.item(row, 4).setText(rule)
        self.fields.resizeColumnToContents(0)
        self.fields.resizeColumnToContents(3)
        self.fields.setColumnWidth(1, min(220, max(90, self.fields.sizeHintForColumn(1))))
        self.fields.setColumnWidth(2, max(230, self.fields.columnWidth(2)))

    def _percent(self, share: float) -> str:
        return formatting.number(round(share * 100), 0, self.lang) + ("\u202f%" if self.lang == "fr" else "%")

    def _changed(self, col: str) -> None:
        """A column given another field: that field leaves the column that had it."""
        self.chosen.add(col)
        name = self.combos[col].currentData()
        if name:
            for other, combo in self.combos.items():
                if other != col and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    self.chosen.add(other)
        self._refresh()
        self._label_fields()
        self._ask_values()

    def set_field(self, column: str, field: str | None) -> None:
        """Give ``column`` the field ``field`` (None: not used), as the user does with its combo."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def column_of(self, field: str) -> str | None:
        return next((c for c, combo in self.combos.items() if combo.currentData() == field), None)

    # -- coded values ------------------------------------------------------------------------
    def flags(self) -> list[str]:
        """The yes/no fields of the kind's table (transferred, resolved, reopened…)."""
        return list(getattr(self.inspection, "flags", []) or [])

    def coded_columns(self) -> dict[str, str]:
        """Column → coded field (outcome, status, channel, direction, state) or yes/no
        field it feeds: their values are listed, a target each."""
        coded = set(preview.CODED) | set(self.flags())
        return {c: f for c, combo in self.combos.items() if (f := combo.currentData()) in coded}

    def _ask_values(self) -> None:
        coded = self.coded_columns()
        wanted = [c for c in coded if c not in self.values]
        if wanted:
            empty = tuple(c for c in wanted if coded[c] in self.flags())  # an empty flag may mean "no"
            self.values_runner.start(values_job, (self.path, wanted, self.sheet_name(), self._read(), empty))
        self._fill_values()

    def _show_values(self, listed) -> None:
        if self._inspecting:  # values of the file as it was read before: asked again
            return
        self.values.update(listed)
        self._fill_values()
        self.values_listed.emit(listed)
        self._refresh()

    def _guess_map(self, col: str, field: str) -> dict[str, str]:
        g = self.proposal.fields.get(field)
        return {str(k).lower(): v for k, v in (g.map or {}).items()} if g and g.column == col else {}

    def _codes(self, field: str) -> list[str]:
        if field == "event.activity":
            return preview.activity_roles(self.kind)
        return list(FLAG_CODES) if field in self.flags() else list(preview.CODED[field])

    @staticmethod
    def flag_reading(value: str) -> str:
        """What the import's own yes/no words make of ``value`` ("true", "false", or KEEP:
        not read — an empty cell is unknown)."""
        low = value.lower()
        return "true" if low in TRUE_WORDS else "false" if low in FALSE_WORDS and low else KEEP

    def target_of(self, col: str, field: str, value: str) -> str:
        """The code ``value`` of ``col`` becomes (KEEP: kept as written)."""
        if (col, value) in self.targets:
            return self.targets[(col, value)]
        if field in self.flags():
            return self._guess_map(col, field).get(value.lower()) or self.flag_reading(value)
        code = self._guess_map(col, field).get(value.lower())
        if code is None and field == "event.activity":
            code = preview.activity_role(value, self.kind)  # the event log's default names
        if code is None and value.lower() in preview.CODED[field]:
            code = value.lower()
        return code or KEEP

    def _fill_values(self) -> None:
        rows = [
            (col, field, value, n)
            for col, field in self.coded_columns().items()
            for value, n in self.values.get(col, ([], 0))[0]
        ]
        self.value_table.setRowCount(len(rows))
        self.value_combos = {}
        for r, (col, field, value, n) in enumerate(rows):
            cells = [
                f"{name_of(field, self.kind)} ({col})",
                self.shown(value, field, col) if value else translate("Mapping", "(empty)"),
                self._n(n),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.value_table.setItem(r, c, item)
            combo = QComboBox()
            if field in self.flags():
                combo.addItem(
                    translate("Mapping", "left empty")
                    if not value
                    else translate("Mapping", "not read (row rejected)"),
                    KEEP,
                )
            else:
                combo.addItem(
                    translate("Mapping", "another event")
                    if field == "event.activity"
                    else translate("Mapping", "kept as written"),
                    KEEP,
                )
            for code in self._codes(field):
                label = tr(FLAG_CODES[code]) if field in self.flags() else code_label(field, code)
                combo.addItem(label, code)
                combo.setItemData(combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(self.target_of(col, field, value))))
            combo.currentIndexChanged.connect(lambda _i, k=(col, value), cb=combo: self._target_changed(k, cb))
            self.value_table.setCellWidget(r, 3, combo)
            self.value_combos[(col, value)] = combo
        self.value_table.resizeColumnToContents(0)
        self.value_table.resizeColumnToContents(2)
        self.value_table.setColumnWidth(3, max(170, self.value_table.columnWidth(3)))

    def _target_changed(self, key: tuple[str, str], combo: QComboBox) -> None:
        self.targets[key] = combo.currentData()
        self._refresh()

    def set_target(self, column: str, value: str, code: str | None) -> None:
        """What ``value`` of ``column`` becomes (None: kept as written), as the user does."""
        combo = self.value_combos[(column, value)]
        combo.setCurrentIndex(max(0, combo.findData(code or KEEP)))

    # -- privacy mode --------------------------------------------------------------------------
    def hiding(self) -> bool:
        return self.privacy is not None and self.privacy.enabled

    def _field_of_column(self, col: str) -> str | None:
        """The field a column feeds now, else the one core proposed for it."""
        combo = self.combos.get(col)
        return (combo.currentData() if combo is not None else None) or self._guessed().get(col, (None, 0))[0]

    def _kind_of_column(self, col: str | None, field: str | None) -> str:
        """agent, customer or text: how privacy mode masks the column's values."""
        field = (field or "").removesuffix(TIME_SUFFIX)
        if field in AGENT_FIELDS:
            return "agent"
        if field in CUSTOMER_FIELDS:
            return "customer"
        words = set(normalize(col or "").split())
        if words & PERSON_WORDS:
            return "customer"
        return "text"  # free text too: emails, phone numbers and known names taken out

    def shown(self, value: str, field: str | None = None, col: str | None = None) -> str:
        """``value`` as the dialog may show it: masked while privacy mode is on."""
        if not self.hiding() or value in (None, ""):
            return value
        text = str(value)
        kind = self._kind_of_column(col, field)
        if kind == "agent":
            return self.privacy.agent_name(text)
        if kind == "customer" or masks.EMAIL.fullmatch(text.strip()) or masks.PHONE.fullmatch(text.strip()):
            return self.privacy.customer(text) or ""
        return self.privacy.text(text) or ""

    def _privacy_switched(self, _on: bool) -> None:
        self._repaint_values()

    def _repaint_values(self) -> None:
        """Privacy mode switched: every value shown again, masked or not."""
        if self.proposal is not None:
            self._label_fields()
            self._fill_values()
        if self.last_preview is not None:
            self._show_preview(self.last_preview, emit=False)

    # -- the mapping the user made ----------------------------------------------------------
    def chosen_fields(self) -> dict:
        out: dict = {}
        by_field = {combo.currentData(): col for col, combo in self.combos.items() if combo.currentData()}
        for name, col in by_field.items():
            if name.endswith(TIME_SUFFIX):
                continue
            time = by_field.get(name + TIME_SUFFIX)
            if time:
                out[name] = {"date": col, "time": time}
            elif self.kind == "intervals" and name.endswith("_s") and headers.read(col).aggregate == "avg":
                # an average per period is kept as a sum (average × count): the KPIs stay weighted
                count = next((by_field[f] for f in ("handled", "answered", "offered") if f in by_field), None)
                out[name] = {"average": col, "count": count} if count else {"average": col, "count": []}
            elif name in self.flags():
                # the column's own yes/no words (and its empty cells) where they differ from the defaults
                listed, _distinct = self.values.get(col, ([], 0))
                recode = dict(self._guess_map(col, name))
                for value, _n in listed:
                    code = self.target_of(col, name, value)
                    recode.pop(value.lower(), None)
                    if code != KEEP and code != self.flag_reading(value):
                        recode[value.lower()] = code
                out[name] = {"column": col, "map": recode} if recode else col
            elif name in preview.CODED:
                listed, distinct = self.values.get(col, ([], 0))
                # every value listed: the codes of those values only; else the guess's too
                recode = {} if listed and distinct <= len(listed) else dict(self._guess_map(col, name))
                for value, _n in listed:
                    code = self.target_of(col, name, value)
                    recode.pop(value.lower(), None)
                    if code != KEEP:
                        recode[value.lower()] = code
                out[name] = {"column": col, "map": recode} if recode else col
            else:
                out[name] = col
        return out

    def confidences(self) -> dict[str, float]:
        guessed = self._guessed()
        out = {}
        for col, combo in self.combos.items():
            name = combo.currentData()
            if name and not name.endswith(TIME_SUFFIX):
                same = guessed.get(col, (None, 0))[0] == name and col not in self.chosen
                out[name] = guessed[col][1] if same else 1.0  # the user's own choice is sure
        return out

    def formats(self) -> dict:
        """The ``[parse]`` formats chosen (saved with the profile): what the preview and
        the import read the file with."""
        decimal = self.decimal.currentData()
        out = {
            "date_order": self.date_order.currentData(),
            "duration_unit": self.duration_unit.currentData(),
            "decimal_comma": {"comma": True, "point": False}.get(decimal, "auto"),
        }
        typed = self.date_format.text().strip()
        if typed and not self.format_problem():
            out["date_format"] = typed
        zone = self.zone_name()
        if zone:
            out["timezone"] = zone
        return out

    def zone_name(self) -> str | None:
        """The zone the file's times are written in (None: the app's own, no conversion)."""
        text = self.zone.currentText().strip()
        if self.zone.currentIndex() == 0 and text == self.zone.itemText(0):
            return None
        return text if text in ZONES else None

    def format_problem(self) -> str:
        """Why the date format typed cannot be used ('' when it can, or none is typed)."""
        typed = self.date_format.text().strip()
        if not typed:
            return ""
        try:
            dateformat.strptime_of(typed)
        except ValueError:
            return translate(
                "Mapping", "not a whole date: give the day, the month and the year (e.g. DD/MM/YYYY hh:mm)"
            )
        return ""

    def zone_problem(self) -> str:
        text = self.zone.currentText().strip()
        if not text or self.zone_name() or (self.zone.currentIndex() == 0 and text == self.zone.itemText(0)):
            return ""
        return translate("Mapping", "{zone} is not a time zone (e.g. Europe/Paris, America/New_York, UTC)").format(
            zone=text
        )

    def _format_changed(self, refresh: bool = True) -> None:
        """The date format typed: what it reads as, or why it cannot be used."""
        typed = self.date_format.text().strip()
        problem = self.format_problem()
        if problem:
            self.format_hint.setText(problem)
            self.format_hint.setStyleSheet("color: #b3261e;")
        else:
            self.format_hint.setStyleSheet("")
            self.format_hint.setText(
                translate("Mapping", "read as {format}").format(format=dateformat.strptime_of(typed))
                if typed
                else translate("Mapping", "DD day, MM month, YYYY year, hh:mm:ss time")
            )
        if refresh:
            self._refresh()

    # -- the period of a report without dates ----------------------------------------------
    def needs_period(self) -> bool:
        """Whether the mapping reads a report of counts with no column for its dates."""
        if self.proposal is None or self.kind != "intervals":
            return False
        return preview.needs_period(self._profile_data(), self.proposal.columns)

    def period(self):
        """The period the user gave for a report without dates (None: not needed, or not given)."""
        return self.period_edit.period() if self.needs_period() and not self.period_edit.problem() else None

    def _show_period_row(self, visible: bool) -> None:
        for widget in (self.row_labels["period"], self.period_edit, self.period_hint):
            widget.setVisible(visible)

    def _say_period(self) -> None:
        period = self.period_edit.period()
        problem = self.period_edit.problem()
        if problem:
            self.period_hint.setText(problem)
        elif period is None:
            self.period_hint.setText(
                translate("Mapping", "No column says which day these counts are for: say which period the file covers.")
            )
        else:
            days = (period.end - period.start).days + 1
            self.period_hint.setText(
                translate(
                    "Mapping",
                    "Every row is placed in {period} ({n} days), without an hour of day; not saved in the profile.",
                ).format(period=said(period, self.lang), n=self._n(days))
            )

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

    def _show_preview(self, pv, emit: bool = True) -> None:
        self._pending = False
        self.last_preview = pv
        if pv.missing:
            self._say("missing", {"missing": pv.missing})
            self._set_enabled(False)
            return
        keys = [QT_TRANSLATE_NOOP("Mapping", "Line"), *pv.columns, QT_TRANSLATE_NOOP("Mapping", "Rejected because")]
        self.preview.setColumnCount(len(keys))
        for c, key in enumerate(keys):
            head = QTableWidgetItem(tr(key) if c in (0, len(keys) - 1) else field_label(key))
            if 0 < c < len(keys) - 1:
                head.setToolTip(key)  # the field id, as profiles write it
            self.preview.setHorizontalHeaderItem(c, head)
        self.preview.setRowCount(len(pv.rows))
        red = QBrush(QColor("#fde2e1"))
        for r, (line, row, reason) in enumerate(zip(pv.lines, pv.rows, pv.reasons)):
            said_reason = self.shown(words.reason(reason)) if reason else ""
            cells = [str(line)] + [self._cell(v, col) for v, col in zip(row, pv.columns)] + [said_reason]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if reason:
                    item.setBackground(red)
                    item.setToolTip(said_reason)
                elif 0 < c < len(cells) - 1 and text != str(row[c - 1]) and isinstance(row[c - 1], str):
                    item.setToolTip(self.shown(row[c - 1], pv.columns[c - 1]))  # the code as stored
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.counts.setText(self.counts_text(pv))
        if self.proposal is not None:
            self._label_fields()
        if pv.loading == 0:
            # Nothing would load: Import (and saving the mapping as a profile) stay refused.
            self._set_enabled(False)
            first = pv.why[0][0] if pv.why else ""
            self._say(
                QT_TRANSLATE_NOOP(
                    "Mapping",
                    "Import is not possible: none of the {n} rows would load ({reason}). "
                    "Change the columns, formats or values first.",
                ),
                {"n": self._n(pv.total), "reason": words.reason(first)},
            )
        else:
            self._set_enabled(True)
            self._say(QT_TRANSLATE_NOOP("Mapping", "Ready to import."), {})
        if emit:
            self.preview_refreshed.emit(pv)

    def counts_text(self, pv) -> str:
        """How many rows would load and why the others would not (the first reasons)."""
        n = self._n
        text = (
            translate("Mapping", "{loading} of the first {total} rows would load").format(
                loading=n(pv.loading), total=n(pv.total)
            )
            if pv.capped
            else translate("Mapping", "{loading} of {total} rows would load").format(
                loading=n(pv.loading), total=n(pv.total)
            )
        )
        parts = [text]
        if pv.rejected:
            parts.append(translate("Mapping", "{n} rejected").format(n=n(pv.rejected)))
        if pv.ignored:
            parts.append(translate("Mapping", "{n} ignored").format(n=n(pv.ignored)))
        if pv.duplicates:
            parts.append(
                translate("Mapping", "{n} repeat another row (same key: {key})").format(
                    n=n(pv.duplicates), key=words.key(pv.key)
                )
            )
        lines = [translate("Mapping", "; ").join(parts) + "."]
        for why, count in pv.ignored_why[:3]:
            lines.append(translate("Mapping", "• {reason}: {n} rows").format(reason=words.reason(why), n=n(count)))
        for why, count, example in pv.why[:4]:
            line = translate("Mapping", "• {reason}: {n} rows").format(reason=words.reason(why), n=n(count))
            if example:
                line += " " + translate("Mapping", "(e.g. {value})").format(value=self.shown(example))
            lines.append(line)
        return "\n".join(lines)

    def _cell(self, value, column: str) -> str:
        """A previewed value in the user's words, masked in privacy mode (text values)."""
        text = self._text(value, column)
        return self.shown(text, column) if isinstance(value, str) else text

    def _text(self, value, column: str = "") -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value_label(column, value)
        if isinstance(value, datetime):
            return formatting.day(value, self.lang, with_time=True) + value.strftime(":%S")
        if isinstance(value, bool):
            return translate("Mapping", "yes") if value else translate("Mapping", "no")
        if isinstance(value, float):
            return formatting.number(value, 0 if value.is_integer() else 2, self.lang)
        if column == "interval_s" and isinstance(value, int) and value >= 86400 and value % 86400 == 0:
            return translate("Mapping", "{n} days").format(
                n=self._n(value // 86400)
            )  # a period given for a report without dates
        return str(value)

    # -- saving ---------------------------------------------------------------------------
    def save_profile(self) -> Path | None:
        """Save the mapping (fields, value codes, formats) as a profile: only one under
        which rows load (the button is refused otherwise)."""
        pv = self.last_preview
        if self._pending or pv is None or pv.missing or not pv.loading:
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
