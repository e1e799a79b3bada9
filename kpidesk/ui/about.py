"""Help › About kpidesk: the version, the Qt and DuckDB underneath, where data lives."""

from __future__ import annotations

import duckdb
from PySide6 import __version__ as pyside
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from kpidesk import __version__
from kpidesk.ui.i18n import translate

TEXT = {
    "help": QT_TRANSLATE_NOOP("About", "&Help"),
    "about": QT_TRANSLATE_NOOP("About", "About kpidesk"),
    "body": QT_TRANSLATE_NOOP("About", "Customer-service KPIs from your own exports, offline, on your laptop."),
    "version": QT_TRANSLATE_NOOP("About", "Version {version}"),
}


def about_text() -> str:
    return (
        f"<h3>kpidesk {__version__}</h3><p>{translate('About', TEXT['body'])}</p>"
        f"<p>{translate('About', TEXT['version']).format(version=__version__)} · "
        f"Qt/PySide6 {pyside} · DuckDB {duckdb.__version__}</p>"
    )


class HelpMenu:
    """Adds a Help menu with About to a main window; retranslates with it."""

    def __init__(self, window):
        self.window = window
        self.menu = window.menuBar().addMenu("")
        self.about = QAction(window)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)  # the app menu on macOS
        self.about.triggered.connect(self.show_about)
        self.menu.addAction(self.about)
        window.language.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_args) -> None:
        self.menu.setTitle(translate("About", TEXT["help"]))
        self.about.setText(translate("About", TEXT["about"]))

    def show_about(self) -> None:
        QMessageBox.about(self.window, translate("About", TEXT["about"]), about_text())
