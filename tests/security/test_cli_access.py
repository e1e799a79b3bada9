"""Command-line access to shared or odd databases: read-only files, agent ids with commas."""

from __future__ import annotations

import json

from kpidesk.cli import main
from kpidesk.commands import common
from kpidesk.core.db.startup import open_database
from tests.helpers.builders import add_contacts, call, insert


def _db(tmp_path):
    db = tmp_path / "team.duckdb"
    with open_database(db) as store:
        insert(store, "agents", [{"agent_id": "Martin, Alice", "name": "Alice Martin"}, {"agent_id": "B2"}])
        add_contacts(
            store,
            [call("answered", 10, agent_id="Martin, Alice"), call("answered", 5, agent_id="B2"), call("abandoned", 9)],
        )
    return str(db)


def test_agent_ids_with_commas_and_repeats(tmp_path, capsys):
    db = _db(tmp_path)
    base = ["kpis", "--db", db, "--kpi", "answered", "--format", "json"]
    assert main([*base, "--agent", "Martin, Alice"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["value"] == 1
    assert main([*base, "--agent", "Martin, Alice", "--agent", "B2"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["value"] == 2
    assert main([*base, "--agent", "B2,Alice Martin"]) == 0  # a comma-separated list still works
    assert json.loads(capsys.readouterr().out)[0]["value"] == 2
    assert main([*base, "--agent", "Nobody"]) == 2
    assert "No agent called 'Nobody'" in capsys.readouterr().err


def test_a_database_that_cannot_be_written_is_opened_read_only(tmp_path, capsys, monkeypatch):
    db = _db(tmp_path)
    # root may write anything: stand in for a read-only file the way the OS reports it
    monkeypatch.setattr(common, "_unwritable", lambda path: True)
    store = common.open_store(db)
    assert store.read_only
    store.close()
    assert main(["kpis", "--db", db, "--kpi", "answered", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["value"] == 2


def test_derived_facts_failure_on_open_is_said(tmp_path, capsys, monkeypatch):
    import duckdb

    from kpidesk.core.db import derive, startup

    db = _db(tmp_path)

    def broken(store, state=None):  # catch_up(store, state)
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")

    monkeypatch.setattr(derive, "catch_up", broken)
    with startup.open_database(db) as store:
        assert "Out of Memory" in store.facts_error
    assert main(["kpis", "--db", db, "--kpi", "answered", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "derived facts" in captured.err and "could not allocate" in captured.err
