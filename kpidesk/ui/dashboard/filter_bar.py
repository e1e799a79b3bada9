"""The filter bar shared by every tab: period, compare-to, granularity, and filters.

It edits a :class:`ViewState` and emits ``state_changed`` with the new one; it never
fetches anything (the values it offers come from the cached ``DataExtent``). Back
undoes the last narrowing (a click on a chart or a filter change).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from kpidesk.core import formatting
from kpidesk.core.dashboard import periods
from kpidesk.core.dashboard.extent import DataExtent
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.ui.desk import channel_label
from kpidesk.ui.i18n import translate

PRESET_LABELS = {
    "today": QT_TRANSLATE_NOOP("Periods", "Today"),
    "yesterday": QT_TRANSLATE_NOOP("Periods", "Yesterday"),
    "this_week": QT_TRANSLATE_NOOP("Periods", "This week"),
    "last_week": QT_TRANSLATE_NOOP("Periods", "Last week"),
    "this_month": QT_TRANSLATE_NOOP("Periods", "This month"),
    "last_month": QT_TRANSLATE_NOOP("Periods", "Last month"),
    "last_30_days": QT_TRANSLATE_NOOP("Periods", "Last 30 days"),
    "custom": QT_TRANSLATE_NOOP("Periods", "Custom range"),
}
# When the data stops before today, "today" is the latest day imported: say so.
STALE_LABELS = {
    "today": QT_TRANSLATE_NOOP("Periods", "Latest day of data"),
    "yesterday": QT_TRANSLATE_NOOP("Periods", "Day before the latest"),
}
COMPARE_LABELS = {
    "previous": QT_TRANSLATE_NOOP("Periods", "Previous period"),
    "last_year": QT_TRANSLATE_NOOP("Periods", "Same period last year"),
    "none": QT_TRANSLATE_NOOP("Periods", "No comparison"),
}
GRAIN_LABELS = {
    "15min": QT_TRANSLATE_NOOP("Periods", "15 min"),
    "hour": QT_TRANSLATE_NOOP("Periods", "Hour"),
    "day": QT_TRANSLATE_NOOP("Periods", "Day"),
    "week": QT_TRANSLATE_NOOP("Periods", "Week"),
    "month": QT_TRANSLATE_NOOP("Periods", "Month"),
}
FILTER_LABELS = {
    "channels": QT_TRANSLATE_NOOP("FilterBar", "Channel"),  # the tickets tab's own (channel_view)
    "queues": QT_TRANSLATE_NOOP("FilterBar", "Queue"),
    "teams": QT_TRANSLATE_NOOP("FilterBar", "Team"),
    "sites": QT_TRANSLATE_NOOP("FilterBar", "Site"),
    "topics": QT_TRANSLATE_NOOP("FilterBar", "Topic"),
    "agents": QT_TRANSLATE_NOOP("FilterBar", "Agent"),
}
TAB_FILTERS = ("channels",)  # filters a tab offers itself (ChannelView), not the bar


def channel_options(extent: DataExtent) -> list[tuple[str, str]]:
    """The channels of the data, said as the app says channels (Phone, Web / portal…)."""
    return [(v, channel_label(v)) for v in extent.lists.get("channels", [])]


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while the user ticks several."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class MultiSelectButton(QToolButton):
    """``Queue: all ▾``: a drop-down of check boxes; ``selection_changed`` on each tick."""

    selection_changed = Signal(str, tuple)

    def __init__(self, field: str, parent=None):
        super().__init__(parent)
        self.field = field
        self.setObjectName("FilterButton")  # room for the arrow beside the text (style sheet)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = _StayOpenMenu(self)
        self.setMenu(self.menu_)
        self._chosen: tuple[str, ...] = ()
        self._names: dict[str, str] = {}
        self._options: list[tuple[str, str]] = []
        self._checks: dict = {}

    def set_options(self, options: list[tuple[str, str]], chosen: tuple[str, ...]) -> None:
        """Offer ``options`` (key, name) with ``chosen`` ticked. Called on every
        refresh: when the options are the same (the usual case), only the ticks
        change — rebuilding a menu of a few hundred agents takes tens of ms."""
        options = list(options)
        if options == self._options and self._checks:
            self._chosen = tuple(chosen)
            for key, action in self._checks.items():
                if action.isChecked() != (key in self._chosen):
                    action.blockSignals(True)
                    action.setChecked(key in self._chosen)
                    action.blockSignals(False)
            self._all.setText(translate("FilterBar", "All"))
            self.setEnabled(bool(options))
            self._relabel()
            return
        self._options = options
        self._checks = {}
        self.menu_.clear()
        self._names = dict(options)
        self._chosen = tuple(c for c in chosen)
        self._all = self.menu_.addAction(translate("FilterBar", "All"))
        self._all.triggered.connect(lambda: self._emit(()))
        self.menu_.addSeparator()
        for key, name in options:
            action = self.menu_.addAction(name)
            action.setCheckable(True)
            action.setChecked(key in self._chosen)
            action.toggled.connect(lambda on, k=key: self._toggle(k, on))
            self._checks[key] = action
        self.setEnabled(bool(options))
        self._relabel()

    def _toggle(self, key: str, on: bool) -> None:
        chosen = [c for c in self._chosen if c != key] + ([key] if on else [])
        self._emit(tuple(chosen))

    def _emit(self, chosen: tuple[str, ...]) -> None:
        self._chosen = chosen
        self._relabel()
        self.selection_changed.emit(self.field, chosen)

    def _relabel(self) -> None:
        title = translate("FilterBar", FILTER_LABELS[self.field])
        if not self._chosen:
            shown = translate("FilterBar", "all")
        elif len(self._chosen) == 1:
            shown = self._names.get(self._chosen[0], self._chosen[0])
        else:
            shown = translate("FilterBar", "{n} selected").format(n=len(self._chosen))  # two or more
        self.setText(f"{title}: {shown}")


class FilterBar(QWidget):
    state_changed = Signal(object)  # ViewState
    back_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = ViewState()
        self.anchor = date.today()
        self.lang = "en"
        self.extent = DataExtent()
        self.period = QComboBox()
        self.date_from, self.date_to = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        self.range_label = QLabel(objectName="Muted")
        self.compare = QComboBox()
        self.grain = QComboBox()
        # the bar's filters: the channel of tickets is chosen on the tickets tab itself
        self.filters = {f: MultiSelectButton(f, self) for f in FILTER_LABELS if f not in TAB_FILTERS}
        self.back = QToolButton()
        self.back.setEnabled(False)
        self.cell = QToolButton(objectName="FilterChip")  # a heatmap cell: "Mondays, 9h–10h ✕"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        # A heatmap cell gets a line of its own: the first line already fills a
        # 1366-px screen in French.
        self.cell_row = QWidget()
        cell_layout = QHBoxLayout(self.cell_row)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(self.cell)
        cell_layout.addStretch(1)
        self.cell_row.hide()
        outer.addWidget(self.cell_row)
        self.back_label = self.back
        self.compare_label, self.grain_label = QLabel(), QLabel()
        for w in (
            self.back,
            self.period,
            self.date_from,
            self.date_to,
            self.range_label,
            self.compare_label,
            self.compare,
            self.grain_label,
            self.grain,
            *self.filters.values(),
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        for combo in (self.period, self.compare, self.grain):  # French names are longer: follow them
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.activated.connect(self._period_chosen)
        self.compare.activated.connect(lambda i: self._emit(comparison=self.compare.itemData(i)))
        self.grain.activated.connect(lambda i: self._emit(granularity=self.grain.itemData(i)))
        self.date_from.dateChanged.connect(self._custom_dates)
        self.date_to.dateChanged.connect(self._custom_dates)
        for button in self.filters.values():
            button.selection_changed.connect(lambda field, chosen: self._emit(**{field: chosen}))
        self.back.clicked.connect(self.back_requested)
        self.cell.clicked.connect(lambda: self._emit(weekday=None, hour=None))
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText("← " + translate("FilterBar", "Back"))
        self.back.setToolTip(translate("FilterBar", "Undo the last narrowing"))
        self.compare_label.setText(translate("FilterBar", "Compare to"))
        self.grain_label.setText(translate("FilterBar", "by"))
        for combo, labels in ((self.period, PRESET_LABELS), (self.compare, COMPARE_LABELS), (self.grain, GRAIN_LABELS)):
            combo.blockSignals(True)
            combo.clear()
            for key, text in labels.items():
                combo.addItem(translate("Periods", text), key)
            combo.blockSignals(False)
        self.show_state(self.state, self.extent, self.anchor, self.lang, self.back.isEnabled())

    def show_state(self, state: ViewState, extent: DataExtent, anchor: date, lang: str, can_go_back: bool) -> None:
        """Show a state without emitting anything."""
        self.state, self.extent, self.anchor, self.lang = state, extent, anchor, lang
        widgets = (self.period, self.compare, self.grain, self.date_from, self.date_to)
        for w in widgets:
            w.blockSignals(True)
        stale = anchor < date.today()  # presets count back from the data's last day
        for key in STALE_LABELS:
            label = STALE_LABELS[key] if stale else PRESET_LABELS[key]
            self.period.setItemText(self.period.findData(key), translate("Periods", label))
        self.period.setCurrentIndex(max(0, self.period.findData(state.preset)))
        self.compare.setCurrentIndex(max(0, self.compare.findData(state.comparison)))
        p = state.period(anchor)
        grains = self.grain.model()
        for i in range(self.grain.count()):  # offer the grains that fit the period
            grains.item(i).setEnabled(periods.fits(p, self.grain.itemData(i)))
        self.grain.setCurrentIndex(max(0, self.grain.findData(state.granularity_for(anchor))))
        fmt = "dd/MM/yyyy" if lang == "fr" else "yyyy-MM-dd"
        for edit, day in ((self.date_from, p.first), (self.date_to, p.last)):
            edit.setDisplayFormat(fmt)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setVisible(state.preset == "custom")
        for w in widgets:
            w.blockSignals(False)
        text = f"{formatting.day(p.first, lang)} – {formatting.day(p.last, lang)}"
        self.range_label.setText(text if state.preset != "custom" else "")
        self.range_label.setVisible(state.preset != "custom")
        lists = extent.lists
        for field, button in self.filters.items():
            if field == "agents":
                options = extent.agents
            else:
                options = [(v, v) for v in lists.get(field, [])]
            button.set_options(options, getattr(state, field))
        self.back.setEnabled(can_go_back)
        self._show_cell(state)

    def _show_cell(self, state: ViewState) -> None:
        label = state.cell_label(self.lang)  # the words the PDFs and the coaching view print
        if label is None:
            self.cell_row.hide()
            return
        self.cell.setText(label + "  ✕")
        self.cell.setToolTip(
            translate("FilterBar", "Every figure counts only this weekday and hour across the period. Click to remove.")
        )
        self.cell.show()
        self.cell_row.show()

    def _emit(self, **changes) -> None:
        self.state_changed.emit(self.state.changed(**changes))

    def _period_chosen(self, index: int) -> None:
        preset = self.period.itemData(index)
        if preset == "custom":
            p = self.state.period(self.anchor)
            self._emit(preset="custom", custom_from=p.first, custom_to=p.last)
        else:
            self._emit(preset=preset)

    def _custom_dates(self) -> None:
        a, b = self.date_from.date().toPython(), self.date_to.date().toPython()
        self._emit(preset="custom", custom_from=min(a, b), custom_to=max(a, b))


def anchor_for(extent: DataExtent) -> date:
    return extent.anchor()
