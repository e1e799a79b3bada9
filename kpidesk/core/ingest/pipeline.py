"""Import one file, in one transaction: the function the CLI and the UI call.

``import_file`` is a plain function (no Qt): the UI runs it in a worker thread with a
job state (:mod:`kpidesk.core.jobs`). Cancel is checked between steps and, during the
long SQL statements, by a watcher that interrupts DuckDB; either way the transaction
rolls back and the database is exactly as it was. A batch of files goes through
:func:`kpidesk.core.ingest.batch.import_batch`.
"""

from __future__ import annotations

import hashlib
import importlib
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import duckdb

from kpidesk.core import settings
from kpidesk.core.db import contact_tables, derive
from kpidesk.core.db.store import Store, is_out_of_memory, out_of_memory_message
from kpidesk.core.ingest import (
    accounting,
    decide,
    encoding,
    errors,
    linked,
    loader,
    mapping,
    outcomes,
    overlap,
    profiles,
    readers,
    recognise,
    records,
    values,
)
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.errors import ImportCancelled, ImportError_
from kpidesk.core.ingest.identifiers import quote
from kpidesk.core.ingest.period import Period
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sniff import FileInfo, first_lines, sniff
from kpidesk.core.ingest.summary import ImportReport
from kpidesk.core.jobs import NULL, JobState

if TYPE_CHECKING:
    from types import TracebackType

    from kpidesk.core.ingest.proposal import Proposal

STAGING = "_kd_staging"
# the steps of an import whose long statement reports its progress: from → to
_NEXT_STEP = {0.1: 0.2, 0.2: 0.9}

# A profile as callers name it: its name or file, its data, or the profile itself;
# None: recognised from the file.
ProfileChoice = str | Path | dict[str, Any] | profiles.Profile | None
# Reports an import's progress (fraction, message); raises ImportCancelled when asked to.
Step = Callable[[float, str], None]


class _Retry(TypedDict, total=False):
    """Options a new attempt reads the file with, after DuckDB's CSV reader failed."""

    multiline: bool  # quoted line breaks
    encoding: str  # encoding.MIXED: each line read as UTF-8 when it is, else Windows-1252


class _Hasher(threading.Thread):
    """sha256 of the file, computed while DuckDB reads it (hashlib releases the GIL),
    and its line breaks counted on the way: the loader's check that every record of
    a plain CSV was loaded, without a pass of DuckDB's own."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.digest, self.size = path, "", 0
        self.lf = self.cr = 0
        self.last = b""

    def run(self) -> None:
        h = hashlib.sha256()
        with open(self.path, "rb") as fh:
            while chunk := fh.read(1 << 22):
                h.update(chunk)
                self.size += len(chunk)
                self.lf += chunk.count(b"\n")
                if b"\r" in chunk:  # most files have none: not counted then (a fast scan)
                    self.cr += chunk.count(b"\r")
                self.last = chunk[-1:]
        self.digest = h.hexdigest()

    def records(self, info: FileInfo) -> int | None:
        """Records in a one-line-per-record CSV (None when lines cannot tell): its line
        breaks, or those of the UTF-8 copy DuckDB reads of a file in another encoding.
        A CSV with quoted line breaks is counted by ``records.scan`` instead."""
        if info.kind != "csv" or info.multiline:
            return None
        if encoding.is_native(info.encoding):
            self.join()
            lf, cr, last = self.lf, self.cr, self.last
        elif info.read_path is not None and info.read_path.exists():
            lf, cr, last = records.line_breaks(info.read_path)
        else:
            return None
        if cr not in (0, lf):  # lone carriage returns: line breaks of another kind
            return None
        lines = lf + (1 if last not in (b"", b"\n") else 0)
        return lines - (info.first_line - 1) - (1 if info.has_header else 0)


class _Watch:
    """Polls the job's cancel flag while a statement runs and interrupts DuckDB when
    asked; meanwhile reports the statement's own progress (DuckDB's estimate of the
    share of the file read) within the current step's part of the bar."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, state: JobState) -> None:
        self.cur, self.state, self.stop, self.fired = cur, state, threading.Event(), False
        self.span = (0.0, 0.0, "")  # the current step: from, to, message

    def __enter__(self) -> _Watch:
        if self.state is not NULL:
            # the statement's progress for the bar (query_progress, switched on when the
            # database is opened, never printed)
            threading.Thread(target=self._poll, daemon=True).start()
        return self

    def _poll(self) -> None:
        shown = -1.0
        while not self.stop.wait(0.1):
            if self.state.is_cancelled():
                self.fired = True
                self.cur.interrupt()
                return
            start, end, message = self.span
            if end > start:
                try:
                    done = self.cur.query_progress()
                except duckdb.Error:
                    continue
                if done > shown and done >= 0:
                    shown = done
                    self.state.set_progress(start + (end - start) * min(done, 100.0) / 100.0, message)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop.set()


def _resolve_profile(profile: ProfileChoice, store: Store) -> profiles.Profile | None:
    if profile is None or isinstance(profile, profiles.Profile):
        return profile
    if isinstance(profile, dict):
        return profiles.Profile(profile.get("name", "custom"), profile)
    return profiles.find(str(profile), store.path)


def _sniff(
    path: Path, prof: profiles.Profile | None, sheet: str | None, retry: _Retry, staging: Path | None = None
) -> FileInfo:
    read = prof.section("read") if prof else {}
    info = sniff(
        path,
        delimiter=read.get("delimiter"),
        header=read.get("header"),
        columns=read.get("columns"),
        encoding_name=retry.get("encoding") or read.get("encoding"),
        header_line=read.get("header_line"),
        ragged=bool(read.get("ragged")),
    )
    info.sheet = sheet or read.get("sheet")
    info.multiline = info.multiline or retry.get("multiline", False)
    try:
        if info.kind == "csv" and info.encoding == encoding.MIXED:
            info.read_path, info.repaired_lines = encoding.transcode_lines(path, staging)
        else:
            info.read_path = encoding.readable_copy(path, info.kind, info.encoding, staging)
    except UnicodeDecodeError as exc:
        raise ImportError_.say(
            errors.NOT_ENCODED, file=path.name, encoding=info.encoding.upper(), byte=exc.start
        ) from None
    return info


def import_file(
    store: Store,
    path: str | Path,
    profile: ProfileChoice = None,
    sheet: str | None = None,
    state: JobState | None = None,
    derive_facts: bool = True,
    period: Period | None = None,
) -> ImportReport:
    """Import ``path``; raises :class:`ImportError_` (nothing written) when it cannot.
    ``period``: the period an interval report without dates covers (:mod:`.period`).

    The rows are committed in one transaction; then, unless ``derive_facts`` is
    false (a caller importing a batch of files calls :func:`derive.catch_up` once,
    after the last), the derived facts are computed in a second one.
    """
    path = Path(path)
    state = state or NULL
    prof = _resolve_profile(profile, store)
    report = _import_rows(store, path, prof, sheet, state, period)
    # The rows are committed: a failure from here on is not a failed import (the
    # facts stay pending and are caught up when the database is next opened).
    if derive_facts:
        state.set_progress(0.95, "Updating derived facts")
        derive.catch_up(store)
    state.set_progress(1.0, report.summary())
    return report


def _import_rows(
    store: Store,
    path: Path,
    prof: profiles.Profile | None,
    sheet: str | None,
    state: JobState,
    period: Period | None = None,
) -> ImportReport:
    """The import's transaction, tried again when DuckDB's CSV reader needs other options."""
    retry: _Retry = {}
    for _ in range(3):
        try:
            return _attempt(store, path, prof, sheet, state, retry, period)
        except duckdb.Error as exc:
            text = str(exc)
            if "quoted new lines" in text and not retry.get("multiline"):
                retry["multiline"] = True
            elif "unicode" in text.lower() and not retry.get("encoding"):
                # bytes that are not UTF-8 past the samples: each line read as UTF-8 when
                # it is, else as Windows-1252 (not the whole file: its UTF-8 names stay right)
                retry["encoding"] = encoding.MIXED
            elif is_out_of_memory(exc):
                raise ImportError_.say(errors.FAILED, file=path.name, detail=out_of_memory_message(store.con)) from None
            else:
                raise ImportError_.say(errors.FAILED, file=path.name, detail=text.splitlines()[0]) from None
    raise ImportError_.say(errors.NOT_IMPORTED, file=path.name)


def _attempt(
    store: Store,
    path: Path,
    prof: profiles.Profile | None,
    sheet: str | None,
    state: JobState,
    retry: _Retry,
    period: Period | None = None,
) -> ImportReport:
    started, t0 = datetime.now(), time.perf_counter()

    watching: list[_Watch] = []  # the watch of the import's statements, once started

    def step(fraction: float, message: str) -> None:
        if state.is_cancelled():
            raise ImportCancelled()
        state.set_progress(fraction, message)
        for watch in watching:
            watch.span = (fraction, _NEXT_STEP.get(fraction, fraction), message)

    step(0.0, f"Reading {path.name}")
    if prof is None:  # headerless formats are recognised by the shape of their lines
        prof = profiles.match_lines(first_lines(path), profiles.all_profiles(store.path))
    info = _sniff(path, prof, sheet, retry, store.staging_dir())
    hasher = _Hasher(path)
    hasher.start()
    tz = settings.safe_timezone(store)
    try:
        with store.write(progress=True) as cur, _Watch(cur, state) as watch:
            watching.append(watch)
            try:
                report = _run(cur, store, info, prof, tz, step, lambda: hasher.records(info), period)
            except duckdb.InterruptException:
                raise ImportCancelled() from None
            if watch.fired:
                raise ImportCancelled()
            step(0.9, "Recording the import")
            hasher.join()
            report.seconds = time.perf_counter() - t0
            cur.execute(
                "INSERT INTO imports (import_id, file_name, file_path, file_hash, file_size, profile, started_at, "
                "finished_at, rows_read, rows_loaded, rows_duplicate, rows_rejected, rows_ignored, message, outcomes) "
                "VALUES ($id, $name, $fpath, $hash, $size, $profile, $start, $end, $read, $loaded, $dup, $rej, "
                "$ign, $msg, CAST($outcomes AS VARCHAR[]))",
                {
                    "id": report.import_id,
                    "name": path.name,
                    "fpath": str(path.resolve()),
                    "hash": hasher.digest,
                    "size": hasher.size,
                    "profile": report.profile,
                    "start": started,
                    "end": datetime.now(),
                    "read": report.rows_read,
                    "loaded": report.loaded,
                    "dup": report.duplicate,
                    "rej": report.rejected,
                    "ign": report.ignored,
                    "msg": report.summary(),
                    "outcomes": report.outcomes,
                },
            )
            _record_accounting(cur, report)
    finally:
        if info.read_path:
            info.read_path.unlink(missing_ok=True)
    return report


def _record_accounting(cur: duckdb.DuckDBPyConnection, report: ImportReport) -> None:
    """Every source column and the ignored rows per reason, kept for the import history."""
    rows = [
        (report.import_id, i, c["column"], c.get("field"), c.get("confidence"), c.get("rule") or "")
        for i, c in enumerate(report.columns, start=1)
    ]
    if rows:
        cur.executemany("INSERT INTO import_columns VALUES (?, ?, ?, ?, ?, ?)", rows)
    ignored = [(report.import_id, reason, n) for reason, n in report.ignored_reasons.items()]
    if ignored:
        cur.executemany("INSERT INTO import_ignored VALUES (?, ?, ?)", ignored)
    if report.key:
        cur.execute("INSERT INTO import_keys VALUES ($id, $key)", {"id": report.import_id, "key": report.key})


def _run(
    cur: duckdb.DuckDBPyConnection,
    store: Store,
    info: FileInfo,
    prof: profiles.Profile | None,
    tz: str,
    step: Step,
    expected: Callable[[], int | None] | None = None,
    period: Period | None = None,
) -> ImportReport:
    if info.kind == "csv" and info.multiline:
        # Quoted line breaks: records counted quotes followed (lines cannot tell), and
        # a quote never closed found (only such files can hide one).
        counted = records.scan(info)
        if counted.unterminated is not None:
            raise ImportError_.say(errors.UNTERMINATED, file=info.path.name, line=counted.unterminated)
        expected = None if counted.records is None else (lambda: counted.records)
    values.install(cur)
    loader.drop_outputs(cur)
    readers.drop_csv_rejects(cur)
    rel = readers.relation(cur, info)
    if prof is None:
        prof = _choose(cur, store, info, rel, period)
    else:  # a profile named by the user: an interval report without dates still needs its period
        prof = recognise.with_period(info, rel.columns, [prof], period)[0]
    row = cur.execute("SELECT coalesce(max(import_id), 0) + 1 FROM imports").fetchone()
    assert row is not None  # an aggregate always returns one row
    import_id: int = row[0]
    ctx = TransformContext(prof.source, tz, import_id, prof.data)
    report = ImportReport(file=info.path.name, profile=prof.name, import_id=import_id, reader=info.describe())
    report.recognised = str(prof.data.get("recognised") or "")
    step(0.1, "Reading and checking rows")
    linked_cols: dict[str, str] = {}
    if prof.transform:
        counts, read = _transform(cur, prof, rel, ctx, step)
        report.columns = accounting.column_report(rel.columns, {}, {}, transform=prof.transform)
        report.key = "as the format defines it"
        report.outcomes = outcomes.said(prof, None)
    else:
        plan = mapping.plan(cur, prof, rel, timezone=tz, source=prof.source)
        if plan.missing:
            raise ImportError_(_missing_message(info, prof, plan.missing))
        step(0.2, "Checking rows and loading")
        big = info.path.stat().st_size >= contact_tables.SEGMENT_MIN_BYTES
        counts, read = loader.load_plan(cur, ctx, plan, rel, expected, bulk=big)
        if counts.loaded:  # a satisfaction score per row: survey answers about these contacts
            taken = profiles.used_columns(plan.fields)
            more, linked_cols = linked.load_linked(cur, ctx, prof, rel, tz, plan.key_widened, taken)
            counts.rows_inserted = dict(counts.rows_inserted or {})
            for table, n in more.items():  # a survey file's other questions add to its answers
                counts.rows_inserted[table] = counts.rows_inserted.get(table, 0) + n
        report.columns = accounting.column_report(
            rel.columns,
            plan.fields,
            plan.types,
            unfit=plan.unfit,
            confidence=prof.section("confidence"),
            linked=linked_cols,
        )
        arrival_from = prof.section("parse").get("arrival_from")
        if arrival_from:  # no creation time: the times the export gives, as they were read
            accounting.note_stand_in(report.columns, plan.fields, str(arrival_from))
        elif "arrived_time_known" in plan.names:
            accounting.note_date_only(
                report.columns, plan.fields.get("arrived_at"), "arrived_time_known" in plan.constants
            )
        report.key = accounting.key_description(prof, plan.fields, rel.columns)
        report.outcomes = outcomes.said(prof, plan.fields)
        stand_in = recognise.stand_in_warning(prof, plan.fields)
        if stand_in:
            report.warnings.append(stand_in)
        if plan.ambiguous_dates:
            report.warnings.append(accounting.ambiguous_dates_warning(plan.ambiguous_dates))
        if plan.key_widened:
            report.key += f" + {plan.key_widened} (the id repeats for different records)"
    report.unsaid = outcomes.unsaid(prof, report.outcomes)
    unread = readers.csv_rejects(cur)
    for line, reason, raw in unread:
        cur.execute(
            "INSERT INTO import_rejects VALUES ($id, $line, $reason, $raw)",
            {"id": import_id, "line": line, "reason": reason, "raw": raw},
        )
    report.rows_read = read + len(unread)
    report.loaded, report.duplicate = counts.loaded, counts.duplicate
    report.rejected = counts.rejected + len(unread)
    totals = accounting.summary_rows(cur, import_id)  # a sheet's "Total" line: ignored with its reason
    report.rejected -= totals
    lost, total = _unaccounted(cur, info, import_id, report.rows_read, expected)
    report.rows_read += lost
    report.rejected += lost
    if total is not None and total < report.rows_read:
        report.warnings.append(
            f"The file holds {total} record(s) by an independent count (quotes followed), but the reader "
            f"returned {report.rows_read}: some records may have been split in two. Check the file's quotes."
        )
    report.ignored = report.rows_read - report.loaded - report.duplicate - report.rejected
    report.tables = counts.rows_inserted
    # the days these rows fall on: the rollups recompute those only
    derive.note_import(cur, import_id, [t for t, n in (counts.rows_inserted or {}).items() if n])
    if report.rows_read == 0:
        raise ImportError_.say(errors.NO_DATA_ROWS, file=info.path.name)
    report.rejects = cur.execute(
        "SELECT line, reason FROM import_rejects WHERE import_id = $id ORDER BY line LIMIT 20", {"id": import_id}
    ).fetchall()
    overlap.drop_known_calls(cur, report, prof.source)  # queue_log + CDR of one PBX: each call once
    report.ignored_reasons = accounting.ignored_reasons(cur, report, prof.transform, {errors.SUMMARY_ROW: totals})
    accounting.check_outcome(report)  # every row rejected: a failed import, rolled back
    if (counts.rows_inserted or {}).get("contacts"):
        accounting.check_outcome_words(cur, report, import_id)
    loader.drop_outputs(cur)
    cur.execute(f"DROP TABLE IF EXISTS {STAGING}")
    return report


def _unaccounted(
    cur: duckdb.DuckDBPyConnection,
    info: FileInfo,
    import_id: int,
    read: int,
    expected: Callable[[], int | None] | None,
) -> tuple[int, int | None]:
    """Records of the file (by a count of its own: ``expected``) that the CSV reader did
    not return at all: a record over DuckDB's 32 MB line limit, or an unterminated
    quote that joined every line after it into one field. They are counted as
    rejected, with one reject saying how many, so that no record vanishes without a
    word. Returns (records lost, the file's record count or None)."""
    total = expected() if expected is not None else None
    if total is None or total == read:
        return 0, total
    if not info.multiline:
        # Line breaks count blank lines too, which the reader skips: count the lines
        # that hold something (one more pass, only when the quick count differs); then,
        # if the reader still returned fewer, the records, quotes followed (a quoted
        # line break past the sniffed start makes one record of two lines).
        total = records.non_blank_lines(info)
        if total > read:
            scanned = records.scan(info).records  # None: a record Python's reader refuses
            total = total if scanned is None else scanned
    if total <= read:
        return 0, total
    lost = total - read
    cur.execute(
        "INSERT INTO import_rejects VALUES ($id, NULL, $reason, NULL)",
        {
            "id": import_id,
            "reason": errors.RECORDS_LOST.format(n=lost),
        },
    )
    return lost, total


def _transform(
    cur: duckdb.DuckDBPyConnection, prof: profiles.Profile, rel: Relation, ctx: TransformContext, step: Step
) -> tuple[loader.Counts, int]:
    """Stage the file as text, hand it to the profile's Python transform, load its output.

    Lines with the wrong number of fields never reach the transform: they are
    rejected here, and put back into staging afterwards so that they are counted.
    """
    cols = ", ".join(quote(c) for c in rel.columns)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE _kd_all AS {rel.sql}", rel.params)
    last_filled = "" if rel.ragged else f" AND {quote(rel.columns[-1])} IS NOT NULL"
    shape_ok = f"_extra IS NULL{last_filled}" if rel.has_extra else "TRUE"
    cur.execute(
        "CREATE OR REPLACE TEMP TABLE _kd_shape AS SELECT _line, CASE WHEN _extra IS NOT NULL "
        "THEN 'the line has more fields than the header' ELSE 'the line has fewer fields than the header' "
        f"END AS reason FROM _kd_all WHERE NOT ({shape_ok})"
        if rel.has_extra
        else "CREATE OR REPLACE TEMP TABLE _kd_shape (_line BIGINT, reason VARCHAR)"
    )
    row = cur.execute("SELECT count(*) FROM _kd_all").fetchone()
    assert row is not None  # count(*) always returns one row
    read: int = row[0]
    cur.execute(f"CREATE OR REPLACE TEMP TABLE {STAGING} AS SELECT {cols}, _line FROM _kd_all WHERE {shape_ok}")
    module = importlib.import_module(f"kpidesk.core.ingest.transforms.{prof.transform}")
    dmy = decide.day_first(mapping.sample(cur, rel, 500).values())  # 22/04/2026: day first
    cur.execute(f"SET VARIABLE kd_day_first = {values.lit_bool(dmy)}")
    module.transform(cur, STAGING, ctx)
    cur.execute("CREATE TEMP TABLE IF NOT EXISTS out_rejects (_line BIGINT, reason VARCHAR)")
    cur.execute("INSERT INTO out_rejects SELECT _line, reason FROM _kd_shape")
    cur.execute(f"INSERT INTO {STAGING} ({cols}, _line) SELECT {cols}, _line FROM _kd_all WHERE NOT ({shape_ok})")
    step(0.6, "Removing duplicates and loading")
    raw_sql = f"concat_ws('{_safe_delim(rel.delimiter)}', {cols})"
    counts = loader.load(cur, ctx, staging=STAGING, raw_sql=raw_sql)
    cur.execute("DROP TABLE IF EXISTS _kd_all; DROP TABLE IF EXISTS _kd_shape")
    return counts, read


def _safe_delim(d: str | None) -> str:
    return {",": ",", ";": ";", "\t": "\t", "|": "|"}.get(d or ",", ",")


def _choose(
    cur: duckdb.DuckDBPyConnection, store: Store, info: FileInfo, rel: Relation, period: Period | None = None
) -> profiles.Profile:
    """A matching profile, else the proposed mapping when it is confident enough."""
    return recognise.choose(cur, info, rel, profiles.all_profiles(store.path), period)


def _missing_message(
    info: FileInfo, prof: profiles.Profile | None, missing: list[str], proposal: Proposal | None = None
) -> str:
    return recognise.missing_message(info, prof, missing, proposal)
