"""The tile grid of a tab with satisfaction figures: two rows of five on a 1366-px
laptop; optional tiles (effort, declared FCR) out of the rows until the database holds
such answers; a long French title beside its status never cut."""

from __future__ import annotations

from kpidesk.core.dashboard.tabs import TABS
from kpidesk.core.kpi.engine import KpiValue
from kpidesk.ui import i18n
from kpidesk.ui.dashboard.tab_view import TileGrid

LONG = "Résolution au premier contact (RPC, tous canaux)"


def test_ten_tiles_in_two_rows_and_long_titles_whole(qtbot):
    i18n.Language(None, "fr")
    spec = TABS["overview"]
    grid = TileGrid(spec.tiles, optional=spec.optional)
    qtbot.addWidget(grid)
    assert grid.shown == tuple(k for k in spec.tiles if k not in ("ces", "fcr_declared"))
    assert grid.tiles["ces"].isHidden()
    grid.show_only(tuple(k for k in spec.tiles if k != "fcr_declared"))  # effort answers found
    grid.show()
    grid.resize(1330, 320)
    for kpi, tile in grid.tiles.items():
        title = LONG if kpi == "fcr" else "NPS (tous canaux)"
        tile.show_value(title, KpiValue(kpi, 0.78, 100), None, "rate", "higher", "green", [1.0, 2.0], "fr", "")
    qtbot.waitUntil(lambda: grid.tiles["fcr"].title.height() >= 3 * grid.tiles["fcr"].title.fontMetrics().lineSpacing())
    tops = [grid.tiles[k].geometry().top() for k in grid.shown]
    assert len(grid.shown) == 10 and len(set(tops)) == 2 and tops[:5] == [tops[0]] * 5  # five to a row, top-aligned
    widths = {grid.tiles[k].width() for k in grid.shown}
    assert max(widths) - min(widths) <= 2
    fcr = grid.tiles["fcr"]
    assert fcr.title.height() >= fcr.title.heightForWidth(fcr.title.width())  # not cut
    assert not grid.tiles["ces"].isHidden() and grid.tiles["fcr_declared"].isHidden()
