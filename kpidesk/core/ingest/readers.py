"""Every file kind as one relation of text columns plus its line numbers.

Whatever the file (CSV, spreadsheet, Parquet, JSON), the rest of the import sees a
``SELECT`` whose columns are the file's own column names, all ``VARCHAR``, plus
``_line`` (the 1-based line — or sheet row, or record — of each record, for reject
reports) and, for CSV, ``_extra`` (text found beyond the last header column, which
would otherwise be dropped without a word). Parsing values is left to SQL in
``values.py``; keeping everything text here means a bad value is a reject with a
reason, not a failed import.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest import errors
from kpidesk.core.ingest.errors import ImportError_
from kpidesk.core.ingest.identifiers import quote, unique_names
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sheets import load_sheet
from kpidesk.core.ingest.sniff import FileInfo

NO_NULL = "\x01"  # never in a file: empty fields stay '' and padded ones are NULL
CSV_REJECTS = "_kd_csv_rejects"


def relation(cur: duckdb.DuckDBPyConnection, info: FileInfo) -> Relation:
    if info.kind == "csv":
        return _csv(info)
    if info.kind in ("xlsx", "xls", "ods"):
        return load_sheet(cur, info)
    if info.kind == "parquet":
        return _typed(cur, info, "read_parquet($path)")
    fmt = "newline_delimited" if info.kind == "ndjson" else "array"
    return _typed(cur, info, f"read_json($path, format='{fmt}', records=true)")


def _csv(info: FileInfo) -> Relation:
    names = info.columns + ["_extra"]
    params = {
        "path": str(info.read_path or info.path),
        "nul": NO_NULL,
        "delim": info.delimiter,
        "skip": info.first_line - 1,
        "header": info.has_header,
        "cols": dict.fromkeys(names, "VARCHAR"),
        "parallel": not info.multiline,
        "rj": CSV_REJECTS,
        "rs": CSV_REJECTS + "_scan",
    }
    base = info.first_line - 1 + (1 if info.has_header else 0)
    reader = (
        "read_csv($path, auto_detect=false, strict_mode=false, null_padding=true, "
        "nullstr=$nul, delim=$delim, quote='\"', escape='\"', header=$header, skip=$skip, columns=$cols, {})"
    )
    read = reader.format("parallel=$parallel, store_rejects=true, rejects_table=$rj, rejects_scan=$rs")
    cols = ", ".join(quote(n) for n in names)
    if not info.multiline:
        sql = f"SELECT {cols}, row_number() OVER () + {int(base)} AS _line FROM {read}"
    else:
        # Records holding quoted line breaks push later records down the file.
        breaks = " + ".join(
            f"coalesce(length({quote(n)}) - length(replace({quote(n)}, chr(10), '')), 0)" for n in names
        )
        sql = (
            f"SELECT {cols}, _rn + {int(base)} + coalesce(sum(_nl) OVER (ORDER BY _rn ROWS BETWEEN "
            f"UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS _line FROM ("
            f"SELECT *, row_number() OVER () AS _rn, {breaks} AS _nl FROM {read})"
        )
    # The sample is the file's first rows: read in one thread (the database keeps no
    # insertion order, so a parallel read's LIMIT may return a chunk from further down,
    # and recognition could then differ from one import of a big file to the next).
    # A line it cannot read is skipped, not kept as a reject: the import's own read
    # counts and names every one, once.
    sample = f"SELECT {cols} FROM {reader.format('parallel=false, store_rejects=false, ignore_errors=true')}"
    fast = None if info.multiline else f"SELECT {cols}, CAST(NULL AS BIGINT) AS _line FROM {read}"
    return Relation(
        sql,
        params,
        list(info.columns),
        has_extra=True,
        sample_sql=sample,
        delimiter=info.delimiter,
        ragged=info.ragged,
        fast_sql=fast,
    )


def _typed(cur: duckdb.DuckDBPyConnection, info: FileInfo, reader: str) -> Relation:
    """Parquet and JSON: typed columns shown as text (nested values as JSON)."""
    params = {"path": str(info.read_path or info.path)}
    try:
        described = cur.execute(f"DESCRIBE SELECT * FROM {reader}", params).fetchall()
    except Exception as exc:  # duckdb raises several classes for a malformed file
        # not DuckDB's words (they name a private copy of the file): what to do about it
        raise ImportError_.say(errors.DAMAGED_KIND, file=info.path.name, kind=info.kind.upper()) from exc
    if not described:
        raise ImportError_.say(errors.NO_COLUMNS, file=info.path.name)
    originals = [r[0] for r in described]
    names = unique_names(originals)
    info.columns = names
    exprs = []
    for (orig, typ), new in zip([(r[0], r[1]) for r in described], names):
        nested = typ.startswith(("STRUCT", "MAP")) or typ.endswith("]")
        cast = f"to_json({quote(orig)})::VARCHAR" if nested else f"CAST({quote(orig)} AS VARCHAR)"
        exprs.append(f"{cast} AS {quote(new)}")
    # NDJSON: the line; JSON array and Parquet: the record's position.
    sql = f"SELECT {', '.join(exprs)}, row_number() OVER () AS _line FROM {reader}"
    return Relation(sql, params, names)


def csv_rejects(cur: duckdb.DuckDBPyConnection) -> list[tuple[int, str, str]]:
    """Lines DuckDB's CSV reader could not read at all: (line, reason, raw)."""
    row = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $t", {"t": CSV_REJECTS}).fetchone()
    assert row is not None  # count(*) always returns one row
    if not row[0]:
        return []
    # DISTINCT: the file may be scanned more than once (a check pass, then the load)
    rows = cur.execute(
        f"SELECT DISTINCT line, error_type, error_message, csv_line FROM {quote(CSV_REJECTS)} ORDER BY line"
    ).fetchall()
    return [
        (int(line), errors.UNREADABLE_LINE.format(error=etype.lower(), detail=msg.splitlines()[0]), raw)
        for line, etype, msg, raw in rows
    ]


def drop_csv_rejects(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute(f"DROP TABLE IF EXISTS {quote(CSV_REJECTS)}")
    cur.execute(f"DROP TABLE IF EXISTS {quote(CSV_REJECTS + '_scan')}")
