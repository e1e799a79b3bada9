"""The one job protocol: how long work reports progress and learns it was cancelled.

A job is a plain function ``run(inputs, state)`` (a tab's figures, a coaching page,
an import batch). It calls :func:`check` between steps, which raises
:class:`Cancelled` once the user asked to stop, and reports
``state.set_progress(fraction, message)``. The app's task runner hands it a state
wired to the window (``ui/tasks.py``); the CLI and the tests pass nothing
(:data:`NULL`) or :class:`Callbacks` around their own functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):
    """The job was cancelled: whatever it started is rolled back or dropped."""


class JobState(Protocol):
    def is_cancelled(self) -> bool: ...

    def set_progress(self, fraction: float, message: str = "") -> None: ...


class NullState:
    """The state of a job run outside the task runner (CLI, tests): never cancelled."""

    def is_cancelled(self) -> bool:
        return False

    def set_progress(self, fraction: float, message: str = "") -> None:
        pass


NULL = NullState()


class Callbacks:
    """A state made of two plain functions, ``progress(fraction, message)`` and
    ``cancel() -> bool``; either may be ``None``."""

    def __init__(
        self, progress: Callable[[float, str], None] | None = None, cancel: Callable[[], bool] | None = None
    ) -> None:
        self._progress, self._cancel = progress, cancel

    def is_cancelled(self) -> bool:
        return bool(self._cancel and self._cancel())

    def set_progress(self, fraction: float, message: str = "") -> None:
        if self._progress:
            self._progress(fraction, message)


class Share:
    """A part ``[start, start + size)`` of a parent job's progress bar, for one step
    of it (one file of a batch); cancellation is the parent's."""

    def __init__(self, parent: JobState, start: float, size: float) -> None:
        self.parent, self.start, self.size = parent, start, size

    def is_cancelled(self) -> bool:
        return self.parent.is_cancelled()

    def set_progress(self, fraction: float, message: str = "") -> None:
        self.parent.set_progress(self.start + self.size * max(0.0, min(fraction, 1.0)), message)


def check(state: JobState | None) -> None:
    """Raise :class:`Cancelled` when the job behind ``state`` was cancelled."""
    if state is not None and state.is_cancelled():
        raise Cancelled()
