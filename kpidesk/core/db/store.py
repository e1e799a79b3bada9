"""The database file: open it, lock it, migrate it, back it up.

The floor of the application: it calls nothing above it. Front ends open a file
with :func:`kpidesk.core.db.startup.open_database`, which also readies it for use.

One :class:`Store` per open file. DuckDB connections are not safe to share between
threads: a worker thread asks for its own ``cursor()``. Writes (imports, notes,
settings) go through ``Store.write()``, one transaction each.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from kpidesk import __version__
from kpidesk.core import settings
from kpidesk.core.db.migrations import MIGRATIONS, known_names


class StoreError(Exception):
    """A database problem with a message meant for the user.

    ``str()`` is the English text; ``template`` and ``params`` let a front end say it
    in the user's language (the template is the English text with placeholders).
    """

    def __init__(self, message: str, template: str | None = None, **params: str) -> None:
        super().__init__(message)
        self.template, self.params = template, params

    @classmethod
    def say(cls, template: str, **params: str) -> StoreError:
        return cls(template.format(**params), template, **params)

    unwritable = False  # the file or its folder cannot be written (read-only would work)


class DatabaseLocked(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


def is_out_of_memory(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.OutOfMemoryException) or "out of memory" in str(exc).lower()


def out_of_memory_message(con: duckdb.DuckDBPyConnection | None = None) -> str:
    """What to tell the user when DuckDB ran out of memory even by spilling to disk."""
    limit = ""
    if con is not None:
        try:
            rows = con.execute("SELECT current_setting('memory_limit')").fetchall()
            limit = f" ({rows[0][0]})" if rows else ""
        except duckdb.Error:
            pass
    return (
        f"not enough memory for this step within the memory limit{limit}, even writing to the temporary "
        "folder beside the database. Free some disk space, or raise the limit (the memory_limit_mb "
        "setting, or the KPIDESK_MEMORY_LIMIT_MB environment variable)."
    )


_LOCK_PID = re.compile(r"PID (\d+)")
# The messages a front end may translate (English, with their placeholders).
LOCKED = (
    "The database {path} is already open in another program. "
    "Close the other kpidesk window, or open a copy of the file."
)
LOCKED_BY = (
    "The database {path} is already open in another program (process {pid}). "
    "Close the other kpidesk window, or open a copy of the file."
)
UNWRITABLE = (
    "The database {path} cannot be written here (read-only file or folder). Open a copy in a folder you can write to."
)
CANNOT_OPEN = "Cannot open the database {path}: {detail}"
NOT_A_DATABASE = "{path} is not a kpidesk database (is it an export to import rather than open?)."
TOO_NEW = (
    "The database {path} was written by a newer version of kpidesk (it has schema step {step}, "
    "this is kpidesk {version}). Update kpidesk to open it; the file was not changed."
)
_MAGIC = b"DUCK"  # a DuckDB file's bytes 8 to 11


def _refuse_other_files(path: str) -> None:
    """DuckDB opens some other files (a CSV…) as an empty database that writes nowhere:
    an existing file that is not a DuckDB database is refused before it gets there."""
    file = Path(path)
    if path == ":memory:" or not file.is_file() or file.stat().st_size == 0:
        return
    try:
        with open(file, "rb") as f:
            head = f.read(12)
    except OSError as exc:
        raise StoreError.say(CANNOT_OPEN, path=path, detail=exc.strerror or str(exc)) from None
    if head[8:12] != _MAGIC:
        raise StoreError.say(NOT_A_DATABASE, path=path)


MEM_PREFIX = "kpidesk-mem-"  # staging folders of in-memory databases, in the system temp folder
_OWNER = ".owner"  # locked by the process using the folder, for as long as it does
_STALE_UNOWNED_S = 86400  # a folder without an owner file (an older kpidesk's): left a day


def _try_lock(fd: int) -> bool:
    """Lock the open file ``fd`` for this process without waiting; False when another
    process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def sweep_private_folders(base: Path | None = None) -> int:
    """Remove the staging folders of in-memory databases (previews) whose process is
    gone (killed, crashed): their owner file is no longer locked. Returns how many."""
    base = Path(base or tempfile.gettempdir())
    removed = 0
    try:
        candidates = [p for p in base.iterdir() if p.name.startswith(MEM_PREFIX) and p.is_dir()]
    except OSError:
        return 0
    for folder in candidates:
        owner = folder / _OWNER
        try:
            if not owner.exists():
                if time.time() - folder.stat().st_mtime < _STALE_UNOWNED_S:
                    continue  # being created, or an older kpidesk's still in use
            else:
                fd = os.open(owner, os.O_RDWR)
                try:
                    gone = _try_lock(fd)
                finally:
                    os.close(fd)  # the lock released before removing (Windows)
                if not gone:
                    continue  # its process is running
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += not folder.exists()
    return removed


def private_folder() -> tuple[Path, int]:
    """A new staging folder for an in-memory database (``files`` inside a
    ``kpidesk-mem-PID-…`` folder of the system temp folder, beside its owner file),
    and the descriptor of the owner file, held locked by this process until
    :func:`remove_private_folder`. Folders a killed process left are swept first."""
    sweep_private_folders()
    folder = Path(tempfile.mkdtemp(prefix=f"{MEM_PREFIX}{os.getpid()}-"))
    owner = os.open(folder / _OWNER, os.O_RDWR | os.O_CREAT, 0o600)
    _try_lock(owner)
    staging = folder / "files"
    staging.mkdir()
    return staging, owner


def remove_private_folder(staging: Path, owner: int | None) -> None:
    """Remove what :func:`private_folder` made (``staging`` and the folder holding it)."""
    if owner is not None:
        try:
            os.close(owner)
        except OSError:  # closed already
            pass
    shutil.rmtree(staging.parent, ignore_errors=True)


def temp_directory(path: str) -> str:
    """Where DuckDB spills what does not fit in its memory limit: beside the database
    (``kd.duckdb.tmp``), or in the system's temporary folder for ``:memory:``."""
    if path == ":memory:":
        return os.path.join(tempfile.gettempdir(), f"kpidesk-{os.getpid()}.tmp")
    return str(Path(path).with_name(Path(path).name + ".tmp"))


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    # Every setting kpidesk needs, from the first statement: once the file is open,
    # startup applies those stored in it (time zone, memory, threads), then
    # Store.contain locks the configuration (no SET afterwards, from anyone).
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
        "memory_limit": f"{settings.memory_limit_mb()}MB",
        "threads": str(settings.threads()),
        "temp_directory": temp_directory(path),
        # An import appends rows as each thread parses them (one thread would compress
        # and write them all otherwise). Queries whose order matters say ORDER BY;
        # ``row_number() OVER ()`` still numbers a file's records in file order.
        "preserve_insertion_order": "false",
    }
    _refuse_other_files(path)
    try:
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            pid = _LOCK_PID.search(text)
            if pid:
                raise DatabaseLocked.say(LOCKED_BY, path=path, pid=pid.group(1)) from None
            raise DatabaseLocked.say(LOCKED, path=path) from None
        if any(w in text.lower() for w in ("permission denied", "read-only file system", "read only file system")):
            error = StoreError.say(UNWRITABLE, path=path)
            error.unwritable = True
            raise error from None
        raise StoreError.say(CANNOT_OPEN, path=path, detail=text) from None
    except duckdb.Error as exc:
        raise StoreError.say(NOT_A_DATABASE, path=path) from exc


def lock(con: duckdb.DuckDBPyConnection, staging: Path) -> None:
    """Contain ``con`` (see :meth:`Store.contain`): files from ``staging`` only, no
    extension loaded or installed, then the configuration locked."""
    folder = str(staging).replace("'", "''") + os.sep
    con.execute(f"SET allowed_directories = ['{folder}']")
    con.execute("SET enable_external_access = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET lock_configuration = true")


def _with_progress(cur: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """DuckDB's progress of the running statement readable (``query_progress``), never printed."""
    cur.execute("SET enable_progress_bar = true")
    cur.execute("SET enable_progress_bar_print = false")
    return cur


def _drop_temporary(cur: duckdb.DuckDBPyConnection) -> None:
    """What a closed cursor would have freed: its temporary tables and views."""
    try:
        for kind, name in cur.execute(
            "SELECT 'TABLE', table_name FROM duckdb_tables() WHERE temporary UNION ALL "
            "SELECT 'VIEW', view_name FROM duckdb_views() WHERE temporary AND NOT internal"
        ).fetchall():
            quoted = '"' + name.replace('"', '""') + '"'
            cur.execute(f"DROP {kind} IF EXISTS temp.main.{quoted}")
    except duckdb.Error:
        pass


def is_locked(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT current_setting('lock_configuration')").fetchone()
    return bool(row and row[0])


class Store:
    """An open kpidesk database (a file, or ``:memory:``)."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = _connect(self.path, read_only)
        self._staging: Path | None = None
        self._cleanup: Callable[[], object] | None = None  # removes a private staging folder
        if not read_only:
            self._sweep_staging()
        self._write_lock = threading.RLock()
        self.backup_path: Path | None = None
        self.generation = 0  # bumped by every committed write: cache keys include it
        self.facts_tracked = False  # facts_state exists (after migrations)
        self.migrated = False  # this open applied schema steps (startup rebuilds what they reset)
        self.closed = False
        self.facts_error: str | None = None  # derived facts that could not be caught up on open
        self._progress_cursor: duckdb.DuckDBPyConnection | None = None  # made by contain()
        self._progress_busy = False
        self._migrate()

    # -- schema -----------------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        assert row is not None  # count(*) always returns one row
        if not row[0]:
            return []
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    def _migrate(self) -> None:
        applied = self.applied_migrations()
        unknown = sorted(set(applied) - set(known_names()))
        if unknown:
            self.con.close()
            raise DatabaseTooNew.say(TOO_NEW, path=self.path, step=unknown[-1], version=__version__)
        pending = [(n, sql) for n, sql in MIGRATIONS if n not in applied]
        if not pending:
            self.facts_tracked = True
            return
        if self.read_only:
            self.con.close()
            raise StoreError(f"The database {self.path} needs an upgrade and was opened read-only.")
        if applied and self.path != ":memory:":
            self.backup_path = self.backup(suffix=f"before-{pending[0][0]}")
        with self.write() as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL, app_version VARCHAR NOT NULL)"
            )
            for name, sql in pending:
                cur.execute(sql)
                cur.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [name, datetime.now(), __version__])
        self.facts_tracked = True
        self.migrated = True

    # -- files DuckDB may read -------------------------------------------------------
    def staging_dir(self) -> Path:
        """The one folder DuckDB may read files from once :meth:`contain` has run:
        beside the database file (``.NAME.kpidesk-tmp``), a private temp folder for an
        in-memory database. Imports put a link to (or a UTF-8 copy of) each file there."""
        if self._staging is None:
            if self.path != ":memory:":
                src = Path(self.path).resolve()
                folder = src.with_name(f".{src.name}.kpidesk-tmp")
                try:
                    folder.mkdir(exist_ok=True)
                    self._staging = folder
                except OSError:  # a read-only folder: nothing will be imported here
                    pass
            if self._staging is None:
                self._staging, owner = private_folder()
                # on close, or when a store nobody closed is collected, or at exit
                self._cleanup = weakref.finalize(self, remove_private_folder, self._staging, owner)
        return self._staging

    def _sweep_staging(self) -> None:
        """Copies left by an import that was killed: the file lock is ours, so no other
        kpidesk is using them."""
        if self.path == ":memory:":
            return
        folder = Path(self.path).resolve().with_name(f".{Path(self.path).name}.kpidesk-tmp")
        if folder.is_dir():
            for leftover in folder.iterdir():
                if leftover.is_file() or leftover.is_symlink():
                    leftover.unlink(missing_ok=True)

    def contain(self) -> None:
        """From now on DuckDB reads and writes no file but the database and the staging
        folder: no ``read_text``, ``COPY``, ``ATTACH`` or ``INSTALL`` from any SQL run on
        this file (KPI files, profiles), and its configuration is locked: no statement
        (``SET``, ``RESET``, a pragma) can change a setting, this one included. One-way,
        for every cursor of this database: everything kpidesk needs is set before."""
        self._progress_cursor = _with_progress(self.con.cursor())  # a session setting: before the lock
        lock(self.con, self.staging_dir())

    # -- access -----------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for the calling thread (DuckDB connections are not thread-safe)."""
        return self.con.cursor()

    @contextmanager
    def write(
        self, facts: bool = True, checkpoint: bool | None = None, progress: bool = False
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction: committed on success, rolled back on any error.

        ``facts=False`` for writes that cannot change a KPI's inputs (notes, goals,
        targets, settings, rollups): the others mark pre-aggregated facts stale.
        ``checkpoint`` (by default for those small writes, the user's own words):
        fold the write-ahead log into the file at once, so the ``.duckdb`` file alone
        holds it (a backup copying only that file loses nothing).
        ``progress``: on a cursor whose running statement's progress can be read
        (``query_progress``, for an import's bar): the one made before the
        configuration was locked, its temporary tables dropped after the write.
        """
        with self._write_lock:
            reused = progress and self._progress_cursor is not None and not self._progress_busy
            if reused:
                assert self._progress_cursor is not None
                cur = self._progress_cursor
                self._progress_busy = True
            else:
                cur = self.con.cursor()
                if progress and not is_locked(self.con):
                    _with_progress(cur)
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                if facts and self.facts_tracked:
                    cur.execute("UPDATE facts_state SET version = version + 1")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                cur.execute("COMMIT")
                self.generation += 1
                if not facts if checkpoint is None else checkpoint:
                    self.checkpoint()
            finally:
                if reused:
                    _drop_temporary(cur)
                    self._progress_busy = False
                else:
                    cur.close()

    def checkpoint(self) -> bool:
        """Write the WAL into the database file; ``False`` when DuckDB could not now
        (another transaction running: it is done again on close)."""
        if self.path == ":memory:" or self.read_only or self.closed:
            return False
        with self._write_lock:
            try:
                self.con.execute("CHECKPOINT")
            except duckdb.Error:
                return False
        return True

    def table_count(self, table: str) -> int:
        row = self.cursor().execute(f'SELECT count(*) FROM "{table}"').fetchone()
        assert row is not None  # count(*) always returns one row
        return int(row[0])

    def backup(self, suffix: str = "backup") -> Path:
        """Copy the database file beside itself; returns the copy's path."""
        if self.path == ":memory:":
            raise StoreError("An in-memory database cannot be backed up.")
        self.con.execute("CHECKPOINT")
        src = Path(self.path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = src.with_name(f"{src.stem}.{suffix}.{stamp}{src.suffix}")
        # A temp name, renamed once complete: a kill mid-copy leaves no truncated
        # file that looks like a backup.
        partial = dest.with_name(dest.name + ".partial")
        try:
            shutil.copy2(src, partial)
            os.replace(partial, dest)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return dest

    def close(self) -> None:
        """Checkpoint, then close: after a normal quit the ``.duckdb`` file is the whole
        database, with no ``.wal`` beside it."""
        if self.closed:
            return
        self.checkpoint()
        self.closed = True
        if self._progress_cursor is not None:
            self._progress_cursor.close()
        self.con.close()
        if self._cleanup is not None:
            self._cleanup()
        elif self._staging is not None:  # beside the database: not left in the user's folder
            try:
                self._staging.rmdir()  # empty once every import has removed its copies
            except OSError:
                pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
