"""The contract with vendor transforms, the mapping proposal and the CLI."""

from __future__ import annotations

import argparse
import json
import sys
import types

import pytest

from kpidesk.commands import import_ as cli
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file, propose_mapping, save_profile
from tests.helpers.paths import SHARED_DATA

SHARED = SHARED_DATA


def _fake_transform(cur, staging, ctx):
    """Calls from an event log: ENTER lines become contacts, RELOAD lines are ignored."""
    cur.execute(
        f"""CREATE TEMP TABLE out_contacts AS
        SELECT ? AS source, callid AS source_key, 'phone' AS channel,
               strptime(time, '%Y-%m-%d %H:%M:%S') AS arrived_at, queue, _line
        FROM {staging} WHERE event = 'ENTER' AND time <> 'bad'""",
        [ctx.source],
    )
    cur.execute(
        f"CREATE TEMP TABLE out_rejects AS SELECT _line, 'unreadable time' AS reason FROM {staging} WHERE time = 'bad'"
    )


@pytest.fixture
def fake_module(monkeypatch):
    mod = types.ModuleType("kpidesk.core.ingest.transforms.fake_events")
    mod.transform = _fake_transform
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    return mod


def test_transform_outputs_are_loaded_and_every_line_counted(store, tmp_path, fake_module):
    profile = tmp_path / "fake.toml"
    profile.write_text(
        'name = "fake"\nsource = "fake"\ntransform = "fake_events"\n[match]\nheaders = ["callid", "event"]\n',
        encoding="utf-8",
    )
    data = tmp_path / "events.csv"
    data.write_text(
        "time,callid,queue,event\n2024-03-01 08:00:00,c1,Q,ENTER\n2024-03-01 08:00:05,,,RELOAD\n"
        "2024-03-01 08:01:00,c2,Q,ENTER\nbad,c3,Q,ENTER\n2024-03-01 08:02:00,c1,Q,ENTER\n",
        encoding="utf-8",
    )
    r = import_file(store, data, profile=str(profile))
    assert (r.rows_read, r.loaded, r.duplicate, r.rejected, r.ignored) == (5, 2, 1, 1, 1)
    assert store.cursor().execute("SELECT line, reason, raw FROM import_rejects").fetchall() == [
        (5, "unreadable time", "bad,c3,Q,ENTER")
    ]
    again = import_file(store, data, profile=str(profile))
    assert (again.loaded, again.duplicate, again.rejected, again.ignored) == (0, 3, 1, 1)


def test_failing_transform_leaves_the_database_as_it_was(store, tmp_path, monkeypatch):
    mod = types.ModuleType("kpidesk.core.ingest.transforms.broken")

    def transform(cur, staging, ctx):
        cur.execute("CREATE TEMP TABLE out_contacts AS SELECT 'x' AS source_key")
        cur.execute("INSERT INTO agents (agent_id) VALUES ('written before the crash')")
        raise RuntimeError("boom")

    mod.transform = transform
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    data = tmp_path / "e.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        import_file(store, data, profile={"name": "broken", "transform": "broken"})
    assert store.table_count("agents") == 0 and store.table_count("imports") == 0


def test_propose_mapping_for_a_french_export_and_save_it(tmp_path, store):
    data = tmp_path / "appels.csv"
    data.write_text(
        "Identifiant;Date de l'appel;Conseiller;File d'attente;Temps d'attente;Durée\n"
        "X1;01/03/2024 08:00;Jean;Support;12;300\nX2;01/03/2024 08:05;Zoé;Support;40;60\n",
        encoding="utf-8",
    )
    prop = propose_mapping(data)
    assert prop.table == "contacts" and prop.reader["delimiter"] == "semicolon"
    assert {f: g.column for f, g in prop.fields.items()}.items() >= {
        "source_key": "Identifiant",
        "arrived_at": "Date de l'appel",
        "agent_id": "Conseiller",
        "queue": "File d'attente",
        "wait_s": "Temps d'attente",
        "talk_s": "Durée",
    }.items()
    assert prop.confident()
    assert [row["source_key"] for row in prop.preview] == ["X1", "X2"]
    path = save_profile(prop, "my calls", tmp_path / "profiles")
    report = import_file(store, data, profile=str(path))
    assert (report.profile, report.loaded) == ("my calls", 2)


def _run_cli(argv):
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers())
    return cli.run(parser.parse_args(["import", *argv]))


def test_cli_imports_and_reports(tmp_path, capsys):
    data = tmp_path / "calls.csv"
    data.write_text("Call ID,Date,Queue,Wait Time\nC1,2024-03-01 08:00:00,Sales,5\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    assert _run_cli([str(data), "--db", str(db), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["profile"] == "generic_call_log" and out[0]["loaded"] == 1
    odd = tmp_path / "odd.csv"
    odd.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert _run_cli([str(odd), str(data), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert "--profile" in captured.err and "Traceback" not in captured.err
    assert "duplicates          1" in captured.out


def test_user_profiles_beside_the_database_are_used(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "shop.toml").write_text(
        'name = "shop"\nsource = "shop"\n[match]\nheaders = ["Numéro", "Horodatage"]\n'
        '[fields]\nsource_key = "Numéro"\narrived_at = "Horodatage"\nchannel = { value = "phone" }\n',
        encoding="utf-8",
    )
    data = tmp_path / "x.csv"
    data.write_text("Numéro,Horodatage\n7,2024-03-01 08:00:00\n", encoding="utf-8")
    with open_database(tmp_path / "k.duckdb") as store:
        assert import_file(store, data).profile == "shop"


@pytest.mark.skipif(not (SHARED / "nps-survey-saas" / "nps_survey.csv").exists(), reason="shared data absent")
def test_real_nps_export(store):
    report = import_file(store, SHARED / "nps-survey-saas" / "nps_survey.csv", profile="generic_survey_nps")
    assert (report.rows_read, report.loaded, report.rejected) == (20268, 20268, 0)
    nps = (
        store.cursor()
        .execute(
            "SELECT round(100.0 * (count(*) FILTER (score >= 9) - count(*) FILTER (score <= 6)) "
            "/ count(*), 2) FROM surveys"
        )
        .fetchone()[0]
    )
    assert nps == 10.86
