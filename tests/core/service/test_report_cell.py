"""The service report under a heatmap cell: customers' words are the answers the CSAT
figure counts, in the cell only (``tests/helpers/cell_fixtures``: call 1, Tuesday 10h,
rated 1/5 "Beaucoup trop long"; call 7, Monday 14h, rated 2/5 "Bof")."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.service import build
from tests.helpers import cell_fixtures as fx

WHOLE = Filters(date_from=fx.PERIOD[0], date_to=fx.PERIOD[1])


@pytest.fixture(scope="module")
def engine():
    store = fx.build_store()
    yield Engine(store)
    store.close()


def test_customers_words_are_the_cells(engine):
    whole = build(engine, WHOLE, date(2024, 2, 19), date(2024, 3, 3))
    assert [(v.comment, v.score) for v in whole.lowest] == [("Beaucoup trop long", 1.0), ("Bof", 2.0)]
    cell = build(engine, WHOLE.narrowed(weekdays=(fx.TUESDAY,), hours=(fx.HOUR,)), date(2024, 2, 19), date(2024, 3, 3))
    assert [(v.comment, v.score, v.agent_id) for v in cell.lowest] == [("Beaucoup trop long", 1.0, "A1")]
    headline = {f.kpi: f for f in cell.headline}
    assert headline["volume"].value == 6  # the six Tuesday-10h calls
    # an agent filter too (the old query read channels and queues only)
    assert build(engine, WHOLE.narrowed(agents=("A2",)), date(2024, 2, 19), date(2024, 3, 3)).lowest == []
