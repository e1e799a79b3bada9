"""DuckDB's memory, threads and spill folder are set when a database is opened."""

from __future__ import annotations

from pathlib import Path

from kpidesk.core import settings
from kpidesk.core.db.startup import open_database


def _setting(store, name: str) -> str:
    return store.cursor().execute(f"SELECT current_setting('{name}')").fetchone()[0]


def test_defaults_a_quarter_of_the_memory_at_most_1_25_gb(monkeypatch):
    monkeypatch.delenv("KPIDESK_MEMORY_LIMIT_MB", raising=False)
    monkeypatch.setattr(settings, "total_memory_mb", lambda: 2000)
    assert settings.memory_limit_mb() == 500
    monkeypatch.setattr(settings, "total_memory_mb", lambda: 64000)
    assert settings.memory_limit_mb() == 1280
    monkeypatch.setenv("KPIDESK_MEMORY_LIMIT_MB", "700")
    assert settings.memory_limit_mb() == 700
    assert settings.memory_limit_mb(300) == 300  # the stored setting wins


def test_opening_sets_the_limit_threads_and_a_spill_folder_beside_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KPIDESK_MEMORY_LIMIT_MB", "600")
    monkeypatch.setenv("KPIDESK_THREADS", "1")
    path = tmp_path / "kd.duckdb"
    with open_database(path) as store:
        assert _setting(store, "memory_limit").startswith(("572", "600"))  # MiB as DuckDB prints them
        assert str(_setting(store, "threads")) == "1"
        assert Path(_setting(store, "temp_directory")) == tmp_path / "kd.duckdb.tmp"
        settings.set_value(store, "memory_limit_mb", 300)  # kept, and applied on the next open (config locked)
    with open_database(path) as store:
        assert _setting(store, "memory_limit").startswith(("286", "300"))
