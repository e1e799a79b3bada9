"""The service report's heatmaps on a report of counts per agent for March (417
calls, no hour, no service level): each says why it has no cell, in the reader's
language, instead of being left out or saying "no data"."""

from __future__ import annotations

import pytest

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.period import parse
from tests.core.kpi.test_heatmap_reasons import CALLS_PER_REP
from tests.helpers.pdf_text import drawn_text


@pytest.fixture(scope="module")
def month_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("month")
    csv = folder / "calls_per_rep.csv"
    csv.write_text(CALLS_PER_REP)
    with open_database(folder / "rep.duckdb") as store:
        assert import_file(store, csv, period=parse("2024-03")).ok
    return str(folder / "rep.duckdb")


@pytest.mark.parametrize(("lang", "contacts", "service_level"), [
    ("en", "Contacts by hour and weekday: not available for one weekday or hour.",
     "Service level by hour and weekday: missing input: calls answered within the threshold (the report gives no such count)."),
    ("fr", "Contacts par heure et jour de la semaine : non disponible pour un jour de la semaine ou une heure.",
     "Niveau de service par heure et jour de la semaine : donnée manquante : les appels décrochés sous le seuil (le rapport ne donne pas ce nombre)."),
])  # fmt: skip
def test_the_heatmaps_say_why(month_db, tmp_path, lang, contacts, service_level):
    out = tmp_path / f"march_{lang}.pdf"
    with drawn_text() as drawn:
        args = ["--db", month_db, "--from", "2024-03-01", "--to", "2024-03-31", "--lang", lang, "--out", str(out)]
        assert main(["report", "--service", *args]) == 0
    text = drawn.flat
    assert contacts in text and service_level in text
