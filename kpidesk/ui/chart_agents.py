"""Agents as points and bars: the quadrant (e.g. AHT against CSAT) and the ranking.

Each agent is one point or one bar carrying its ``agent_id``; a click emits
``agent_clicked`` (narrow the filters), a double-click ``agent_selected`` (open the
coaching view). Small samples are drawn hollow so nobody is judged on ten calls.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor

from kpidesk.ui import theme
from kpidesk.ui.charts import Chart, Formatter, ValueAxis, pen


def point_label(name: str) -> str:
    """A short label by the point: the first name, or the whole alias ("Agent C")."""
    return name if name.startswith("Agent ") else name.split(" ")[0]


class QuadrantChart(Chart):
    agent_clicked = Signal(str)
    agent_selected = Signal(str)

    def __init__(self, parent=None):
        self.x_axis = ValueAxis("bottom")
        self.y_axis = ValueAxis("left")
        super().__init__(parent, {"bottom": self.x_axis, "left": self.y_axis}, height=320)
        self.points = pg.ScatterPlotItem(size=11)
        self.addItem(self.points)
        self.x_median = pg.InfiniteLine(angle=90, movable=False)
        self.y_median = pg.InfiniteLine(angle=0, movable=False)
        self.addItem(self.x_median)
        self.addItem(self.y_median)
        self.showGrid(x=True, y=True, alpha=0.2)
        self._labels: list[pg.TextItem] = []
        self._ids: list[str] = []
        self._names: list[str] = []
        self._xy = np.zeros((0, 2))
        self.fx: Formatter = str
        self.fy: Formatter = str

    def set_points(self, ids: list[str], names: list[str], xs: list[float], ys: list[float],
                   small: list[bool], fx: Formatter, fy: Formatter, titles: tuple[str, str]) -> None:
        t = theme.current()
        self._ids, self._names, self.fx, self.fy = ids, names, fx, fy
        self.x_axis.formatter, self.y_axis.formatter = fx, fy
        self.x_axis.setLabel(titles[0], color=t.text)
        self.y_axis.setLabel(titles[1], color=t.text)
        self._xy = np.array(list(zip(xs, ys)), dtype=float).reshape(-1, 2)
        spots = [{"pos": (x, y), "data": i, "brush": None if s else QColor(t.accent),
                  "pen": pen(t.accent, 1.5)} for i, (x, y, s) in enumerate(zip(xs, ys, small))]
        self.points.setData(spots)
        for label in self._labels:
            self.removeItem(label)
        self._labels = []
        for name, (x, y) in zip(names, self._xy):
            label = pg.TextItem(point_label(name), color=QColor(t.muted), anchor=(0, 1.2))
            label.setPos(x, y)
            self.addItem(label)
            self._labels.append(label)
        for line, values in ((self.x_median, xs), (self.y_median, ys)):
            line.setVisible(bool(values))
            if values:
                line.setPen(pen(t.grid, 1.5, dash=True))
                line.setPos(float(np.median(values)))
        self.getPlotItem().enableAutoRange()

    def _nearest(self, point) -> int | None:
        if not len(self._xy):
            return None
        vb = self.getPlotItem().vb
        px = vb.mapViewToScene(pg.Point(point.x(), point.y()))
        best, best_d = None, 14.0  # pixels
        for i, (x, y) in enumerate(self._xy):
            p = vb.mapViewToScene(pg.Point(x, y))
            d = float(np.hypot(p.x() - px.x(), p.y() - px.y()))
            if d < best_d:
                best, best_d = i, d
        return best

    def on_hover(self, point) -> None:
        i = self._nearest(point)
        if i is None:
            self.hover.hide()
            return
        x, y = self._xy[i]
        self.show_hover(x, y, f"{self._names[i]}\n{self.fx(x)} · {self.fy(y)}")

    def on_click(self, point, double: bool) -> None:
        i = self._nearest(point)
        if i is not None:
            (self.agent_selected if double else self.agent_clicked).emit(self._ids[i])


class RankingChart(Chart):
    """Agents ranked by one KPI, best first, bars coloured by target status."""

    agent_clicked = Signal(str)
    agent_selected = Signal(str)

    def __init__(self, parent=None):
        self.name_axis = ValueAxis("left")
        self.value_axis = ValueAxis("bottom")
        super().__init__(parent, {"left": self.name_axis, "bottom": self.value_axis}, height=320)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7)
        self.addItem(self.bars)
        self.getPlotItem().invertY(True)
        self.setMouseEnabled(False, False)
        self.showGrid(x=True, y=False, alpha=0.2)
        self._ids: list[str] = []
        self._values = np.array([])
        self.formatter: Formatter = str

    def set_ranking(self, ids: list[str], names: list[str], values: list[float], statuses: list[str | None],
                    formatter: Formatter) -> None:
        t = theme.current()
        self._ids, self._values, self.formatter = ids, np.array(values, dtype=float), formatter
        self.value_axis.formatter = formatter
        self.name_axis.setTicks([[(i, name) for i, name in enumerate(names)]])
        brushes = [QColor(t.status_colour(s)) if s else QColor(t.accent) for s in statuses]
        self.bars.setOpts(x0=np.zeros(len(values)), y=np.arange(len(values)), width=self._values, height=0.7,
                          brushes=brushes, pen=None)
        self.getPlotItem().setYRange(-0.6, max(len(values), 1) - 0.4, padding=0)
        self.getPlotItem().setXRange(0, float(np.nanmax(self._values)) * 1.05 if len(values) else 1, padding=0)

    def _row(self, point) -> int | None:
        i = int(round(point.y()))
        return i if 0 <= i < len(self._ids) else None

    def on_hover(self, point) -> None:
        i = self._row(point)
        if i is not None:
            self.show_hover(point.x(), i - 0.4, self.formatter(self._values[i]))

    def on_click(self, point, double: bool) -> None:
        i = self._row(point)
        if i is not None:
            (self.agent_selected if double else self.agent_clicked).emit(self._ids[i])
