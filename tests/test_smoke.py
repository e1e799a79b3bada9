"""``kpidesk --smoke-test`` in a subprocess, as the installers and CI run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kpidesk.smoke as smoke
from kpidesk.smoke import FIXTURES, fixture_folder


def test_fixtures_are_shipped_and_tiny():
    for name, _profile in FIXTURES:
        path = fixture_folder() / name
        assert path.is_file(), path
        assert path.stat().st_size < 20_000, f"{name} should stay tiny"


@pytest.mark.timeout(120)
def test_smoke_test_passes(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM") or "offscreen",
        KPIDESK_DB=str(tmp_path / "never-used.duckdb"),
        PYTHONPATH=str(Path(__file__).resolve().parents[1]),  # this checkout's kpidesk, not an installed one
    )
    proc = subprocess.run(
        [sys.executable, "-m", "kpidesk", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=110,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for check in ("database", "import", "kpis", "tabs", "pdf", "qt", "translations", "chart"):
        assert f"ok  {check}" in proc.stdout, proc.stdout
    assert "5 tabs load on a call log alone" in proc.stdout
    assert "smoke test passed" in proc.stdout
    assert not Path(tmp_path / "never-used.duckdb").exists()


def test_smoke_test_reports_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(smoke, "fixture_folder", lambda: tmp_path)  # no fixtures there
    assert smoke.run_smoke_test() == 1


def test_smoke_test_fails_in_one_line_when_a_tab_cannot_load(monkeypatch, capsys):
    import kpidesk.core.dashboard.tabs as tabs
    import kpidesk.smoke as smoke

    def broken(inputs, state=None):
        raise KeyError("day")

    monkeypatch.setattr(tabs, "load_tab", broken)
    assert smoke.run_smoke_test() == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "FAIL the overview tab cannot load on calls and tickets: KeyError: 'day'"
