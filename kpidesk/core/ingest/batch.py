"""Import a batch of files: the one way the CLI, the app and the API do it.

Each file is imported in its own transaction (:func:`.pipeline.import_file`); a file
that fails does not stop the others. Then, once for the whole batch (also after a
cancel: the files already imported are committed), the derived facts are brought up
to date and the pre-aggregated figures the views read are refreshed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from kpidesk.core.db import derive
from kpidesk.core.db.store import Store, is_out_of_memory, out_of_memory_message
from kpidesk.core.ingest import profiles
from kpidesk.core.ingest.errors import FAILED, ImportCancelled, ImportError_, NeedsPeriod, NoProfile
from kpidesk.core.ingest.period import Period
from kpidesk.core.ingest.pipeline import import_file
from kpidesk.core.ingest.summary import ImportReport
from kpidesk.core.jobs import NULL, JobState, Share
from kpidesk.core.kpi.engine import Engine

FILES_SHARE = 0.9  # of the progress bar; the rest is derived facts and rollups


@dataclass
class BatchResult:
    """Every file's report (failed ones with ``ok=False`` and their message)."""

    reports: list[ImportReport] = field(default_factory=list)
    unrecognised: list[Path] = field(default_factory=list)  # no profile: the app offers the mapping dialog
    # reports of counts a profile reads but for the period they cover: the app asks for it
    undated: list[Path] = field(default_factory=list)
    cancelled: bool = False
    facts_error: str = ""  # derived facts left pending (caught up when the database is next opened)
    # invalid files of the user's profiles folder, left out (the other profiles were used)
    invalid_profiles: list[ImportError_] = field(default_factory=list)

    @property
    def failed(self) -> list[ImportReport]:
        return [r for r in self.reports if not r.ok]

    @property
    def loaded_any(self) -> bool:
        return any(r.ok and r.loaded for r in self.reports)


def import_batch(
    store: Store,
    paths: Iterable[str | Path],
    profile: str | Path | None = None,
    sheet: str | None = None,
    state: JobState | None = None,
    period: Period | None = None,
) -> BatchResult:
    """Import ``paths`` in turn, then derive facts and refresh rollups once (``period``:
    the period interval reports without dates cover, see :mod:`.period`)."""
    state = state or NULL
    files = [Path(p) for p in paths]
    result = BatchResult(invalid_profiles=profiles.invalid_profiles(store.path))
    try:
        for i, path in enumerate(files):
            if state.is_cancelled():
                result.cancelled = True
                break
            share = Share(state, FILES_SHARE * i / len(files), FILES_SHARE / len(files))
            try:
                result.reports.append(
                    import_file(store, path, profile, sheet, share, derive_facts=False, period=period)
                )
            except ImportCancelled:
                result.cancelled = True
                break
            except NoProfile as exc:
                (result.undated if isinstance(exc, NeedsPeriod) else result.unrecognised).append(Path(exc.path or path))
                result.reports.append(_failed(path, profile, exc))
            except ImportError_ as exc:
                result.reports.append(_failed(path, profile, exc))
            except (duckdb.Error, OSError, MemoryError) as exc:  # full disk, out of memory: rolled back
                text = (str(exc).splitlines() or [type(exc).__name__])[0]
                result.reports.append(_failed(path, profile, ImportError_.say(FAILED, file=path.name, detail=text)))
    finally:
        result.facts_error = _derive(store, Share(state, FILES_SHARE, 0.05))
    if result.loaded_any and not result.cancelled and not result.facts_error:
        _prepare(store, Share(state, FILES_SHARE + 0.05, 0.05))
    if result.loaded_any:
        store.checkpoint()  # the imported rows in the .duckdb file itself, not only in its .wal
    state.set_progress(1.0, "")
    return result


def catch_up(store: Store, state: JobState | None = None) -> BatchResult:
    """Compute the derived facts and the rollups an import left behind (``kpidesk
    import --catch-up``): what opening the database does, with its error told."""
    state = state or NULL
    result = BatchResult()
    result.facts_error = _derive(store, Share(state, 0.0, 0.5))
    if not result.facts_error:
        _prepare(store, Share(state, 0.5, 0.5))
    state.set_progress(1.0, "")
    return result


def _derive(store: Store, state: JobState) -> str:
    """Bring the derived facts up to date; the reason they could not be, if so."""
    state.set_progress(0.0, "Updating derived facts")
    try:
        derive.catch_up(store)
    except duckdb.Error as exc:
        return _reason(store, exc)
    return ""


def _prepare(store: Store, state: JobState) -> None:
    """Build or update the rollups now rather than on the next view (big databases).
    One that cannot be built (no memory) leaves the views reading the detail rows."""
    state.set_progress(0.0, "Preparing the figures")
    Engine(store).prepare(state)


def _reason(store: Store, exc: BaseException) -> str:
    if is_out_of_memory(exc):
        return out_of_memory_message(store.con)
    return str(exc).splitlines()[0]


def _failed(path: Path, profile: str | Path | None, exc: ImportError_) -> ImportReport:
    return ImportReport(
        file=path.name,
        profile=str(profile or ""),
        ok=False,
        message=str(exc),
        message_template=exc.template or "",
        message_params=dict(exc.params),
    )
