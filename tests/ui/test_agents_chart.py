"""Agent charts: labels that tell agents apart; nobody hidden to save a line."""

from kpidesk.ui.dashboard.agents_chart import RankingChart, point_labels


def test_point_labels_tell_agents_apart():
    names = ["Hamza El Amrani", "Hamza Kettani", "Hamza Kamel", "Léa Martin", "Agent C"]
    assert point_labels(names) == ["Hamza A.", "Hamza Kettani", "Hamza Kamel", "Léa", "Agent C"]


def test_a_ranking_of_25_hides_nobody(qtbot):
    chart = RankingChart()
    qtbot.addWidget(chart)
    ids = [f"A{i:02d}" for i in range(25)]
    chart.set_ranking(ids, ids, [float(i) for i in range(25)], [None] * 25, str, "… {n} more")
    assert len(chart._rows) == 25
    ids = [f"A{i:02d}" for i in range(40)]
    chart.set_ranking(ids, ids, [float(i) for i in range(40)], [None] * 40, str, "… {n} more")
    assert len(chart._rows) == RankingChart.MAX_ROWS


def test_quadrant_labels_neither_overlap_nor_cover_a_point(qtbot):
    """A crowded quadrant (the demo's 25 agents around the medians): each label
    drawn keeps clear of the others and of every other agent's point."""
    from PySide6.QtCore import QPointF

    from kpidesk.ui.dashboard.agents_chart import QuadrantChart

    chart = QuadrantChart()
    qtbot.addWidget(chart)
    chart.resize(600, 420)
    chart.show()
    # the second point sits where the first one's label goes (up and to the right)
    xs = [2.0, 2.6] + [1 + (i % 5) * 1.7 for i in range(23)]
    ys = [5.0, 5.3] + [1 + (i // 5) * 1.9 + (i % 3) * 0.2 for i in range(23)]
    names = [f"Agent{i} Name{i}" for i in range(25)]
    chart.set_points([str(i) for i in range(25)], names, xs, ys, [False] * 25, str, str, ("x", "y"))
    chart.getPlotItem().setXRange(0, 10, padding=0)
    chart.getPlotItem().setYRange(0, 10, padding=0)
    chart.grab()  # paint
    drawn = chart.labels.drawn
    assert drawn, "some labels are written"
    boxes = [box for _, box, _ in drawn]
    for i, a in enumerate(boxes):
        assert not any(a.intersects(b) for b in boxes[i + 1 :])
    points = [chart.plotItem.vb.mapViewToScene(QPointF(x, y)) for x, y in zip(xs, ys)]
    view_to_widget = chart.mapFromScene
    for _text, box, own in drawn:
        for p in points:
            q = view_to_widget(p)
            if abs(q.x() - own.x()) < 0.5 and abs(q.y() - own.y()) < 0.5:
                continue
            assert not box.contains(QPointF(q)), (_text, box, q)


def test_agents_on_the_same_spot_share_one_label(qtbot):
    """Two agents with 4 contacts and 100 % (a small ticket export): one label names
    both — each used to hide the other's, and neither was written."""
    from kpidesk.ui.dashboard.agents_chart import QuadrantChart

    chart = QuadrantChart()
    qtbot.addWidget(chart)
    chart.resize(600, 420)
    chart.show()
    xs, ys = [4.0, 4.0, 8.0, 8.0, 8.0, 6.0], [1.0, 1.0, 0.5, 0.5, 0.5, 0.2]
    names = ["Agent_14", "Agent_3", "Agent_5", "Agent_6", "Agent_7", "Agent_1"]
    chart.set_points([str(i) for i in range(6)], names, xs, ys, [False] * 6, str, str, ("x", "y"))
    chart.getPlotItem().setXRange(0, 10, padding=0)
    chart.getPlotItem().setYRange(0, 1.2, padding=0)
    chart.grab()  # paint
    assert sorted(text for text, _, _ in chart.labels.drawn) == ["Agent_1", "Agent_14, Agent_3", "Agent_5 +2"]
