"""Agents as points and bars: the quadrant (e.g. AHT against CSAT) and the ranking.

Each agent is one point or one bar carrying its ``agent_id``; a click emits
``agent_clicked`` (narrow the filters), a double-click ``agent_selected`` (open the
coaching view). Small samples are drawn hollow so nobody is judged on ten calls.
"""

from __future__ import annotations

import statistics

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor

from kpidesk.ui import theme
from kpidesk.ui.charts import Chart, Formatter, ValueAxis, pen
from kpidesk.ui.export import LegendEntry
from kpidesk.ui.i18n import translate


def point_label(name: str) -> str:
    """A short label by the point: the first name, or the whole alias ("Agent C")."""
    return name if name.startswith("Agent ") else name.split(" ")[0]


def point_labels(names: list[str]) -> list[str]:
    """Short labels that still tell agents apart: the first name, then the first
    name and last initial where two share a first name ("Hamza E.", "Hamza K."),
    the whole name where even that is shared."""
    labels = [point_label(n) for n in names]
    for _ in range(2):
        seen: dict[str, int] = {}
        for label in labels:
            seen[label] = seen.get(label, 0) + 1
        for i, (name, label) in enumerate(zip(names, labels, strict=True)):
            if seen[label] > 1:
                parts = name.split()
                short = f"{parts[0]} {parts[-1][0]}." if len(parts) > 1 and label == parts[0] else name
                labels[i] = short
    return labels


class PointLabels(pg.GraphicsObject):
    """The names beside the points, all drawn by one item in screen pixels.

    One ``TextItem`` per agent costs a scene item, a transform update on every
    range change and a text layout each: with a large team that alone held the
    event loop for tens of milliseconds. Labels that would overlap one already
    drawn are skipped (hover shows every name)."""

    def __init__(self):
        super().__init__()
        self._xy = np.zeros((0, 2))
        self._texts: list[str] = []
        self._colour = QColor("#5b636e")
        self.drawn: list[tuple[str, QRectF, QPointF]] = []  # the labels written, where (screen pixels)

    def set_labels(self, xy: np.ndarray, texts: list[str], colour: QColor) -> None:
        self._xy, self._texts, self._colour = np.asarray(xy, dtype=float).reshape(-1, 2), list(texts), colour
        self.prepareGeometryChange()
        self.update()

    def texts(self) -> list[str]:
        """What the labels say (every one, drawn or not): the privacy checks read this."""
        return list(self._texts)

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        view = self.getViewBox()
        return QRectF(view.viewRect()) if view is not None else QRectF()

    def paint(self, painter, option, widget=None) -> None:
        if not self._texts:
            return
        to_screen = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setPen(self._colour)
        metrics = painter.fontMetrics()
        view = self.getViewBox()
        plot = to_screen.mapRect(QRectF(view.viewRect())) if view is not None else None
        taken: list[QRectF] = []
        self.drawn = []
        points = [to_screen.map(QPointF(x, y)) for x, y in self._xy]
        px = np.array([q.x() for q in points])
        py = np.array([q.y() for q in points])
        done = np.zeros(len(points), dtype=bool)
        for i, (p, text) in enumerate(zip(points, self._texts)):
            if done[i]:
                continue
            # agents on the same spot (4 contacts, 100 %): one label names them all,
            # else each would hide the other's and none would be written
            same = (np.abs(px - p.x()) < 2) & (np.abs(py - p.y()) < 2)
            done |= same
            others = [self._texts[j] for j in np.flatnonzero(same) if j != i]
            if len(others) == 1:
                text = f"{text}, {others[0]}"
            elif others:
                text = f"{text} +{len(others)}"
            width, height = metrics.horizontalAdvance(text), metrics.height()
            # up and to the right of the point, else where there is room: up-left,
            # down-right, down-left — never over another label or another agent's point
            for dx, dy in ((6, -6 - height), (-6 - width, -6 - height), (6, 6), (-6 - width, 6)):
                box = QRectF(p.x() + dx, p.y() + dy, width, height)
                if plot is not None and not plot.contains(box):
                    continue
                padded = box.adjusted(-3, -2, 3, 2)
                if any(padded.intersects(other) for other in taken):
                    continue
                covered = (px > padded.left() - 5) & (px < padded.right() + 5)
                covered &= (py > padded.top() - 5) & (py < padded.bottom() + 5)
                covered &= ~same
                if not covered.any():
                    break
            else:
                continue
            taken.append(box)
            self.drawn.append((text, box, p))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()


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
        self.labels = PointLabels()
        self.addItem(self.labels, ignoreBounds=True)
        self._ids: list[str] = []
        self._names: list[str] = []
        self._xy = np.zeros((0, 2))
        self._hollow = np.zeros(0, dtype=bool)
        self.fx: Formatter = str
        self.fy: Formatter = str

    def set_points(
        self,
        ids: list[str],
        names: list[str],
        xs: list[float],
        ys: list[float],
        small: list[bool],
        fx: Formatter,
        fy: Formatter,
        titles: tuple[str, str],
    ) -> None:
        t = theme.current()
        self._ids, self._names, self.fx, self.fy = ids, names, fx, fy
        self.x_axis.formatter, self.y_axis.formatter = fx, fy
        self.x_axis.setLabel(titles[0], color=t.text)
        self.y_axis.setLabel(titles[1], color=t.text)
        self._xy = np.array(list(zip(xs, ys)), dtype=float).reshape(-1, 2)
        hollow = self._hollow = np.array(small, dtype=bool)
        filled, empty = pg.mkBrush(QColor(t.accent)), pg.mkBrush(None)
        self.points.setData(
            x=self._xy[:, 0],
            y=self._xy[:, 1],
            data=np.arange(len(ids)),
            brush=[empty if h else filled for h in hollow],
            pen=pen(t.accent, 1.5),
        )
        self.labels.set_labels(self._xy, point_labels(names), QColor(t.muted))
        for line, values in ((self.x_median, xs), (self.y_median, ys)):
            line.setVisible(bool(values))
            if values:
                line.setPen(pen(t.grid, 1.5, dash=True))
                line.setPos(float(statistics.median(values)))
        self.getPlotItem().enableAutoRange()
        self.relabel_axes()

    def legend(self) -> list[LegendEntry]:
        """What is drawn, for an exported picture."""
        t = theme.current()
        if self.empty:
            return []
        entries = [LegendEntry("dot", t.accent, translate("Charts", "Agent"))]
        if self._hollow.any():
            entries.append(LegendEntry("hollow", t.accent, translate("Charts", "Small sample")))
        entries.append(LegendEntry("dash", t.grid, translate("Charts", "Team median")))
        return entries

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
    """Agents ranked by one KPI, best first, bars coloured by target status.

    A large team does not fit one name per line: beyond ``MAX_ROWS`` the chart
    shows the best and the worst halves with a "… n more" line between them (the
    table below lists everyone)."""

    agent_clicked = Signal(str)
    agent_selected = Signal(str)
    MAX_ROWS = 24

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
        self._rows: dict[int, int] = {}  # line on the chart → index in _ids
        self.formatter: Formatter = str

    def set_ranking(
        self,
        ids: list[str],
        names: list[str],
        values: list[float],
        statuses: list[str | None],
        formatter: Formatter,
        more: str = "… {n}",
    ) -> None:
        """``more``: the text of the gap line, ``{n}`` the number of agents left out."""
        t = theme.current()
        shown = list(range(len(ids)))
        if len(ids) > self.MAX_ROWS + 4:  # hiding fewer would save no room worth a gap line
            half = self.MAX_ROWS // 2
            shown = shown[:half] + [-1] + shown[-half:]  # -1: the gap line
        self._ids, self._values, self.formatter = ids, np.array(values, dtype=float), formatter
        self._rows = {line: i for line, i in enumerate(shown) if i >= 0}
        self.value_axis.formatter = formatter
        left_out = len(ids) - len(self._rows)
        self.name_axis.setTicks(
            [[(line, names[i] if i >= 0 else more.format(n=left_out)) for line, i in enumerate(shown)]]
        )
        lines = np.array(list(self._rows), dtype=float)
        picked = list(self._rows.values())
        brushes = [QColor(t.status_colour(statuses[i])) if statuses[i] else QColor(t.accent) for i in picked]
        self.bars.setOpts(
            x0=np.zeros(len(picked)),
            y=lines,
            width=self._values[picked] if picked else [],
            height=0.7,
            brushes=brushes,
            pen=None,
        )
        self.getPlotItem().setYRange(-0.6, max(len(shown), 1) - 0.4, padding=0)
        self.getPlotItem().setXRange(0, float(np.nanmax(self._values)) * 1.05 if len(values) else 1, padding=0)
        self.relabel_axes()

    def _row(self, point) -> int | None:
        return self._rows.get(int(round(point.y())))

    def on_hover(self, point) -> None:
        i = self._row(point)
        if i is not None:
            self.show_hover(point.x(), round(point.y()) - 0.4, self.formatter(self._values[i]))

    def on_click(self, point, double: bool) -> None:
        i = self._row(point)
        if i is not None:
            (self.agent_selected if double else self.agent_clicked).emit(self._ids[i])
