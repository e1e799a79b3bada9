"""The Overview tab: CSAT and the answer rate first, the channel mix, one headline
tile per channel, and the trend of any of them. Clicking a channel's bar opens
its tab; "Why?" (the trend's button, a tile's right-click) opens what changed
against the compare period, over all channels.
``python -m kpidesk.ui.preview overview [--db PATH]`` opens it alone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from kpidesk.ui import privacy_state
from kpidesk.ui.charts import BarChart
from kpidesk.ui.comments_dialog import mark_tiles
from kpidesk.ui.dashboard.channel_view import TrendCard
from kpidesk.ui.dashboard.tab_view import Card, TabView, TileGrid
from kpidesk.ui.desk import CHANNEL_LABELS
from kpidesk.ui.i18n import translate


class OverviewView(TabView):
    why_requested = Signal(str, object)  # KPI id, channels (none: all): open "what changed and why"

    def __init__(self, desk, parent=None):
        super().__init__(desk, "overview", parent)
        self.tiles = TileGrid(self.spec.tiles, optional=self.spec.optional)
        self.mix = Card(BarChart())
        self.trend = TrendCard()
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.mix, 1)
        row.addWidget(self.trend, 2)
        # The whole tab fits a laptop's screen (1366×768, 1440×900) without scrolling:
        # the charts ask for their minimum height and share whatever height is left.
        for chart in (self.mix.body, self.trend.chart):
            chart.preferred_height = chart.minimumHeight()
        self.body.addWidget(self.tiles)
        self.body.addLayout(row, 1)
        self.tiles.tile_clicked.connect(self._select_trend)
        self.trend.combo.activated.connect(lambda i: self._select_trend(self.trend.combo.itemData(i)))
        self.trend.chart.point_clicked.connect(self.emit_bucket)
        self.mix.body.bar_clicked.connect(self.channel_clicked)
        self.trend.why.clicked.connect(lambda: self.why_requested.emit(self.trend.kpi, ()))
        self.tiles.why_requested.connect(lambda kpi: self.why_requested.emit(kpi, ()))

    def _select_trend(self, kpi: str) -> None:
        self.trend.kpi = kpi
        self.tiles.select(kpi)
        if self.data is not None:
            self.trend.paint(self, self.tiles.shown, None)

    def paint_steps(self) -> list:
        return [self._paint_tiles, self._paint_trend, self._paint_mix]

    def _paint_tiles(self) -> None:
        self.tiles.paint(self.desk, self.data, None)
        mark_tiles(self.tiles.tiles, self.data.comments, None, privacy_state.of(self.desk), self.desk.lang)

    def _paint_trend(self) -> None:
        self.trend.paint(self, self.tiles.shown, None)
        self.tiles.select(self.trend.kpi)

    def _paint_mix(self) -> None:
        desk, data = self.desk, self.data
        self.mix.title.setText(translate("Overview", "Channel mix"))
        order = [c for c in ("phone", "email", "chat", "bot") if c in data.channel_mix]
        order += sorted(c for c in data.channel_mix if c not in order)
        labels = [translate("Channels", CHANNEL_LABELS[c]) if c in CHANNEL_LABELS else c for c in order]
        self.mix.body.set_bars(
            order, labels, [data.channel_mix[c] or 0.0 for c in order], desk.formatter("volume_share")
        )
        self.mix.body.show_empty(None if order else translate("Overview", "No contacts in this period"))

    def export_chart(self):
        return self.trend.chart

    def chart_caption(self) -> tuple[str, list]:
        return self.trend.caption(self)
