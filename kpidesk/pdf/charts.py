"""Charts of the PDF coaching sheet, drawn with reportlab.graphics (vector, no Qt).

Three kinds, each the agent in blue next to the team in grey: the agent's percentile
per KPI (one scale for KPIs of different units), a KPI's trend over the period, and
a distribution of per-contact values as shares of contacts.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from kpidesk.core import formatting
from kpidesk.pdf.service_charts import SAID_N_ROOM
from kpidesk.pdf.style import AGENT, FADED, GREEN, MUTED, RED, TEAM, register_fonts, safe

WIDTH = 480


def _title(d: Drawing, text: str, y: float) -> None:
    d.add(String(0, y, safe(text), fontName=register_fonts()[1], fontSize=9, fillColor=MUTED))


def _legend(d: Drawing, x: float, y: float, items: list[tuple]) -> None:
    leg = Legend()
    leg.x, leg.y, leg.fontName, leg.fontSize = x, y, register_fonts()[0], 7.5
    leg.alignment, leg.columnMaximum, leg.dx, leg.dy, leg.deltax = "right", 1, 8, 8, 110
    leg.colorNamePairs = [(c, safe(n)) for c, n in items]
    d.add(leg)


def percentile_chart(rows: list[tuple[str, float]], title: str) -> Drawing:
    """One bar per ranked KPI: the agent's percentile, 50 marks the team median."""
    height = 40 + 14 * len(rows)
    d = Drawing(WIDTH, height)
    _title(d, title, height - 10)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 170, 18, WIDTH - 190, height - 40
    chart.data = [[max(p, 1.5) for _, p in reversed(rows)]]  # a 0th percentile still shows a sliver
    chart.categoryAxis.categoryNames = [safe(label) for label, _ in reversed(rows)]
    chart.categoryAxis.labels.fontName = register_fonts()[0]
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = register_fonts()[0]
    chart.valueAxis.labels.fontSize = 7
    chart.bars.strokeColor = None
    chart.barWidth = 8
    for i, (_, p) in enumerate(reversed(rows)):
        chart.bars[(0, i)].fillColor = GREEN if p >= 75 else RED if p <= 25 else AGENT
    d.add(chart)
    x50 = chart.x + chart.width / 2
    d.add(Line(x50, chart.y, x50, chart.y + chart.height, strokeColor=TEAM, strokeDashArray=[3, 2]))
    return d


def trend_chart(
    labels: list[str],
    agent: list[float | None],
    team: list[float | None],
    unit: str,
    lang: str,
    title: str,
    names: tuple[str, str],
    small: list[bool] | None = None,
    sizes: list[float | None] | None = None,
) -> Drawing:
    """The agent's line over the team's. ``small``: per bucket, whether the agent's
    point rests on too few contacts to read (drawn as a faded hollow dot, as the
    app does, with its n from ``sizes`` where the buckets leave room)."""
    d = Drawing(WIDTH, 160)
    _title(d, title, 150)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 55, 25, WIDTH - 75, 100
    flags = small if small and len(small) == len(agent) else [False] * len(agent)
    faint = [v if thin and v is not None else None for v, thin in zip(agent, flags)]
    chart.data = [list(team), list(agent), faint]  # the agent drawn over the team, its small samples on top
    chart.joinedLines = 1
    chart.lines[0].strokeColor, chart.lines[1].strokeColor = TEAM, AGENT
    chart.lines[0].strokeWidth, chart.lines[1].strokeWidth = 1.2, 1.8
    chart.lines[1].symbol = makeMarker("FilledCircle", size=3, fillColor=AGENT)
    chart.lines[2].strokeColor, chart.lines[2].strokeWidth = None, 0  # dots only, no line between them
    chart.lines[2].symbol = makeMarker("Circle", size=5, fillColor=colors.white, strokeColor=FADED, strokeWidth=1.2)
    counts = sizes if sizes and len(sizes) == len(agent) else [None] * len(agent)
    said = [f"n={formatting.number(n or 0, 0, lang)}" for v, n in zip(faint, counts) if v is not None]
    if said and chart.width / len(agent) >= SAID_N_ROOM:  # each small point's n (the app's hover), room allowing
        chart.lineLabelFormat, chart.lineLabelArray = "values", [[], [], said]
        chart.lineLabels.fontName, chart.lineLabels.fontSize = register_fonts()[0], 5.5
        chart.lineLabels.fillColor, chart.lineLabelNudge = MUTED, 6
        chart.lineLabels.boxFillColor = colors.white  # readable where the line runs under it
        chart.lineLabels.leftPadding = chart.lineLabels.rightPadding = 0.5
        chart.lineLabels.topPadding = chart.lineLabels.bottomPadding = 0
    step = max(1, len(labels) // 8)
    chart.categoryAxis.categoryNames = [safe(lab) if i % step == 0 else "" for i, lab in enumerate(labels)]
    chart.categoryAxis.labels.fontName = register_fonts()[0]
    chart.categoryAxis.labels.fontSize = 7
    values = [v for v in agent + team if v is not None]
    low, high = (min(values), max(values)) if values else (0, 1)
    pad = (high - low) * 0.1 or max(abs(high) * 0.1, 1)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = max(0, low - pad), high + pad
    chart.valueAxis.labels.fontName = register_fonts()[0]
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: safe(formatting.value(v, unit, lang))
    d.add(chart)
    _legend(d, 0, 140, [(AGENT, names[0]), (TEAM, names[1])])
    return d


def distribution_chart(
    edges: list[float], agent: list[float], team: list[float], unit: str, lang: str, title: str, names: tuple[str, str]
) -> Drawing:
    d = Drawing(WIDTH, 160)
    _title(d, title, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, WIDTH - 60, 100
    chart.data = [[100 * v for v in agent], [100 * v for v in team]]
    chart.bars[0].fillColor, chart.bars[1].fillColor = AGENT, TEAM
    chart.bars.strokeColor = None
    chart.groupSpacing, chart.barSpacing = 2, 0
    step = max(1, -(-(len(edges) - 1) // 5))  # about five labels: durations are wide
    if unit == "score":
        names_ = [formatting.number((a + b) / 2, 0, lang) for a, b in zip(edges, edges[1:])]
    else:
        names_ = [formatting.value(a, unit, lang) if i % step == 0 else "" for i, a in enumerate(edges[:-1])]
    chart.categoryAxis.categoryNames = [safe(n) for n in names_]
    chart.categoryAxis.labels.fontName = register_fonts()[0]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = register_fonts()[0]
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: safe(
        f"{formatting.number(v, 0, lang)}{formatting.NBSP}%" if lang == "fr" else f"{v:.0f}%"
    )
    d.add(chart)
    _legend(d, 0, 140, [(AGENT, names[0]), (TEAM, names[1])])
    return d
