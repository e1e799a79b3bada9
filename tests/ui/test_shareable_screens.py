"""Screens a team lead can share: nothing cut off, no tick drawn over a bar, no bare
axes on an empty chart, the Overview whole on a laptop's screen."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

from kpidesk.ui import i18n
from kpidesk.ui.charts import BarChart, DistributionChart, TrendChart
from kpidesk.ui.dashboard.agents_chart import RankingChart
from kpidesk.ui.main_window import MainWindow
from kpidesk.ui.welcome_view import WelcomeView


@pytest.mark.parametrize("language", ["fr", "en"])
def test_welcome_text_is_shown_whole(qtbot, language):
    """The subtitle wraps inside the column and gets the height of all its lines."""
    i18n.Language(None, language)
    page = WelcomeView()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    text = page.text
    assert text.width() == page.column.width()
    assert text.height() >= text.heightForWidth(text.width())
    assert text.height() >= 2 * text.fontMetrics().lineSpacing()  # the French text takes two lines


@pytest.mark.parametrize("chart_type", [RankingChart, BarChart, DistributionChart, TrendChart])
def test_ticks_point_out_towards_their_labels(qtbot, chart_type):
    """Inward ticks (pyqtgraph's default) were drawn over the first pixels of each bar."""
    chart = chart_type()
    qtbot.addWidget(chart)
    for name in ("left", "bottom"):
        assert chart.getPlotItem().getAxis(name).style["tickLength"] > 0


def test_an_empty_chart_shows_its_reason_and_no_axes(qtbot):
    """No made-up scale (0 s 0 s 1 s…) nor a lone target line under 'no data'."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show()
    days = [datetime(2026, 11, 16) + timedelta(days=i) for i in range(3)]
    chart.set_series(days, [None, None, None], None, 80.0, str, "en", False)
    chart.show_empty("CSAT: no data")
    plot = chart.getPlotItem()
    assert chart.empty_label.isVisible()
    assert not plot.getAxis("left").isVisible() and not plot.getAxis("bottom").isVisible()
    assert not chart.target_line.isVisible()
    assert len(chart.curve.getData()[0] or []) == 0  # nothing to bound: no NaN warning
    chart.set_series(days, [70.0, 80.0, 90.0], None, 80.0, str, "en", False)
    chart.show_empty(None)
    assert plot.getAxis("left").isVisible() and plot.getAxis("bottom").isVisible()
    assert chart.target_line.isVisible() and not chart.empty_label.isVisible()


def _window(qtbot, tmp_path, store, language, size):
    from kpidesk.core.kpi.engine import Engine
    from kpidesk.core.workspace import load_prefs
    from kpidesk.ui.desk import Desk

    lang = i18n.Language(None, language)
    prefs = load_prefs(store)
    prefs.language = language
    window = MainWindow(lang, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.attach(Desk(store, Engine(store, lang=language), prefs, lang, window))
    return window


@pytest.mark.parametrize("size", [(1366, 768), (1440, 900)])
def test_the_overview_fits_a_laptop_screen(qtbot, tmp_path, store, size):
    """At 1366×768 and 1440×900 the Overview needs no scrolling: the charts' date
    labels are on screen, not below the fold."""
    window = _window(qtbot, tmp_path, store, "fr", size)
    view = window.views["overview"]
    qtbot.wait(50)
    viewport = view.content.parentWidget()
    assert view.content.height() <= viewport.height(), (view.content.height(), viewport.height())
    for chart in (view.trend.chart, view.mix.body):
        bottom = chart.mapTo(view.content, chart.rect().bottomLeft()).y()
        assert bottom <= viewport.height()
        assert chart.height() >= chart.minimumHeight()


def test_the_overview_charts_take_the_height_of_a_big_screen(qtbot, tmp_path, store):
    window = _window(qtbot, tmp_path, store, "en", (1920, 1080))
    view = window.views["overview"]
    qtbot.wait(50)
    assert view.trend.chart.height() > 400  # not a strip with empty space below


def test_duration_ticks_fall_on_round_durations(qtbot):
    """Four and a half days over 900 px: a tick every 12 h (not every 13 h 53)."""
    from kpidesk.ui.charts import DurationAxis

    axis = DurationAxis("bottom")
    assert axis.tickSpacing(0, 4.5 * 86400, 900) == [(43200.0, 0.0)]
    assert axis.tickSpacing(0, 800, 900) == [(120.0, 0.0)]  # 13 min 20 s: every 2 min
    assert axis.tickSpacing(0, 160, 900) == [(30.0, 0.0)]  # a chat's first response: every 30 s
    chart = DistributionChart()
    qtbot.addWidget(chart)
    assert isinstance(chart.value_axis, DurationAxis)


def test_a_call_log_alone_shows_the_email_tab_empty_in_words(qtbot, tmp_path):
    """The e-mail tab of a call log: every chart says why it is empty, in French
    typography, without axes; the agent table says it has nobody."""
    from kpidesk.core.db.startup import open_database
    from kpidesk.ui import tasks
    from tests.helpers.kinds import build

    store = open_database(build("call_log", tmp_path / "calls.duckdb"))
    try:
        window = _window(qtbot, tmp_path, store, "fr", (1366, 768))
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_tab("email")
        view = window.views["email"]
        trend = view.trend.chart
        assert trend.empty_label.isVisible() and " : " in trend.empty_label.text()
        for chart in (trend, view.heatmap.body, view.dist.body):
            assert chart.empty and not chart.getPlotItem().getAxis("bottom").isVisible()
        assert "aucun conseiller" in view.table_card.title.text()
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_tab("agents")
        assert "aucun conseiller" not in window.views["agents"].table_card.title.text()  # a call log has agents
    finally:
        tasks.shutdown()
        store.close()


@pytest.mark.parametrize("reverse", [False, True])
def test_the_quietest_heatmap_cell_is_not_the_cards_colour(qtbot, reverse):
    """A cell of 1 contact beside cells of 2: visibly tinted, not the card's white
    that an hour without data shows."""
    from PySide6.QtGui import QColor

    from kpidesk.ui import theme
    from kpidesk.ui.dashboard.heatmap import HeatmapChart

    chart = HeatmapChart()
    qtbot.addWidget(chart)
    grid = [[None] * 24 for _ in range(7)]
    grid[0][9], grid[0][10] = 1.0, 2.0
    chart.set_grid(grid, lambda v: f"{v:.0f}", "fr", reverse)
    lut = chart.image.lut
    light_end = lut[-1] if reverse else lut[0]
    card = QColor(theme.current().surface)
    distance = sum(abs(int(a) - b) for a, b in zip(light_end[:3], (card.red(), card.green(), card.blue())))
    assert distance > 60


def test_counts_are_ticked_whole(qtbot):
    """A trend of 1 and 2 contacts a day: ticks 1, 2 — not 1, 1, 1, 2, 2, 2."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    assert chart.value_axis.tickSpacing(1, 2, 300)[0][0] < 1  # pyqtgraph alone: 0.2 steps
    chart.value_axis.formatter = lambda v: f"{v:.0f}"
    assert chart.value_axis.tickSpacing(1, 2, 300) == [(1.0, 0.0)]
    # 1 to 4 tickets a day: major ticks every 1, pyqtgraph's minor ones every 0.5 would
    # read "1, 2, 2, 2, 3, 4, 4" (seen on a ticket export's trend)
    assert all(spacing >= 1 for spacing, _ in chart.value_axis.tickSpacing(1, 4, 240))
    chart.value_axis.formatter = lambda v: f"{v * 100:.1f} %"  # a rate keeps its fine steps
    assert chart.value_axis.tickSpacing(0.5, 0.6, 300)[0][0] < 0.1


def test_any_axis_of_durations_ticks_on_a_clocks_steps(qtbot):
    """The quadrant's handle times read 5 min, 6 min, 7 min (pyqtgraph alone put them
    every 50 s: "5 min 50 s", "6 min 40 s"); the coaching trend's 3 min 20 s, 5 min…"""
    from kpidesk.core import formatting
    from kpidesk.ui.dashboard.agents_chart import QuadrantChart

    chart = QuadrantChart()
    qtbot.addWidget(chart)
    fx = lambda v: formatting.value(v, "seconds", "fr")
    fy = lambda v: formatting.value(v, "rate", "fr")
    chart.set_points(["A", "B"], ["Léa", "Hugo"], [290.0, 460.0], [0.7, 0.9], [False, False], fx, fy, ("x", "y"))
    assert chart.x_axis.tickSpacing(270, 480, 500) == [(60.0, 0.0)]  # 210 s over 500 px: every minute
    assert chart.x_axis.tickSpacing(0, 900, 600) == [(300.0, 0.0)]  # every 5 min
    # a vertical axis stacks its labels a line apart: the coaching trend's 4, 6, 8… min
    from kpidesk.ui.charts import ValueAxis

    left = ValueAxis("left", fx)
    assert left.tickSpacing(200, 1000, 400) == [(120.0, 0.0)]
    assert chart.y_axis.tickSpacing(0.7, 0.9, 300) != [(60.0, 0.0)]  # rates keep their decimal steps
    assert chart.y_axis.tickSpacing(0.7, 0.9, 300)[0][0] < 0.1


def test_agents_are_listed_agent_2_before_agent_10(qtbot, tmp_path):
    """A ticket export names its agents Agent_1 … Agent_15: the agent table (sorted by
    name) and the filter bar's list put Agent_2 before Agent_10."""
    from datetime import datetime

    from kpidesk.core.dashboard.extent import extent
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.kpi.engine import Engine
    from kpidesk.core.workspace import load_prefs
    from kpidesk.ui.dashboard.agent_table import AGENT_ROLE, AgentTableView
    from kpidesk.ui.desk import Desk
    from tests.helpers.builders import add_contacts, call

    store = open_database(":memory:")
    try:
        ids = [f"Agent_{i}" for i in (10, 2, 1, 11)]
        add_contacts(store, [call("answered", 10, agent_id=a, arrived_at=datetime(2026, 11, 16, 10)) for a in ids])
        assert [a for a, _ in extent(store).agents] == ["Agent_1", "Agent_2", "Agent_10", "Agent_11"]
        desk = Desk(store, Engine(store), load_prefs(store), i18n.Language(None, "en"))
        table = AgentTableView(desk, "phone")
        qtbot.addWidget(table)
        from kpidesk.core.dashboard.tabs import AgentRow

        table.source.set_rows(["aht"], [AgentRow(a, a) for a in ids])
        table.sortByColumn(0, table.horizontalHeader().sortIndicatorOrder())
        shown = [table.proxy.index(r, 0).data(AGENT_ROLE) for r in range(table.proxy.rowCount())]
        assert shown == ["Agent_1", "Agent_2", "Agent_10", "Agent_11"]
    finally:
        store.close()
