"""The phone tab's heatmap on a report of counts per agent for a month (no hour, no
service level count): it says each KPI's own reason as the tiles do, in the user's
language, not "no data"."""

from __future__ import annotations

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.period import parse
from kpidesk.ui import tasks
from tests.core.kpi.test_heatmap_reasons import CALLS_PER_REP


@pytest.mark.parametrize(("lang", "abandon", "service_level", "volume"), [
    ("fr", "Taux d'abandon : non disponible pour un jour de la semaine ou une heure",
     "Niveau de service : donnée manquante : les appels décrochés sous le seuil (le rapport ne donne pas ce nombre)",
     "Volume de contacts : non disponible pour un jour de la semaine ou une heure"),
    ("en", "Abandon rate: not available for one weekday or hour",
     "Service level: missing input: calls answered within the threshold (the report gives no such count)",
     "Contacts: not available for one weekday or hour"),
])  # fmt: skip
def test_the_heatmap_says_the_kpis_reason(qtbot, make_window, tmp_path, lang, abandon, service_level, volume):
    """The month's abandon rate is known (its counts add up) but not by the hour; its
    service level is not known at all (no count within the threshold): the heatmap says
    the tile's own words."""
    csv = tmp_path / "calls_per_rep.csv"
    csv.write_text(CALLS_PER_REP)
    store = open_database(tmp_path / "rep.duckdb")
    try:
        assert import_file(store, csv, period=parse("2024-03")).ok
        window = make_window(store, lang)
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_tab("phone")
        view = window.views["phone"]
        chart = view.heatmap.body
        assert chart.empty_label.isVisible() and chart.empty_label.text() == abandon
        for kpi, text in (("service_level", service_level), ("volume", volume)):
            index = view.heat_combo.findData(kpi)
            view.heat_combo.setCurrentIndex(index)
            view.heat_combo.activated.emit(index)
            assert chart.empty_label.text() == text
        assert service_level.endswith(view.tiles.tiles["service_level"].delta.text())  # the tile's words
    finally:
        tasks.shutdown()
        store.close()
