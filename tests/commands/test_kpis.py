"""`kpidesk kpis` as a user runs it: on the demo database, JSON/CSV/table, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from kpidesk.core.demo.generate import PATTERN_AGENTS, build_demo


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    with open_database(path) as store:
        build_demo(store, seed=7)
    return str(path)


def run_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_every_kpi_of_the_catalog_is_printed(demo_db, capsys):
    rows = run_json(capsys, "kpis", "--db", demo_db, "--format", "json")
    ids = [r["kpi"] for r in rows]
    assert len(ids) == len(set(ids)) >= 49
    for r in rows:
        assert {"kpi", "value", "n"} <= set(r)
        assert r["value"] is not None or r.get("reason")
    by_id = {r["kpi"]: r for r in rows}
    assert 0.8 < by_id["answer_rate"]["value"] < 0.97
    assert by_id["fcr"]["basis"]


def test_grouping_filters_and_parameters(demo_db, capsys):
    rows = run_json(
        capsys,
        "kpis",
        "--db",
        demo_db,
        "--channel",
        "phone",
        "--by",
        "agent",
        "--kpi",
        "aht,avg_wrap",
        "--format",
        "json",
    )
    assert {r["kpi"] for r in rows} == {"aht", "avg_wrap"}
    wraps = {r["agent"]: r["value"] for r in rows if r["kpi"] == "avg_wrap" and r["value"] is not None}
    assert max(wraps, key=wraps.get) == PATTERN_AGENTS["long_wrap"]
    assert all("agent_name" in r for r in rows if r["agent"] is not None)
    base = run_json(capsys, "kpis", "--db", demo_db, "--kpi", "service_level", "--format", "json")[0]
    loose = run_json(
        capsys, "kpis", "--db", demo_db, "--kpi", "service_level", "--param", "sl_threshold_s=60", "--format", "json"
    )[0]
    assert loose["value"] > base["value"]
    week = run_json(
        capsys,
        "kpis",
        "--db",
        demo_db,
        "--kpi",
        "volume",
        "--by",
        "week,channel",
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-15",
        "--format",
        "json",
    )
    assert {r["week"] for r in week} == {"2026-11-02", "2026-11-09"}


def test_list_definitions(capsys):
    defs = run_json(capsys, "kpis", "--list", "--format", "json", "--db", ":memory:")
    sl = next(d for d in defs if d["id"] == "service_level")
    assert sl["label"]["fr"] == "Niveau de service" and sl["unit"] == "rate" and sl["better"] == "higher"
    assert sl["parameters"] == {"short_abandon_s": 5.0, "sl_threshold_s": 20.0, "sl_abandon_policy": "negative"}
    assert sl["channels"] == ["phone"]


def test_csv_and_table(demo_db, capsys):
    assert main(["kpis", "--db", demo_db, "--kpi", "csat", "--by", "team", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2 and {"KPI id", "Team", "Value", "Unit", "n"} <= set(rows[0])
    assert main(["kpis", "--db", demo_db, "--kpi", "answer_rate", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Taux de décroché" in out and "%" in out and "," in out
    assert out.splitlines()[0].startswith("Indicateur") and "valeur" in out.splitlines()[0]
    # the whole catalog in French: every reason and note in French, none left in English
    assert main(["kpis", "--db", demo_db, "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "no data" not in out and "small sample" not in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--kpi", "nope"], "Unknown KPI"),
        (["--by", "colour"], "Cannot group by"),
        (["--param", "sl_abandon_policy=maybe"], "must be one of"),
        (["--agent", "Nobody Here"], "No agent called"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "--from is after --to"),
    ],
)
def test_mistakes_get_one_line_not_a_traceback(demo_db, capsys, argv, message):
    assert main(["kpis", "--db", demo_db, *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_nps_reads_signed_to_one_decimal(tmp_path, capsys):
    """11 answers: 4 promoters (9, 10), 4 passives (7, 8), 3 detractors (0-6):
    NPS = (4 − 3) / 11 × 100 = +9.09…, printed "+9,1" (not "9,09"), exported 9.1."""
    scores = [10, 9, 9, 10, 7, 8, 8, 7, 6, 0, 3]
    survey = tmp_path / "nps_survey.csv"
    lines = ["id,score,surveyed_at"] + [f"{i},{s},2026-11-{i + 1:02d}T10:00:00Z" for i, s in enumerate(scores)]
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "nps.duckdb")
    assert main(["import", "--db", db, str(survey)]) == 0
    capsys.readouterr()
    assert main(["kpis", "--db", db, "--kpi", "nps", "--lang", "fr"]) == 0
    assert " +9,1 " in capsys.readouterr().out
    assert main(["kpis", "--db", db, "--kpi", "nps", "--lang", "en"]) == 0
    assert " +9.1 " in capsys.readouterr().out
    assert main(["kpis", "--db", db, "--kpi", "nps", "--format", "csv"]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["Value"] == "9.1" and row["Unit"] == "score" and row["n"] == "11"
