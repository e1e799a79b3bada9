"""A KPI tile on a narrow laptop column: the value, its status and the comparison
never run into each other; what does not fit ends in "…" with the whole in a tooltip,
and a reason why there is no figure is said in full."""

from __future__ import annotations

from kpidesk.core.kpi.engine import KpiValue
from kpidesk.ui import i18n
from kpidesk.ui.dashboard.tab_view import TileGrid
from kpidesk.ui.dashboard.tile import KpiTile


def _show(tile: KpiTile, value: KpiValue, previous: KpiValue | None, status: str | None) -> None:
    tile.show_value(
        "Durée moyenne d'attente (DMA)", value, previous, "seconds", "lower", status, [60.0, 70.0, 68.0], "fr", ""
    )


def test_a_wide_value_and_its_status_do_not_overlap(qtbot):
    i18n.Language(None, "fr")
    tile = KpiTile("asa")
    qtbot.addWidget(tile)
    tile.resize(230, 120)
    tile.show()
    _show(tile, KpiValue("asa", 68.0, 500), KpiValue("asa", 67.0, 480), "red")
    qtbot.wait(10)
    value = tile.value.geometry()
    status = tile.status.geometry()
    assert not value.intersects(status)
    assert tile.status.text() == "hors objectif"
    # the comparison does not fit 230 px: elided, whole in its tooltip, inside the tile
    assert tile.delta.geometry().right() <= tile.contentsRect().right()
    assert "vs période" in tile.delta.toolTip()


def test_a_reason_is_said_in_full(qtbot):
    i18n.Language(None, "fr")
    tile = KpiTile("transfer_rate")
    qtbot.addWidget(tile)
    tile.resize(300, 140)
    tile.show()
    reason = "missing input: whether calls were transferred (the export has no transfer column)"
    _show(tile, KpiValue("transfer_rate", None, 0, reason=reason), None, None)
    qtbot.wait(10)
    assert tile.delta.wordWrap()
    assert tile.delta.toolTip() == ""
    # back to a figure: one line again
    _show(tile, KpiValue("transfer_rate", 0.1, 40), None, None)
    assert not tile.delta.wordWrap()


def test_tile_columns_share_the_row_equally(qtbot):
    i18n.Language(None, "fr")
    grid = TileGrid(("offered", "answer_rate", "transfer_rate", "csat"))
    qtbot.addWidget(grid)
    grid.resize(1300, 150)
    grid.show()
    long_reason = "missing input: " + "a very long reason " * 10
    grid.tiles["transfer_rate"].show_value(
        "Taux de transfert",
        KpiValue("transfer_rate", None, 0, reason=long_reason),
        None,
        "rate",
        "lower",
        None,
        [],
        "fr",
        "",
    )
    qtbot.wait(10)
    widths = {t.width() for t in grid.tiles.values()}
    assert max(widths) - min(widths) <= 2
