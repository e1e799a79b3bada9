"""Import failures the user can act on.

The UI and the CLI show ``str(exc)`` as is, so every message says what is wrong with
the file and what to do, never a traceback or a DuckDB internal.
"""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.jobs import Cancelled


class ImportError_(Exception):
    """The file cannot be imported; nothing was written. ``str()`` is for the user."""


ImportFailed = ImportError_


class ImportCancelled(ImportError_, Cancelled):
    """The user cancelled; the transaction was rolled back."""

    def __init__(self, message: str = "Import cancelled; nothing was written.") -> None:
        super().__init__(message)


class NoProfile(ImportError_):
    """No profile recognises the file and the proposed mapping is not sure enough:
    the UI offers the mapping dialog for ``path``."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
