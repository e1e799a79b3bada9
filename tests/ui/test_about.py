"""Help › About shows the version of the package."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kpidesk import __version__
from kpidesk.ui.about import about_text
from kpidesk.ui.app import make_app, make_window


def test_help_about_shows_version(qtbot, tmp_path):
    make_app()
    window = make_window("en", QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Help" in titles
    assert window.help_menu.about.text() == "About kpidesk"
    assert f"kpidesk {__version__}" in about_text()
