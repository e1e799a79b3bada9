"""Typed pyqtgraph helpers: every chart of the desk, built once, refreshed with ``setData``.

Views never call pyqtgraph directly; they hand plain series (numbers, datetimes) and
a formatter to these widgets. Time is drawn on a ``DateAxisItem`` (naive local times
placed as UTC, so the axis shows the data's own clock). Hovering shows the exact
value and date; clicks are turned into kpidesk signals (``point_clicked``…).
"""

from __future__ import annotations

import html
from calendar import timegm
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QGraphicsItem, QLabel

from kpidesk.core import formatting
from kpidesk.ui import i18n, theme
from kpidesk.ui.export import LegendEntry
from kpidesk.ui.i18n import translate

pg.setConfigOptions(antialias=True, imageAxisOrder="row-major", background=None)
Formatter = Callable[[float], str]


def to_epoch(t: datetime) -> float:
    return float(timegm(t.timetuple()))


def from_epoch(x: float) -> datetime:
    return datetime.fromtimestamp(x, tz=UTC).replace(tzinfo=None)


def _drawn(item) -> bool:
    """Whether a curve holds any point."""
    xs = item.getData()[0]
    return xs is not None and len(xs) > 0


def pen(colour: str, width: float = 1.0, dash: bool = False) -> QColor:
    return pg.mkPen(QColor(colour), width=width, style=Qt.PenStyle.DashLine if dash else Qt.PenStyle.SolidLine)


class ValueAxis(pg.AxisItem):
    """An axis whose tick labels go through a kpidesk formatter (``89,5 %``, ``2 min``)."""

    def __init__(self, orientation: str = "left", formatter: Formatter | None = None):
        super().__init__(orientation)
        self.formatter = formatter

    def tickStrings(self, values, scale, spacing):
        if self.formatter is None:
            return super().tickStrings(values, scale, spacing)
        return [self.formatter(v) for v in values]

    def tickSpacing(self, minVal, maxVal, size):
        """Whole steps for a figure shown whole (a count of 1 or 2 contacts): ticks at
        1.2, 1.4… would all read "1" and "2". Durations on a clock's steps (the
        formatter writes 90 s as ``1 min 30 s``): 5 min, 6 min, 7 min, not 5 min 50 s."""
        if self.formatter is not None and self.formatter(90.0) == formatting.duration(90.0):
            step = clock_step(maxVal - minVal, size, self.pixels_per_tick())
            if step is not None:
                return [(step, 0.0)]
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.formatter is None or not levels or all(spacing >= 1 for spacing, _ in levels):
            return levels
        if self.formatter(0.5) not in (self.formatter(0.0), self.formatter(1.0)):
            return levels
        # the minor level too: major ticks at 1, 2… with minor ones at 1.5 read "1, 2, 2, 3"
        return [level for level in levels if level[0] >= 1] or [(1.0, 0.0)]

    PIXELS_PER_TICK = 90  # a label's width apart along a horizontal axis

    def pixels_per_tick(self) -> int:
        """Labels of a vertical axis stack a line apart: more of them fit."""
        return self.PIXELS_PER_TICK if self.orientation in ("bottom", "top") else 50


# Durations are ticked on a clock's steps (10 s, 5 min, 6 h, 1 day…), not on
# decimal ones that land on "13 h 53" and "2 j 7 h".
DURATION_STEPS = (
    1, 2, 5, 10, 15, 30,
    60, 120, 300, 600, 900, 1800,
    3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600,
    86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400,
)  # fmt: skip


def clock_step(span: float, size: float, pixels_per_tick: float) -> float | None:
    """The clock step (:data:`DURATION_STEPS`, whole weeks beyond) that puts a tick
    about every ``pixels_per_tick`` on ``size`` pixels showing ``span`` seconds."""
    if span <= 0 or size <= 0:
        return None
    wanted = span / max(size / pixels_per_tick, 1.0)
    step = next((s for s in DURATION_STEPS if s >= wanted), None)
    if step is None:  # beyond four weeks a step: whole weeks
        step = 7 * 86400 * int(np.ceil(wanted / (7 * 86400)))
    return float(step)


class DurationAxis(ValueAxis):
    """A value axis in seconds, ticked on round durations whatever its formatter."""

    def tickSpacing(self, minVal, maxVal, size):
        step = clock_step(maxVal - minVal, size, self.pixels_per_tick())
        return super().tickSpacing(minVal, maxVal, size) if step is None else [(step, 0.0)]


class LocaleDateAxis(pg.DateAxisItem):
    """Dates in the user's language: ``23 nov.`` / ``Nov 23``, ``14:00``, ``nov. 2026``."""

    lang = "en"

    def __init__(self, orientation: str = "bottom"):
        super().__init__(orientation=orientation, utcOffset=0)

    def tickValues(self, minVal, maxVal, size):
        """One level of ticks, the finest: a month tick among day ticks reads as a day.
        A coarser tick (the 1st of a month) is kept only where it does not crowd
        its neighbours ("Nov 1" two days before "Nov 3" would run into it)."""
        levels = [(spacing, values) for spacing, values in super().tickValues(minVal, maxVal, size) if values]
        if len(levels) <= 1:
            return [(spacing, self._apart(values, minVal, maxVal, size)) for spacing, values in levels]
        spacing, finest = levels[-1]
        ticks = sorted(finest)
        gap = min((b - a for a, b in zip(ticks, ticks[1:])), default=spacing)  # e.g. every 5 days
        for _, values in levels[:-1]:
            for v in values:
                if all(abs(v - t) >= 0.75 * gap for t in ticks):
                    ticks.append(v)
        return [(spacing, self._apart(ticks, minVal, maxVal, size))]

    def _apart(self, ticks, minVal, maxVal, size) -> list[float]:
        """Every tick whose label clears the previous one: pyqtgraph guesses a label's
        width, and a fortnight of day ticks ran into each other on a narrow chart in
        French ("2 mars3 mars4 mars", a heatmap cell's Tuesdays)."""
        ticks = sorted(ticks)
        if len(ticks) < 2 or maxVal <= minVal or size <= 0:
            return ticks
        label = QFontMetrics(self.style.get("tickFont") or QFont()).horizontalAdvance("30 sept.") + 12
        room = label * (maxVal - minVal) / size  # a label's width in axis units
        kept = [ticks[0]]
        for v in ticks[1:]:
            if v - kept[-1] >= room:
                kept.append(v)
        return kept

    def tickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            t = from_epoch(v)
            if spacing >= 27 * 86400:
                out.append(i18n.month_year(t, self.lang))
            elif spacing >= 86400:
                out.append(i18n.day_month(t, self.lang))
            elif t.hour == 0 and t.minute == 0:
                out.append(i18n.day_month(t, self.lang))
            else:
                out.append(t.strftime("%H:%M"))
        return out


class Chart(pg.PlotWidget):
    """A themed plot with a hover label; subclasses add their items once."""

    preferred_height: int | None = None

    def __init__(self, parent=None, axis_items: dict | None = None, height: int = 240):
        super().__init__(parent, axisItems=axis_items or {})
        self.setMinimumHeight(height)
        self.hover = pg.TextItem(anchor=(0, 1))
        self.hover.setZValue(100)
        self.addItem(self.hover, ignoreBounds=True)
        self.hover.hide()
        self.getPlotItem().setMenuEnabled(False)
        self.getPlotItem().hideButtons()
        # Said in words on the empty plot: which figure has no data, and why.
        self.empty_label = QLabel(self, objectName="Muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_label.hide()
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)
        for name in ("left", "bottom"):
            # An axis (with its grid lines) is redrawn from a pixmap until its range
            # changes, not replayed line by line each time anything in the plot moves.
            axis = self.getPlotItem().getAxis(name)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # Ticks point out, towards their labels: drawn inwards they cross the bars.
            axis.setStyle(maxTickLevel=1, tickLength=4)
        self.empty = False
        self._drawings_cached = False
        # A tab the user comes back to is painted in two event-loop turns: its tiles
        # and frames first, its charts in the next turn, so that no single paint
        # holds the window longer than the issue #4 budget.
        self._painted = False
        self._paint_later = False
        self._paint_timer = QTimer(self, singleShot=True, interval=1)
        self._paint_timer.timeout.connect(self._paint_now)
        self.restyle()

    def showEvent(self, event) -> None:
        """On first show, every item of the plot (curves, bars, lines, marks) keeps its
        drawing as a pixmap until its data, pen or size changes: a tab shown again is
        painted by copying pixels, not by antialiasing each path again (issue #4)."""
        super().showEvent(event)
        if self._painted:
            self._paint_later = True
        if self._drawings_cached:
            return
        self._drawings_cached = True
        stack = list(self.getPlotItem().vb.addedItems)
        while stack:
            item = stack.pop()
            if item is not self.hover:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                stack.extend(item.childItems())

    def paintEvent(self, event) -> None:
        if self._paint_later:  # shown again: the plain card now, the plot next turn
            painter = QPainter(self.viewport())
            painter.fillRect(event.rect(), self.backgroundBrush())
            painter.end()
            self._paint_timer.start()
            return
        self._painted = True
        super().paintEvent(event)

    def _paint_now(self) -> None:
        self._paint_later = False
        self.viewport().update()

    def sizeHint(self) -> QSize:
        """pyqtgraph asks for 480 px; a chart that has a ``preferred_height`` asks
        for that, and takes whatever more its layout gives it."""
        hint = super().sizeHint()
        if self.preferred_height is not None:
            hint.setHeight(self.preferred_height)
        return hint

    def restyle(self) -> None:
        t = theme.current()
        self.setBackground(QColor(t.surface))
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pen(t.grid))
            axis.setTextPen(pen(t.text))
            axis.setTickFont(QFont(self.font().family(), 9))
            axis.setZValue(-200)  # under the plot (-100): grid lines behind bars, not across them
        self.hover.setColor(QColor(t.text))
        self.hover.fill = pg.mkBrush(QColor(t.surface))
        self.showGrid(x=False, y=True, alpha=0.25)

    def relabel_axes(self) -> None:
        """Draw the tick labels again (new language or unit, same range: the
        axes' cached drawing would otherwise keep the old texts)."""
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.picture = None
            axis.update()

    def show_empty(self, text: str | None) -> None:
        """Write ``text`` across the plot (its figure has no data), or clear it. An
        empty plot shows no axes: ticks of a made-up range (0 s, 0 s, 1 s…) or a
        lone target line would read as figures."""
        self.empty_label.setText(text or "")
        self.empty_label.setVisible(bool(text))
        empty = bool(text)
        if empty != self.empty:
            self.empty = empty
            plot = self.getPlotItem()
            for name in ("left", "bottom"):
                plot.showAxis(name, not empty)
        if empty:
            for item in self.data_items():
                item.hide()
        self._place_empty()

    def data_items(self) -> list:
        """Items that draw a figure besides the series (a target line…): hidden on an
        empty plot (the next figures show them again)."""
        return []

    def _place_empty(self) -> None:
        if "empty_label" not in self.__dict__:  # a resize while pyqtgraph builds the view
            return
        self.empty_label.setGeometry(self.rect().adjusted(40, 20, -20, -40))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_empty()

    def clear_hover(self) -> None:
        """No hover label once the mouse left, or once the figures changed."""
        self.hover.hide()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.clear_hover()

    def view_point(self, scene_pos):
        return self.getPlotItem().vb.mapSceneToView(scene_pos)

    def show_hover(self, x: float, y: float, text: str) -> None:
        self.hover.setText(text)
        self.hover.setPos(x, y)
        self.hover.show()

    def _mouse_moved(self, scene_pos) -> None:
        if not self.getPlotItem().sceneBoundingRect().contains(scene_pos):
            self.clear_hover()
            return
        self.on_hover(self.view_point(scene_pos))

    def _mouse_clicked(self, event) -> None:
        self.on_click(self.view_point(event.scenePos()), event.double())

    def on_hover(self, point) -> None:
        pass

    def on_click(self, point, double: bool) -> None:
        pass


class TrendChart(Chart):
    """A KPI over time, its target line, and the compare period drawn faintly."""

    point_clicked = Signal(object)  # the datetime of the bucket clicked

    def __init__(self, parent=None):
        self.date_axis = LocaleDateAxis()
        self.value_axis = ValueAxis("left")
        super().__init__(parent, {"bottom": self.date_axis, "left": self.value_axis})
        self.compare_curve = self.plot([], [])
        self.curve = self.plot([], [])
        self.target_line = pg.InfiniteLine(angle=0, movable=False)
        self.addItem(self.target_line)
        self.cursor = pg.InfiniteLine(angle=90, movable=False)
        self.addItem(self.cursor, ignoreBounds=True)
        self.cursor.hide()
        self.comment_marks = pg.ScatterPlotItem()  # the team lead's comments: hover to read
        self.addItem(self.comment_marks)
        self._marks: dict[int, str] = {}
        self._x = np.array([])
        self._y = np.array([])
        self._cy = np.array([])
        self._n: list[float | None] = []
        self.small_curve = self.plot([], [])  # the buckets with too few answers, faded
        self.small_curve.setZValue(self.curve.zValue() + 1)
        # one bucket of data (a month's report): its value written by its dot, the
        # compare value by its own, rather than a lone dot on an empty axis
        self.point_label = pg.TextItem(anchor=(0.5, 1.25))
        self.compare_label = pg.TextItem(anchor=(0.5, -0.25))
        for label in (self.point_label, self.compare_label):
            label.setZValue(50)
            self.addItem(label, ignoreBounds=True)
            label.hide()
        self.formatter: Formatter = str
        self.lang = "en"
        self.with_time = False
        self.grain = "day"
        self.n_text: Callable[[float], str] = lambda n: f"n = {n:g}"

    def set_series(
        self,
        xs: list[datetime],
        ys: list[float | None],
        compare: list[float | None] | None,
        target: float | None,
        formatter: Formatter,
        lang: str,
        with_time: bool,
        n: list[float | None] | None = None,
        small: list[bool] | None = None,
        n_text: Callable[[float], str] | None = None,
        grain: str | None = None,
    ) -> None:
        """``n``: each bucket's sample size (shown on hover); ``small``: the buckets
        whose sample is too small to read, drawn as faded hollow dots; ``grain``: what
        a bucket is (15min, hour, day, week, month: how a lone bucket and the hover
        name it), by default an hour or a day as ``with_time`` says."""
        t = theme.current()
        self.clear_hover()
        self.formatter, self.lang, self.with_time = formatter, lang, with_time
        self.grain = grain or ("hour" if with_time else "day")
        self._n = list(n or [])
        if n_text is not None:
            self.n_text = n_text
        self.date_axis.lang = lang
        self.value_axis.formatter = formatter
        self._x = np.array([to_epoch(x) for x in xs], dtype=float)
        self._y = np.array([np.nan if v is None else v for v in ys], dtype=float)
        self._cy = np.array([np.nan if v is None else v for v in (compare or [])], dtype=float)
        symbol = "o" if len(self._x) <= 120 else None
        drawn = np.isfinite(self._y).any()  # all missing: nothing to draw (nor to bound)
        self.curve.setData(
            self._x if drawn else [],
            self._y if drawn else [],
            pen=pen(t.accent, 2.2),
            connect="finite",
            symbol=symbol,
            symbolSize=6,
            symbolBrush=QColor(t.accent),
            symbolPen=None,
        )
        flags = np.array(small or [False] * len(self._x), dtype=bool)
        if len(flags) == len(self._x):
            flags &= np.isfinite(self._y)  # a bucket without a value has no dot to fade
        if len(flags) == len(self._x) and flags.any():
            faded = QColor(t.surface)
            self.small_curve.setData(
                self._x[flags],
                self._y[flags],
                pen=None,
                symbol="o",
                symbolSize=7,
                symbolBrush=faded,
                symbolPen=pg.mkPen(QColor(t.muted), width=1.4),
            )
        else:
            self.small_curve.setData([], [])
        xs_drawn = np.unique(self._x[np.isfinite(self._y)]) if drawn else np.array([])
        compared = len(self._cy) == len(self._x) and np.isfinite(self._cy).any()
        if compared:
            lone = np.isfinite(self._cy).sum() == 1  # a dashed line through one point draws nothing
            self.compare_curve.setData(
                self._x,
                self._cy,
                pen=pen(t.compare, 1.4, dash=True),
                connect="finite",
                symbol="o" if lone else None,
                symbolSize=7,
                symbolBrush=QColor(t.surface),
                symbolPen=pg.mkPen(QColor(t.compare), width=1.6),
            )
        else:
            self.compare_curve.setData([], [])
        self.target_line.setVisible(target is not None)
        if target is not None:
            self.target_line.setPen(pen(t.good, 1.5, dash=True))
            self.target_line.setPos(target)
        self.cursor.setPen(pen(t.grid))
        self.getPlotItem().enableAutoRange()
        self.point_label.hide()
        self.compare_label.hide()
        if len(xs_drawn) == 1:
            self._one_bucket(float(xs_drawn[0]), target)
        elif self.grain == "month" and 1 < len(self._x) <= 24:
            # a few months: each named under its dot ("Feb 2024", "Mar 2024"), half a
            # month of room each side, not day ticks ("Feb 2 … Feb 27") between two dots
            half = 15 * 86400.0
            self.getPlotItem().setXRange(float(self._x.min()) - half, float(self._x.max()) + half, padding=0)
            self.date_axis.setTicks([[(float(x), self._tick_name(float(x))) for x in self._x]])
        else:
            self.date_axis.setTicks(None)
        if len(xs_drawn) > 1:
            self._flat_range(target)
        self.relabel_axes()

    def _flat_range(self, target: float | None) -> None:
        """A series that hardly moves (2 min 39.48 s every month against the team's
        2 min 39.53 s) gets a range a tick or two wide around it: auto-ranged to the
        hundredth of a second, its axis had no tick to label."""
        values = [v for v in (*self._y, *self._cy) if np.isfinite(v)]
        if target is not None:
            values.append(target)
        lo, hi = min(values), max(values)
        mid = (lo + hi) / 2
        room = abs(mid) * 0.02  # ±2 %: 89.1 % ± 1.8 pts, 2 min 40 s ± 3 s
        if 0 < hi - lo < room or (hi == lo and room):
            self.getPlotItem().setYRange(mid - room, mid + room, padding=0.1)

    def bucket_name(self, x: float) -> str:
        """The bucket at ``x`` in words, as long as its grain: ``Mar 2024`` for a month,
        ``week of Mar 4`` for a week, ``01/03/2024`` for a day, with the hour below a day."""
        when = from_epoch(x)
        if self.grain == "month":
            return i18n.month_year(when, self.lang)
        if self.grain == "week":
            return translate("Charts", "week of {day}").format(day=formatting.day(when, self.lang))
        return formatting.day(when, self.lang, self.grain in ("15min", "hour"))

    def _one_bucket(self, x0: float, target: float | None) -> None:
        """One bucket of data (one day, a month's report): the axis spans about a bucket
        each side and names it once under the dot (``Mar 2024``, not "1 Mar" nor
        "23:59 · 1 Mar · 1 Mar"); its value is written by the dot, the compare value
        by its hollow one, and the values sit mid-height with room for their labels."""
        t = theme.current()
        half = {"15min": 900.0, "hour": 3600.0, "week": 7 * 86400.0, "month": 15 * 86400.0}.get(self.grain, 86400.0)
        self.getPlotItem().setXRange(x0 - half, x0 + half, padding=0)
        self.date_axis.setTicks([[(x0, self._tick_name(x0))]])
        i = int(np.nonzero(self._x == x0)[0][0])
        y = float(self._y[i])
        cy = float(self._cy[i]) if len(self._cy) > i and np.isfinite(self._cy[i]) else None
        self.curve.setSymbolSize(10)  # the one figure of the chart: a dot that reads as one
        self.point_label.setHtml(f"<b style='color:{t.accent}'>{html.escape(self.formatter(y))}</b>")
        self.point_label.setPos(x0, y)
        self.point_label.show()
        if cy is not None:
            self.compare_label.setHtml(f"<span style='color:{t.muted}'>{html.escape(self.formatter(cy))}</span>")
            self.compare_label.setPos(x0, cy)
            self.compare_label.show()
        values = [v for v in (y, cy, target) if v is not None]
        lo, hi = min(values), max(values)
        span = (hi - lo) or abs(hi) * 0.2 or 1.0
        self.getPlotItem().setYRange(lo - span, hi + span, padding=0)

    def _tick_name(self, x: float) -> str:
        """A lone bucket's name on the axis: its month, its week's first day, its day or its hour."""
        when = from_epoch(x)
        if self.grain == "month":
            return i18n.month_year(when, self.lang)
        if self.grain in ("15min", "hour"):
            return when.strftime("%H:%M")
        return i18n.day_month(when, self.lang)

    def set_marks(self, marks: list[tuple[datetime, str]]) -> None:
        """Comments as markers on the bucket holding their first day (or the first
        bucket, for a comment that started before the period); their text shows on hover."""
        self._marks = {}
        for when, text in marks:
            if not len(self._x):
                break
            x = to_epoch(when)
            before = np.nonzero(self._x <= x)[0]
            i = int(before[-1]) if len(before) else 0
            self._marks[i] = f"{self._marks[i]}\n{text}" if i in self._marks else text
        xs = [self._x[i] for i in self._marks]
        ys = [
            self._y[i] if np.isfinite(self._y[i]) else np.nanmin(self._y) if np.isfinite(self._y).any() else 0.0
            for i in self._marks
        ]
        t = theme.current()
        self.comment_marks.setData(
            xs, ys, symbol="star", size=16, brush=QColor(t.warn), pen=pg.mkPen(QColor(t.text), width=0.8)
        )

    @property
    def mark_texts(self) -> dict[int, str]:
        return dict(self._marks)

    def _nearest(self, x: float) -> int | None:
        if not len(self._x):
            return None
        return int(np.abs(self._x - x).argmin())

    def on_hover(self, point) -> None:
        i = self._nearest(point.x())
        if i is None:
            return
        when = self.bucket_name(self._x[i])
        text = f"{when}\n{self.formatter(self._y[i]) if np.isfinite(self._y[i]) else '–'}"
        if len(self._cy) > i and np.isfinite(self._cy[i]):
            text += f"  ({self.formatter(self._cy[i])})"
        if len(self._n) > i and self._n[i] is not None:
            text += f"\n{self.n_text(self._n[i])}"
        if i in self._marks:
            text += f"\n\u2605 {self._marks[i]}"
        self.cursor.setPos(self._x[i])
        self.cursor.show()
        y = self._y[i] if np.isfinite(self._y[i]) else point.y()
        self.show_hover(self._x[i], y, text)

    def clear_hover(self) -> None:
        super().clear_hover()
        self.cursor.hide()

    def data_items(self) -> list:
        return [self.target_line, self.point_label, self.compare_label]

    def legend(self, label: str) -> list[LegendEntry]:
        """What is drawn, for an exported picture: the KPI (``label``) and, when
        drawn, the compare period, the target, small samples and comments."""
        t = theme.current()
        if self.empty:
            return []
        entries = [LegendEntry("line", t.accent, label)]
        if _drawn(self.compare_curve):
            entries.append(LegendEntry("dash", t.compare, translate("Charts", "Compare period")))
        if self.target_line.isVisible():
            target = self.formatter(self.target_line.value())
            entries.append(LegendEntry("dash", t.good, translate("Charts", "Target {value}").format(value=target)))
        if _drawn(self.small_curve):
            entries.append(LegendEntry("hollow", t.muted, translate("Charts", "Small sample")))
        if self._marks:
            entries.append(LegendEntry("star", t.warn, translate("Charts", "Comment")))
        return entries

    def on_click(self, point, double: bool) -> None:
        i = self._nearest(point.x())
        if i is not None and not double:
            self.point_clicked.emit(from_epoch(self._x[i]))


class DistributionChart(Chart):
    """A histogram of durations with the median and p90 marked."""

    def __init__(self, parent=None):
        self.value_axis = DurationAxis("bottom")
        super().__init__(parent, {"bottom": self.value_axis})
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.addItem(self.bars)
        # Each label on its own line of a band above the tallest bar, on the card's
        # colour, beside its line on the side with room (see set_histogram).
        self.median_line = pg.InfiniteLine(angle=90, movable=False, label="", labelOpts={"position": 0.95})
        self.p90_line = pg.InfiniteLine(angle=90, movable=False, label="", labelOpts={"position": 0.87})
        self.addItem(self.median_line)
        self.addItem(self.p90_line)
        self._edges = np.array([])
        self._counts = np.array([])
        self.formatter: Formatter = str

    def set_histogram(
        self,
        edges: list[float],
        counts: list[int],
        median: float | None,
        p90: float | None,
        formatter: Formatter,
        labels: tuple[str, str],
    ) -> None:
        t = theme.current()
        self.formatter = formatter
        self.value_axis.formatter = formatter
        self._edges, self._counts = np.array(edges, dtype=float), np.array(counts, dtype=float)
        if len(self._counts):
            self.bars.setOpts(
                x0=self._edges[:-1],
                x1=self._edges[1:],
                height=self._counts,
                brush=QColor(t.accent),
                pen=pg.mkPen(QColor(t.surface)),
            )
        else:
            self.bars.setOpts(x0=[], x1=[], height=[])
        for line, value, label, colour in (
            (self.median_line, median, labels[0], t.text),
            (self.p90_line, p90, labels[1], t.bad),
        ):
            line.setVisible(value is not None)
            if value is not None:
                line.setPen(pen(colour, 2, dash=True))
                line.setPos(value)
                line.label.setFormat(f"{label} {formatter(value)}")
                line.label.setColor(QColor(colour))
                line.label.fill = pg.mkBrush(QColor(t.surface))
                middle = (self._edges[0] + self._edges[-1]) / 2 if len(self._edges) else value
                side = (1.04, 0.5) if value > middle else (-0.04, 0.5)  # left of the line in the right half
                line.label.anchors = [side, side]
                line.label.updatePosition()
        self.getPlotItem().enableAutoRange(x=True, y=False)
        top = float(self._counts.max()) if len(self._counts) else 1.0
        self.getPlotItem().setYRange(0, top * 1.3, padding=0)  # the labels' band
        self.relabel_axes()

    def on_hover(self, point) -> None:
        if not len(self._counts):
            return
        i = int(np.searchsorted(self._edges, point.x()) - 1)
        if 0 <= i < len(self._counts):
            text = f"{self.formatter(self._edges[i])} – {self.formatter(self._edges[i + 1])}\n{int(self._counts[i])}"
            self.show_hover(point.x(), self._counts[i], text)


class BarChart(Chart):
    """Labelled vertical bars (the channel mix); a click names the bar."""

    bar_clicked = Signal(str)

    def __init__(self, parent=None):
        self.label_axis = ValueAxis("bottom")
        self.value_axis = ValueAxis("left")
        super().__init__(parent, {"bottom": self.label_axis, "left": self.value_axis}, height=200)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.addItem(self.bars)
        self.setMouseEnabled(False, False)
        self._keys: list[str] = []
        self._values = np.array([])
        self.formatter: Formatter = str

    def set_bars(self, keys: list[str], labels: list[str], values: list[float], formatter: Formatter) -> None:
        t = theme.current()
        self._keys, self._values, self.formatter = keys, np.array(values, dtype=float), formatter
        self.value_axis.formatter = formatter
        self.label_axis.setTicks([[(i, label) for i, label in enumerate(labels)]])
        self.bars.setOpts(x=np.arange(len(values)), height=self._values, width=0.6, brush=QColor(t.accent), pen=None)
        self.getPlotItem().setXRange(-0.6, max(len(values), 1) - 0.4, padding=0)
        self.getPlotItem().setYRange(0, float(np.nanmax(self._values)) * 1.1 if len(values) else 1, padding=0)
        self.relabel_axes()

    def on_hover(self, point) -> None:
        i = int(round(point.x()))
        if 0 <= i < len(self._values):
            self.show_hover(point.x(), self._values[i], self.formatter(self._values[i]))

    def on_click(self, point, double: bool) -> None:
        i = int(round(point.x()))
        if 0 <= i < len(self._keys):
            self.bar_clicked.emit(self._keys[i])
