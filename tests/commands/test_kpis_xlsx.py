"""`kpidesk kpis --format xlsx`: a workbook a team lead opens in Excel, read back with
openpyxl; and the labels say which channels a figure covers (table, CSV, workbook).

The team of ``tests.helpers.coaching_fixtures``: Lyon's calls are A1…A5's 30 each
(AHT 100, 200, 300, 400, 500 s) and A7's 5 of 50 s, so Lyon's AHT is
(30 × 1500 + 5 × 50) / 155 = 291.9 s over 155 calls; Rabat (A6) 30 calls of 1000 s.
Lyon's CSAT is A2's three answers 1, 2, 5 on 1-5: one satisfied of three, 33.3 %.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from kpidesk.cli import main
from tests.helpers.coaching_fixtures import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "team.duckdb"
    build_store(path).close()
    return str(path)


def test_workbook_numbers_formats_and_headers(db, tmp_path):
    out = tmp_path / "kpis.xlsx"
    argv = ["kpis", "--db", db, "--kpi", "aht,csat,answered", "--by", "team", "--format", "xlsx", "--out", str(out)]
    assert main([*argv, "--lang", "fr"]) == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header == ["Id indicateur", "Indicateur", "Équipe", "Valeur", "Unité", "n", "Petit échantillon", "Remarque"]
    rows = {(r[0].value, r[2].value): r for r in sheet.iter_rows(min_row=2)}
    aht = rows[("aht", "Lyon")]
    assert aht[1].value == "Durée moyenne de traitement (tous canaux)"
    assert aht[3].value == 291.9 and aht[3].number_format == '#,##0.0" s"' and aht[4].value == "s"
    assert aht[5].value == 155 and isinstance(aht[5].value, int) and aht[5].number_format == "#,##0"
    assert rows[("aht", "Rabat")][3].value == 1000.0
    csat = rows[("csat", "Lyon")]
    assert csat[1].value == "Satisfaction client (tous canaux)"
    assert csat[3].value == pytest.approx(0.333) and csat[3].number_format == "0.0%" and csat[4].value == "%"
    answered = rows[("answered", "Lyon")]
    assert answered[1].value == "Appels décrochés"  # a phone KPI: nothing to say
    assert answered[3].value == 155 and answered[3].number_format == "#,##0" and answered[4].value == "nombre"


def test_workbook_needs_a_file(db, capsys):
    assert main(["kpis", "--db", db, "--format", "xlsx"]) == 2
    assert "--out FILE.xlsx" in capsys.readouterr().err


def test_table_and_csv_labels_say_the_channels(db, capsys):
    assert main(["kpis", "--db", db, "--kpi", "aht", "--channel", "phone"]) == 0
    assert "Avg handle time (phone)" in capsys.readouterr().out
    assert main(["kpis", "--db", db, "--kpi", "aht", "--format", "csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["KPI"] == "Avg handle time (all channels)" and row["Value"] == "406.8"  # 75,250 s / 185 calls


def test_csv_says_what_the_workbook_says(db, capsys):
    """The CSV is the workbook's table: CSAT 33.3 (%) beside AHT 291.9 (s), not 0.333
    beside 33.3; counts whole; the French headers with --lang fr."""
    argv = ["kpis", "--db", db, "--kpi", "aht,csat,answered", "--by", "team", "--format", "csv"]
    assert main(argv) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    got = {(r["KPI id"], r["Team"]): (r["Value"], r["Unit"], r["n"]) for r in rows}
    assert got[("aht", "Lyon")] == ("291.9", "s", "155")  # (30 × 1,500 + 5 × 50) / 155
    assert got[("aht", "Rabat")] == ("1000.0", "s", "30")
    assert got[("csat", "Lyon")] == ("33.3", "%", "3")  # one satisfied of three
    assert got[("answered", "Lyon")] == ("155", "count", "155")
    assert main([*argv, "--lang", "fr"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "Id indicateur,Indicateur,Équipe,Valeur,Unité,n,Petit échantillon,Remarque"
    assert main(["kpis", "--db", db, "--kpi", "aht", "--by", "week", "--format", "csv", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split(",")[2] == "Semaine"  # not "Week"


def test_json_stays_raw_and_says_its_unit(db, capsys):
    import json

    argv = ["kpis", "--db", db, "--kpi", "aht,csat,answer_rate", "--by", "team", "--format", "json"]
    assert main(argv) == 0
    rows = {(r["kpi"], r.get("team")): r for r in json.loads(capsys.readouterr().out)}
    assert rows[("aht", "Lyon")]["value"] == pytest.approx(45250 / 155) and rows[("aht", "Lyon")]["unit"] == "seconds"
    assert rows[("csat", "Lyon")]["value"] == pytest.approx(100 / 3) and rows[("csat", "Lyon")]["unit"] == "percent"
    # a queue-level rate by team: no made-up 100 %, the reason instead, its unit still said
    refused = rows[("answer_rate", None)]
    assert (refused["value"], refused["unit"]) == (None, "rate") and "per agent or team" in refused["reason"]
