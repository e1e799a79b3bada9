"""A database made of per-rep monthly reports, as a team lead's first one may be: the
Overview's and the coaching view's trends are drawn by month (the grain the data
has), say so in their titles, and a period holding one month shows that month as a
labelled value — "mars 2024" under a dot that says "1 min 30 s" — not a lone dot on
an empty axis. Figures worked out by hand in ``tests/core/coaching/test_trend_grain``
(Rep01's AHT: 60 s in February, 90 s in March; the team's 97.5 s and 78 s).
"""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.dashboard.periods import Period
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.core.db.startup import open_database
from kpidesk.ui import tasks
from tests.core.coaching.test_trend_grain import FEBRUARY, MARCH, import_text


@pytest.fixture
def monthly(tmp_path):
    store = open_database(tmp_path / "monthly.duckdb")
    import_text(store, tmp_path, "feb.csv", FEBRUARY, "2024-02")
    import_text(store, tmp_path, "mar.csv", MARCH, "2024-03")
    yield store
    tasks.shutdown()
    store.close()


def plain(text: str) -> str:
    """A label's text with its no-break spaces (``1\u202fmin``) as a reader sees them."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def open_coaching(qtbot, window, agent):
    window.open_coaching(agent)
    view = window.coaching_view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.loaded and view.data.profile.agent_id == agent, timeout=20000)
    return view


def test_the_month_the_desk_opens_on_is_one_labelled_point(qtbot, make_window, monthly):
    window = make_window(monthly, "fr")
    assert window.state.period(window.anchor) == Period(date(2024, 3, 1), date(2024, 3, 31))  # March whole
    assert window.filter_bar.grain.currentText() == "Mois"
    overview = window.views["overview"]
    qtbot.waitUntil(lambda: overview.data is not None and not overview.busy, timeout=10000)
    card, chart = overview.trend, overview.trend.chart
    assert card.title.text() == "Évolution par mois"
    assert chart.date_axis._tickLevels == [[(chart._x[0], "mars 2024")]]
    tile = overview.tiles.tiles[card.kpi]
    assert chart.point_label.isVisible() and plain(chart.point_label.toPlainText()) == plain(tile.value.text())
    assert len(tile.spark.series()) == 0  # the month is the tile's value: no lone dot under it

    view = open_coaching(qtbot, window, "Rep01")
    assert view.kpi == "aht"
    assert view.trend_card.title.text() == "Durée moyenne de traitement (tous canaux) : évolution par mois"
    trend = view.trend
    assert trend.date_axis._tickLevels == [[(trend._x[0], "mars 2024")]]
    assert plain(trend.point_label.toPlainText()) == "1 min 30 s"  # Rep01's March
    assert (
        trend.compare_label.isVisible() and plain(trend.compare_label.toPlainText()) == "1 min 18 s"
    )  # the team's 78 s


def test_two_months_are_two_points_by_month(qtbot, make_window, monthly):
    window = make_window(monthly, "en")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.narrow(ViewState(preset="custom", custom_from=date(2024, 2, 1), custom_to=date(2024, 3, 31)))
    view = open_coaching(qtbot, window, "Rep01")
    assert view.trend_card.title.text() == "Avg handle time (all channels): trend by month"
    trend = view.trend
    assert list(trend._y) == [60.0, 90.0] and list(trend._cy) == [97.5, 78.0]
    assert not trend.point_label.isVisible()  # a line of two months needs no label
    assert trend.bucket_name(trend._x[0]) == "Feb 2024"  # what the hover says


def test_a_reports_counts_list_no_contact_and_say_so(qtbot, make_window, monthly):
    """No call to list behind a report's counts: the card says so, not "(0)" over an
    empty table."""
    window = make_window(monthly, "fr")
    view = open_coaching(qtbot, window, "Rep01")
    assert view.detail.contacts == [] and not view.detail.individual
    # the long title wraps: the page still fits a 1366-px laptop (it pushed the buttons off)
    view.resize(1366, 768)
    qtbot.wait(50)
    content = view.standings_card.parentWidget()
    assert content.minimumSizeHint().width() <= 1366 - 20
    assert view.contacts_card.title.height() > view.contacts_card.title.fontMetrics().height()  # on two lines
    assert view.contacts_card.title.text() == (
        "Durée moyenne de traitement (tous canaux) : aucun contact à lister (les données comptent les contacts par période)"
    )


def test_a_reports_distributions_say_it_counts_per_period(qtbot, make_window, monthly):
    """A report gives averages per month: no contact has a duration of its own to
    spread; each distribution card says so, not "no data for this period"."""
    window = make_window(monthly, "fr")
    view = open_coaching(qtbot, window, "Rep01")
    shown = [chart for measure, chart in view.dist_charts.items() if view.dist_cards[measure].isVisibleTo(view)]
    assert shown
    for chart in shown:
        assert chart.empty_label.text().endswith(
            "compté par période : les données donnent des moyennes, pas la durée de chaque contact"
        )
