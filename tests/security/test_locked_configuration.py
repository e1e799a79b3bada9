"""Every database kpidesk opens is configuration-locked: what a KPI file or a profile
holds cannot switch file access, extensions or any other setting back on, even if it
got past the expression check (``sql_guard``), which these tests switch off.

Fixtures are made by each test: a database in tmp_path, a secret file beside it, the
hostile KPI file or profile.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from kpidesk.core import settings
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import ImportError_, import_file, proposal
from kpidesk.core.kpi import params as sql_params
from kpidesk.core.kpi import sql_guard
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.kpi.sql_compose import plan
from tests.helpers.builders import add_contacts, call

SECRET = "hunter2-the-password"

# Statements and readers a fragment could smuggle in once no check stops it.
CHANGES = [
    "SET lock_configuration = false",
    "SET enable_external_access = true",
    "SET allowed_directories = ['/']",
    "SET autoload_known_extensions = true",
    "SET autoinstall_known_extensions = true",
    "SET allow_unsigned_extensions = true",
    "SET TimeZone = 'Pacific/Chatham'",
    "SET memory_limit = '64GB'",
    "RESET enable_external_access",
    "PRAGMA enable_profiling",
    "SET SESSION preserve_insertion_order = true",
]
LOCKED = {
    "lock_configuration": True,
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
}


def _settings(cur: duckdb.DuckDBPyConnection) -> dict[str, object]:
    names = [*LOCKED, "TimeZone", "memory_limit", "allowed_directories"]
    return {n: cur.execute(f"SELECT current_setting('{n}')").fetchone()[0] for n in names}


def _assert_locked(con: duckdb.DuckDBPyConnection) -> None:
    before = _settings(con)
    assert {k: before[k] for k in LOCKED} == LOCKED
    for sql in CHANGES:
        with pytest.raises(duckdb.Error, match="locked"):
            con.execute(sql)
    assert _settings(con) == before


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "team.duckdb"
    with open_database(path) as store:
        add_contacts(store, [call("answered", 10), call("abandoned", 40), call("answered", 5)])
        settings.set_value(store, "data_timezone", "America/Montreal")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return path


def test_every_database_kpidesk_opens_is_locked_with_its_settings_applied(db, tmp_path):
    with open_database(db) as store:
        for con in (store.con, store.cursor()):
            assert con.execute("SELECT current_setting('TimeZone')").fetchone()[0] == "America/Montreal"
            _assert_locked(con)
        with pytest.raises(duckdb.Error, match="locked"), store.write(progress=True) as cur:  # the import's
            cur.execute("SET enable_external_access = true")
        with store.write(progress=True) as cur:
            assert {k: _settings(cur)[k] for k in LOCKED} == LOCKED
    with open_database(db, read_only=True) as store:
        _assert_locked(store.cursor())
    with open_database(":memory:") as store:
        _assert_locked(store.cursor())
    csv = tmp_path / "calls.csv"
    csv.write_text("Call ID,Date\nC1,2024-03-01 08:00:00\n", encoding="utf-8")
    for bare in (True, False):  # the import dialog's preview
        with proposal.opened(csv, bare=bare) as (cur, _info, _rel):
            _assert_locked(cur)


def test_a_new_time_zone_or_memory_limit_applies_when_the_database_is_next_opened(db):
    with open_database(db) as store:
        settings.set_value(store, "data_timezone", "Asia/Tokyo")
        settings.set_value(store, "memory_limit_mb", 300)  # stored; DuckDB's own is locked
        assert settings.get(store, "data_timezone") == "Asia/Tokyo"
    with open_database(db) as store:
        cur = store.cursor()
        assert cur.execute("SELECT current_setting('TimeZone')").fetchone()[0] == "Asia/Tokyo"
        assert cur.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith(("286", "300"))


@pytest.fixture
def no_guard(monkeypatch):
    """As if a fragment had got past the expression check."""
    monkeypatch.setattr(sql_guard, "check", lambda *args, **kwargs: None)


KPI = """
id = "{id}"
relation = "contacts"
unit = "count"
label = {{ en = "Hostile" }}
measure = \"\"\"{measure}\"\"\"
"""


def test_a_kpi_file_past_the_check_changes_no_setting_and_reads_no_file(db, tmp_path, no_guard):
    secret = tmp_path / "secret.txt"
    hostile = {
        "setter": "count(*)) AS x FROM contacts; " + "; ".join(CHANGES) + "; SELECT (1",
        "reader": f"(SELECT max(content) FROM read_text('{secret}'))",
        "lister": f"(SELECT string_agg(file, ',') FROM glob('{tmp_path}/*'))",
        "writer": f"count(*)) AS x FROM contacts; COPY (SELECT 1) TO '{tmp_path / 'out.csv'}'; SELECT (1",
    }
    folder = tmp_path / "kpis"
    folder.mkdir()
    for name, measure in hostile.items():
        (folder / f"{name}.toml").write_text(KPI.format(id=name, measure=measure), encoding="utf-8")
    with open_database(db) as store:
        before = _settings(store.cursor())
        engine = Engine(store)  # binds each user KPI (EXPLAIN), which would run a second statement
        assert not set(hostile) & set(engine.registry.kpis)
        reasons = " ".join(reason for _, reason in engine.registry.errors)
        assert "locked" in reasons and "Permission" in reasons
        # and run for real, as if the bind check had let them through
        cur = store.cursor()
        values = {**engine.parameters(), "period_start": datetime(2024, 1, 1), "period_end": datetime(2025, 1, 1)}
        for name, measure in hostile.items():
            forged = replace(engine.registry["volume"], id=name, measure=measure, source="user.toml")
            for query in plan([forged], Filters(), ()):
                with pytest.raises(duckdb.Error) as caught:
                    cur.execute(query.sql, sql_params.bind(query.sql, values)).fetchall()
                assert SECRET not in str(caught.value)
        assert _settings(store.cursor()) == before
        assert {v.kpi for v in engine.compute(["volume"])} == {"volume"}
    assert not (tmp_path / "out.csv").exists()


PROFILE = """
name = "hostile"
table = "contacts"
source = "vendor"
[match]
headers = ["Call ID", "Start"]
[fields]
source_key = "Call ID"
arrived_at = "Start"
channel = {{ value = "phone" }}
outcome = {{ expr = \"\"\"{expr}\"\"\" }}
"""


@pytest.mark.parametrize(
    "expr",
    [
        "(SELECT max(content) FROM read_text('{secret}'))",
        "{{Call ID}}); SET enable_external_access = true; SET lock_configuration = false; SELECT (1",
        "'answered' || (SELECT max(c) FROM read_csv('{secret}', header = false, columns = {{'c': 'VARCHAR'}}))",
    ],
)
def test_a_profile_past_the_check_changes_no_setting_and_reads_no_file(db, tmp_path, no_guard, expr):
    secret = tmp_path / "secret.txt"
    profile = tmp_path / "hostile.toml"
    profile.write_text(PROFILE.format(expr=expr.format(secret=secret)), encoding="utf-8")
    csv = tmp_path / "calls.csv"
    csv.write_text("Call ID,Start\nV1,2024-03-01 08:00:00\nV2,2024-03-01 08:05:00\n", encoding="utf-8")
    with open_database(db) as store:
        before = _settings(store.cursor())
        try:  # refused, or loaded without the field that could not be computed
            said = import_file(store, csv, profile=str(profile)).summary()
        except ImportError_ as exc:
            said = str(exc)
        assert SECRET not in said
        cur = store.cursor()
        assert _settings(cur) == before
        for table in ("contacts", "import_rejects", "imports"):  # every value of every row, as text
            sql = f"SELECT count(*) FROM {table} r WHERE contains(CAST(r AS VARCHAR), 'hunter2')"
            assert cur.execute(sql).fetchone()[0] == 0, table
