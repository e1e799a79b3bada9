"""Date ticks never run into each other: a fortnight on a narrow trend (a heatmap
cell's Tuesdays over 30 days, in French) was ticked every day, "2 mars3 mars4 mars"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QFont, QFontMetrics

from kpidesk.ui.charts import LocaleDateAxis, to_epoch


def test_a_fortnight_on_a_narrow_chart_ticks_labels_that_clear_each_other(qapp):
    axis = LocaleDateAxis()
    axis.lang = "fr"
    axis.fontMetrics = QFontMetrics(QFont())  # what pyqtgraph sets when it first paints the axis
    lo, hi = to_epoch(datetime(2021, 3, 2)), to_epoch(datetime(2021, 3, 16))
    for width in (300, 450, 600):
        ((spacing, ticks),) = axis.tickValues(lo, hi, width)
        labels = axis.tickStrings(ticks, 1.0, spacing)
        assert len(ticks) >= 2
        metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
        for (a, b), label in zip(zip(ticks, ticks[1:]), labels):
            assert (b - a) * width / (hi - lo) > metrics.horizontalAdvance(label), (width, labels)
    # a wide chart keeps its day ticks
    ((_, ticks),) = axis.tickValues(lo, hi, 1600)
    assert len(ticks) >= 14 and {b - a for a, b in zip(ticks, ticks[1:])} == {86400.0}
