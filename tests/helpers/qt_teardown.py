"""Putting a UI test's database away in the right order."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kpidesk.ui import tasks


def close_after_the_windows(store) -> None:
    """Put a test's database away once nothing uses it any more: close the windows
    still open (pytest-qt closes those given to ``qtbot.addWidget``), then, until no
    job runs, wait for the running jobs and deliver their results (a result may start
    another job: a saved comment reloads the list, a closed dialog's last figures
    arrive). Only then close the database: a job started after it would find its
    connection closed."""
    app = QApplication.instance()
    if app is not None:
        for window in app.topLevelWidgets():
            window.close()
    for _ in range(20):
        tasks.shutdown()
        if app is not None:
            app.processEvents()
        if tasks.idle():
            break
    store.close()
