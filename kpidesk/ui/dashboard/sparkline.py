"""The small trend line inside a KPI tile, drawn with one ``QPainter`` call per run.

A tab shows eight of them and the window holds four such tabs: as pyqtgraph plots
(a scene, a view box, four axes each) they were the bulk of the window's widgets
and of every refresh's repaint and restyle. This one keeps the points in a numpy
array, maps them to the widget's rectangle, skips gaps (no data), and keeps the
drawing in a pixmap until the series or the size changes: going back to a tab
repaints its tiles by copying pixels, not by antialiasing every line again.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 3.0


class Sparkline(QWidget):
    """No axes, no mouse: the shape of the period at a glance."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._y = np.array([], dtype=float)
        self._colour = QColor("#1f5fbf")
        self._pixmap: QPixmap | None = None  # the line as last drawn, for this size

    def set_series(self, ys, colour: str) -> None:
        y = np.array([np.nan if v is None else v for v in ys], dtype=float)
        c = QColor(colour)
        if c == self._colour and y.shape == self._y.shape and np.array_equal(y, self._y, equal_nan=True):
            return  # nothing changed: no repaint
        self._y, self._colour = y, c
        self._pixmap = None
        self.update()

    def series(self) -> np.ndarray:
        return self._y.copy()

    def runs(self) -> list[QPolygonF]:
        """The line as polygons in widget coordinates, one per run of finite points."""
        y = self._y
        finite = np.isfinite(y)
        if not finite.any():
            return []
        lo, hi = float(y[finite].min()), float(y[finite].max())
        w, h = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        xs = MARGIN + (np.arange(len(y)) * (w / max(len(y) - 1, 1)))
        ys = MARGIN + h / 2 if hi == lo else MARGIN + (hi - y) * (h / (hi - lo))
        ys = np.broadcast_to(ys, y.shape)
        out, start = [], None
        for i, ok in enumerate(np.append(finite, False)):  # at most a few hundred points
            if ok and start is None:
                start = i
            elif not ok and start is not None:
                out.append(QPolygonF([QPointF(float(xs[j]), float(ys[j])) for j in range(start, i)]))
                start = None
        return out

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._pixmap = None

    def paintEvent(self, event) -> None:
        ratio = self.devicePixelRatioF()
        pixmap = self._pixmap
        if pixmap is None or pixmap.devicePixelRatio() != ratio:
            pixmap = self._pixmap = self._draw(ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()

    def _draw(self, ratio: float) -> QPixmap:
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        runs = self.runs()
        if not runs:
            return pixmap
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for run in runs:
            if run.size() == 1:
                painter.drawPoint(run.at(0))
            else:
                painter.drawPolyline(run)
        painter.end()
        return pixmap
