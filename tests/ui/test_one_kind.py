"""A team lead's first database holds one kind of export: every tab opens with its
figures, and every tile says what it shows or why it has no value, in French too."""

from __future__ import annotations

import pytest

from kpidesk import cli
from kpidesk.core.db.startup import open_database
from kpidesk.ui import tasks
from kpidesk.ui.main_window import TAB_ORDER
from tests.helpers.kinds import KINDS, build

ENGLISH_REASONS = ("no data", "not defined for this data", "not available by")


@pytest.fixture(scope="module")
def kind_dbs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    return {kind: build(kind, folder / f"{kind}.duckdb") for kind in KINDS}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_tab_opens_with_its_figures(qtbot, make_window, kind_dbs, kind):
    _file, _profile, home, tile = KINDS[kind]
    store = open_database(kind_dbs[kind])
    failures: list[str] = []
    try:
        window = make_window(store, "fr")
        assert not window.welcome.isVisible(), "a database of one kind is not an empty one"
        for view in window.views.values():
            view.load_failed.connect(failures.append)
        for key in TAB_ORDER:
            view = window.views[key]
            if key != window.current_view().key:
                with qtbot.waitSignal(window.kpis_computed, timeout=10000):
                    window.show_tab(key)
            assert view.data is not None and not failures, failures
            grid = getattr(view, "tiles", None)
            for kpi in grid.shown if grid is not None else ():
                t = grid.tiles[kpi]
                assert t.title.text().strip(), f"{key}: tile {kpi} has no title"
                if t.value.text() == "–":
                    reason = t.delta.text()
                    assert reason, f"{key}: {kpi} shows – without saying why"
                    assert not reason.startswith(ENGLISH_REASONS), f"{key}: {kpi} says {reason!r} in French"
            table = getattr(view, "table", None)
            model = table.source if table is not None else None
            if model is not None and model.rows:  # no column of dashes only (AHT on tickets)
                empty = [k for i, k in enumerate(model.kpis, 1) if all(t == "–" for t, _ in model.column_texts(i))]
                assert not empty or len(empty) == len(model.kpis), f"{key}: columns without a figure: {empty}"
        value = window.views[home].tiles.tiles[tile].value.text()
        assert value not in ("", "–"), f"{kind}: {home} tab shows no {tile}"
    finally:
        tasks.shutdown()
        store.close()


@pytest.mark.parametrize("kind", ["call_log", "nps"])
def test_snapshot_of_every_tab_exits_0(qapp, kind_dbs, tmp_path, capsys, kind):
    for key in TAB_ORDER:
        out = tmp_path / f"{key}.png"
        args = ["--tab", key, "--out", str(out), "--timeout", "20", "--size", "1100x700", "--lang", "fr"]
        code = cli.main(["snapshot", "--db", str(kind_dbs[kind]), *args])
        assert code == 0, capsys.readouterr().err
        assert out.stat().st_size > 5000


@pytest.mark.parametrize(("lang", "nps", "csat_reason"), [
    ("fr", "+10,0", "donnée manquante : pas de question CSAT dans les enquêtes"),
    ("en", "+10.0", "missing input: no CSAT question in the survey answers"),
])  # fmt: skip
def test_nps_answers_alone_show_on_the_overview_with_their_trend(qtbot, make_window, kind_dbs, lang, nps, csat_reason):
    """20 answers, 8 promoters, 6 passives, 6 detractors: NPS = (8 − 6) / 20 × 100 = +10
    (signed, an index from −100 to +100), beside CSAT, which says it has no question to count; no effort tile (no effort
    question); on the channel tabs (answers linked to no contact) the NPS tile says no data."""
    store = open_database(kind_dbs["nps"])
    try:
        window = make_window(store, lang)
        overview = window.views["overview"]
        if overview.data is None:
            with qtbot.waitSignal(window.kpis_computed, timeout=10000):
                pass
        tiles = overview.tiles
        assert tiles.tiles["nps"].value.text() == nps
        assert tiles.tiles["nps"].title.text().startswith("NPS")
        assert tiles.tiles["csat"].value.text() == "–" and tiles.tiles["csat"].delta.text() == csat_reason
        assert tiles.tiles["ces"].isHidden() and "ces" not in tiles.shown
        assert list(tiles.shown[:2]) == ["csat", "nps"]  # the satisfaction figures side by side
        assert overview.trend.kpi == "nps"  # the trend opens on the figure there is
        assert any(v is not None for _, v in overview.data.trend["nps"])
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_tab("phone")
        phone = window.views["phone"].tiles.tiles["nps"]
        assert phone.value.text() == "–" and phone.delta.text()
    finally:
        tasks.shutdown()
        store.close()


def test_cli_commands_end_without_leak_reports(kind_dbs, tmp_path):
    """No `nanobind: leaked …` lines at exit: every DuckDB object is let go first."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    db = str(kind_dbs["call_log"])
    for args in (["kpis", "--db", db], ["snapshot", "--db", db, "--tab", "phone", "--out", str(tmp_path / "p.png")]):
        proc = subprocess.run([sys.executable, "-m", "kpidesk", *args], capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stderr
        assert "leaked" not in proc.stderr, proc.stderr[:500]


def test_tile_tooltips_speak_french_without_sql(qtbot, make_window, kind_dbs):
    store = open_database(kind_dbs["call_log"])
    try:
        window = make_window(store, "fr")
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_tab("phone")
        tip = window.views["phone"].tiles.tiles["service_level"].toolTip()
        assert "Seuil" in tip or "seuil" in tip
        assert "sl_threshold_s" not in tip and "sum(" not in tip and "Formula" not in tip
    finally:
        tasks.shutdown()
        store.close()


def test_agents_charts_of_a_call_log_without_surveys_show_figures(qtbot, make_window, kind_dbs):
    """No survey answers: the ranking and the quadrant do not open on an empty CSAT
    chart but on KPIs the agents have figures for; a KPI the team lead picks stays."""
    store = open_database(kind_dbs["call_log"])
    try:
        window = make_window(store, "fr")
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_tab("agents")
        view = window.views["agents"]
        qtbot.waitUntil(lambda: view.data is not None and view.ranking.body.isVisible(), timeout=10000)
        with_figures = [k for k in view.spec.table if view._has_figures(k)]
        assert "csat" not in with_figures
        assert view.rank_kpi in with_figures
        plotted = [k for k in view.spec.table if view._has_figures(k, small_samples=True)]
        assert view.x_kpi != view.y_kpi
        if len(plotted) >= 2:
            assert {view.x_kpi, view.y_kpi} <= set(plotted)
        assert view.rank_combo.currentData() == view.rank_kpi
        view._choose(rank_kpi="csat")  # the team lead's pick is kept, and said to be empty
        view.paint()
        assert view.rank_kpi == "csat"
    finally:
        tasks.shutdown()
        store.close()


def test_tickets_of_every_channel_are_on_the_tickets_tab_and_no_call(qtbot, make_window, kind_dbs):
    """A ticket list whose Channel column says Phone or Chat: the Email / Tickets tab
    counts its five tickets, the Phone and Chat / Bot tabs say they have no data."""
    store = open_database(kind_dbs["tickets_any_channel"])
    try:
        window = make_window(store, "en")
        shown = {}
        for key in ("email", "phone", "chat"):
            if key != window.current_view().key:
                with qtbot.waitSignal(window.kpis_computed, timeout=10000):
                    window.show_tab(key)
            shown[key] = {k: t.value.text() for k, t in window.views[key].tiles.tiles.items()}
        assert shown["email"]["volume"] == "5"
        assert shown["email"]["first_response_time"] == "4 h"  # median of 1, 3, 5, 30 h
        assert shown["email"]["response_sla"] == "20.0%"  # the export's own verdicts first
        assert shown["phone"]["offered"] in ("0", "–") and shown["phone"]["answer_rate"] == "–"
        assert shown["chat"]["volume"] == "–"
        assert window.tabs.tabText(window.tabs.indexOf(window.views["email"])) == "Email / Tickets"
        title = window.views["email"].dist.title.text()
        assert title == "Distribution (mean 9 h 45 min)"  # 39 h over four replies
        # the tab's own channel filter: the ticket opened by phone, still a ticket
        window.show_tab("email")  # its figures are those already painted
        view = window.views["email"]
        assert view.channel_filter is not None and window.views["phone"].channel_filter is None
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            view.channel_filter._toggle("phone", True)
        assert view.tiles.tiles["volume"].value.text() == "1"
        assert view.tiles.tiles["first_response_time"].value.text() == "1 h"
        assert view.channel_filter.text() == "Channel: Phone"
        assert "(tickets – phone)" in view.tiles.tiles["volume"].title.text()
        # a ticket channel of the overview's mix opens the tickets tab narrowed to it
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.show_channel("web")
        assert window.current_view().key == "email" and view.tiles.tiles["volume"].value.text() == "1"
    finally:
        tasks.shutdown()
        store.close()
