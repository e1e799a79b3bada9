"""The service report PDF prints each KPI with the channels its figure covers and
the heatmap cell it was narrowed to, in English and French (a call log alone,
``explain_fixtures.abandon_spike``)."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.service import build
from kpidesk.pdf.service_report import build_service_pdf
from tests.helpers.explain_fixtures import WEEK1, abandon_spike
from tests.helpers.pdf_text import drawn_text

WEEK2 = Filters(date_from=date(2026, 11, 9), date_to=date(2026, 11, 15))


@pytest.fixture(scope="module")
def engine():
    store = open_database(":memory:")
    abandon_spike(store)
    yield Engine(store)
    store.close()


def test_the_pdf_prints_the_scoped_labels_and_the_cell(engine, tmp_path):
    cell = WEEK2.narrowed(weekdays=(2,), hours=(10,))
    report = build(engine, cell, WEEK1, date(2026, 11, 8))
    for lang, filters, aht in (
        ("en", "Filters Tuesdays, 10:00–11:00", "Avg handle time (phone)"),
        ("fr", "Filtres Tous les mardis, 10h–11h", "Durée moyenne de traitement (téléphone)"),
    ):
        with drawn_text() as drawn:
            build_service_pdf(engine.store, report, tmp_path / f"s-{lang}.pdf", lang)
        assert filters in drawn.flat and aht in drawn.flat
