"""The mapping dialog's first part: the kind of file and how it is read (encoding,
separator, header line, sheet), the formats of its values (date order, a typed date
format, the unit of durations written without one, the decimal mark, the time zone its
times are written in) and, for a report of counts without dates, the period it covers."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QGroupBox, QLabel, QLineEdit, QSpinBox

from kpidesk.core.ingest import dateformat, preview
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.mapping_words import (
    DATE_ORDERS,
    DECIMALS,
    DELIMITERS,
    DURATION_UNITS,
    ENCODINGS,
    KIND_LABELS,
    tr,
)
from kpidesk.ui.ingest.period_edit import PeriodEdit, said

ZONES = sorted(available_timezones())


class FormatsRow:
    """The file's kind, reader options, formats and period (a part of ``MappingDialog``)."""

    def _build_reader(self, top) -> None:
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

    def _retranslate_reader(self) -> None:
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
