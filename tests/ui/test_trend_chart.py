"""The trend chart: small samples faded with their n on hover; hover labels go when
the mouse leaves or the figures change; an empty plot says why."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QPointF

from kpidesk.ui.charts import TrendChart, _drawn


def test_small_samples_are_marked_and_hover_says_n(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    days = [datetime(2026, 11, 16) + timedelta(days=i) for i in range(4)]
    chart.set_series(
        days,
        [80.0, 50.0, 100.0, 82.0],
        None,
        None,
        lambda v: f"{v:.0f}%",
        "en",
        False,
        [120, 4, 7, 130],
        [False, True, True, False],
        lambda n: f"n = {n:g}",
    )
    xs, ys = chart.small_curve.getData()
    assert list(ys) == [50.0, 100.0]  # the two small days, drawn hollow over the line
    chart.on_hover(QPointF(xs[0], 50.0))
    assert chart.hover.isVisible() and "n = 4" in chart.hover.toPlainText()
    chart.leaveEvent(QEvent(QEvent.Type.Leave))
    assert not chart.hover.isVisible() and not chart.cursor.isVisible()
    chart.on_hover(QPointF(xs[0], 50.0))
    chart.set_series(days, [1.0, 2.0, 3.0, 4.0], None, None, str, "en", False)  # new figures
    assert not chart.hover.isVisible()
    assert len(chart.small_curve.getData()[0] or []) == 0


def test_an_empty_plot_says_why(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show()
    chart.show_empty("CSAT: no survey answers imported")
    assert chart.empty_label.isVisible() and chart.empty_label.text().startswith("CSAT")
    chart.show_empty(None)
    assert not chart.empty_label.isVisible()


def test_small_buckets_without_a_value_draw_nothing(qtbot):
    """Days with no answer at all (n = 0, a small sample) have no dot to fade: no
    all-NaN series handed to pyqtgraph (its bounds warn, and pytest fails on warnings)."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show()
    days = [datetime(2026, 11, 16) + timedelta(days=i) for i in range(3)]
    chart.set_series(days, [None, None, None], None, None, str, "en", False, [0, 0, 0], [True, True, True])
    assert not _drawn(chart.small_curve)
    chart.grab()  # bounds computed on paint


def test_one_bucket_is_one_date_under_its_dot(qtbot):
    """A day of data (or a month's report): the axis names that day once ("Mar 1"), centred on
    the dot, not "23:59 · 1 Mar · 1 Mar"; two buckets give the axis back its own ticks."""
    from kpidesk.ui.charts import to_epoch

    chart = TrendChart()
    qtbot.addWidget(chart)
    day = datetime(2024, 3, 1)
    chart.set_series([day], [248373.0], None, None, str, "en", False)
    x0 = to_epoch(day)
    lo, hi = chart.getPlotItem().viewRange()[0]
    assert lo < x0 < hi and abs((x0 - lo) - (hi - x0)) < 1
    assert chart.date_axis._tickLevels == [[(x0, "Mar 1")]]
    chart.set_series([day, day + timedelta(days=1)], [1.0, 2.0], None, None, str, "en", False)
    assert chart.date_axis._tickLevels is None


def test_one_month_is_a_labelled_point_with_its_compare_value(qtbot):
    """A month's report alone: the axis names the month ("Mar 2024") across a month's
    width, the value is written by its dot and the compare value by its hollow one
    (a dashed line through one point drew nothing); the values sit inside the plot."""
    from kpidesk.ui.charts import to_epoch

    chart = TrendChart()
    qtbot.addWidget(chart)
    month = datetime(2024, 3, 1)
    fmt = lambda v: f"{v:.0f} s"
    chart.set_series([month], [90.0], [78.0], None, fmt, "en", False, grain="month")
    x0 = to_epoch(month)
    lo, hi = chart.getPlotItem().viewRange()[0]
    assert (x0 - lo, hi - x0) == (15 * 86400, 15 * 86400)
    assert chart.date_axis._tickLevels == [[(x0, "Mar 2024")]]
    assert chart.point_label.isVisible() and chart.point_label.toPlainText() == "90 s"
    assert chart.compare_label.isVisible() and chart.compare_label.toPlainText() == "78 s"
    assert chart.compare_curve.opts["symbol"] == "o"
    y_lo, y_hi = chart.getPlotItem().viewRange()[1]
    assert y_lo < 78.0 and 90.0 < y_hi and (y_hi - 90.0) >= 10  # room above the dot for its label
    chart.on_hover(QPointF(x0, 90.0))
    assert chart.hover.toPlainText().startswith("Mar 2024")
    # two months: a line, no labels, each month named under its dot (not day ticks between them)
    april = datetime(2024, 4, 1)
    chart.set_series([month, april], [90.0, 80.0], [78.0, 70.0], None, fmt, "en", False, grain="month")
    assert not chart.point_label.isVisible() and not chart.compare_label.isVisible()
    assert chart.compare_curve.opts["symbol"] is None
    assert chart.date_axis._tickLevels == [[(x0, "Mar 2024"), (to_epoch(april), "Apr 2024")]]
    # by day, the axis keeps its own ticks
    chart.set_series([month, datetime(2024, 3, 2)], [90.0, 80.0], None, None, fmt, "en", False)
    assert chart.date_axis._tickLevels is None


def test_a_flat_series_keeps_ticks_to_read_it_by(qtbot):
    """2 min 39.48 s each month against the team's 2 min 39.53 s: the range is a few
    seconds wide, so the axis has ticks (auto-ranged to 0.05 s it had none)."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show()
    months = [datetime(2024, 2, 1), datetime(2024, 3, 1)]
    chart.set_series(months, [159.48, 159.48], [159.53, 159.53], None, str, "en", False, grain="month")
    lo, hi = chart.getPlotItem().viewRange()[1]
    assert lo < 157 and hi > 162  # ±2 % around 159.5 s, and a little padding
    # a rate flat at 90 %: a few points either side, not ±100 points
    chart.set_series(months, [0.9, 0.9], None, None, str, "en", False, grain="month")
    lo, hi = chart.getPlotItem().viewRange()[1]
    assert lo < 0.9 < hi and hi - lo < 0.05
