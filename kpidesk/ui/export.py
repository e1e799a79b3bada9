"""Export what is on screen: a table to CSV or XLSX, a chart or a tab to PNG.

A chart exported from the desk reads on its own in a slide or an e-mail: above it
its title (the figure and the KPI), the period with the compare period and the
filters in force; below it the legend of every line drawn (the KPI, the compare
period, the target, small samples, comments).

CSV follows the user's spreadsheet habits: ``;`` and a UTF-8 BOM in French (what
French Excel opens cleanly), ``,`` in English. Values are numbers a spreadsheet can
compute with, one unit per column said in its header (percentages 0-100, seconds,
whole counts); in XLSX each has its number format (89.5 %, 266.4 s). Text that
a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR: an agent
name or a queue from an imported file) is written as text: a text cell in XLSX, a
leading apostrophe in CSV (``formatting.csv_cell``).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from kpidesk.core.formatting import csv_cell, write_xlsx
from kpidesk.ui import theme


@dataclass(frozen=True)
class LegendEntry:
    """One line of a chart's legend: how it is drawn (``line``, ``dash``, ``dot``,
    ``hollow``, ``star``, ``box``), in which colour, and what it is."""

    kind: str
    colour: str
    text: str


@dataclass(frozen=True)
class ChartCaption:
    title: str
    lines: tuple[str, ...] = ()  # period, compare period, filters
    legend: tuple[LegendEntry, ...] = ()


def xlsx_available() -> bool:
    try:
        import xlsxwriter  # noqa: F401 - optional: .xlsx export only when it is installed
    except ImportError:
        return False
    return True


def write_table(path: Path, header: list[str], rows: list[list], lang: str, units: Sequence[str | None] = ()) -> None:
    """A table as CSV, or as XLSX (``formatting.write_xlsx``: each column in its
    unit's number format, ``units`` giving them: percentages as %, seconds, counts whole)."""
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, header, rows, list(units))
        return
    delimiter = ";" if lang == "fr" else ","
    with path.open("w", newline="", encoding="utf-8-sig" if lang == "fr" else "utf-8") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow([csv_cell(h) for h in header])
        for row in rows:
            cells = [csv_cell(v) for v in row]
            writer.writerow([str(v).replace(".", ",") if lang == "fr" and isinstance(v, float) else v for v in cells])


def save_png(widget: QWidget, path: Path) -> bool:
    return widget.grab().save(str(path), "PNG")


MARGIN = 16
SWATCH = 26


def chart_image(chart: QWidget, caption: ChartCaption) -> QImage:
    """The chart as drawn on screen, with its title and period above and its legend below."""
    t = theme.current()
    picture = chart.grab()
    ratio = picture.devicePixelRatio() or 1.0
    width = max(int(picture.width() / ratio), 480)
    title_font = QFont(chart.font())
    title_font.setPointSizeF(max(chart.font().pointSizeF(), 9.0) * 1.35)
    title_font.setBold(True)
    text_font = QFont(chart.font())
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    painter.setFont(title_font)
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    title_h = painter.fontMetrics().boundingRect(0, 0, width - 2 * MARGIN, 10_000, wrap, caption.title).height()
    painter.setFont(text_font)
    metrics = painter.fontMetrics()
    line_h = metrics.height()
    painter.end()
    rows = _legend_rows(caption.legend, metrics, width - 2 * MARGIN)
    head = MARGIN + title_h + 4 + line_h * len(caption.lines) + 8
    foot = (8 + line_h * len(rows) + MARGIN) if rows else MARGIN
    chart_h = int(picture.height() / ratio)
    image = QImage(width, head + chart_h + foot, QImage.Format.Format_ARGB32)
    image.fill(QColor(t.surface))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(t.text))
    painter.setFont(title_font)
    painter.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, title_h), wrap, caption.title)  # long: two lines
    painter.setFont(text_font)
    painter.setPen(QColor(t.muted))
    y = MARGIN + title_h + 4
    for line in caption.lines:
        elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width - 2 * MARGIN)
        painter.drawText(QRectF(MARGIN, y, width - 2 * MARGIN, line_h), int(Qt.AlignmentFlag.AlignLeft), elided)
        y += line_h
    painter.drawPixmap(QRectF(0, head, picture.width() / ratio, chart_h), picture, QRectF(picture.rect()))
    y = head + chart_h + 8
    for row in rows:
        x = float(MARGIN)
        for entry, text_w in row:
            _swatch(painter, entry, QRectF(x, y, SWATCH, line_h))
            painter.setPen(QColor(t.text))
            painter.drawText(QRectF(x + SWATCH + 6, y, text_w, line_h), int(Qt.AlignmentFlag.AlignVCenter), entry.text)
            x += SWATCH + 6 + text_w + 18
        y += line_h
    painter.end()
    return image


def _legend_rows(legend, metrics, room: float) -> list[list[tuple[LegendEntry, int]]]:
    rows: list[list[tuple[LegendEntry, int]]] = []
    used = room + 1.0
    for entry in legend:
        text_w = metrics.horizontalAdvance(entry.text)
        need = SWATCH + 6 + text_w + 18
        if used + need > room and (not rows or rows[-1]):
            rows.append([])
            used = 0.0
        rows[-1].append((entry, text_w))
        used += need
    return rows


def _swatch(painter: QPainter, entry: LegendEntry, box: QRectF) -> None:
    colour = QColor(entry.colour)
    mid = box.center()
    painter.save()
    if entry.kind in ("line", "dash"):
        pen = QPen(colour, 2.2 if entry.kind == "line" else 1.5)
        if entry.kind == "dash":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(box.left(), mid.y()), QPointF(box.right(), mid.y()))
    elif entry.kind in ("dot", "hollow"):
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(colour if entry.kind == "dot" else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(mid, 4.0, 4.0)
    elif entry.kind == "star":
        painter.setPen(colour)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "\u2605")
    else:
        painter.fillRect(QRectF(box.left() + 4, box.top() + 3, box.width() - 8, box.height() - 6), colour)
    painter.restore()


def save_chart_png(chart: QWidget, path: Path, caption: ChartCaption) -> bool:
    """Write the chart with its caption (title, period, filters) and legend."""
    return chart_image(chart, caption).save(str(path), "PNG")
