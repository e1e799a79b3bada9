"""Find out what a file is before reading it: kind, encoding, separator, header.

Team leads' files have preambles ("Rapport des appels", "Période : …", a blank
line) before the header, use any of ``,`` ``;`` tab ``|`` as separator, and mix CRLF
and LF. The decision is made on the first megabyte with Python's ``csv`` module (it
understands quoted separators and line breaks); DuckDB then reads the whole file
with explicit options, never its own sniffer, so the outcome is predictable.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpidesk.core.ingest import encoding as enc
from kpidesk.core.ingest import errors
from kpidesk.core.ingest.errors import ImportError_
from kpidesk.core.ingest.identifiers import unique_names

DELIMITERS = (",", ";", "\t", "|")
CHOOSE_CHARS = 65536  # text read to choose the separator
_NUMBERISH = re.compile(r"^[\s\-+]*[\d.,:/%\s]+$|^\d{4}-\d\d-\d\d")


@dataclass
class FileInfo:
    """How to read one file. ``header_line`` is the 1-based line (or sheet row) of the
    header, 0 when the file has none; data starts on the next line."""

    path: Path
    kind: str
    encoding: str = "utf-8"
    delimiter: str | None = None
    header_line: int = 0
    first_line: int = 1  # header, or first record when there is no header
    columns: list[str] = field(default_factory=list)
    multiline: bool = False
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    read_path: Path | None = None  # transcoded copy, when the encoding needs one
    ragged: bool = False  # lines may have fewer fields than the columns (padded with NULLs)
    repaired_lines: list[int] = field(default_factory=list)  # lines read as Windows-1252 in a UTF-8 file
    sample_rows: int | None = None  # recognition: read only the first rows of a sheet

    @property
    def has_header(self) -> bool:
        return self.header_line > 0

    def describe(self) -> dict[str, Any]:
        names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
        return {
            "kind": self.kind,
            "encoding": self.encoding,
            "delimiter": names.get(self.delimiter or ""),
            "header_line": self.header_line,
            "sheet": self.sheet,
            "sheets": self.sheets,
            **({"windows_1252_lines": self.repaired_lines} if self.repaired_lines else {}),
        }


def detect_kind(path: Path, head: bytes) -> str:
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype"):
                    return "ods"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
        except zipfile.BadZipFile:
            if path.suffix.lower() in (".xlsx", ".xlsm", ".ods") or b"[Content_Types].xml" in head or b"xl/" in head:
                raise ImportError_.say(errors.DAMAGED, file=path.name) from None
        raise ImportError_.say(errors.ARCHIVE, file=path.name)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"[", b"{"):
        first = head.split(b"\n", 1)[0].strip()
        if text[:1] == b"{" and first.endswith(b"}"):
            return "ndjson"
        return "json"
    return "csv"


def looks_binary(sample: bytes, encoding: str) -> bool:
    if encoding.startswith("utf-16"):
        return False
    text = enc.decode_sample(sample[:65536], encoding)
    if "\x00" in text:
        return True
    controls = len(_CONTROLS.findall(text))
    return controls > max(4, len(text) // 100)


_CONTROLS = re.compile("[\x01-\x08\x0b\x0e-\x1f]")


def sniff(
    path: str | Path,
    *,
    delimiter: str | None = None,
    header: bool | None = None,
    columns: list[str] | None = None,
    encoding_name: str | None = None,
    header_line: int | None = None,
    ragged: bool = False,
) -> FileInfo:
    """Describe ``path``; profile options (``delimiter``…) override the guesses."""
    path = Path(path)
    if not path.is_file():
        raise ImportError_.say(errors.NOT_A_FILE, file=path)
    with open(path, "rb") as fh:
        sample = fh.read(enc.SAMPLE_BYTES)
    if not sample.strip():
        raise ImportError_.say(errors.EMPTY, file=path.name)
    kind = detect_kind(path, sample[:4096])
    info = FileInfo(path=path, kind=kind, ragged=ragged)
    if kind != "csv":
        return info
    info.encoding = encoding_name or enc.detect_file(path, sample)
    if looks_binary(sample, info.encoding):
        raise ImportError_.say(errors.BINARY, file=path.name)
    text = enc.decode_sample(sample, info.encoding)
    truncated = len(sample) == enc.SAMPLE_BYTES
    _sniff_text(info, text, truncated, delimiter, header, columns, header_line)
    return info


def _sentences(cells: list[str]) -> bool:
    """A first line of prose split at its commas: every part a run of words (three or
    more, or ending a sentence), none a short name such as "Call ID" or "Date", and a
    sentence ending somewhere (a question as a header, "How likely…? (0-10)", is none)."""
    parts = [c.strip() for c in cells if c.strip()]
    ends = (".", "!", "…")
    return (
        len(parts) >= 2
        and all(len(p.split()) >= 3 or p.endswith(ends) for p in parts)
        and any(p.endswith(ends) or ". " in p for p in parts)
    )


def _rows(text: str, delim: str, truncated: bool) -> list[list[str]]:
    return _parsed(text, delim, truncated)[0]


def _parsed(text: str, delim: str, truncated: bool) -> tuple[list[list[str]], bool]:
    """(the records of ``text``, whether a quoted field holds a line break). The reader
    counts the physical lines it read: more lines than records means a record spans
    lines (no Python pass over every field)."""
    # The sample is at most 1 MB: a long field (a chat transcript) is no reason to fail.
    if csv.field_size_limit() < 2 * enc.SAMPLE_BYTES:
        csv.field_size_limit(2 * enc.SAMPLE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar='"')
    rows = list(reader)
    multiline = reader.line_num > len(rows)  # a \r alone is a line break to the reader too
    if truncated and rows:
        rows.pop()  # the last record may be cut in the middle
    return rows, multiline


def _score(rows: list[list[str]]) -> tuple[int, int, float]:
    """(header index, field count, consistency) for one candidate separator."""
    counts = [len(r) for r in rows if any(c.strip() for c in r)]
    if not counts:
        return 0, 0, 0.0
    tail = counts[len(counts) // 5 :] or counts
    width, hits = Counter(tail).most_common(1)[0]
    if width < 2:
        return 0, width, 0.0
    start = next(
        (i for i, r in enumerate(rows) if len(r) == width and sum(1 for c in r if c.strip()) >= max(1, width // 2)), 0
    )
    body = [len(r) for r in rows[start:] if any(c.strip() for c in r)]
    return start, width, sum(1 for c in body if c == width) / len(body)


def _sniff_text(
    info: FileInfo,
    text: str,
    truncated: bool,
    delimiter: str | None,
    header: bool | None,
    columns: list[str] | None,
    header_line: int | None = None,
) -> None:
    best = None
    # The separator is chosen on the first lines (a few hundred records tell), then the
    # whole sample is parsed once with it: recognition stays fast on a big file.
    head = text[:CHOOSE_CHARS]
    short = len(head) < len(text)
    # a separator that is not in the text cannot split it: not worth parsing with
    present = [d for d in DELIMITERS if d in head] or list(DELIMITERS[:1])
    for d in [delimiter] if delimiter else present:
        rows = _rows(head, d, truncated or short)
        start, width, consistency = _score(rows)
        key = (consistency >= 0.9, width if consistency >= 0.9 else 0, consistency)
        if best is None or key > best[0]:
            best = (key, d, rows, start, width)
    assert best is not None  # DELIMITERS is never empty: the loop ran at least once
    (ok, _, consistency), d, rows, start, width = best
    multiline = any("\n" in c or "\r" in c for r in rows for c in r)
    # Past the first lines, the rest of the sample tells whether a quoted field holds a
    # line break: without a quote in it, none can (each line is one record), and the
    # first lines give the header and its data as the whole sample would.
    data_ahead = any(any(c.strip() for c in r) for r in rows[start + 1 :])
    if short and ('"' in text or header_line or not data_ahead):
        rows, multiline = _parsed(text, d, truncated)
    if header is False and columns:  # headerless with named columns: every line is a record
        start, width = 0, len(columns)
        consistency = 1.0 if info.ragged else consistency
    if width < 2 or consistency < 0.5:
        raise ImportError_.say(errors.NOT_A_TABLE, file=info.path.name)
    info.delimiter = d
    if header_line:  # the user (or the profile) says where the header is
        start = _row_at(rows, d, int(header_line))
    first = rows[start]
    has_data = any(any(c.strip() for c in r) for r in rows[start + 1 :])
    if header is None:
        header = not sum(1 for c in first if _NUMBERISH.match(c.strip() or "x")) > len(first) // 3
    if header and not columns and _sentences(first):
        raise ImportError_.say(errors.PROSE, file=info.path.name)
    line = 1 + sum(text_row_lines(r, d) for r in rows[:start])
    info.first_line = line
    if header:
        info.header_line = line
        info.columns = unique_names(first)
        if not has_data:
            raise ImportError_.say(errors.HEADER_ONLY, file=info.path.name)
    else:
        info.header_line = 0
        info.columns = unique_names(columns or [f"Column {i}" for i in range(1, width + 1)])
    if all(c.startswith("Column ") for c in info.columns) and header:
        raise ImportError_.say(errors.NO_COLUMN_NAMES, file=info.path.name)
    info.multiline = multiline


def first_lines(path: str | Path, n: int = 20) -> list[str]:
    """The first ``n`` non-blank lines of a text file (for recognition by line shape)."""
    try:
        with open(path, "rb") as fh:
            sample = fh.read(65536)
    except OSError:  # a folder, a file gone or unreadable: sniff() says which, in one line
        return []
    try:
        text = enc.decode_sample(sample, enc.detect(sample))
    except Exception:
        return []
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[:n] if len(sample) < 65536 else lines[:-1][:n]


def _row_at(rows: list[list[str]], delim: str, line: int) -> int:
    """Index of the record starting on physical ``line`` (1-based)."""
    at = 1
    for i, r in enumerate(rows):
        if at >= line:
            return i
        at += text_row_lines(r, delim)
    raise ImportError_.say(errors.FEWER_LINES, line=line)


def text_row_lines(row: list[str], delim: str) -> int:
    """Physical lines taken by a parsed record (quoted fields may hold line breaks)."""
    return 1 + sum(c.count("\n") for c in row)
