"""Start the desktop app: one QApplication, the theme, the language, the main window.

The window appears at once; the database opens in a worker and the figures follow,
so a cold start shows a usable window quickly even on a large file.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from kpidesk.core.paths import data_dir, default_db_path
from kpidesk.ui import i18n, tasks, theme
from kpidesk.ui.main_window import MainWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("kpidesk")
    app.setOrganizationName("kpidesk")
    theme.apply(app, theme.choose("system"))
    return app


def make_window(language_setting: str = "system", qsettings: QSettings | None = None):
    language = i18n.Language(QApplication.instance(), language_setting)
    return MainWindow(language, qsettings)


def demo_path() -> str:
    return str(data_dir() / "demo.duckdb")


def run_app(db: str | None = None, demo: bool = False) -> int:
    app = make_app()
    window = make_window()
    window.show()
    if demo:
        window.actions_.open_demo(demo_path())
    else:
        window.actions_.open_database(str(db or default_db_path()))
    window.welcome.demo_requested.connect(lambda: window.actions_.open_demo(demo_path()))
    window.welcome.import_requested.connect(window.actions_.choose_imports)
    window.welcome.open_requested.connect(window.actions_.choose_database)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: window.apply_theme())
    if os.environ.get("KPIDESK_QUIT_AFTER_SHOW"):  # packaging/CI: time a cold start to the window
        QTimer.singleShot(
            0,
            lambda: (
                print(  # noqa: T201 - read by packaging/CI
                    "kpidesk: window shown", flush=True
                ),
                app.quit(),
            ),
        )
    code = app.exec()
    close_down(window)
    release(window)
    return code


def close_down(window) -> None:
    """After the window closed: let running jobs end, then close the database, which
    folds its write-ahead log into the ``.duckdb`` file (a backup of that file alone
    holds every note, goal and setting)."""
    tasks.shutdown()
    if window.desk is not None:
        window.desk.store.close()


def release(window) -> None:
    """Destroy the closed window now and let go of every object it froze out of the
    collector (``attach``): the DuckDB and Qt wrappers are freed before the interpreter
    ends, not reported as leaked (``nanobind: leaked …``) at exit."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()
    gc.collect()
