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
