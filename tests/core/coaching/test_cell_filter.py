"""Under a heatmap cell (Tuesdays 10h–11h across the period) the coaching page — the
agent's figures, the team comparison, the contacts behind a number, what customers
said and the distributions — counts that cell only. Figures worked out by hand in
``tests/helpers/cell_fixtures``."""

from __future__ import annotations

import pytest

from kpidesk.core.coaching.page import CoachingRequest, load_coaching, load_kpi_detail
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers import cell_fixtures as fx

WHOLE = Filters(date_from=fx.PERIOD[0], date_to=fx.PERIOD[1])
CELL = WHOLE.narrowed(weekdays=(fx.TUESDAY,), hours=(fx.HOUR,))


@pytest.fixture(scope="module")
def engine():
    store = fx.build_store()
    yield Engine(store)
    store.close()


def test_without_the_cell_every_call_counts(engine):
    data = load_coaching((engine, CoachingRequest("A1", WHOLE)))
    aht = data.profile.standing("aht")
    assert aht.value == pytest.approx(350.0)
    assert aht.n == 4
    assert aht.team_median == pytest.approx(300.0)
    assert aht.team_value == pytest.approx(3800 / 12)
    assert sorted(c.comment for c in data.comments) == ["Beaucoup trop long", "Bof"]
    assert data.profile.filters.cell_label("en") is None


def test_the_cell_narrows_every_figure_of_the_page(engine):
    data = load_coaching((engine, CoachingRequest("A1", CELL)))
    profile = data.profile
    aht = profile.standing("aht")
    assert aht.value == pytest.approx(600.0) and aht.n == 2
    assert aht.team_median == pytest.approx(300.0)  # 200, 300, 600
    assert aht.team_value == pytest.approx(2200 / 6)
    assert (aht.rank, aht.ranked_agents) == (3, 3)
    assert profile.team_filters.weekdays == (fx.TUESDAY,) and profile.team_filters.hours == (fx.HOUR,)
    # what customers said: the Monday-14h comment is outside the cell
    assert [c.comment for c in data.comments] == ["Beaucoup trop long"]
    # the handle-time distribution: A1's two calls, the rest of the team's four
    dist = data.distributions["handle"]
    assert (sum(dist.agent), sum(dist.team)) == (2, 4)
    # the page says which cell it counts
    assert profile.filters.cell_label("en") == "Tuesdays, 10:00–11:00"
    assert profile.filters.cell_label("fr") == "Tous les mardis, 10h–11h"


def test_the_contacts_behind_a_number_are_the_cells(engine):
    data = load_coaching((engine, CoachingRequest("A1", CELL)))
    detail = load_kpi_detail((engine, CoachingRequest("A1", CELL), "aht", data.profile.team_filters))
    assert [(c.contact_id, c.figure) for c in detail.contacts] == [(1, 600.0), (2, 600.0)]
    # one point a day: the two Tuesdays, agent 600 s, team (600+200+300)/3
    assert [p.day for p in detail.trend.periods] == [5, 12]
    assert detail.trend.agent == pytest.approx([600.0, 600.0])
    assert detail.trend.team == pytest.approx([1100 / 3, 1100 / 3])
    whole = load_kpi_detail((engine, CoachingRequest("A1", WHOLE), "aht", WHOLE.narrowed(teams=("Lyon",))))
    assert [c.contact_id for c in whole.contacts] == [1, 2, 7, 8]
