"""File › Import and drag-and-drop: import files on the write runner, with a progress
dialog that can cancel, then a summary (rows read, loaded, duplicates, rejected).

The import itself is ``core.ingest``'s ``import_file``; a cancelled or failed import
leaves the database as it was (one transaction per file).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from kpidesk.core import formatting
from kpidesk.ui.i18n import translate
from kpidesk.ui.tasks import TaskRunner


def import_job(inputs, state) -> list:
    """Import each file in turn; returns one report (or error text) per file."""
    from kpidesk.core.ingest.errors import NoProfile
    from kpidesk.core.ingest.pipeline import import_file

    store, paths, *rest = inputs
    profile, sheet = (rest + [None, None])[:2]
    reports = []
    share = 0.9  # the last tenth: the pre-aggregated figures the views read
    for i, path in enumerate(paths):
        if state.is_cancelled():
            break

        def progress(fraction: float, _message: str = "", i=i) -> None:
            state.set_progress(share * (i + max(0.0, min(fraction, 1.0))) / len(paths))

        try:
            reports.append(import_file(store, path, profile, sheet, progress=progress, cancel=state.is_cancelled,
                                       derive_facts=False))
        except NoProfile as exc:  # the flow offers the mapping dialog for it
            reports.append(exc)
        except Exception as exc:  # one bad file does not stop the others; the summary says why
            reports.append(f"{Path(path).name}: {exc}")
    from kpidesk.core import derive

    try:  # once for the batch, also after a cancel: the files already imported are committed
        derive.catch_up(store)
    except Exception:  # left pending: caught up when the database is next opened
        pass
    if not state.is_cancelled() and any(not isinstance(r, (str, Exception)) for r in reports):
        from kpidesk.core.kpi.engine import Engine

        try:  # a big database: refresh the rollups here, not on the next tab switch
            Engine(store).prepare()
        except Exception:  # the views read the detail rows, or rebuild on first use
            pass
    state.set_progress(1.0)
    return reports


class ImportFlow(QObject):
    def __init__(self, window, store, paths: list[str], finished_signal, profile=None, sheet=None):
        super().__init__(window)
        self.window, self.store, self.paths, self.finished_signal = window, store, paths, finished_signal
        self.profile, self.sheet = profile, sheet
        self.runner = TaskRunner(self, pool="write")
        self.dialog = QProgressDialog(translate("Import", "Importing {n} file(s)…").format(n=len(paths)),
                                      translate("Import", "Cancel"), 0, 1000, window)
        self.dialog.setWindowTitle(translate("Import", "Import"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._cancel)
        self.runner.progressed.connect(lambda f: self.dialog.setValue(int(f * 1000)))
        self.runner.task_finished.connect(self._finished)
        self.runner.task_failed.connect(self._failed)

    def start(self) -> None:
        self.runner.start(import_job, (self.store, self.paths, self.profile, self.sheet))

    def _cancel(self) -> None:
        self.runner.cancel()
        text = (translate("Import", "Import cancelled: nothing was changed.") if len(self.paths) == 1 else
                translate("Import", "Import cancelled: the file being imported was not written; "
                                    "the files imported before it are kept."))
        self.window.statusBar().showMessage(text, 8000)
        self.finished_signal.emit([])

    def _finished(self, reports: list) -> None:
        self.dialog.reset()
        lang = self.window.language.code
        n = lambda v: formatting.number(v, 0, lang)  # noqa: E731
        lines = []
        unknown = [r.path for r in reports if isinstance(r, Exception)]
        reports = [r for r in reports if not isinstance(r, Exception)]
        for r in reports:
            if isinstance(r, str):
                lines.append(r)
                continue
            lines.append(translate("Import", "{file}: {read} rows read, {loaded} loaded, {dup} duplicates, "
                                             "{rej} rejected").format(file=Path(r.file).name, read=n(r.rows_read),
                                                                      loaded=n(r.loaded), dup=n(r.duplicate),
                                                                      rej=n(r.rejected)))
        if lines:
            QMessageBox.information(self.window, translate("Import", "Import finished"), "\n".join(lines))
        self.finished_signal.emit(reports)
        for path in unknown:  # files no profile recognises: map their columns
            open_mapping(self.window, self.store, path, self.finished_signal)

    def _failed(self, message: str) -> None:
        self.dialog.reset()
        QMessageBox.warning(self.window, translate("Import", "Import failed"), message)


def open_mapping(window, store, path, finished_signal) -> None:
    """The mapping dialog for ``path``; when the user imports, the file is imported
    with the mapping chosen (and saved, if they saved it)."""
    from kpidesk.core import settings
    from kpidesk.ui.mapping_dialog import MappingDialog

    lang = window.language.code if getattr(window, "language", None) else "en"
    dialog = MappingDialog(path, store, window, lang=lang, timezone=settings.safe_timezone(store))
    window.mapping_dialog = dialog  # tests and screenshots reach it here

    def accepted() -> None:
        ImportFlow(window, store, [str(path)], finished_signal, dialog.profile_data(), dialog.sheet_name()).start()

    dialog.accepted.connect(accepted)
    dialog.open()
