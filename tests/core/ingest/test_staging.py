"""A file given through a symbolic link is imported like the file itself."""

from __future__ import annotations

import os

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_batch

CALLS = (
    "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"
    "K1,2026-03-02 09:00:00,Support,ag1,+331,answered,10,100\n"
    "K2,2026-03-02 10:00:00,Support,ag2,+332,abandoned,30,\n"
)


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")
def test_a_symlinked_export_is_imported(tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    real = exports / "calls.csv"
    real.write_text(CALLS, encoding="utf-8")
    link = tmp_path / "yesterday.csv"
    link.symlink_to(real)
    with open_database(tmp_path / "kd.duckdb") as store:
        result = import_batch(store, [link])
        assert [(r.ok, r.loaded) for r in result.reports] == [(True, 2)], [r.message for r in result.reports]
        assert real.read_text(encoding="utf-8") == CALLS  # the export itself untouched
