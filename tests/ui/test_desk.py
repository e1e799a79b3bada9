"""The desk driven as a team lead would: filters, language, chart clicks, agents."""

from PySide6.QtCore import QPoint, Qt

from kpidesk.core.workspace import PrefsChange


def tile_text(window, tab, kpi):
    return window.views[tab].tiles.tiles[kpi].value.text()


def open_tab(qtbot, window, key):
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab(key)
    return window.views[key]


def test_opens_on_overview_with_figures(store, make_window):
    window = make_window(store)
    assert window.tabs.tabText(0) == "Overview"
    assert window.views["overview"].tiles.tiles["volume"].value.text() not in ("", "–")
    assert not window.welcome.isVisible()


def test_changing_a_filter_changes_the_tiles(qtbot, store, make_window):
    window = make_window(store)
    open_tab(qtbot, window, "phone")
    before = tile_text(window, "phone", "offered")
    button = window.filter_bar.filters["queues"]
    action = next(a for a in button.menu_.actions() if a.text() == "Facturation")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        action.trigger()
    after = tile_text(window, "phone", "offered")
    assert int(after.replace(",", "")) < int(before.replace(",", ""))
    assert button.text() == "Queue: Facturation"
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        qtbot.mouseClick(window.filter_bar.back, Qt.MouseButton.LeftButton)
    assert tile_text(window, "phone", "offered") == before


def test_switching_language_relabels_the_window(qtbot, store, make_window):
    window = make_window(store)
    open_tab(qtbot, window, "phone")
    assert "." in tile_text(window, "phone", "answer_rate")
    window.actions_.set_language("fr")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Téléphone", timeout=5000)
    rate = tile_text(window, "phone", "answer_rate")
    assert "," in rate and rate.endswith("\u202f%")
    assert window.views["phone"].tiles.tiles["answer_rate"].title.text().startswith("Taux de décroché")
    assert window.filter_bar.compare_label.text() == "Comparer à"
    assert "/" in window.filter_bar.range_label.text()  # 24/10/2026 – 22/11/2026


def test_clicking_a_heatmap_cell_narrows_then_back_undoes(qtbot, store, make_window):
    window = make_window(store)
    view = open_tab(qtbot, window, "phone")
    chart = view.heatmap.body
    before = window.state
    vb = chart.getPlotItem().vb
    scene = vb.mapViewToScene(vb.mapToView(vb.rect().center()))  # the middle of the plot
    point = vb.mapSceneToView(scene)
    target = chart.mapFromScene(vb.mapViewToScene(point))
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(target.x()), int(target.y())))
    # that weekday and hour across the same period, not one day (#16)
    assert (window.state.weekday, window.state.hour) == (int(point.y()), int(point.x()))
    assert (window.state.preset, window.state.granularity) == (before.preset, before.granularity)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.back()
    assert window.state == before


def test_double_clicking_an_agent_selects_them(qtbot, store, make_window):
    window = make_window(store)
    view = open_tab(qtbot, window, "phone")
    table = view.table
    rect = table.visualRect(table.model().index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.agent_selected, timeout=5000) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["A02"]  # rows sorted by name: Alice (A01), Bruno (A02)…


def test_a_new_target_recolours_the_tile(qtbot, store, make_window):
    window = make_window(store)
    open_tab(qtbot, window, "phone")
    status = window.views["phone"].tiles.tiles["answer_rate"].status
    assert status.text() != "on target"
    window.actions_.save(PrefsChange(targets={("answer_rate", "*"): (0.5, 0.4)}))
    qtbot.waitUntil(lambda: status.text() == "on target", timeout=10000)


def test_a_setting_changes_the_figures_at_once(qtbot, store, make_window):
    window = make_window(store)
    open_tab(qtbot, window, "phone")
    before = tile_text(window, "phone", "service_level")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.actions_.save(PrefsChange(values={"sl_threshold_s": 60}))
    assert tile_text(window, "phone", "service_level") != before
    assert "60" in window.views["phone"].tiles.tiles["service_level"].toolTip()


def test_agents_tab_ranks_and_plots_every_agent(qtbot, store, make_window):
    window = make_window(store)
    view = open_tab(qtbot, window, "agents")
    assert view.table.model().rowCount() == 8
    assert len(view.quadrant.body._ids) == 8
    assert view.ranking.body.name_axis._tickLevels[0][0][1]  # names on the axis
