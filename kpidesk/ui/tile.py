"""A KPI tile: the value in the user's locale, coloured by target, its change against
the compare period (arrow coloured by whether the change is good news), a sparkline,
and a tooltip with the definition, formula and parameters in force."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from kpidesk.core import formatting, targets
from kpidesk.core.kpi.engine import KpiValue
from kpidesk.ui import theme
from kpidesk.ui.charts import Sparkline
from kpidesk.ui.i18n import translate


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
        self.status = QLabel(objectName="Muted")
        self.delta = QLabel(objectName="TileDelta")
        self.spark = Sparkline(self)
        top = QHBoxLayout()
        top.addWidget(self.value)
        top.addStretch(1)
        top.addWidget(self.status, alignment=Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.delta)
        layout.addWidget(self.spark)
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", "true" if selected else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.tile_clicked.emit(self.kpi_id)
        super().mousePressEvent(event)

    def show_value(self, title: str, value: KpiValue | None, previous: KpiValue | None, unit: str, better: str,
                   status: str | None, spark: list[float | None], lang: str, tooltip: str) -> None:
        t = theme.current()
        self.title.setText(title)
        self.setToolTip(tooltip)
        v = value.value if value else None
        self.value.setText(formatting.value(v, unit, lang))
        colour = t.status_colour(status) if status else t.text
        self.value.setStyleSheet(f"color: {colour};")
        self.setStyleSheet(f"QFrame#KpiTile {{ border-left: 5px solid {t.status_colour(status)}; }}" if status else "")
        names = {"green": translate("Tile", "on target"), "amber": translate("Tile", "watch"),
                 "red": translate("Tile", "off target")}
        self.status.setText(names.get(status or "", ""))
        self.status.setStyleSheet(f"color: {colour};")
        if v is None and value is not None and value.reason:
            self.delta.setText(value.reason)
            self.delta.setStyleSheet(f"color: {t.muted};")
        else:
            self._show_delta(v, previous.value if previous else None, unit, better, lang)
        self.spark.set_series(spark, t.accent)

    def _show_delta(self, v, prev, unit: str, better: str, lang: str) -> None:
        t = theme.current()
        text = formatting.delta(v, prev, unit, lang)
        if text is None:
            self.delta.setText(translate("Tile", "no comparison"))
            self.delta.setStyleSheet(f"color: {t.muted};")
            return
        good = targets.is_good_change(v - prev, better)
        arrow = "▲" if v > prev else ("▼" if v < prev else "■")
        colour = t.muted if good is None else (t.good if good else t.bad)
        versus = translate("Tile", "vs compare period")
        self.delta.setText(f"{arrow} {text} {versus}")
        self.delta.setStyleSheet(f"color: {colour};")
