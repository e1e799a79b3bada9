"""Settings: targets per KPI and channel, service-level rules, business hours,
holidays, language and theme. The dialog edits the cached prefs and returns a
``PrefsChange``; the window saves it with a write job and every view updates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting, settings
from kpidesk.core.db import calendar
from kpidesk.core.kpi.targets import ANY_CHANNEL
from kpidesk.core.workspace import PrefsChange
from kpidesk.ui import i18n
from kpidesk.ui.desk import CHANNEL_LABELS, PARAM_LABELS, POLICY_LABELS
from kpidesk.ui.i18n import translate

_SCALE = {"rate": 100.0}  # rates are typed as percentages


def _parse(text: str, lang: str) -> float | None:
    """A number typed in the user's locale (``ValueError`` when it is not one)."""
    return formatting.parse_number(text.replace("%", ""), lang)


class InvalidEntry(ValueError):
    """An entry the team lead must correct; ``str()`` says which, in their language."""


class SettingsDialog(QDialog):
    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(translate("Settings", "Settings"))
        self.resize(760, 560)
        tabs = QTabWidget()
        tabs.addTab(self._targets_page(), translate("Settings", "Targets"))
        tabs.addTab(self._rules_page(), translate("Settings", "Thresholds"))
        tabs.addTab(self._hours_page(), translate("Settings", "Business hours"))
        tabs.addTab(self._general_page(), translate("Settings", "Language"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    # -- pages --------------------------------------------------------------------------
    def _targets_page(self) -> QWidget:
        desk = self.desk
        self.rows: list[tuple[str, str]] = []
        for kpi in desk.engine.registry:
            if kpi.better not in ("higher", "lower") or not kpi.channels:
                continue
            channels = [ANY_CHANNEL] + (list(kpi.channels) if len(kpi.channels) > 1 else [])
            self.rows += [(kpi.id, c) for c in channels]
        table = QTableWidget(len(self.rows), 4)
        table.setHorizontalHeaderLabels(
            [
                translate("Settings", "KPI"),
                translate("Settings", "Channel"),
                translate("Settings", "Target"),
                translate("Settings", "Warning"),
            ]
        )
        for r, (kpi_id, channel) in enumerate(self.rows):
            kpi = desk.engine.registry[kpi_id]
            unit = "%" if kpi.unit == "rate" else ("s" if kpi.unit == "seconds" else "")
            name = QTableWidgetItem(f"{kpi.label_for(desk.lang)}" + (f" ({unit})" if unit else ""))
            where = (
                translate("Settings", "All channels")
                if channel == ANY_CHANNEL
                else translate("Channels", CHANNEL_LABELS.get(channel, channel))
            )
            t = desk.target(kpi_id, None if channel == ANY_CHANNEL else channel)
            cells = [name, QTableWidgetItem(where)] + [
                QTableWidgetItem(self._shown(v, kpi.unit)) for v in (t.target, t.warning)
            ]
            for c, item in enumerate(cells):
                if c < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        self.targets_table = table
        # What was shown: a cell left as it was is not a change (a value shown rounded
        # must not be written back rounded).
        self._shown_targets = [tuple(table.item(r, c).text() for c in (2, 3)) for r in range(len(self.rows))]
        return table

    def _shown(self, value: float | None, unit: str) -> str:
        if value is None:
            return ""
        v = value * _SCALE.get(unit, 1.0)
        return formatting.number(v, 0 if float(v).is_integer() else 1, self.desk.lang)

    def _rules_page(self) -> QWidget:
        params = self.desk.prefs.params
        page = QWidget()
        form = QFormLayout(page)
        self.spins: dict[str, QDoubleSpinBox | QSpinBox] = {}
        for key, top in (
            ("sl_threshold_s", 600),
            ("short_abandon_s", 120),
            ("repeat_window_days", 90),
            ("response_sla_h", 720),
            ("min_sample", 10000),
        ):
            spin = QSpinBox() if key == "min_sample" else QDoubleSpinBox()
            spin.setRange(0, settings.SETTINGS[key].maximum or top)
            spin.setValue(params.get(key, 0))
            spin.setProperty("shown", spin.value())  # as shown (rounded to its decimals)
            self.spins[key] = spin
            form.addRow(translate("Params", PARAM_LABELS[key]), spin)
        self.policy = QComboBox()
        for key, text in POLICY_LABELS.items():
            self.policy.addItem(translate("Params", text), key)
        self.policy.setCurrentIndex(max(0, self.policy.findData(params.get("sl_abandon_policy"))))
        form.addRow(translate("Params", PARAM_LABELS["sl_abandon_policy"]), self.policy)
        return page

    def _hours_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        hours = self.desk.prefs.business_hours
        self.hours: dict[str, QLineEdit] = {}
        for dow in range(1, 8):
            edit = QLineEdit(", ".join(f"{a}-{b}" for a, b in hours.get(str(dow), [])))
            edit.setPlaceholderText(translate("Settings", "closed (e.g. 09:00-12:30, 13:30-18:00)"))
            self.hours[str(dow)] = edit
            form.addRow(i18n.weekday_name(dow - 1, self.desk.lang), edit)
        self._shown_hours = {dow: edit.text() for dow, edit in self.hours.items()}
        self.holidays = QPlainTextEdit(
            "\n".join(f"{d.isoformat()} {name or ''}".strip() for d, name in self.desk.prefs.holidays)
        )
        self._shown_holidays = self.holidays.toPlainText()
        add = QPushButton(translate("Settings", "Add this year's French public holidays"))
        add.clicked.connect(self._add_french_holidays)
        form.addRow(translate("Settings", "Holidays (one per line: YYYY-MM-DD name)"), self.holidays)
        form.addRow("", add)
        return page

    def _add_french_holidays(self) -> None:
        year = (self.desk.prefs.extent.last_day or date.today()).year
        lines = [f"{d.isoformat()} {name}" for d, name in calendar.french_public_holidays(year)]
        current = self.holidays.toPlainText().strip()
        self.holidays.setPlainText("\n".join(([current] if current else []) + lines))

    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code, text in (("system", translate("Menu", "System language")), ("en", "English"), ("fr", "Français")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.desk.prefs.language)))
        self.theme = QComboBox()
        for code, text in (
            ("system", translate("Settings", "Follow the system")),
            ("light", translate("Settings", "Light")),
            ("dark", translate("Settings", "Dark")),
        ):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.desk.prefs.theme)))
        form.addRow(translate("Settings", "Language"), self.language)
        form.addRow(translate("Settings", "Theme"), self.theme)
        return page

    # -- result -------------------------------------------------------------------------
    def _try_accept(self) -> None:
        """OK: every entry checked first; a wrong one is named and the dialog stays."""
        try:
            self.change()
        except InvalidEntry as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, translate("Settings", "Settings"), str(exc))
            return
        self.accept()

    def change(self) -> PrefsChange:
        """Only what the team lead changed (OK on an untouched dialog changes nothing).
        Raises :class:`InvalidEntry` for an entry that is not a valid value."""
        prefs, values = self.desk.prefs, {}
        for key, spin in self.spins.items():
            if spin.value() != spin.property("shown"):
                values[key] = spin.value()
        if self.policy.currentData() != prefs.params.get("sl_abandon_policy"):
            values["sl_abandon_policy"] = self.policy.currentData()
        if any(edit.text() != self._shown_hours[dow] for dow, edit in self.hours.items()):
            hours = self._hours()
            if hours != prefs.business_hours:
                values["business_hours"] = hours
        for key, combo in (("language", self.language), ("theme", self.theme)):
            if combo.currentData() != getattr(prefs, key):
                values[key] = combo.currentData()
        return PrefsChange(values=values, targets=self._targets(), holidays=self._holidays())

    def _hours(self) -> dict:
        out = {}
        for dow, edit in self.hours.items():
            spans = []
            for span in (p.strip() for p in edit.text().split(",")):
                if not span:
                    continue
                parts = [_time(t) for t in span.split("-", 1)]
                if len(parts) != 2 or None in parts or parts[0] >= parts[1]:
                    raise InvalidEntry(
                        translate("Settings", "{day}: {span} is not a time range such as 09:00-12:30.").format(
                            day=i18n.weekday_name(int(dow) - 1, self.desk.lang), span=span
                        )
                    )
                spans.append(parts)
            if spans:
                out[dow] = spans
        return out

    def _targets(self) -> dict:
        out = {}
        lang = self.desk.lang
        for r, (kpi_id, channel) in enumerate(self.rows):
            texts = tuple(self.targets_table.item(r, c).text() for c in (2, 3))
            if texts == self._shown_targets[r]:
                continue  # untouched
            kpi = self.desk.engine.registry[kpi_id]
            parsed = []
            for text in texts:
                try:
                    v = _parse(text, lang)
                except ValueError:
                    v = float("nan")
                if v is not None and (v != v or v < 0 or (kpi.unit == "rate" and v > 100)):
                    raise InvalidEntry(
                        translate("Settings", "{kpi}: {text} is not a valid value.").format(
                            kpi=kpi.label_for(lang), text=text.strip()
                        )
                    )
                parsed.append(v)
            scale = _SCALE.get(kpi.unit, 1.0)
            target, warning = (None if v is None else v / scale for v in parsed)
            current = self.desk.target(kpi_id, None if channel == ANY_CHANNEL else channel)
            if not (_close(target, current.target) and _close(warning, current.warning)):
                out[(kpi_id, channel)] = (target, warning)
        return out

    def _holidays(self) -> list | None:
        if self.holidays.toPlainText() == self._shown_holidays:
            return None
        days = []
        for line in self.holidays.toPlainText().splitlines():
            parts = line.strip().split(" ", 1)
            if not parts[0]:
                continue
            try:
                days.append((date.fromisoformat(parts[0]), parts[1] if len(parts) > 1 else None))
            except ValueError:
                raise InvalidEntry(
                    translate("Settings", "Holidays: {line} does not start with a date such as 2026-12-25.").format(
                        line=line.strip()
                    )
                ) from None
        return None if days == list(self.desk.prefs.holidays) else days


def _time(text: str) -> str | None:
    """``9:00`` → ``09:00``; ``None`` when it is not a time of day."""
    hh, _, mm = text.strip().replace("h", ":").partition(":")
    ok = len(hh) in (1, 2) and len(mm) == 2 and hh.isdigit() and mm.isdigit() and int(hh) < 25 and int(mm) < 60
    return f"{int(hh):02d}:{mm}" if ok else None


def _close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)
