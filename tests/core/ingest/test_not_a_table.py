"""Files that hold no table — a PDF, a zip, an image, an empty file, prose, a folder,
a damaged JSON or Parquet — are refused by recognition and by `kpidesk import` with
one line the UI can say in French (a template of errors.MESSAGES), never a traceback
or DuckDB's words."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kpidesk.core.ingest import ImportError_, errors
from kpidesk.core.ingest.recognise import recognise
from tests.helpers.paths import REPO

PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\nstream\nx\x9c\xcb\x48\xcd\xc9\xc9\x07\x00"
    b"\nendstream\ntrailer <</Root 1 0 R>>\n%%EOF\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6" + bytes(64)


def _zip(inner: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(inner, "a,b\n1,2\n")
    return buf.getvalue()


FILES = {
    "report.pdf": (PDF, {errors.BINARY, errors.NOT_A_TABLE}),
    "export.zip": (_zip("calls.csv"), {errors.ARCHIVE}),
    "calls.csv.gz": (gzip.compress(b"a,b\n1,2\n"), {errors.BINARY, errors.ARCHIVE}),
    "letter.docx": (_zip("word/document.xml"), {errors.ARCHIVE}),
    "logo.png": (PNG, {errors.BINARY}),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), {errors.BINARY}),
    "empty.csv": (b"", {errors.EMPTY}),
    "blank.csv": (b"\r\n  \n\n", {errors.EMPTY}),
    "notes.txt": (
        b"Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor, ut labore.\n" * 30,
        {errors.PROSE},
    ),
    "compte-rendu.txt": (
        "Le service client a répondu vite, mais la satisfaction reste faible, hélas.\n".encode() * 25,
        {errors.PROSE},
    ),
    "readme.md": (b"# Export\n\nSome *text* here.\n\n- one item\n- another item, longer\n", {errors.NOT_A_TABLE}),
    "broken.json": (b'{"calls": [', {errors.DAMAGED_KIND}),
    "broken.parquet": (b"PAR1" + bytes(range(200)) + b"PAR1", {errors.DAMAGED_KIND}),
}


@pytest.fixture(scope="module")
def junk(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("junk")
    out = {}
    for name, (data, _) in FILES.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    (folder / "a folder.csv").mkdir()
    out["a folder.csv"] = folder / "a folder.csv"
    return out


def _refusal(path: Path) -> ImportError_:
    with pytest.raises(ImportError_) as caught:
        recognise(path)
    return caught.value


@pytest.mark.parametrize("name", [*FILES, "a folder.csv"])
def test_recognition_refuses_with_one_translatable_line(junk, name):
    exc = _refusal(junk[name])
    expected = FILES[name][1] if name in FILES else {errors.NOT_A_FILE}
    assert exc.template in expected, (name, str(exc))
    assert exc.template in errors.MESSAGES
    text = str(exc)
    assert "\n" not in text and "Error:" not in text and "kpidesk-mem" not in text and "Traceback" not in text


def test_a_header_that_asks_questions_is_no_prose(tmp_path):
    """Survey columns named by their question are column names, not sentences."""
    path = tmp_path / "answers.csv"
    path.write_text(
        "Response ID,Response date,How likely are you to recommend us? (0-10),Was your issue resolved today?\n"
        "R1,2026-11-02,9,Yes\nR2,2026-11-03,4,No\n",
        encoding="utf-8",
    )
    found = recognise(path)
    assert found.profile is not None and found.profile.table == "surveys", found.refused


def test_the_cli_says_one_line_and_exits_non_zero(junk, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    db = str(tmp_path / "k.duckdb")
    files = [str(junk[n]) for n in ("report.pdf", "logo.png", "notes.txt", "broken.json")]
    proc = subprocess.run(
        [sys.executable, "-m", "kpidesk", "import", "--db", db, *files], capture_output=True, text=True, env=env
    )
    assert proc.returncode != 0
    said = [line for line in proc.stderr.splitlines() if line.startswith("kpidesk:")]
    assert len(said) == 4, proc.stderr
    assert "Traceback" not in proc.stderr and "Error:" not in proc.stderr, proc.stderr
