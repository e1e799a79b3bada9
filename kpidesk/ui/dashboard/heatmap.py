"""The hour × weekday heatmap: when in the week a KPI goes wrong.

One ``ImageItem`` of 7 × 24 cells (Monday on top), coloured on the theme's
sequential scale, darker where the KPI is worse (the scale is turned round for a
KPI where higher is better); hours without any data on any day are cropped away.
Hovering a cell shows the exact value; clicking it emits ``cell_clicked(weekday,
hour)``. A :class:`HeatLegend` — the view puts it in the card's header — shows the
scale from the lowest to the highest value, in the KPI's unit.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kpidesk.ui import i18n, theme
from kpidesk.ui.charts import Chart, Formatter, ValueAxis

MIN_HOURS = 8  # the narrowest span of hours drawn
FLOOR = 0.18  # where on the colour scale the lowest value starts


class HeatLegend(QWidget):
    """``2.1% ▕██████▏ 14.3%  darker: worse`` — the heatmap's scale, low to high."""

    BAR = 110

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._colours: list[QColor] = []
        self._low = self._high = self._note = ""

    def set_scale(self, colours: list[QColor], low: str, high: str, note: str, note_alone: bool = False) -> None:
        """``note_alone``: no scale to show (every cell too small to read), the note still."""
        self._colours, self._low, self._high, self._note = colours, low, high, note
        self.setVisible(bool(colours) or note_alone)
        self.setToolTip(note)
        self.updateGeometry()
        self.update()

    def _widths(self) -> tuple[int, int, int]:
        fm = self.fontMetrics()
        return fm.horizontalAdvance(self._low), fm.horizontalAdvance(self._high), fm.horizontalAdvance(self._note)

    def sizeHint(self) -> QSize:
        low, high, note = self._widths()
        height = max(self.fontMetrics().height() + 4, 16)
        return QSize(low + high + note + self.BAR + 30, height) if self._colours else QSize(note + 6, height)

    def paintEvent(self, event) -> None:
        t = theme.current()
        if not self._colours:
            painter = QPainter(self)
            painter.setPen(QColor(t.muted))
            painter.drawText(QRectF(0, 0, self.width(), self.height()), int(Qt.AlignmentFlag.AlignVCenter), self._note)
            painter.end()
            return
        low, high, _note = self._widths()
        painter = QPainter(self)
        h = self.height()
        painter.setPen(QColor(t.text))
        painter.drawText(QRectF(0, 0, low, h), int(Qt.AlignmentFlag.AlignVCenter), self._low)
        bar = QRectF(low + 6, (h - 10) / 2, self.BAR, 10)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for i, colour in enumerate(self._colours):
            gradient.setColorAt(i / max(len(self._colours) - 1, 1), colour)
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(QColor(t.grid), 1))
        painter.drawRect(bar)
        painter.setPen(QColor(t.text))
        x = bar.right() + 6
        painter.drawText(QRectF(x, 0, high, h), int(Qt.AlignmentFlag.AlignVCenter), self._high)
        painter.setPen(QColor(t.muted))
        painter.drawText(
            QRectF(x + high + 12, 0, self.width() - x - high - 12, h), int(Qt.AlignmentFlag.AlignVCenter), self._note
        )
        painter.end()


class HeatmapChart(Chart):
    cell_clicked = Signal(int, int)  # weekday (0 = Monday), hour

    def __init__(self, parent=None):
        self.hour_axis = ValueAxis("bottom", lambda v: f"{int(v)}h")
        self.day_axis = ValueAxis("left")
        super().__init__(parent, {"bottom": self.hour_axis, "left": self.day_axis}, height=220)
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.getPlotItem().invertY(True)
        self.setMouseEnabled(False, False)
        self.showGrid(x=False, y=False)
        self._grid = np.full((7, 24), np.nan)
        self._n = np.full((7, 24), np.nan)
        self._small = np.zeros((7, 24), dtype=bool)
        # cells with too few contacts to read: greyed, out of the colour scale (two calls
        # at 100 % would otherwise be the darkest cell of the week)
        self.small_cells = pg.ScatterPlotItem(symbol="s", pxMode=False, size=0.9)
        self.addItem(self.small_cells)
        self.formatter: Formatter = str
        self.lang = "en"
        self.small_text = "n = {n}: too few to read"
        self.legend = HeatLegend()

    def set_grid(
        self,
        grid: list[list[float | None]],
        formatter: Formatter,
        lang: str,
        reverse: bool,
        note: str = "",
        samples: list[list[tuple[float | None, bool]]] | None = None,
    ) -> None:
        """``reverse``: high values are good (shown light), e.g. service level.
        ``note`` goes beside the legend (which way is worse). ``samples``: each
        cell's (n, too small to read); small cells are greyed out of the scale."""
        t = theme.current()
        self.formatter, self.lang = formatter, lang
        self._grid = np.array([[np.nan if v is None else v for v in row] for row in grid], dtype=float)
        cells = samples or [[(None, False)] * 24 for _ in range(7)]
        self._n = np.array([[np.nan if n is None else n for n, _ in row] for row in cells], dtype=float)
        self._small = np.array([[small for _, small in row] for row in cells], dtype=bool) & np.isfinite(self._grid)
        days, hours = np.nonzero(self._small)
        grey = QColor(t.muted)
        grey.setAlpha(70)
        self.small_cells.setData(x=hours + 0.5, y=days + 0.5, brush=grey, pen=None)
        coloured = np.where(self._small, np.nan, self._grid)
        colours = [QColor(c) for c in (reversed(t.heat) if reverse else t.heat)]
        cmap = pg.ColorMap(pos=[0.0, 0.5, 1.0], color=colours)
        finite = coloured[np.isfinite(coloured)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        levels = (lo, hi) if hi > lo else (lo - 1, lo + 1)  # one value (one cell): the middle colour
        # The lowest value is drawn a step into the scale: at its very end it would be
        # the card's own colour, and a quiet hour would look like an hour without data.
        # (The theme's first heat colour is the one near the card's: the low end, or
        # the high end when higher is better.)
        start, stop = (0.0, 1.0 - FLOOR) if reverse else (FLOOR, 1.0)
        lut = cmap.getLookupTable(start=start, stop=stop, nPts=256)
        self.image.setImage(coloured, levels=levels, lut=lut)
        shown = [cmap.map(start, mode="qcolor"), colours[1], cmap.map(stop, mode="qcolor")]
        self.legend.set_scale(shown if finite.size else [], formatter(lo), formatter(hi), note, bool(self._small.any()))
        self.image.setRect(0, 0, 24, 7)
        self.day_axis.setTicks([[(i + 0.5, i18n.weekday_name(i, lang)) for i in range(7)]])
        self.hour_axis.setTicks([[(h + 0.5, f"{h}h") for h in range(0, 24, 2)], [(h + 0.5, "") for h in range(24)]])
        used = np.where(np.isfinite(self._grid).any(axis=0))[0]
        first, last = (int(used.min()), int(used.max()) + 1) if used.size else (0, 24)
        if last - first < MIN_HOURS:  # one cell (a heatmap click): keep its hours around it, not one block
            first = max(0, min(first - (MIN_HOURS - (last - first)) // 2, 24 - MIN_HOURS))
            last = first + MIN_HOURS
        self.getPlotItem().setXRange(first, last, padding=0)
        self.getPlotItem().setYRange(0, 7, padding=0)
        self.relabel_axes()

    def _cell(self, point) -> tuple[int, int] | None:
        day, hour = int(np.floor(point.y())), int(np.floor(point.x()))
        return (day, hour) if 0 <= day < 7 and 0 <= hour < 24 else None

    def on_hover(self, point) -> None:
        cell = self._cell(point)
        if cell is None:
            return
        day, hour = cell
        value = self._grid[day, hour]
        shown = self.formatter(value) if np.isfinite(value) else "–"
        if self._small[day, hour]:
            shown += "\n" + self.small_text.format(n=f"{self._n[day, hour]:.0f}")
        self.show_hover(hour + 0.6, day + 0.4, f"{i18n.weekday_name(day, self.lang)} {hour}h–{hour + 1}h\n{shown}")

    def on_click(self, point, double: bool) -> None:
        cell = self._cell(point)
        if cell is not None and np.isfinite(self._grid[cell]):
            self.cell_clicked.emit(*cell)
