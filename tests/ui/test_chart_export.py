"""An exported chart reads on its own: title (tab, figure, KPI), period, compare
period, filters, and the legend of what is drawn, above and below the chart."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from kpidesk.core import formatting
from kpidesk.ui import theme


def _export(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.actions_.export_chart.trigger()
    return QImage(str(path))


def _has_ink(image: QImage, top: int, bottom: int) -> bool:
    """Anything but the background colour in rows top..bottom."""
    background = QColor(theme.current().surface).rgb()
    return any(image.pixel(x, y) != background for y in range(top, bottom) for x in range(0, image.width(), 2))


def test_the_trend_exports_with_title_period_and_legend(qtbot, make_window, store, tmp_path, monkeypatch):
    window = make_window(store, "fr")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(window.state.changed(preset="last_week"))  # the week before holds data too
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    view = window.views["phone"]
    caption = window.chart_caption()
    kpi = view.trend.combo.currentText()  # the KPI as the trend names it
    assert caption.title.startswith("Téléphone · Évolution par jour : ") and caption.title.endswith(kpi)  # its grain
    period = window.state.period(window.anchor)
    compare = window.state.compare_period(window.anchor)
    assert (
        formatting.day(period.first, "fr") in caption.lines[0] and formatting.day(period.last, "fr") in caption.lines[0]
    )
    assert formatting.day(compare.first, "fr") in caption.lines[0]
    texts = [e.text for e in caption.legend]
    assert texts[0] == kpi and "Période de comparaison" in texts
    image = _export(window, monkeypatch, tmp_path / "trend.png")
    chart = view.trend.chart
    assert image.width() == chart.width() and image.height() > chart.height() + 60
    assert _has_ink(image, 0, 30)  # the title
    assert _has_ink(image, image.height() - 30, image.height())  # the legend


def test_filters_and_the_target_are_said(qtbot, make_window, store):
    window = make_window(store, "en")
    queue = window.desk.prefs.extent.lists["queues"][0]
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(window.state.changed(queues=(queue,)))
    view = window.views["overview"]
    view.trend.kpi = "csat"
    view.trend.paint(view, view.spec.tiles, None)
    caption = window.chart_caption()
    assert caption.title == f"Overview · Trend by day: {view.trend.combo.currentText()}"
    assert view.trend.combo.currentText().startswith("CSAT")
    assert caption.lines[1] == f"Queue: {queue}"
    assert any(e.text.startswith("Target ") and e.kind == "dash" for e in caption.legend)


def test_the_quadrant_exports_with_its_axes_named(qtbot, make_window, store):
    window = make_window(store, "en")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("agents")
    caption = window.chart_caption()
    view = window.views["agents"]
    x, y = view.x_combo.currentText(), view.y_combo.currentText()  # as the quadrant's selectors name them
    assert caption.title == f"Agents · Quadrant: {x} × {y}"
    assert [e.kind for e in caption.legend][0] == "dot" and caption.legend[-1].text == "Team median"
