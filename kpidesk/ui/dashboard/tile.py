"""A KPI tile: the value in the user's locale, coloured by target, its change against
the compare period (arrow coloured by whether the change is good news), a sparkline,
and a tooltip with the definition, formula and parameters in force.

A refresh only changes texts and colours: colours go through the labels' palettes
and the status stripe is painted, never through per-widget style sheets, which
would re-polish the tile and re-lay out the whole tab on every filter change.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kpidesk.core import formatting
from kpidesk.core.kpi import targets
from kpidesk.core.kpi.engine import KpiValue
from kpidesk.ui import theme
from kpidesk.ui.dashboard.sparkline import Sparkline
from kpidesk.ui.desk import reason_text
from kpidesk.ui.i18n import translate

STRIPE = 5.0


def set_text_colour(widget: QWidget, colour: str | None) -> None:
    """The widget's text colour (``None``: the theme's), without a style sheet."""
    if getattr(widget, "_kpidesk_colour", None) == colour:
        return
    widget._kpidesk_colour = colour
    pal = QPalette()  # no role set: everything else follows the window's palette
    if colour is not None:
        pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(pal)


class ElidedLabel(QLabel):
    """A one-line label that never pushes its neighbours: when the tile is narrower
    than its text (a French delta on a 1366-px laptop), the text ends in "…" and the
    whole of it is in the tooltip."""

    def minimumSizeHint(self) -> QSize:
        if self.wordWrap():
            return super().minimumSizeHint()
        return QSize(0, super().minimumSizeHint().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if self.wordWrap():
            self.setToolTip("")
            return
        full = self.text()
        fits = self.fontMetrics().horizontalAdvance(full) <= self.width()
        self.setToolTip("" if fits else full)
        self.update()

    def paintEvent(self, event) -> None:
        if self.wordWrap():  # a reason why there is no figure: said in full
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), text)
        painter.end()


class KpiTile(QFrame):
    tile_clicked = Signal(str)

    def __init__(self, kpi_id: str, parent=None):
        super().__init__(parent)
        self.kpi_id = kpi_id
        self.setObjectName("KpiTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(190)
        self.title = QLabel(objectName="TileTitle")
        self.title.setWordWrap(True)
        self.value = QLabel("–", objectName="TileValue")
        self.status = QLabel(objectName="TileStatus")
        self.delta = ElidedLabel(objectName="TileDelta")
        self.delta.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # what a figure over part of the contacts left out ("left out: 3 chats of exports
        # that cannot say abandoned"), under it; hidden for a figure over all of them
        self.note = QLabel(objectName="TileNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.spark = Sparkline(self)
        self.stripe: str | None = None
        self._selected: bool | None = None
        # the status sits beside the title, which wraps: a wide value ("1 min 08 s" in
        # French on a 1366-px laptop) never runs into it
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.delta)
        layout.addWidget(self.note)
        layout.addWidget(self.spark)
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        if selected == self._selected:
            return
        self._selected = selected
        self.setProperty("selected", "true" if selected else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.tile_clicked.emit(self.kpi_id)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.stripe is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setClipPath(outline)
        painter.fillRect(QRectF(0, 0, STRIPE, self.height()), QColor(self.stripe))
        painter.end()

    def show_value(
        self,
        title: str,
        value: KpiValue | None,
        previous: KpiValue | None,
        unit: str,
        better: str,
        status: str | None,
        spark: list[float | None],
        lang: str,
        tooltip: str,
    ) -> None:
        t = theme.current()
        self.title.setText(title)
        self.setToolTip(tooltip)
        v = value.value if value else None
        self.value.setText(formatting.value(v, unit, lang))
        colour = t.status_colour(status) if status else None
        set_text_colour(self.value, colour)
        stripe = t.status_colour(status) if status else None
        if stripe != self.stripe:
            self.stripe = stripe
            self.update()
        names = {
            "green": translate("Tile", "on target"),
            "amber": translate("Tile", "watch"),
            "red": translate("Tile", "off target"),
        }
        self.status.setText(names.get(status or "", ""))
        set_text_colour(self.status, colour or t.muted)
        reason = v is None and value is not None and bool(value.reason)
        if self.delta.wordWrap() != reason:
            self.delta.setWordWrap(reason)
        if reason:
            assert value is not None and value.reason
            self.delta.setText(reason_text(value.reason))
            set_text_colour(self.delta, t.muted)
        else:
            self._show_delta(v, previous.value if previous else None, unit, better, lang)
        note = value.note if value is not None and v is not None and value.note else ""
        if self.note.text() != note:
            self.note.setText(note)
        set_text_colour(self.note, t.muted)
        self.note.setVisible(bool(note))
        # no figure for the period (a missing input), no daily figures under it either: the
        # days whose calls all happened to be known would draw dots that read as values
        # one figure in the whole period (a monthly report's month) is the tile's value:
        # no line to draw, not a lone dot under it
        drawn = v is not None and sum(x is not None for x in spark) >= 2
        self.spark.set_series(spark if drawn else [], t.accent)

    def _show_delta(self, v, prev, unit: str, better: str, lang: str) -> None:
        t = theme.current()
        text = formatting.delta(v, prev, unit, lang)
        if text is None:
            self.delta.setText(translate("Tile", "no comparison"))
            set_text_colour(self.delta, t.muted)
            return
        if not any(ch in "123456789" for ch in text):  # no change at the precision shown
            arrow, colour = "■", t.muted
            text = "±" + text[1:] if text[:1] in ("+", "−", "-") else text
        else:
            good = targets.is_good_change(v - prev, better)
            arrow = "▲" if v > prev else "▼"
            colour = t.muted if good is None else (t.good if good else t.bad)
        versus = translate("Tile", "vs compare period")
        self.delta.setText(f"{arrow} {text} {versus}")
        set_text_colour(self.delta, colour)
