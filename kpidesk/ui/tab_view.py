"""What every tab shares: a task runner, a grid of KPI tiles, cards, busy state.

A tab receives a ``TabRequest`` from the window, loads it with ``load_tab`` off the
GUI thread (newest request wins) and paints the result; it emits ``kpis_computed``
when its figures are on screen. Clicks that narrow the view go up as signals — the
window owns the filters.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from kpidesk.core.dashboard import HEADLINE_CHANNEL, TABS, TabData, TabRequest, load_tab
from kpidesk.ui.i18n import translate
from kpidesk.ui.tasks import TaskRunner
from kpidesk.ui.tile import KpiTile


class Card(QFrame):
    """A titled panel; ``header`` holds the card's own selectors."""

    def __init__(self, body: QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = QLabel(objectName="SectionTitle")
        self.header = QHBoxLayout()
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(self.header)
        layout.addWidget(body)
        self.body = body

    def add_selector(self, combo: QComboBox) -> None:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.header.addWidget(combo)


def fill_combo(combo: QComboBox, items: list[tuple[str, str]], current: str | None) -> None:
    combo.blockSignals(True)
    combo.clear()
    for key, text in items:
        combo.addItem(text, key)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class TileGrid(QWidget):
    """The tab's KPI tiles, four to a row; clicking one selects it for the trend."""

    tile_clicked = Signal(str)

    def __init__(self, kpis: tuple[str, ...], columns: int = 4, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.tiles: dict[str, KpiTile] = {}
        for i, kpi in enumerate(kpis):
            tile = KpiTile(kpi, self)
            tile.tile_clicked.connect(self.tile_clicked)
            grid.addWidget(tile, i // columns, i % columns)
            self.tiles[kpi] = tile

    def select(self, kpi: str) -> None:
        for key, tile in self.tiles.items():
            tile.set_selected(key == kpi)

    def paint(self, desk, data: TabData, channel: str | None) -> None:
        for kpi_id, tile in self.tiles.items():
            kpi = desk.engine.registry[kpi_id]
            value = data.tiles.get(kpi_id)
            where = channel or HEADLINE_CHANNEL.get(kpi_id)
            spark = [v for _, v in data.trend.get(kpi_id, [])]
            short = desk.short(kpi_id)
            title = kpi.label_for(desk.lang) + (f" ({short})" if short else "")
            tile.show_value(title, value, data.compare_tiles.get(kpi_id), kpi.unit, kpi.better,
                            desk.status(kpi_id, value.value if value else None, where), spark, desk.lang,
                            desk.tooltip(kpi_id, where))


class TabView(QWidget):
    kpis_computed = Signal(str)
    agent_selected = Signal(str)
    agent_clicked = Signal(str)
    bucket_clicked = Signal(object, str)  # datetime, granularity
    cell_clicked = Signal(int, int)  # weekday (0 = Monday), hour
    channel_clicked = Signal(str)
    busy_changed = Signal(bool)
    load_failed = Signal(str)

    def __init__(self, desk, key: str, parent=None):
        super().__init__(parent)
        self.desk, self.key, self.spec = desk, key, TABS[key]
        self.channel = self.spec.channels[0] if self.spec.channels else None
        self.request: TabRequest | None = None
        self.data: TabData | None = None
        self.runner = TaskRunner(self)
        self.runner.task_finished.connect(self._loaded)
        self.runner.task_failed.connect(self.load_failed)
        self.runner.busy_changed.connect(self.busy_changed)
        self.content = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(10, 10, 10, 10)
        self.body.setSpacing(10)
        self.empty_label = QLabel(objectName="Muted")
        self.body.addWidget(self.empty_label)
        self.empty_label.hide()

    # -- loading ------------------------------------------------------------------------
    def load(self, request: TabRequest) -> None:
        self.request = request
        self.runner.start(load_tab, (self.desk.engine, request))

    def reload(self, **changes) -> None:
        if self.request is not None:
            from dataclasses import replace

            self.load(replace(self.request, **changes))

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def _loaded(self, data: TabData) -> None:
        """Paint in a few slices, one per event-loop turn, so a big tab never holds
        the loop for long; ``kpis_computed`` once the last slice is on screen."""
        self.data = data
        self._paint_token = getattr(self, "_paint_token", 0) + 1
        self._paint_next(list(self.paint_steps()), self._paint_token)

    def _paint_next(self, steps: list, token: int) -> None:
        if token != self._paint_token or self.data is None:
            return  # a newer result arrived: it paints itself
        steps.pop(0)()
        if steps:
            QTimer.singleShot(0, self, lambda: self._paint_next(steps, token))
        else:
            self.kpis_computed.emit(self.key)

    # -- painting (subclasses) ----------------------------------------------------------
    def paint_steps(self) -> list:
        """The painting of a loaded ``TabData``, as a list of small callables."""
        raise NotImplementedError

    def paint(self) -> None:
        for step in self.paint_steps():
            step()

    def retranslate(self) -> None:
        if self.data is not None:
            self.paint()

    def restyle(self) -> None:
        self.retranslate()

    def export_table(self):
        """The agent table shown, if any (for File › Export)."""
        return None

    def export_chart(self) -> QWidget | None:
        return None

    def title(self) -> str:
        return translate("Tabs", self.key)

    def with_time(self) -> bool:
        return self.request is not None and self.request.granularity in ("15min", "hour")

    def emit_bucket(self, when: datetime) -> None:
        if self.request is not None:
            self.bucket_clicked.emit(when, self.request.granularity)
