"""How many records a CSV holds, counted without DuckDB.

The import's accounting (read = loaded + duplicates + rejected + ignored) is checked
against a count of the file's own: a record DuckDB's reader skipped (over its 32 MB
limit) or swallowed must show as a difference. A count of line breaks is that count
when every record is one line; a record holding a quoted line break (``"line one
⏎line two"``) spans several, so those files are counted here by Python's ``csv``
module: quotes followed, one record at a time (memory bounded by the longest record,
at most :data:`FIELD_LIMIT` a field), over the same text DuckDB reads (the UTF-8 copy
of a file in another encoding).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kpidesk.core.ingest.sniff import FileInfo

FIELD_LIMIT = 1 << 26  # 64 MiB: past DuckDB's 32 MiB, so a record it cannot read is still counted


@dataclass
class Scan:
    """``records``: data records of the file (after the header; empty lines are not
    records, as for DuckDB), or None when Python's reader refuses one (a character
    after a closing quote: no independent count then). ``unterminated``: the line where
    a quote opens and is never closed (it would swallow every line after it)."""

    records: int | None
    unterminated: int | None = None


def scan(info: FileInfo) -> Scan:
    """Count the records of the CSV ``info`` describes, quotes followed."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    skipped = info.first_line - 1
    with open(info.read_path or info.path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        for _ in range(skipped):  # lines above the header (a report's title…)
            fh.readline()
        reader = csv.reader(fh, delimiter=info.delimiter or ",", quotechar='"', strict=True)
        count, start = 0, 1
        try:
            for row in reader:
                start = reader.line_num + 1
                count += bool(row)
        except csv.Error as exc:
            if "end of data" in str(exc) or "EOF" in str(exc):
                return Scan(None, start + skipped)
            return Scan(None)
    return Scan(max(0, count - 1) if info.has_header else count)


def non_blank_lines(info: FileInfo) -> int:
    """Lines holding something after the header: the count when quotes cannot be
    followed (a record Python's reader refuses), each line taken for a record."""
    total = 0
    with open(info.read_path or info.path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if number > info.first_line - 1 + (1 if info.has_header else 0) and line.strip():
                total += 1
    return total


def line_breaks(path: Path) -> tuple[int, int, bytes]:
    """(line feeds, carriage returns, last byte) of ``path``, read in 4 MB chunks."""
    lf = cr = 0
    last = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            lf += chunk.count(b"\n")
            if b"\r" in chunk:  # most files have none: not counted then (a fast scan)
                cr += chunk.count(b"\r")
            last = chunk[-1:]
    return lf, cr, last
