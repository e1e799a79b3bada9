"""The contacts behind a KPI fit the coaching view on a 1366-px laptop in French:
no sideways scrolling; dates, channels and figures whole; a long queue, outcome,
customer or comment cut with "…" and whole in its tooltip."""

from __future__ import annotations

import dataclasses
import shutil
from argparse import Namespace

import pytest
from PySide6.QtCore import Qt

from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import build_demo
from kpidesk.ui import i18n, preview
from kpidesk.ui.coaching.contacts_view import COLUMNS, WHOLE
from kpidesk.ui.column_fit import share_out
from tests.helpers.qt_teardown import close_after_the_windows

AGENT = "A07"


@pytest.fixture(scope="module")
def demo_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with open_database(path) as s:
        build_demo(s, seed=7, days=28)
    return path


@pytest.fixture
def coaching_fr(demo_db_path, tmp_path, qtbot):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    _app, desk = preview.open_desk(str(path), "fr")
    view = preview.show("coaching", desk, Namespace(agent=AGENT, kpi=None, size=(1366, 768)))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    qtbot.waitUntil(lambda: view.data is not None and view.detail is not None, timeout=30000)
    yield view
    close_after_the_windows(desk.store)


def _assert_fits(qtbot, table):
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0 and not bar.isVisible(), timeout=2000)
    header = table.horizontalHeader()
    shown = [c for c in range(len(COLUMNS)) if not table.isColumnHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    metrics = table.fontMetrics()
    for c in WHOLE:  # the date, the channel and the figure are never cut
        for r in range(table.model().rowCount()):
            assert metrics.horizontalAdvance(table.model().index(r, c).data()) < header.sectionSize(c)


@pytest.mark.parametrize("kpi", ["aht", "csat"])
def test_the_contacts_table_needs_no_sideways_scrolling(coaching_fr, qtbot, kpi):
    view = coaching_fr
    if kpi != "aht":
        view.detail = None
        view.show_kpi(kpi)
        qtbot.waitUntil(lambda: view.detail is not None, timeout=30000)
    table = view.contacts
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10000)
    qtbot.wait(20)
    assert view.width() == 1366 and table.width() < 700  # the table shares its row with the trend
    _assert_fits(qtbot, table)
    # what is cut is whole on hover
    model, header, metrics = table.model(), table.horizontalHeader(), table.fontMetrics()
    cut = [
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(len(COLUMNS))
        if not table.isColumnHidden(c) and metrics.horizontalAdvance(model.index(r, c).data()) > header.sectionSize(c)
    ]
    assert cut, "a French coaching view on 1366 px has texts to cut"
    for index in cut:
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    # a wider window gives the room back: nothing cut at full HD
    view.resize(2560, 1080)
    qtbot.wait(20)
    _assert_fits(qtbot, table)


def test_a_list_without_survey_comments_has_no_comment_column(coaching_fr, qtbot):
    table = coaching_fr.contacts
    lines = [dataclasses.replace(line, comment=None) for line in table.source.lines]
    table.source.set_lines(lines, table.source.privacy)
    assert table.isColumnHidden(len(COLUMNS) - 1)
    _assert_fits(qtbot, table)
    # a call log without queues nor customers: no column of dashes either
    bare = [dataclasses.replace(line, queue=None, customer_id=None, customer_name=None) for line in lines]
    table.source.set_lines(bare, table.source.privacy)
    assert [c for c in range(len(COLUMNS)) if table.isColumnHidden(c)] == [2, 4, 6]
    _assert_fits(qtbot, table)
    table.source.set_lines(lines, table.source.privacy)  # back: every column with text shows
    assert [c for c in range(len(COLUMNS)) if table.isColumnHidden(c)] == [6]
    assert table.horizontalHeader().sectionSize(2) > 0


def test_an_empty_list_fits_too(qtbot):
    """No contact behind the figure (an interval report): the headers alone fit."""
    from kpidesk.core.privacy import Privacy
    from kpidesk.ui.coaching.contacts_view import ContactsView

    i18n.Language(None, "fr")
    table = ContactsView(lambda: "fr")
    qtbot.addWidget(table)
    table.resize(644, 300)
    table.show()
    table.source.set_lines([], Privacy())
    _assert_fits(qtbot, table)


def test_share_out_cuts_what_can_be_spared_and_gives_back_the_room():
    # 500 px for columns that want 600: the comment (last) gives first, then the others
    # in proportion to what they can spare, never below their floors
    assert share_out([100, 200, 300], [100, 100, 250], 500, spare_to=2) == [100, 150, 250]
    assert share_out([100, 200, 300], [100, 100, 100], 300) == [100, 100, 100]  # all at their floors
    assert share_out([100, 200, 300], [100, 200, 300], 500) == [100, 200, 300]  # nothing to spare: it scrolls
    assert share_out([100, 100], [50, 50], 250, spare_to=1) == [100, 150]  # room left to the comment
    assert share_out([100, 300], [50, 50], 800) == [200, 600]  # or to every column
