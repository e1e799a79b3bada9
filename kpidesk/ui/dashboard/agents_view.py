"""The Agents tab: every agent across channels, a ranking by any KPI, and a quadrant
(e.g. AHT against CSAT) where each agent is a point. Small samples are left out of
the ranking and drawn hollow in the quadrant. Double-click an agent to coach them.
``python -m kpidesk.ui.preview agents [--db PATH]`` opens it alone."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from kpidesk.ui import privacy_state
from kpidesk.ui.dashboard.agent_table import AgentTableView
from kpidesk.ui.dashboard.agents_chart import QuadrantChart, RankingChart
from kpidesk.ui.dashboard.tab_view import Card, SelectorCombo, TabView, figure_channels, fill_combo
from kpidesk.ui.i18n import translate


class AgentsView(TabView):
    def __init__(self, desk, parent=None):
        super().__init__(desk, "agents", parent)
        self.rank_kpi, self.x_kpi, self.y_kpi = "csat", "aht", "csat"
        self._chosen: set[str] = set()  # the charts' KPIs the team lead picked (kept as picked)
        self.ranking = Card(RankingChart())
        self.rank_combo = SelectorCombo()
        self.ranking.add_selector(self.rank_combo)
        self.quadrant = Card(QuadrantChart())
        self.x_combo, self.y_combo = SelectorCombo(), SelectorCombo()
        self.quadrant.add_selector(self.x_combo)
        self.quadrant.add_selector(self.y_combo)
        self.table = AgentTableView(desk, None)
        self.table_card = Card(self.table)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.ranking, 1)
        row.addWidget(self.quadrant, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.table_card)
        self.rank_combo.activated.connect(lambda i: self._choose(rank_kpi=self.rank_combo.itemData(i)))
        self.x_combo.activated.connect(lambda i: self._choose(x_kpi=self.x_combo.itemData(i)))
        self.y_combo.activated.connect(lambda i: self._choose(y_kpi=self.y_combo.itemData(i)))
        for chart in (self.ranking.body, self.quadrant.body):
            chart.agent_clicked.connect(self.agent_clicked)
            chart.agent_selected.connect(self.agent_selected)
        self.table.agent_selected.connect(self.agent_selected)
        privacy_state.of(desk).privacy_changed.connect(lambda _on: self.paint() if self.data is not None else None)

    def _choose(self, **kpis) -> None:
        for name, kpi in kpis.items():
            setattr(self, name, kpi)
            self._chosen.add(name)
        if self.data is not None:
            self.paint()

    def paint_steps(self) -> list:
        return [self._paint_table, self._paint_ranking, self._paint_quadrant]

    def _paint_table(self) -> None:
        desk, data = self.desk, self.data
        channels = figure_channels(data)
        items = [(k, desk.label(k, channels)) for k in self.spec.table]
        self._default_to_figures()
        fill_combo(self.rank_combo, items, self.rank_kpi)
        fill_combo(self.x_combo, items, self.x_kpi)
        fill_combo(self.y_combo, items, self.y_kpi)
        self.ranking.title.setText(translate("AgentsView", "Ranking"))
        self.quadrant.title.setText(translate("AgentsView", "Quadrant"))
        title = translate("AgentsView", "All agents, all channels")
        if not data.agents:  # not a bare grid of headers: say why it is empty
            title += " · " + translate("ChannelView", "no agent with contacts in this period")
        self.table_card.title.setText(title)
        self.table.source.set_rows(list(self.spec.table), data.agents, channels)

    def _has_figures(self, kpi: str, small_samples: bool = False) -> bool:
        """Some agent has a value (the ranking leaves small samples out, the quadrant
        marks them)."""
        return any(
            (v := r.values.get(kpi)) is not None and v.value is not None and (small_samples or not v.small_sample)
            for r in self.data.agents
        )

    def _default_to_figures(self) -> None:
        """A chart the team lead has not set shows a KPI the agents have figures for: a
        call log without surveys ranks by handle time, not an empty CSAT chart."""
        if not self.data.agents:
            return
        ranked = [k for k in self.spec.table if self._has_figures(k)]
        if ranked and "rank_kpi" not in self._chosen and not self._has_figures(self.rank_kpi):
            self.rank_kpi = ranked[0]
        plotted = [k for k in self.spec.table if self._has_figures(k, small_samples=True)]
        for name, other in (("x_kpi", "y_kpi"), ("y_kpi", "x_kpi")):
            if name not in self._chosen and not self._has_figures(getattr(self, name), small_samples=True):
                others = [k for k in plotted if k != getattr(self, other)]
                if others:  # one KPI with figures is no quadrant: it says why it is empty
                    setattr(self, name, others[0])

    def _paint_ranking(self) -> None:
        desk, kpi = self.desk, self.rank_kpi
        better = desk.engine.registry[kpi].better
        rows = [
            (r, r.values[kpi])
            for r in self.data.agents
            if kpi in r.values and r.values[kpi].value is not None and not r.values[kpi].small_sample
        ]
        rows.sort(key=lambda rv: rv[1].value, reverse=better != "lower")
        self.ranking.body.set_ranking(
            [r.agent_id for r, _ in rows],
            [self._shown(r) for r, _ in rows],
            [v.value for _, v in rows],
            [desk.status(kpi, v.value, None) for _, v in rows],
            desk.formatter(kpi),
            translate("AgentsView", "… {n} more (see the table)"),
        )
        self.ranking.body.show_empty(
            None
            if rows
            else translate("AgentsView", "{kpi}: no agent with enough data in this period").format(kpi=desk.label(kpi))
        )

    def _paint_quadrant(self) -> None:
        desk, x, y = self.desk, self.x_kpi, self.y_kpi
        pts = [
            (r, r.values[x], r.values[y])
            for r in self.data.agents
            if r.values.get(x) and r.values.get(y) and r.values[x].value is not None and r.values[y].value is not None
        ]
        self.quadrant.body.set_points(
            [r.agent_id for r, _, _ in pts],
            [self._shown(r) for r, _, _ in pts],
            [a.value for _, a, _ in pts],
            [b.value for _, _, b in pts],
            [a.small_sample or b.small_sample for _, a, b in pts],
            desk.formatter(x),
            desk.formatter(y),
            (desk.label(x, figure_channels(self.data)), desk.label(y, figure_channels(self.data))),
        )
        self.quadrant.body.show_empty(
            None
            if pts
            else translate("AgentsView", "{x} and {y}: no agent with both figures in this period").format(
                x=desk.label(x), y=desk.label(y)
            )
        )

    def _shown(self, row) -> str:
        """The agent's name, or their alias while privacy mode is on."""
        return privacy_state.of(self.desk).agent_name(row.agent_id, row.name)

    def export_table(self):
        return self.table

    def export_chart(self):
        return self.quadrant.body

    def chart_caption(self) -> tuple[str, list]:
        channels = figure_channels(self.data) if self.data is not None else None
        x, y = self.desk.label(self.x_kpi, channels), self.desk.label(self.y_kpi, channels)
        title = translate("MainWindow", "{name}: {values}").format(
            name=translate("AgentsView", "Quadrant"), values=f"{x} × {y}"
        )
        return title, self.quadrant.body.legend()
