"""The one way kpidesk runs work off the GUI thread.

A job is a plain function ``run(inputs, state)`` following the one job protocol of
``core/jobs.py``: it calls ``jobs.check(state)`` between steps and reports
``state.set_progress(fraction, message)``.
A :class:`TaskRunner` runs one job at a time *per view*: starting a new one cancels
the previous, whose result, if it still arrives, is dropped — the newest request
wins. Results come back on the GUI thread through queued signals.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kpidesk.core.jobs import Cancelled

_POOLS: dict[str, ThreadPoolExecutor] = {}


def _pool(name: str) -> ThreadPoolExecutor:
    if name not in _POOLS:
        workers = 1 if name == "write" else 4  # writes go through one path, in order
        _POOLS[name] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"kpidesk-{name}")
    return _POOLS[name]


def shutdown() -> None:
    """Wait for running jobs and stop the worker threads (at application exit)."""
    for pool in _POOLS.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _POOLS.clear()


def _database_closed(exc: BaseException) -> bool:
    """The job's database was closed under it (a window closed, the app quitting, a
    test's database put away): its result means nothing any more."""
    import duckdb

    return isinstance(exc, duckdb.ConnectionException) and "closed" in str(exc).lower()


def idle() -> bool:
    """No worker thread is left: nothing started since the last :func:`shutdown`."""
    return not _POOLS


class TaskState:
    """What a running job sees of the runner: cancellation and progress."""

    def __init__(self, report: Callable[[float], None]):
        self._cancelled = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def set_progress(self, fraction: float, message: str = "") -> None:
        if not self.is_cancelled():
            self._report(fraction)


class TaskRunner(QObject):
    """Runs the newest job of one view. ``task_finished(result)`` and
    ``task_failed(message)`` arrive on the GUI thread, for the newest job only."""

    task_finished = Signal(object)
    task_failed = Signal(str)
    progressed = Signal(float)
    busy_changed = Signal(bool)
    _done = Signal(int, object)
    _failed = Signal(int, str)
    _progress = Signal(int, float)

    def __init__(self, parent: QObject | None = None, pool: str = "read"):
        super().__init__(parent)
        self._pool_name = pool
        self._token = 0
        self._state: TaskState | None = None
        self._future: Future | None = None
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)

    @property
    def busy(self) -> bool:
        return self._state is not None

    def start(self, run: Callable[[Any, Any], Any], inputs: Any) -> int:
        self.cancel()
        self._token += 1
        token = self._token
        state = TaskState(lambda f: self._emit(self._progress, token, f))
        self._state = state
        self._future = _pool(self._pool_name).submit(self._work, run, inputs, state, token)
        self.busy_changed.emit(True)
        return token

    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self._state = None
            self.busy_changed.emit(False)

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the current job ends (tests and offscreen snapshots only)."""
        if self._future is not None:
            self._future.exception(timeout)

    def _work(self, run, inputs, state: TaskState, token: int) -> None:
        try:
            result = run(inputs, state)
        except Cancelled:
            return
        except Exception as exc:  # reported to the view, which shows it to the user
            if _database_closed(exc):  # a late job: its window and database are gone, nobody waits
                return
            from kpidesk.ui.errors import describe, expected

            if not expected(exc):  # a bug: the details for its report
                traceback.print_exception(exc, file=sys.stderr)
            self._emit(self._failed, token, describe(exc))
            return
        self._emit(self._done, token, result)

    def _emit(self, signal, token: int, payload) -> None:
        try:
            signal.emit(token, payload)
        except RuntimeError:  # the view was closed while the job ran
            pass

    @Slot(int, object)
    def _on_done(self, token: int, result) -> None:
        if token == self._token and self._state is not None:
            self._state = None
            self.busy_changed.emit(False)
            self.task_finished.emit(result)

    @Slot(int, str)
    def _on_failed(self, token: int, message: str) -> None:
        if token == self._token and self._state is not None:
            self._state = None
            self.busy_changed.emit(False)
            self.task_failed.emit(message)

    @Slot(int, float)
    def _on_progress(self, token: int, fraction: float) -> None:
        if token == self._token:
            self.progressed.emit(fraction)
