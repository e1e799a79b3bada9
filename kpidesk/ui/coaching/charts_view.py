"""The coaching charts: a KPI's trend against the team's, and distributions where
the agent's contacts stand out against the rest of the team.

Distributions compare shares, not counts (an agent's 300 calls next to a team's
6,000), on the core's common bins; the agent's bars are drawn narrow and strong in
front of the team's wide, pale ones. Both charts carry their legend as plain text so
an exported PNG reads on its own.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from kpidesk.core import formatting
from kpidesk.core.coaching.charts import Distribution
from kpidesk.ui import theme
from kpidesk.ui.charts import Chart, Formatter, ValueAxis, pen


class PairedDistributionChart(Chart):
    """Agent vs team shares per bin; hover gives both percentages."""

    def __init__(self, parent=None):
        self.value_axis = ValueAxis("bottom")  # durations tick on a clock's steps; CSAT sets its own ticks
        self.value_axis.PIXELS_PER_TICK = 55  # four narrow charts side by side: a tick every 55 px
        self.share_axis = ValueAxis("left")
        super().__init__(parent, {"bottom": self.value_axis, "left": self.share_axis}, height=170)
        self.team_bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.agent_bars = pg.BarGraphItem(x0=[], x1=[], height=[])
        self.addItem(self.team_bars)
        self.addItem(self.agent_bars)
        self.setMouseEnabled(False, False)
        self._edges = np.array([])
        self._agent = np.array([])
        self._team = np.array([])
        self.formatter: Formatter = str
        self.lang = "en"
        self.names = ("agent", "team")

    def set_distribution(self, dist: Distribution, lang: str, names: tuple[str, str]) -> None:
        t = theme.current()
        self.lang, self.names = lang, names
        unit = dist.unit if dist.unit != "score" else "number"
        self.formatter = lambda v: formatting.value(v, unit, lang) if unit != "number" else f"{v:g}"
        if dist.measure == "csat":
            self.formatter = lambda v: f"{v + 0.5:g}"  # bins start half a point below each score
        self.value_axis.formatter = self.formatter
        self.share_axis.formatter = lambda v: formatting.value(v, "rate", lang)
        self._edges = np.array(dist.edges, dtype=float)
        self._agent = np.array(dist.shares("agent"), dtype=float)
        self._team = np.array(dist.shares("team"), dtype=float)
        if not len(self._agent):
            self.team_bars.setOpts(x0=[], x1=[], height=[])
            self.agent_bars.setOpts(x0=[], x1=[], height=[])
            return
        left, right = self._edges[:-1], self._edges[1:]
        width = right - left
        team_colour = QColor(t.compare)
        team_colour.setAlpha(150)
        self.team_bars.setOpts(x0=left, x1=right, height=self._team, brush=team_colour, pen=pg.mkPen(QColor(t.surface)))
        self.agent_bars.setOpts(
            x0=left + width * 0.25, x1=right - width * 0.25, height=self._agent, brush=QColor(t.accent), pen=None
        )
        if dist.measure == "csat":
            self.value_axis.setTicks([[(x + 0.5, f"{x + 0.5:g}") for x in left]])
        else:
            self.value_axis.setTicks(None)
        top = float(max(self._agent.max(initial=0), self._team.max(initial=0))) or 1.0
        self.getPlotItem().setYRange(0, top * 1.1, padding=0)
        self.getPlotItem().setXRange(float(self._edges[0]), float(self._edges[-1]), padding=0.02)

    def on_hover(self, point) -> None:
        if not len(self._agent):
            return
        i = int(np.searchsorted(self._edges, point.x()) - 1)
        if 0 <= i < len(self._agent):
            pct = lambda v: formatting.value(v, "rate", self.lang)
            span = (
                f"{self.formatter(self._edges[i])}"
                if self.formatter(self._edges[i]) == self.formatter(self._edges[i + 1] - 1e-9)
                else f"{self.formatter(self._edges[i])} – {self.formatter(self._edges[i + 1])}"
            )
            self.show_hover(
                point.x(),
                max(self._agent[i], self._team[i]),
                f"{span}\n{self.names[0]}: {pct(self._agent[i])}\n{self.names[1]}: {pct(self._team[i])}",
            )


def legend_html(agent: str, team: str) -> str:
    t = theme.current()
    return f"<span style='color:{t.accent}'>■</span> {agent} &nbsp; <span style='color:{t.compare}'>■</span> {team}"


def trend_legend_html(agent: str, team: str, target: str | None) -> str:
    t = theme.current()
    text = f"<span style='color:{t.accent}'>━</span> {agent} &nbsp; <span style='color:{t.compare}'>╌</span> {team}"
    if target:
        text += f" &nbsp; <span style='color:{t.good}'>╌</span> {target}"
    return text


__all__ = ["PairedDistributionChart", "legend_html", "trend_legend_html", "pen"]
