"""Text encodings of exports, and transcoding to what DuckDB reads.

Exports come from Excel on French Windows machines (Windows-1252: ``€``, ``œ``,
curly quotes), from Java tools (UTF-16 with a BOM), or as UTF-8 with or without a
BOM. DuckDB's CSV reader only knows UTF-8 (plus UTF-16 and Latin-1, which do not
cover Windows-1252), so anything that is not UTF-8 is transcoded, streaming, to a
temporary UTF-8 file that the import deletes when done.
"""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from pathlib import Path

SAMPLE_BYTES = 1 << 20


def detect(sample: bytes) -> str:
    """Python codec name of the text in ``sample`` (the start of the file)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(sample) >= 4 and sample[1:2] == b"\x00" and sample[3:4] == b"\x00" and sample[0:1] != b"\x00":
        return "utf-16-le"
    if len(sample) >= 4 and sample[0:1] == b"\x00" and sample[2:3] == b"\x00" and sample[1:2] != b"\x00":
        return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def is_native(encoding: str) -> bool:
    """True when DuckDB can read the file as it is."""
    return encoding in ("utf-8", "utf-8-sig")


def _cp1252_or_latin1(error: UnicodeError) -> tuple[str, int]:
    """The five bytes cp1252 leaves undefined are read as Latin-1: nothing is lost."""
    if not isinstance(error, UnicodeDecodeError):  # a decoding handler only
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("latin-1"), error.end


codecs.register_error("kpidesk-cp1252", _cp1252_or_latin1)


def transcode(path: Path, encoding: str, into: Path | None = None) -> Path:
    """Write ``path`` decoded from ``encoding`` as UTF-8 into a temporary file in
    ``into`` (the database's staging folder). The copy is removed if decoding fails."""
    fd, name = tempfile.mkstemp(prefix="kpidesk-", suffix=".csv", dir=into)
    os.close(fd)
    errors = "kpidesk-cp1252" if encoding == "cp1252" else "strict"
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    try:
        with open(path, "rb") as src, open(name, "wb") as dst:
            while chunk := src.read(SAMPLE_BYTES):
                dst.write(decoder.decode(chunk).encode("utf-8"))
            dst.write(decoder.decode(b"", final=True).encode("utf-8"))
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def stage(path: Path, into: Path) -> Path:
    """The file as DuckDB may read it: a hard link in the staging folder ``into`` (no
    copy), or a copy when the file is on another disk. DuckDB reads no file outside
    that folder (``Store.contain``). The caller deletes it when done."""
    fd, name = tempfile.mkstemp(prefix="kpidesk-", suffix=Path(path).suffix[:16], dir=into)
    os.close(fd)
    os.unlink(name)
    try:
        os.link(path, name)
    except OSError:
        try:
            shutil.copyfile(path, name)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    return Path(name)


def decode_sample(sample: bytes, encoding: str) -> str:
    errors = "kpidesk-cp1252" if encoding == "cp1252" else "replace"
    text = codecs.getincrementaldecoder(encoding)(errors=errors).decode(sample, final=False)
    return text.lstrip("\ufeff")


def readable_copy(path: Path, kind: str, encoding: str, staging: Path | None) -> Path | None:
    """The copy of ``path`` DuckDB reads: the UTF-8 text of a CSV in another encoding,
    or a link to the file, in the database's staging folder (DuckDB reads no other
    folder); None for spreadsheets (read in Python, not by DuckDB)."""
    if kind == "csv" and not is_native(encoding):
        return transcode(path, encoding, into=staging)
    if staging is not None and kind not in ("xlsx", "xls", "ods"):
        return stage(path, staging)
    return None
