"""Odd files and failing disks give one clear line, and leave nothing behind."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import duckdb
import pytest

from kpidesk.cli import main
from kpidesk.core.db import store as store_module
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import ImportError_, import_batch, import_file, sheets

HEAD = "Call ID,Date,Queue,Agent,Outcome,Wait Time,Talk Time\n"
ROWS = "".join(f"C{i},2024-03-01 08:0{i}:00,Sales,A1,answered,5,10\n" for i in range(5))


def _xlsx(path: Path) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Calls")
    for i, line in enumerate((HEAD + ROWS).splitlines()):
        sheet.write_row(i, 0, line.split(","))
    book.close()
    return path


def test_a_truncated_xlsx_is_called_damaged(tmp_path, store):
    data = _xlsx(tmp_path / "full.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportError_, match="damaged or incomplete spreadsheet"):
        import_file(store, cut, profile="generic_call_log")


def test_a_broken_sheet_inside_a_valid_xlsx(tmp_path, store):
    src = zipfile.ZipFile(_xlsx(tmp_path / "ok.xlsx"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, body[: len(body) // 2] if item.filename.endswith("sheet1.xml") else body)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(out.getvalue())
    with pytest.raises(ImportError_, match="Sheet 'Calls' of bad.xlsx cannot be read"):
        import_file(store, bad, profile="generic_call_log")


def test_a_decompression_bomb_is_refused_before_reading(tmp_path, store, monkeypatch):
    bomb = tmp_path / "bomb.xlsx"
    src = zipfile.ZipFile(_xlsx(tmp_path / "ok.xlsx"))
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename.endswith("sheet1.xml"):  # 80 MB of padding that deflates to ~80 KB
                body = body.replace(b"</worksheet>", b"<!--" + b" " * (80 << 20) + b"--></worksheet>")
            dst.writestr(item.filename, body)
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ImportError_, match="unpacks .* times larger"):
        import_file(store, bomb, profile="generic_call_log")
    monkeypatch.setattr(sheets, "MAX_INFLATED", 1 << 20)  # the total cap, on a small file
    with pytest.raises(ImportError_, match="once unpacked"):
        sheets.check_archive(bomb)


def test_transcoded_copies_stay_beside_the_database_and_are_swept(tmp_path, monkeypatch):
    import tempfile

    db = tmp_path / "team.duckdb"
    csv = tmp_path / "calls.csv"
    csv.write_bytes((HEAD + ROWS.replace("A1", "Zoé")).encode("cp1252"))
    before = set(os.listdir(tempfile.gettempdir()))
    seen = []

    with open_database(db) as store:
        staging = store.staging_dir()
        assert staging.parent == tmp_path
        from kpidesk.core.ingest import encoding

        original = encoding.transcode

        def spy(*args, **kwargs):
            out = original(*args, **kwargs)
            seen.append(out)
            return out

        monkeypatch.setattr(encoding, "transcode", spy)
        assert import_file(store, csv, profile="generic_call_log").loaded == 5
        assert seen and seen[0].parent == staging and not seen[0].exists()
        (staging / "kpidesk-left-by-a-kill.csv").write_text("x")  # as a kill mid-import leaves it
    with open_database(db) as store:
        assert list(store.staging_dir().iterdir()) == []
    # once closed, no empty hidden folder is left in the team lead's folder
    assert not (tmp_path / ".team.duckdb.kpidesk-tmp").exists()
    others = store_module.MEM_PREFIX  # preview folders of other kpidesk processes running meanwhile
    mine = f"{others}{os.getpid()}-"
    new = set(os.listdir(tempfile.gettempdir())) - before
    assert {n for n in new if n.startswith("kpidesk-") and (n.startswith(mine) or not n.startswith(others))} == set()


KILLED = """
import os, sys, time
from kpidesk.core.ingest import proposal
from kpidesk.core.db.store import Store
preview = proposal._Bare()  # the import dialog's preview database
memory = Store(":memory:")
print(preview.staging_dir(), memory.staging_dir(), flush=True)
time.sleep(60)
"""


def _spawn(tmp: Path):
    import subprocess
    import sys

    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED], stdout=subprocess.PIPE, text=True, env=env, cwd=Path(__file__).parents[2]
    )
    assert proc.stdout is not None
    folders = [Path(p) for p in proc.stdout.readline().split()]
    assert len(folders) == 2 and all(f.is_dir() and f.parent.parent == tmp for f in folders)
    return proc, [f.parent for f in folders]  # the folders in the temp folder (staging is inside)


def test_preview_folders_a_killed_process_left_are_swept_on_the_next_start(tmp_path, monkeypatch):
    import tempfile

    from kpidesk.core.ingest import proposal

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this test's own system temp folder
    running, used = _spawn(tmp_path)  # another kpidesk, running
    killed, left = _spawn(tmp_path)
    killed.kill()  # as a kill -9 of the app leaves them
    killed.wait()
    try:
        assert all(f.is_dir() for f in left)
        csv = tmp_path / "calls.csv"
        csv.write_text(HEAD + ROWS, encoding="utf-8")
        with proposal.opened(csv, bare=True) as (_cur, _info, _rel):  # a preview starts: stale folders swept
            assert not any(f.exists() for f in left)
            assert all(f.is_dir() for f in used)  # another kpidesk still running keeps its own
            ours = [p for p in tmp_path.iterdir() if p.name.startswith(f"{store_module.MEM_PREFIX}{os.getpid()}-")]
            assert len(ours) == 1
        assert not ours[0].exists()  # and its own folder goes when the preview closes
    finally:
        running.kill()
        running.wait()
        if running.stdout is not None:
            running.stdout.close()
        if killed.stdout is not None:
            killed.stdout.close()
    assert store_module.sweep_private_folders(tmp_path) == 2  # the running one, once killed


def test_the_pre_upgrade_backup_is_never_left_half_written(tmp_path, monkeypatch):
    db = tmp_path / "team.duckdb"
    open_database(db).close()
    calls = []

    def dying_copy(src, dest):  # the copy dies half-way (a kill, a full disk)
        Path(dest).write_bytes(Path(src).read_bytes()[:100])
        calls.append(Path(dest).name)
        raise OSError("No space left on device")

    with open_database(db) as store:
        monkeypatch.setattr(store_module.shutil, "copy2", dying_copy)
        with pytest.raises(OSError):
            store.backup(suffix="before-x")
    assert calls and calls[0].endswith(".partial")
    assert [p.name for p in tmp_path.iterdir() if "before-x" in p.name] == []  # no truncated file remains
    monkeypatch.undo()
    with open_database(db) as store:
        done = store.backup(suffix="before-y")
    assert done.exists() and not done.name.endswith(".partial")


def test_full_disk_after_the_commit_still_prints_the_report(tmp_path, capsys, monkeypatch):
    from kpidesk.core.db import derive

    db = tmp_path / "team.duckdb"
    csv = tmp_path / "calls.csv"
    csv.write_text(HEAD + ROWS, encoding="utf-8")

    def full(store, state=None):  # catch_up(store, state)
        raise duckdb.IOException("IO Error: Could not write file: No space left on device")

    monkeypatch.setattr(derive, "catch_up", full)
    assert main(["import", str(csv), "--db", str(db), "--profile", "generic_call_log"]) == 1
    out, err = capsys.readouterr()
    assert [line.split() for line in out.splitlines() if "loaded" in line] == [["loaded", "5"]]  # the report
    assert "No space left on device" in err and "Traceback" not in err


def test_a_failure_inside_one_file_does_not_stop_the_batch(tmp_path, monkeypatch):
    from kpidesk.core.ingest import pipeline

    ok = tmp_path / "ok.csv"
    ok.write_text(HEAD + ROWS, encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text(HEAD + ROWS.replace("C", "D"), encoding="utf-8")
    real = pipeline._import_rows

    def out_of_memory(store, path, *args):
        if path.name == "ok.csv":
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate")
        return real(store, path, *args)

    monkeypatch.setattr(pipeline, "_import_rows", out_of_memory)
    with open_database(":memory:") as store:
        result = import_batch(store, [ok, other], profile="generic_call_log")
    assert [r.ok for r in result.reports] == [False, True]
    assert "Out of Memory" in result.reports[0].message


def test_a_read_only_folder_is_one_clear_line(tmp_path, monkeypatch):
    def refused(path, read_only, config):
        raise duckdb.IOException(f'IO Error: Cannot open file "{path}": Permission denied')

    monkeypatch.setattr(store_module.duckdb, "connect", refused)
    with pytest.raises(store_module.StoreError, match="cannot be written here") as info:
        open_database(tmp_path / "x.duckdb")
    assert info.value.unwritable
