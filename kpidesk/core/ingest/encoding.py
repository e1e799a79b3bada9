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
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        return "utf-32"
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


MIXED = "utf-8+cp1252"  # UTF-8 with some Windows-1252 lines (two exports pasted together)


def _valid_utf8(chunk: bytes, middle: bool) -> bool:
    if middle:  # a sample cut anywhere: skip a partial character at its start
        i = 0
        while i < min(3, len(chunk)) and 0x80 <= chunk[i] < 0xC0:
            i += 1
        chunk = chunk[i:]
    try:
        codecs.getincrementaldecoder("utf-8")().decode(chunk, final=False)
        return True
    except UnicodeDecodeError:
        return False


def _utf8_lines(sample: bytes) -> bool:
    """Whether lines of ``sample`` that are not ASCII are mostly UTF-8 (then the
    others are odd lines, not a Windows-1252 file)."""
    good = bad = 0
    for line in sample.split(b"\n")[:-1]:  # the last line may be cut
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    return good > 0 and good >= bad


def detect_file(path: Path, sample: bytes) -> str:
    """The codec of the whole file: ``detect`` on its start, checked against samples
    from its middle and its end. A UTF-8 start with Windows-1252 bytes further on
    is :data:`MIXED`: each line is then read as UTF-8 when it is, else as cp1252."""
    found = detect(sample)
    if found == "cp1252" and _utf8_lines(sample):
        return MIXED
    if found not in ("utf-8", "utf-8-sig"):
        return found
    size = Path(path).stat().st_size
    if size <= len(sample):
        return found
    with open(path, "rb") as fh:
        for at in (size // 2, max(size - SAMPLE_BYTES, 0)):
            fh.seek(at)
            if not _valid_utf8(fh.read(SAMPLE_BYTES), True):
                return MIXED
    return found


def transcode_lines(path: Path, into: Path | None = None) -> tuple[Path, list[int]]:
    """UTF-8 copy of a file whose lines are UTF-8 or Windows-1252, line by line;
    returns the copy and the (1-based) numbers of the lines read as Windows-1252."""
    fd, name = tempfile.mkstemp(prefix="kpidesk-", suffix=".csv", dir=into)
    os.close(fd)
    repaired: list[int] = []
    try:
        with open(path, "rb") as src, open(name, "wb") as dst:
            for number, line in enumerate(src, start=1):
                if number == 1 and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8) :]
                try:
                    line.decode("utf-8")
                    dst.write(line)
                except UnicodeDecodeError:
                    repaired.append(number)
                    dst.write(line.decode("cp1252", errors="kpidesk-cp1252").encode("utf-8"))
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name), repaired


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
        # the file itself, not a symbolic link to it: DuckDB would follow that link out
        # of the staging folder, and refuse to read there
        os.link(os.path.realpath(path), name)
    except OSError:
        try:
            shutil.copyfile(path, name)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    return Path(name)


def decode_sample(sample: bytes, encoding: str) -> str:
    if encoding == MIXED:
        encoding = "utf-8"
    errors = "kpidesk-cp1252" if encoding == "cp1252" else "replace"
    text = codecs.getincrementaldecoder(encoding)(errors=errors).decode(sample, final=False)
    return text.lstrip("\ufeff")


def readable_copy(path: Path, kind: str, encoding: str, staging: Path | None) -> Path | None:
    """The copy of ``path`` DuckDB reads: the UTF-8 text of a CSV in another encoding,
    or a link to the file, in the database's staging folder (DuckDB reads no other
    folder); None for spreadsheets (read in Python, not by DuckDB)."""
    if kind == "csv" and encoding == MIXED:
        return transcode_lines(path, into=staging)[0]
    if kind == "csv" and not is_native(encoding):
        return transcode(path, encoding, into=staging)
    if staging is not None and kind not in ("xlsx", "xls", "ods"):
        return stage(path, staging)
    return None
