"""File › Import and drag-and-drop: import files on the write runner, with a progress
dialog that can cancel, then a summary (rows read, loaded, duplicates, rejected,
ignored per reason, and every column of each file: the field it fed or "not used").

The import itself is ``core.ingest``'s ``import_file``; a cancelled or failed import
leaves the database as it was (one transaction per file).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from kpidesk.core import settings
from kpidesk.core.ingest import BatchResult, import_batch
from kpidesk.ui import privacy_state
from kpidesk.ui.errors import describe, report_message
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.mapping_dialog import MappingDialog
from kpidesk.ui.ingest.period_edit import PeriodDialog
from kpidesk.ui.ingest.summary_dialog import ImportSummaryDialog, report_lines
from kpidesk.ui.tasks import TaskRunner


def import_job(inputs, state):
    """The import batch on the write runner (see ``core.ingest.batch``)."""
    store, paths, *rest = inputs
    profile, sheet, period = (rest + [None, None, None])[:3]
    return import_batch(store, paths, profile, sheet, state, period)


class ImportFlow(QObject):
    """``period``: the period reports of counts without dates cover (asked by
    ``PeriodDialog`` or the mapping dialog; never saved in a profile)."""

    def __init__(self, window, store, paths: list[str], finished_signal, profile=None, sheet=None, period=None):
        super().__init__(window)
        self.window, self.store, self.paths, self.finished_signal = window, store, paths, finished_signal
        self.profile, self.sheet, self.period = profile, sheet, period
        if period is not None:  # offered again for the next file without dates
            window.last_period = period
        self.runner = TaskRunner(self, pool="write")
        self.dialog = QProgressDialog(
            translate("Import", "Importing {n} file(s)…").format(n=len(paths)),
            translate("Import", "Cancel"),
            0,
            1000,
            window,
        )
        self.dialog.setWindowTitle(translate("Import", "Import"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._cancel)
        self.runner.progressed.connect(lambda f: self.dialog.setValue(int(f * 1000)))
        self.runner.task_finished.connect(self._finished)
        self.runner.task_failed.connect(self._failed)

    def start(self) -> None:
        self.runner.start(import_job, (self.store, self.paths, self.profile, self.sheet, self.period))

    def _cancel(self) -> None:
        self.runner.cancel()
        text = (
            translate("Import", "Import cancelled: nothing was changed.")
            if len(self.paths) == 1
            else translate(
                "Import",
                "Import cancelled: the file being imported was not written; the files imported before it are kept.",
            )
        )
        self.window.statusBar().showMessage(text, 8000)
        self.finished_signal.emit([])

    def _finished(self, result: BatchResult) -> None:
        self.dialog.reset()
        lang = self.window.language.code
        lines = []
        for problem in result.invalid_profiles:  # left out; the other profiles were used
            lines.append(translate("Import", "{problem} (profile ignored)").format(problem=describe(problem)))
        for r in result.reports:
            if not r.ok:
                if Path(r.file) not in {Path(p.name) for p in result.unrecognised + result.undated}:
                    lines.append(
                        translate("Import", "{file}: {message}").format(file=r.file, message=report_message(r))
                    )
                continue
            lines += report_lines(r, lang)
        if result.facts_error:
            lines.append(
                translate(
                    "Import",
                    "The facts derived from these files (repeat contacts, survey links) "
                    "could not be updated: {error}. They are retried when the database "
                    "is next opened.",
                ).format(error=result.facts_error)
            )
        reports = [r for r in result.reports if r.ok]
        if lines:  # every column of every file, and its rows, accounted for
            summary = ImportSummaryDialog(reports, lines, self.window, lang=lang)
            self.window.import_summary = summary  # tests and screenshots reach it here
            summary.show()
        self.finished_signal.emit(reports)
        for path in result.unrecognised:  # files no profile recognises: map their columns
            open_mapping(self.window, self.store, path, self.finished_signal)
        for path in result.undated:  # reports of counts without dates: which period?
            ask_period(self.window, self.store, path, self.finished_signal)

    def _failed(self, message: str) -> None:
        self.dialog.reset()
        QMessageBox.warning(self.window, translate("Import", "Import failed"), message)


def open_mapping(window, store, path, finished_signal, period=None) -> None:
    """The mapping dialog for ``path``; when the user imports, the file is imported
    with the mapping chosen (and saved, if they saved it). ``period``: the period a
    report without dates covers, when the user already gave it."""
    lang = window.language.code if getattr(window, "language", None) else "en"
    desk = getattr(window, "desk", None)
    dialog = MappingDialog(
        path,
        store,
        window,
        lang=lang,
        timezone=settings.safe_timezone(store),
        privacy=privacy_state.of(desk) if desk is not None else None,
        period=period,
    )
    window.mapping_dialog = dialog  # tests and screenshots reach it here

    def accepted() -> None:
        ImportFlow(
            window,
            store,
            [str(path)],
            finished_signal,
            dialog.profile_data(),
            dialog.sheet_name(),
            dialog.period(),
        ).start()

    dialog.accepted.connect(accepted)
    dialog.open()


def ask_period(window, store, path, finished_signal) -> None:
    """A report of counts a profile reads, but for the period it covers: the period is
    asked (the last one given offered again), then the file imported with it; or the
    user maps its columns instead."""
    lang = window.language.code if getattr(window, "language", None) else "en"
    dialog = PeriodDialog(Path(path).name, window, lang=lang, offered=getattr(window, "last_period", None))
    window.period_dialog = dialog  # tests and screenshots reach it here
    dialog.accepted.connect(
        lambda: ImportFlow(window, store, [str(path)], finished_signal, period=dialog.period()).start()
    )
    dialog.map_asked.connect(lambda: open_mapping(window, store, path, finished_signal, dialog.period()))
    dialog.open()
