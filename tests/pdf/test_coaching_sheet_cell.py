"""The PDF coaching sheet under a heatmap cell: the figures are the cell's and the
sheet says which cell, in English and in French (``tests/helpers/cell_fixtures``:
A1's AHT is 350 s over the period, 600 s on Tuesdays 10h–11h; the team's quartiles
of AHT 300 s – 325 s over the period, 250 s – 450 s on Tuesdays 10h–11h)."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.kpi.engine import Filters
from kpidesk.pdf.coaching_sheet import build_report
from tests.helpers import cell_fixtures as fx
from tests.helpers.pdf_text import drawn_text

WHOLE = Filters(date_from=fx.PERIOD[0], date_to=fx.PERIOD[1])
CELL = WHOLE.narrowed(weekdays=(fx.TUESDAY,), hours=(fx.HOUR,))


@pytest.fixture(scope="module")
def store():
    s = fx.build_store()
    yield s
    s.close()


def sheet(store, tmp_path, filters, lang) -> str:
    with drawn_text() as drawn:
        build_report(store, "A1", tmp_path / f"a1-{lang}.pdf", filters, lang, today=date(2024, 3, 18))
    return drawn.flat


@pytest.mark.parametrize(
    ("lang", "cell", "agent", "team"),
    [
        ("en", "Tuesdays, 10:00–11:00", "10 min", "4 min 10 s – 7 min 30 s"),
        ("fr", "Tous les mardis, 10h–11h", "10 min", "4 min 10 s – 7 min 30 s"),
    ],
)
def test_the_sheet_counts_and_names_the_cell(store, tmp_path, lang, cell, agent, team):
    text = sheet(store, tmp_path, CELL, lang)
    # the header's filters and every page's footer name the cell
    filters_word = "Filters" if lang == "en" else "Filtres"
    assert f"{filters_word} {cell}" in text
    assert text.count(cell) >= 2
    # the agent's AHT and the team's quartiles are the cell's
    # (the AHT row: agent, team median, quartiles; talk time shows the same figures)
    assert f"{agent} 5 min {team} 3 / 3" in text
    # what customers said: the Tuesday-10h comment only
    assert "Beaucoup trop long" in text and "Bof" not in text


def test_without_a_cell_the_sheet_says_none(store, tmp_path):
    text = sheet(store, tmp_path, WHOLE, "en")
    assert "Tuesdays" not in text
    assert "5 min 50 s 5 min 5 min – 5 min 25 s 3 / 3" in text and "Bof" in text
