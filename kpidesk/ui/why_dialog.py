"""“Why?”: a KPI's change against the compare period, as a waterfall and a list of drivers.

Opened from a trend's Why? button or a tile's right-click menu. The breakdown (``core.explain``) runs as a job;
the waterfall goes from the compare period's value, through the largest drivers of
one dimension (and what the rest of it adds), to this period's value. Clicking a
driver narrows the desk's filters to it: an hour or a weekday as a heatmap cell
(that hour, that weekday across the period). The KPI is named with the channels
its figure covers, and an active heatmap cell is said with it.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kpidesk.core import formatting
from kpidesk.core.explain import DIMENSIONS, Explanation, explain
from kpidesk.core.explain.words import amount, group_name, sentence
from kpidesk.core.explain.words import t as words
from kpidesk.core.kpi.definitions import scope_codes
from kpidesk.ui import privacy_state, theme
from kpidesk.ui.charts import Chart, ValueAxis
from kpidesk.ui.i18n import translate
from kpidesk.ui.tasks import TaskRunner

STEPS = 6
NARROWS = {"queue": "queues", "site": "sites", "team": "teams", "agent": "agents", "topic": "topics"}
CELL_DIMENSIONS = ("hour_of_day", "weekday")  # narrowed as a heatmap cell: that hour (weekday) across the period


def waterfall_steps(e: Explanation, count: int = STEPS) -> list:
    """The top drivers of the top driver's dimension, then the rest of that dimension
    (one dimension's parts add up to the change; drivers of two would count twice)."""
    if not e.drivers:
        return [], 0.0
    dim = e.drivers[0].dimension
    same = [d for d in e.drivers if d.dimension == dim and abs(d.contribution) > 1e-12]
    shown = same[:count]
    rest = (e.change or 0.0) - sum(d.contribution for d in shown)
    return [*shown, *([None] if len(same) > count and abs(rest) > 1e-12 else [])], rest


class WaterfallChart(Chart):
    """Bars from the old value to the new: one step per driver."""

    def __init__(self, parent=None):
        self.label_axis = ValueAxis("bottom")
        self.value_axis = ValueAxis("left")
        super().__init__(parent, {"bottom": self.label_axis, "left": self.value_axis}, height=260)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.addItem(self.bars)
        self.setMouseEnabled(False, False)
        self.texts: list[str] = []
        self.tops: list[float] = []

    def set_steps(
        self, labels: list[str], starts: list[float], ends: list[float], colours: list[str], texts: list[str], formatter
    ) -> None:
        self.value_axis.formatter = formatter
        self.label_axis.setTicks([[(i, label) for i, label in enumerate(labels)]])
        low = np.minimum(starts, ends)
        high = np.maximum(starts, ends)
        self.bars.setOpts(
            x=np.arange(len(labels)),
            y0=low,
            height=np.maximum(high - low, 1e-9),
            width=0.6,
            brushes=[QColor(c) for c in colours],
            pen=None,
        )
        self.texts, self.tops = texts, list(high)
        span_lo, span_hi = float(min(starts + ends)), float(max(starts + ends))
        pad = (span_hi - span_lo) * 0.15 or abs(span_hi) * 0.05 or 1.0
        self.getPlotItem().setXRange(-0.6, max(len(labels), 1) - 0.4, padding=0)
        self.getPlotItem().setYRange(span_lo - 3 * pad, span_hi + pad, padding=0)
        self.relabel_axes()

    def on_hover(self, point) -> None:
        i = int(round(point.x()))
        if 0 <= i < len(self.texts):
            self.show_hover(point.x(), self.tops[i], self.texts[i])


class WhyDialog(QDialog):
    driver_chosen = Signal(str, object)  # dimension, value: narrow the filters to it

    def __init__(self, desk, kpi: str, filters, compare: tuple[date, date], parent=None):
        super().__init__(parent)
        self.desk, self.kpi, self.filters, self.compare = desk, kpi, filters, compare
        self.setWindowTitle(translate("Why", "Why? — {kpi}").format(kpi=self.label()))
        self.resize(860, 640)
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = WaterfallChart()
        self.chart.setFixedHeight(280)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._chosen)
        self.note = QLabel(wordWrap=True, objectName="Muted")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.result: Explanation | None = None
        self.runner = TaskRunner(self)
        self.runner.task_finished.connect(self.show_result)
        self.runner.task_failed.connect(lambda m: self.summary.setText(m))
        self.summary.setText(translate("Why", "Splitting the change…"))
        engine = desk.engine
        self.runner.start(lambda a, _s: explain(engine, *a), (kpi, filters, compare[0], compare[1], DIMENSIONS))

    def label(self) -> str:
        """The KPI said with the channels its figure covers, as the tile it came from
        (``AHT (chat, bot)`` on the Chat / Bot tab, ``AHT (tickets)`` on the tickets tab,
        ``AHT (all channels)`` on the Overview)."""
        return self.desk.label(self.kpi, scope_codes(self.filters.channels, self.filters.kinds))

    def show_result(self, e: Explanation) -> None:
        self.result = e
        lang, unit = self.desk.lang, e.unit
        label = self.label()
        cell = self.filters.cell_label(lang)  # a heatmap cell: both periods count it only
        privacy = privacy_state.of(self.desk)
        name = privacy.agent_name
        period = lambda p: f"{formatting.day(p[0], lang)} – {formatting.day(p[1], lang)}"
        if e.reason or e.change is None:
            self.summary.setText(translate("Why", "Nothing to explain: {reason}").format(reason=e.reason or "–"))
            return
        self.summary.setText(
            translate("Why", "{kpi}: {before} ({cmp}) → {after} ({now}), {change}.").format(
                kpi=f"{label} — {cell}" if cell else label,
                before=formatting.value(e.before, unit, lang),
                cmp=period(e.compare),
                after=formatting.value(e.after, unit, lang),
                now=period(e.period),
                change=amount(e.change, unit, lang),
            )
        )
        t = theme.current()
        steps, rest = waterfall_steps(e)
        labels, starts, ends, colours, texts = (
            [translate("Why", "Before")],
            [0.0],
            [e.before],
            [t.compare],
            [formatting.value(e.before, unit, lang)],
        )
        level = e.before
        for d in steps:
            part = rest if d is None else d.contribution
            good = (part > 0) == (e.better == "higher") if e.better in ("higher", "lower") else None
            labels.append(words("others", lang) if d is None else group_name(d, lang, name))
            starts.append(level)
            ends.append(level + part)
            colours.append(t.muted if d is None or d.small_sample or good is None else (t.good if good else t.bad))
            texts.append(
                amount(part, unit, lang)
                if d is None
                else f"{amount(part, unit, lang)}\n{sentence(d, label, unit, lang, name)}"
            )
            level += part
        labels.append(translate("Why", "Now"))
        starts.append(0.0)
        ends.append(e.after)
        colours.append(t.accent)
        texts.append(formatting.value(e.after, unit, lang))
        base = min(starts[1:-1] + ends) if len(starts) > 2 else min(e.before, e.after)
        starts[0] = starts[-1] = base - abs(max(ends) - base) * 0.5  # the first and last bars keep a readable length
        self.chart.set_steps(labels, starts, ends, colours, texts, self.desk.formatter(self.kpi))
        heads = [
            translate("Why", "Driver"),
            translate("Why", "Part"),
            translate("Why", "Mix"),
            translate("Why", "Rate"),
            translate("Why", "Before → now"),
            translate("Why", "n"),
        ]
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(e.drivers))
        for row, d in enumerate(e.drivers):
            cells = [
                group_name(d, lang, name) + (f" ({words('small', lang)})" if d.small_sample else ""),
                amount(d.contribution, unit, lang),
                amount(d.mix, unit, lang) if d.mix is not None else "",
                amount(d.rate, unit, lang) if d.rate is not None else "",
                f"{formatting.value(d.before, unit, lang)} → {formatting.value(d.after, unit, lang)}",
                f"{formatting.number(d.n_before, 0, lang)} → {formatting.number(d.n_after, 0, lang)}",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        note = translate(
            "Why",
            "Each driver's part of the change; for a rate, mix (volume moved towards groups with a worse or better "
            "rate) plus rate (the group's own rate moved). Each dimension adds up to the total. Small samples are "
            "listed last. Double-click a driver to narrow the filters to it.",
        )
        if e.method == "approximate":
            note = words("approximate", lang) + " " + note
        self.note.setText(note)

    def _chosen(self, row: int, _col: int) -> None:
        if self.result is None or not (0 <= row < len(self.result.drivers)):
            return
        d = self.result.drivers[row]
        if d.value is not None and (d.dimension in NARROWS or d.dimension in ("channel", *CELL_DIMENSIONS)):
            self.driver_chosen.emit(d.dimension, d.value)
            self.accept()
        else:  # contacts without a queue…: no filter to narrow to
            self.note.setText(translate("Why", "The filters cannot narrow to this driver."))
