"""`kpidesk import` as a user runs it: progress, --catch-up, pending facts told, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database

CALLS = (
    "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"
    "K1,2026-03-02 09:00:00,Support,ag1,+331,answered,10,100\n"
    "K2,2026-03-02 10:00:00,Support,ag2,+331,answered,12,80\n"
    "K3,2026-03-03 09:30:00,Support,ag1,+332,abandoned,30,\n"
)


def test_progress_lines_then_pending_facts_and_catch_up(tmp_path, capsys):
    csv = tmp_path / "calls.csv"
    csv.write_text(CALLS, encoding="utf-8")
    db = str(tmp_path / "kd.duckdb")
    assert main(["import", "--db", db, "--progress", str(csv)]) == 0
    err = capsys.readouterr().err
    assert "Reading calls.csv" in err and "Updating derived facts" in err and "100%" in err

    with open_database(db) as store, store.write() as cur:  # as if the facts had been left behind
        cur.execute("UPDATE derived_state SET through_import = 0")
    # the KPIs that need them refuse with the reason; the others are computed (a Store
    # opened as is: open_database would catch up)
    from kpidesk.core.db.store import Store
    from kpidesk.core.kpi.engine import Engine

    with Store(db) as store:
        values = {v.kpi: v for v in Engine(store).compute(["repeat_rate", "offered"])}
    assert values["repeat_rate"].value is None and "kpidesk import --catch-up" in values["repeat_rate"].reason
    assert values["offered"].value == 3  # two answered, one abandoned after 30 s

    assert main(["import", "--db", db, "--catch-up"]) == 0
    with Store(db) as store:
        assert store.cursor().execute("SELECT through_import FROM derived_state").fetchone()[0] == 1
        # +331 called twice within an hour: of the two handled calls, one is a repeat
        repeat = Engine(store).compute(["repeat_rate"])[0]
    assert repeat.value == 0.5


def test_facts_left_pending_are_caught_up_on_open_with_their_progress(tmp_path, capsys):
    csv = tmp_path / "calls.csv"
    csv.write_text(CALLS, encoding="utf-8")
    db = str(tmp_path / "kd.duckdb")
    assert main(["import", "--db", db, str(csv)]) == 0
    with open_database(db) as store, store.write() as cur:  # as if an import had been killed after its commit
        cur.execute("UPDATE derived_state SET through_import = 0")
    capsys.readouterr()
    # the next import opens the file: the pending facts are derived first, step by step
    assert main(["import", "--db", db, "--progress", "--catch-up"]) == 0
    lines = capsys.readouterr().err.splitlines()
    steps = [line.split("% ", 1)[1] for line in lines if "% " in line]
    assert steps[:2] == ["Numbering the new contacts", "Finding repeat contacts"]
    assert "Linking surveys to their contacts" in steps and "Storing the derived facts" in steps
    opened = steps.index("Storing the derived facts")
    assert all(s != "Updating derived facts" for s in steps[:opened])  # on open, before the command's own steps


def test_import_without_files_or_catch_up_is_a_mistake(tmp_path, capsys):
    assert main(["import", "--db", str(tmp_path / "kd.duckdb")]) == 2
    assert "--catch-up" in capsys.readouterr().err


def test_json_report_is_one_document(tmp_path, capsys):
    csv = tmp_path / "calls.csv"
    csv.write_text(CALLS, encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "kd.duckdb"), "--format", "json", str(csv)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["loaded"] == 3


def test_building_the_kpis_parser_imports_neither_the_demo_nor_the_import_pipeline():
    code = (
        "import sys\nfrom kpidesk.cli import build_parser\nbuild_parser(['kpis', '--db', 'x'])\n"
        "print(','.join(m for m in ('kpidesk.core.demo.generate', 'kpidesk.core.ingest.pipeline') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


REPORT = "Incoming Calls,Answered Calls,Abandoned Calls,Sales Rep\n10,9,1,Rep01\n20,15,5,Rep02\n"


def test_a_report_without_dates_is_asked_its_period_in_english_and_french(tmp_path, capsys):
    csv = tmp_path / "reps.csv"
    csv.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "kd.duckdb")
    assert main(["import", "--db", db, str(csv)]) == 1
    err = capsys.readouterr().err
    assert "reps.csv is a report of counts per agent or queue" in err
    assert "Which period does it cover? Pass --period 2024-03-01 (a day)" in err
    assert main(["import", "--db", db, "--lang", "fr", str(csv)]) == 1
    err = capsys.readouterr().err
    assert "reps.csv est un rapport de comptes par conseiller ou par file" in err
    assert "Quelle période couvre-t-il ? Passez --period 2024-03-01 (un jour)" in err
    assert main(["import", "--db", db, "--period", "2024-03", str(csv)]) == 0
    with open_database(db) as store:
        rows = store.cursor().execute("SELECT sum(offered), sum(answered), min(interval_start) FROM interval_stats")
        assert rows.fetchone()[:2] == (30, 24)
