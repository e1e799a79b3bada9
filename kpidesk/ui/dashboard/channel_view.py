"""A channel tab (Phone, Email, Chat / Bot): tiles, trend, heatmap, distribution, agents.

Everything here paints a ``TabData`` that ``core.dashboard.load_tab`` computed off the
GUI thread; choosing another KPI for the trend or the heatmap repaints from data
already loaded (all tile KPIs come back in one grouped query). Run
``python -m kpidesk.ui.preview phone [--db PATH]`` to open it alone.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton

from kpidesk.core import formatting
from kpidesk.ui import privacy_state, theme
from kpidesk.ui.charts import DistributionChart, TrendChart
from kpidesk.ui.comments_dialog import comment_marks, mark_tiles
from kpidesk.ui.dashboard.agent_table import AgentTableView
from kpidesk.ui.dashboard.filter_bar import MultiSelectButton
from kpidesk.ui.dashboard.heatmap import HeatmapChart
from kpidesk.ui.dashboard.tab_view import Card, SelectorCombo, TabView, TileGrid, figure_channels, fill_combo
from kpidesk.ui.desk import reason_text
from kpidesk.ui.i18n import translate

# the trend's title says the grain it is drawn at (a monthly report is drawn by month)
TREND_TITLES = {
    "15min": QT_TRANSLATE_NOOP("ChannelView", "Trend by 15 minutes"),
    "hour": QT_TRANSLATE_NOOP("ChannelView", "Trend by hour"),
    "day": QT_TRANSLATE_NOOP("ChannelView", "Trend by day"),
    "week": QT_TRANSLATE_NOOP("ChannelView", "Trend by week"),
    "month": QT_TRANSLATE_NOOP("ChannelView", "Trend by month"),
}
CHART_HEIGHT = 330
TABLE_OWN_ROW_BELOW = 1700  # px: narrower, the agent table gets a row of its own
DURATION_LABELS = {
    "handle": QT_TRANSLATE_NOOP("ChannelView", "Handle time"),
    "wait": QT_TRANSLATE_NOOP("ChannelView", "Wait before answer"),
    "first_response": QT_TRANSLATE_NOOP("ChannelView", "First response time"),
    "resolution": QT_TRANSLATE_NOOP("ChannelView", "Resolution time"),
}


def heat_note(better: str) -> str:
    """Which end of the heatmap's scale is the bad one (or the high one), in words:
    the worse end is always the theme's last heat colour — dark on light, bright on dark."""
    t = theme.current()
    darker = QColor(t.heat[2]).lightness() < QColor(t.heat[0]).lightness()
    if better in ("higher", "lower"):
        return translate("ChannelView", "darker: worse") if darker else translate("ChannelView", "brighter: worse")
    return translate("ChannelView", "darker: more") if darker else translate("ChannelView", "brighter: more")


class TrendCard(Card):
    """The trend of any tile's KPI, with its target and the compare period."""

    def __init__(self, parent=None):
        self.chart = TrendChart()
        super().__init__(self.chart, parent)
        self.combo = SelectorCombo()
        self.add_selector(self.combo)
        self.why = QPushButton(objectName="WhyButton")  # what changed and why: the breakdown
        self.header.addWidget(self.why)
        self.kpi: str | None = None

    def paint(self, view: TabView, kpis: tuple[str, ...], channel: str | None) -> None:
        desk, data = view.desk, view.data
        if self.kpi not in kpis:  # the first KPI with figures, not an empty plot
            self.kpi = next((k for k in kpis if any(v is not None for _, v in data.trend.get(k, []))), kpis[0])
        fill_combo(self.combo, [(k, desk.label(k, figure_channels(data))) for k in kpis], self.kpi)
        grain = data.request.granularity
        self.title.setText(translate("ChannelView", TREND_TITLES.get(grain, "Trend")))
        series = data.trend.get(self.kpi, [])
        samples = data.trend_samples.get(self.kpi, [])
        compare = dict(data.compare_trend.get(self.kpi, []))
        xs = [t for t, _ in series]
        target = desk.target(self.kpi, channel).target
        self.chart.set_series(
            xs,
            [v for _, v in series],
            [compare.get(t) for t in xs] if compare else None,
            target if series else None,
            desk.formatter(self.kpi),
            desk.lang,
            view.with_time(),
            [n for n, _ in samples] if len(samples) == len(xs) else None,
            [small for _, small in samples] if len(samples) == len(xs) else None,
            lambda n: (
                translate("ChannelView", "n = {n} (small sample)").format(n=formatting.number(n, 0, desk.lang))
                if n < desk.engine.parameters().get("min_sample", 0)
                else translate("ChannelView", "n = {n}").format(n=formatting.number(n, 0, desk.lang))
            ),
            grain,
        )
        self.why.setText(translate("ChannelView", "Why?"))
        self.why.setToolTip(translate("ChannelView", "What changed against the compare period, and why"))
        self.chart.set_marks(comment_marks(data.comments, self.kpi, channel, privacy_state.of(desk)))
        empty = None
        if not any(v is not None for _, v in series):
            tile = data.tiles.get(self.kpi)
            reason = reason_text(tile.reason) if tile is not None and tile.reason else None
            empty = translate("ChannelView", "{kpi}: no data for this period").format(kpi=desk.label(self.kpi))
            if reason:
                empty = translate("MainWindow", "{name}: {values}").format(name=desk.label(self.kpi), values=reason)
        self.chart.show_empty(empty)

    def caption(self, view: TabView) -> tuple[str, list]:
        """The exported picture's title (the figure, the KPI) and legend."""
        label = view.desk.label(self.kpi, figure_channels(view.data)) if self.kpi and view.data else ""
        name = self.title.text() or translate("ChannelView", "Trend")  # "Trend by month": the grain drawn
        title = translate("MainWindow", "{name}: {values}").format(name=name, values=label)
        return title, self.chart.legend(label)


class ChannelView(TabView):
    why_requested = Signal(str, object)  # KPI id, the tab's key: "what changed and why" over its figures

    def __init__(self, desk, key: str = "phone", parent=None):
        super().__init__(desk, key, parent)
        self.tiles = TileGrid(self.spec.tiles, optional=self.spec.optional)
        self.trend = TrendCard()
        self.heatmap = Card(HeatmapChart())
        self.heat_combo = SelectorCombo()
        self.heatmap.header.insertWidget(2, self.heatmap.body.legend)  # title, stretch, legend, combo
        self.heatmap.add_selector(self.heat_combo)
        self.dist = Card(DistributionChart())
        self.dist_combo = SelectorCombo()
        self.dist.add_selector(self.dist_combo)
        self.table = AgentTableView(desk, self.channel)
        self.table_card = Card(self.table)
        # Heights that do not depend on the figures: a layout that moves when the
        # data arrives resizes, re-lays out and repaints every chart a second time.
        for widget in (self.trend.chart, self.heatmap.body, self.dist.body, self.table):
            widget.setFixedHeight(CHART_HEIGHT)
        self.legend = self.table_card.header
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.trend, 0, 0)
        grid.addWidget(self.heatmap, 0, 1)
        grid.addWidget(self.dist, 1, 0)
        grid.addWidget(self.table_card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.grid = grid
        self._table_wide = False
        self.channel_filter: MultiSelectButton | None = None
        if "ticket" in self.spec.kinds:  # every ticket, any channel: the channel is this tab's filter
            self.channel_filter = MultiSelectButton("channels", self)
            self.channel_filter.selection_changed.connect(lambda _field, chosen: self.channels_chosen.emit(chosen))
            row = QHBoxLayout()
            row.addWidget(self.channel_filter)
            row.addStretch(1)
            self.body.addLayout(row)
        self.body.addWidget(self.tiles)
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.heat_kpi = self.spec.heatmaps[0]
        self.tiles.tile_clicked.connect(self._select_trend)
        self.trend.combo.activated.connect(lambda i: self._select_trend(self.trend.combo.itemData(i)))
        self.heat_combo.activated.connect(self._select_heat)
        self.dist_combo.activated.connect(lambda i: self.reload(duration=self.dist_combo.itemData(i)))
        self.trend.chart.point_clicked.connect(self.emit_bucket)
        self.trend.why.clicked.connect(lambda: self.why_requested.emit(self.trend.kpi, self.spec.key))
        self.tiles.why_requested.connect(lambda kpi: self.why_requested.emit(kpi, self.spec.key))
        self.heatmap.body.cell_clicked.connect(self.cell_clicked)
        self.table.agent_selected.connect(self.agent_selected)

    def show_channels(self, options: list[tuple[str, str]], chosen: tuple[str, ...]) -> None:
        """The tab's channel filter (tickets tab): the data's channels, ``chosen`` ticked."""
        if self.channel_filter is not None:
            self.channel_filter.set_options(options, chosen)

    def _select_trend(self, kpi: str) -> None:
        self.trend.kpi = kpi
        self.tiles.select(kpi)
        if self.data is not None:
            self.trend.paint(self, self.tiles.shown, self.channel)

    def resizeEvent(self, event) -> None:
        """Below a width where the agent table cannot show every column beside the
        distribution (a 1366-px laptop), it takes a row of its own: the tab scrolls
        down, the table never sideways."""
        super().resizeEvent(event)
        wide = event.size().width() < TABLE_OWN_ROW_BELOW
        if wide != self._table_wide:
            self._table_wide = wide
            self.grid.removeWidget(self.table_card)
            self.grid.removeWidget(self.dist)
            if wide:
                self.grid.addWidget(self.dist, 1, 0, 1, 2)
                self.grid.addWidget(self.table_card, 2, 0, 1, 2)
            else:
                self.grid.addWidget(self.dist, 1, 0)
                self.grid.addWidget(self.table_card, 1, 1)

    def _select_heat(self, index: int) -> None:
        self.heat_kpi = self.heat_combo.itemData(index)
        if self.data is not None:
            self._paint_heatmap()

    def paint_steps(self) -> list:
        return [
            self._paint_tiles,
            self._paint_trend,
            self._paint_heatmap,
            self._paint_distribution,
            self._paint_table,
        ]

    def _paint_tiles(self) -> None:
        self.tiles.paint(self.desk, self.data, self.channel)
        mark_tiles(self.tiles.tiles, self.data.comments, self.channel, privacy_state.of(self.desk), self.desk.lang)

    def _paint_trend(self) -> None:
        self.trend.paint(self, self.tiles.shown, self.channel)
        self.tiles.select(self.trend.kpi)

    def _paint_table(self) -> None:
        title = translate("ChannelView", "Agents")
        if not self.data.agents:  # not a bare grid of headers: say why it is empty
            title += " · " + translate("ChannelView", "no agent with contacts in this period")
        self.table_card.title.setText(title)
        self.table.setToolTip(
            translate("ChannelView", "Grey italics: small sample, not ranked. Double-click an agent to open coaching.")
        )
        self.table.source.set_rows(list(self.spec.table), self.data.agents, figure_channels(self.data))

    def _paint_heatmap(self) -> None:
        desk = self.desk
        fill_combo(self.heat_combo, [(k, desk.label(k)) for k in self.spec.heatmaps], self.heat_kpi)
        self.heatmap.title.setText(translate("ChannelView", "Hour × weekday"))
        grid = self.data.heatmaps.get(self.heat_kpi, [[None] * 24 for _ in range(7)])
        reverse = desk.engine.registry[self.heat_kpi].better == "higher"
        samples = self.data.heatmap_samples.get(self.heat_kpi)
        note = heat_note(desk.engine.registry[self.heat_kpi].better)
        if samples and any(small for row in samples for _, small in row):
            note += " · " + translate("ChannelView", "grey: too few contacts")
        self.heatmap.body.small_text = translate("ChannelView", "n = {n}: too few to read")
        self.heatmap.body.set_grid(grid, desk.formatter(self.heat_kpi), desk.lang, reverse, note, samples)
        empty = None
        if all(v is None for row in grid for v in row):
            # the KPI's own reason, as its tile says it; "no data" only for a period without rows
            reason = self.data.heatmap_reasons.get(self.heat_kpi)
            empty = translate("ChannelView", "{kpi}: no data for this period").format(kpi=desk.label(self.heat_kpi))
            if reason and reason != "no data":
                empty = translate("MainWindow", "{name}: {values}").format(
                    name=desk.label(self.heat_kpi), values=reason_text(reason)
                )
        self.heatmap.body.show_empty(empty)

    def _paint_distribution(self) -> None:
        desk, hist = self.desk, self.data.distribution
        current = self.request.duration or self.spec.durations[0]
        fill_combo(
            self.dist_combo, [(k, translate("ChannelView", DURATION_LABELS[k])) for k in self.spec.durations], current
        )
        self.dist.title.setText(translate("ChannelView", "Distribution"))
        lang = desk.lang
        labels = (translate("ChannelView", "median"), translate("ChannelView", "p90"))
        if hist is None:
            return
        if hist.mean is not None:  # the KPI is a median: the mean exports publish, said beside it
            mean = formatting.duration(hist.mean, lang)
            self.dist.title.setText(translate("ChannelView", "Distribution (mean {mean})").format(mean=mean))
        self.dist.body.set_histogram(
            hist.edges, hist.counts, hist.median, hist.p90, lambda v: formatting.duration(v, lang), labels
        )
        label = translate("ChannelView", DURATION_LABELS[current])
        if any(hist.counts):
            self.dist.body.show_empty(None)
        elif hist.reason and hist.reason != "no data":  # counts per period, a missing input: the KPI's words
            self.dist.body.show_empty(
                translate("MainWindow", "{name}: {values}").format(name=label, values=reason_text(hist.reason))
            )
        else:
            self.dist.body.show_empty(translate("ChannelView", "{kpi}: no data for this period").format(kpi=label))

    def export_table(self):
        return self.table

    def export_chart(self):
        return self.trend.chart

    def chart_caption(self) -> tuple[str, list]:
        return self.trend.caption(self)
