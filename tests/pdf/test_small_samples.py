"""Small samples in the PDFs, as the app marks them, on the one threshold (the
``min_sample`` setting, 30 contacts by default, read by the engine).

Three days of calls worked out by hand (service level threshold 20 s):

- Monday 16/11, 10:00–11:00: 40 calls answered in 5 s by Léa → 100 %, n = 40
- Tuesday 17/11, 15:00–16:00: 4 calls by Léa, 3 answered in 5 s, 1 in 60 s → 75 %, n = 4
- Wednesday 18/11, 09:00–10:00: 40 calls answered in 5 s by Marc → 100 %, n = 40

Tuesday is a small sample: its trend point is a faded hollow dot with "n=4" beside
it, its heatmap cell is greyed out of the colour scale with "n=4" in it; a report of
Tuesday alone marks its figures † with their n in a footnote.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from reportlab.graphics.shapes import Circle, Rect, String

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.service.report import build
from kpidesk.pdf.charts import trend_chart as coaching_trend
from kpidesk.pdf.service_charts import heatmap_chart, trend_chart
from kpidesk.pdf.style import AGENT, FADED, SMALL_CELL
from tests.helpers.builders import add_contacts, call, insert
from tests.helpers.pdf_text import drawn_text

MON, TUE, WED = date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)


@pytest.fixture(scope="module")
def calls_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "calls.duckdb"
    with open_database(path) as store:
        insert(
            store,
            "agents",
            [{"agent_id": "L", "name": "Léa", "team": "T"}, {"agent_id": "M", "name": "Marc", "team": "T"}],
        )
        rows = [call("answered", 5.0, agent_id="L", arrived_at=datetime(2026, 11, 16, 10, i)) for i in range(40)]
        rows += [call("answered", 5.0, agent_id="L", arrived_at=datetime(2026, 11, 17, 15, i)) for i in range(3)]
        rows += [call("answered", 60.0, agent_id="L", arrived_at=datetime(2026, 11, 17, 15, 30))]
        rows += [call("answered", 5.0, agent_id="M", arrived_at=datetime(2026, 11, 18, 9, i)) for i in range(40)]
        add_contacts(store, rows)
    return str(path)


def _elements(drawing) -> list:
    """Every shape a drawing holds, its charts' and markers' drawn too."""
    if hasattr(drawing, "contents"):
        return [shape for item in drawing.contents for shape in _elements(item)]
    if isinstance(drawing, (Circle, Rect, String)) or not hasattr(drawing, "draw"):
        return [drawing]
    return _elements(drawing.draw())


def test_the_report_carries_the_engines_small_sample_facts(calls_db):
    with open_database(calls_db, read_only=True) as store:
        engine = Engine(store)
        report = build(engine, Filters(date_from=MON, date_to=WED), date(2026, 11, 13), date(2026, 11, 15))
    assert report.min_sample == 30
    phone = next(s for s in report.channels if s.channel == "phone")
    sl = next(tr for tr in phone.trends if tr.kpi == "service_level")
    assert sl.periods == [MON, TUE, WED]
    assert sl.values == [1.0, 0.75, 1.0] and sl.n == [40, 4, 40] and sl.small == [False, True, False]
    grid = phone.key_heatmap
    assert grid is not None and grid.kpi == "service_level" and grid.reason is None
    assert grid.cells[0][10] == 1.0 and grid.samples[0][10] == (40, False)  # Monday 10h
    assert grid.cells[1][15] == 0.75 and grid.samples[1][15] == (4, True)  # Tuesday 15h: 4 calls
    assert grid.cells[2][9] == 1.0 and grid.samples[2][9] == (40, False)  # Wednesday 9h
    headline = {f.kpi: f for f in report.headline}
    assert not headline["service_level"].small_sample  # 84 calls over the three days


def test_a_small_heatmap_cell_is_grey_with_its_n_and_out_of_the_scale():
    grid = [[None] * 24 for _ in range(7)]
    samples = [[(None, False)] * 24 for _ in range(7)]
    grid[0][10], samples[0][10] = 0.9, (40, False)
    grid[0][11], samples[0][11] = 0.5, (40, False)
    grid[0][12], samples[0][12] = 0.0, (2, True)  # two calls, both missed: 0 %, too few to read
    fmt = lambda v: f"{v * 100:.1f}%"
    d = heatmap_chart(grid, "en", "Service level", [0], fmt=fmt, better="higher", samples=samples, notes=("a", "b"))
    texts = [s.text for s in _elements(d) if isinstance(s, String)]
    assert "n=2" in texts and "0.0%" not in texts  # the small cell says its n, not its 0 %
    assert "90.0%" in texts and "50.0%" in texts  # the scale runs over the cells read: 90 % to 50 %
    greys = [r for r in _elements(d) if isinstance(r, Rect) and r.fillColor == SMALL_CELL]
    assert len(greys) == 1


def test_a_small_trend_point_is_a_faded_hollow_dot_with_its_n():
    d = trend_chart(
        ["16", "17", "18"], [1.0, 0.75, 1.0], 0.8, "rate", "en", "SL", [], [False, True, False], sizes=[40, 4, 40]
    )
    dots = [c for c in _elements(d) if isinstance(c, Circle)]
    assert [c.fillColor == AGENT for c in dots] == [True, False, True]
    assert dots[1].strokeColor == FADED and dots[1].fillColor != AGENT
    texts = [s.text for s in _elements(d) if isinstance(s, String)]
    assert "n=4" in texts and "n=40" not in texts


def test_the_coaching_trend_marks_the_agents_small_days():
    d = coaching_trend(
        ["16", "17", "18"],
        [300.0, 420.0, 310.0],
        [305.0, 400.0, 300.0],
        "seconds",
        "en",
        "AHT",
        ("Léa", "Team"),
        [False, True, False],
        [40, 4, 40],
    )
    texts = [s.text for s in _elements(d) if isinstance(s, String)]
    assert texts.count("n=4") == 1 and "n=40" not in texts
    hollow = [c for c in _elements(d) if getattr(c, "strokeColor", None) == FADED]
    assert len(hollow) == 1


@pytest.mark.parametrize(("lang", "value", "note"), [
    ("en", "75.0% †", "† Fewer than 30 contacts (or answers) behind the figure, too few to read: Service level n = 4"),
    ("fr", "75,0 % †", "† Moins de 30 contacts (ou réponses) derrière le chiffre, trop peu pour conclure : "
                       "Niveau de service n = 4"),
])  # fmt: skip
def test_a_report_of_tuesday_alone_marks_its_figures(calls_db, tmp_path, lang, value, note):
    out = tmp_path / f"tuesday_{lang}.pdf"
    with drawn_text() as drawn:
        args = ["--db", calls_db, "--from", "2026-11-17", "--to", "2026-11-17", "--lang", lang, "--out", str(out)]
        assert main(["report", "--service", *args]) == 0
    text = drawn.flat.replace("\u00a0", " ").replace("\u202f", " ")
    assert value in text
    assert note in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_three_days_report_draws_tuesdays_n(calls_db, tmp_path, lang):
    out = tmp_path / f"days_{lang}.pdf"
    with drawn_text() as drawn:
        args = ["--db", calls_db, "--from", "2026-11-16", "--to", "2026-11-18", "--lang", lang, "--out", str(out)]
        assert main(["report", "--service", *args]) == 0
    lines = drawn.text.split("\n")
    assert "n=4" in lines  # beside Tuesday's trend points and in its heatmap cell
    grey = "grey: fewer than 30 contacts" if lang == "en" else "gris : moins de 30 contacts"
    assert grey in drawn.flat.replace("\u00a0", " ")


def test_a_heatmap_of_small_cells_only_draws_no_scale():
    """Ten tickets an hour at most: every cell greyed, no made-up "0 s – 1 s" scale, what grey means still said."""
    grid = [[None] * 24 for _ in range(7)]
    samples = [[(None, False)] * 24 for _ in range(7)]
    grid[3][9], samples[3][9] = 5400.0, (10, True)
    fmt = lambda v: f"{v:.0f} s"
    d = heatmap_chart(grid, "en", "FRT", [3], fmt=fmt, better="lower", samples=samples, notes=("worse", "grey"))
    texts = [s.text for s in _elements(d) if isinstance(s, String)]
    assert "n=10" in texts and "grey" in texts
    assert not any(t.endswith(" s") for t in texts) and "worse" not in texts


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "Pale hollow dot: fewer than 30 of the agent's contacts (or answers) that day"),
    ("fr", "Point creux pâle : moins de 30 contacts (ou réponses) du conseiller ce jour-là"),
])  # fmt: skip
def test_the_coaching_sheet_marks_leas_tuesday(calls_db, tmp_path, lang, note):
    """Léa's handle time by day: Monday 40 calls, Tuesday 4: Tuesday is drawn pale and hollow with n=4."""
    out = tmp_path / f"lea_{lang}.pdf"
    with drawn_text() as drawn:
        args = ["--db", calls_db, "--agent", "Léa", "--from", "2026-11-16", "--to", "2026-11-18", "--lang", lang]
        assert main(["report", *args, "--out", str(out)]) == 0
    assert "n=4" in drawn.text.split("\n") and "n=40" not in drawn.text.split("\n")
    assert note in drawn.flat.replace("\u00a0", " ")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Service level by hour and weekday: every hour holds fewer than 30 contacts, too few to read."),
    ("fr", "Niveau de service par heure et jour de la semaine : chaque heure compte moins de 30 contacts, "
           "trop peu pour conclure."),
])  # fmt: skip
def test_a_heatmap_of_grey_cells_only_is_one_line(calls_db, tmp_path, lang, line):
    """Tuesday alone: its one hour holds 4 calls; no grid of grey cells, one line says why."""
    out = tmp_path / f"tue_{lang}.pdf"
    with drawn_text() as drawn:
        args = ["--db", calls_db, "--from", "2026-11-17", "--to", "2026-11-17", "--lang", lang, "--out", str(out)]
        assert main(["report", "--service", *args]) == 0
    assert line in drawn.flat.replace("\u00a0", " ")
    assert "n=4" not in drawn.text.split("\n")  # no trend (one day), no grey cell
