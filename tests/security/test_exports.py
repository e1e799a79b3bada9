"""Exports never hand a spreadsheet a formula: text from imported files (agent ids and
names, queues) that starts like one is written as text; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from kpidesk.core.formatting import csv_cell
from tests.helpers.builders import add_contacts, call

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=cmd|' /C calc'!A0"]


def test_csv_cells_starting_like_a_formula_become_text():
    assert [csv_cell(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert [csv_cell(v) for v in (3.5, -2.0, 0, 12, None, "Léa", "a=b")] == [3.5, -2.0, 0, 12, "", "Léa", "a=b"]
    assert csv_cell(float("inf")) == "" and csv_cell(float("nan")) == ""


def test_app_exports_csv_and_xlsx(tmp_path):
    from kpidesk.ui.export import write_table

    rows = [[name, -1.5, 7] for name in HOSTILE]
    for lang in ("en", "fr"):
        out = tmp_path / f"t-{lang}.csv"
        write_table(out, ["agent", "value", "n"], rows, lang)
        text = out.read_bytes().decode("utf-8-sig")
        read = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if lang == "fr" else ","))
        assert [r[0] for r in read[1:]] == ["'" + v for v in HOSTILE]
        assert {r[1] for r in read[1:]} == {"-1,5" if lang == "fr" else "-1.5"}  # a number, no apostrophe
    out = tmp_path / "t.xlsx"
    write_table(out, ["=agent", "value", "n"], rows, "en")
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet  # no formula cell at all
    assert "HYPERLINK" in strings and "=agent" in strings  # kept, as text
    assert sheet.count('t="s"') == len(HOSTILE) + 3  # every text cell is a string cell
    assert "<v>-1.5</v>" in sheet and "<v>7</v>" in sheet  # numbers stay numeric


def test_kpis_csv_and_json(tmp_path, capsys):
    db = tmp_path / "team.duckdb"
    with open_database(db) as store:
        add_contacts(
            store,
            [call("answered", 10, agent_id="=1+1"), call("answered", 20, agent_id="@evil"), call("abandoned", 30)],
        )
    assert main(["kpis", "--db", str(db), "--kpi", "answered", "--by", "agent", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    agents = {r["Agent"] for r in rows}
    assert {"'=1+1", "'@evil"} <= agents
    assert sorted(r["Value"] for r in rows if r["Agent"] in ("'=1+1", "'@evil")) == ["1", "1"]  # numbers untouched
    assert main(["kpis", "--db", str(db), "--kpi", "answered", "--by", "agent", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)  # JSON keeps the id as it is: it is data, not a sheet
    assert {"=1+1", "@evil"} <= {r["agent"] for r in data}
