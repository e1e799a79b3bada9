"""Spreadsheets (XLSX, XLS, ODS) through ``fastexcel``.

DuckDB's excel extension is not shipped (no network to install it), so sheets are
read by fastexcel (Rust, calamine) as text and handed to DuckDB through the Arrow
C interface, without pyarrow and without a Python loop over rows. Cells come as
text: dates as ISO strings, duration cells as ``1899-12-31 hh:mm:ss`` (calamine's
rendering of a time fraction, which ``values.py`` understands).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from kpidesk.core.ingest import errors
from kpidesk.core.ingest.errors import ImportError_
from kpidesk.core.ingest.identifiers import quote, unique_names
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sniff import FileInfo

if TYPE_CHECKING:
    import fastexcel

SHEET_TABLE = "_kd_sheet"
HEADER_SCAN_ROWS = 30


# An XLSX is a zip of XML: a small file may inflate to gigabytes (a "zip bomb").
MAX_INFLATED = 1 << 30  # bytes of XML, all parts together
MAX_RATIO = 100  # inflated / compressed, for a part bigger than RATIO_FROM
RATIO_FROM = 64 << 20


def check_archive(path: Path) -> None:
    """Refuse a spreadsheet archive that would inflate beyond the caps, before reading it."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip (XLS, ODS damaged…): the reader says what is wrong
    total = sum(p.file_size for p in parts)
    if total > MAX_INFLATED:
        raise ImportError_.say(
            errors.TOO_BIG_UNPACKED, file=path.name, size=f"{total / 2**30:.1f}", limit=f"{MAX_INFLATED / 2**30:.0f}"
        )
    for p in parts:
        if p.file_size > RATIO_FROM and p.file_size > MAX_RATIO * max(p.compress_size, 1):
            raise ImportError_.say(errors.BOMB, file=path.name, ratio=p.file_size // max(p.compress_size, 1))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _reader(info: FileInfo) -> fastexcel.ExcelReader:
    import fastexcel  # loaded for a spreadsheet only: a CSV import does without

    check_archive(info.path)
    try:
        return fastexcel.read_excel(str(info.path))
    except Exception as exc:  # fastexcel raises its own classes for damaged files
        raise ImportError_.say(errors.NOT_A_SPREADSHEET, file=info.path.name, detail=_first_line(exc)) from None


def _load(reader: fastexcel.ExcelReader, info: FileInfo, name: str, **options: Any) -> fastexcel.ExcelSheet:
    try:
        sheet: fastexcel.ExcelSheet = reader.load_sheet(name, header_row=None, dtypes="string", **options)
    except Exception as exc:  # a damaged sheet inside a readable workbook
        raise ImportError_.say(
            errors.SHEET_UNREADABLE, sheet=repr(name), file=info.path.name, detail=_first_line(exc)
        ) from None
    return sheet


def list_sheets(info: FileInfo) -> list[str]:
    return list(_reader(info).sheet_names)


def _pick(reader: fastexcel.ExcelReader, info: FileInfo) -> str:
    names = list(reader.sheet_names)
    info.sheets = names
    if info.sheet is not None:
        if info.sheet not in names:
            raise ImportError_.say(
                errors.NO_SUCH_SHEET, file=info.path.name, sheet=repr(info.sheet), sheets=", ".join(names)
            )
        return info.sheet
    for name in names:
        probe = _load(reader, info, name, n_rows=2)
        if probe.height and probe.width:
            return name
    raise ImportError_.say(errors.NO_SHEET_WITH_DATA, file=info.path.name)


def _header_row(rows: list[tuple[Any, ...]]) -> int:
    """Index of the header: the first row filled like the widest rows below it."""
    filled = [sum(1 for c in r if c not in (None, "")) for r in rows]
    widest = max(filled) if filled else 0
    for i, n in enumerate(filled):
        if (
            widest
            and n >= max(2, int(widest * 0.8))
            and all(c is None or not str(c).replace(".", "").replace(",", "").strip().isdigit() for c in rows[i])
        ):
            return i
    return 0


def load_sheet(cur: duckdb.DuckDBPyConnection, info: FileInfo) -> Relation:

    reader = _reader(info)
    info.sheet = _pick(reader, info)
    sheet = _load(reader, info, info.sheet, **({"n_rows": info.sample_rows} if info.sample_rows else {}))
    cur.register("_kd_sheet_src", sheet)
    try:
        cur.execute(
            f"CREATE OR REPLACE TEMP TABLE {SHEET_TABLE} AS SELECT row_number() OVER () AS _row, * FROM _kd_sheet_src"
        )
    finally:
        cur.unregister("_kd_sheet_src")
    raw_names = [r[0] for r in cur.execute(f"DESCRIBE {SHEET_TABLE}").fetchall()][1:]
    head = cur.execute(f"SELECT * EXCLUDE (_row) FROM {SHEET_TABLE} ORDER BY _row LIMIT {HEADER_SCAN_ROWS}").fetchall()
    if not head:
        raise ImportError_.say(errors.SHEET_EMPTY, sheet=repr(info.sheet), file=info.path.name)
    h = _header_row(head)
    names = unique_names([str(c) if c is not None else "" for c in head[h]])
    keep = [(raw, new) for raw, new, cell in zip(raw_names, names, head[h]) if cell not in (None, "")]
    if len(keep) < 1:
        raise ImportError_.say(errors.SHEET_NO_COLUMN, sheet=repr(info.sheet), file=info.path.name)
    info.columns = [new for _, new in keep]
    info.header_line = h + 1
    info.first_line = h + 1
    cols = ", ".join(f"{quote(raw)} AS {quote(new)}" for raw, new in keep)
    all_raw = [quote(raw) for raw in raw_names]
    blank = " AND ".join(f"coalesce({c}, '') = ''" for c in all_raw)
    sql = f"SELECT {cols}, _row AS _line FROM {SHEET_TABLE} WHERE _row > {h + 1} AND NOT ({blank})"
    return Relation(sql, {}, list(info.columns))
