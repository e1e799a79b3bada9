"""Failures said to the team lead: in the window's language, without Python class
names; behind a failed open, the welcome page says no database is open (not that it
is empty); the status bar names the file, not the folder (screen sharing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kpidesk.core.db.startup import open_database
from kpidesk.ui import i18n, tasks
from kpidesk.ui.errors import describe
from kpidesk.ui.main_window import MainWindow


@pytest.fixture
def shown(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    return said


def _window(qtbot, tmp_path, lang: str) -> MainWindow:
    window = MainWindow(i18n.Language(None, lang), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_locked_database_is_explained_in_french_and_the_welcome_page_does_not_call_it_empty(qtbot, tmp_path, shown):
    path = tmp_path / "équipe.duckdb"
    holder = open_database(path)  # another kpidesk holds it…
    import duckdb

    from kpidesk.core.db import store as store_module

    real = duckdb.connect

    def locked(p, *a, **k):  # …in another process: DuckDB says so with its lock error
        if str(p) == str(path):
            raise duckdb.IOException(f'Could not set lock on file "{p}": Conflicting lock is held in python (PID 4242)')
        return real(p, *a, **k)

    try:
        window = _window(qtbot, tmp_path, "fr")
        store_module.duckdb.connect, original = locked, store_module.duckdb.connect
        try:
            window.actions_.open_database(str(path))
            qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        finally:
            store_module.duckdb.connect = original
        message = shown[0]
        assert message.startswith(f"La base {path} est déjà ouverte dans un autre programme (processus 4242)")
        assert "DatabaseLocked" not in message and "kpidesk.core" not in message
        text = window.welcome.text.text()
        assert "aucun contact" not in text.lower() and "no contacts" not in text
        assert text.startswith("Aucune base n'est ouverte : La base")
        assert not window.welcome.imports.isEnabled()
    finally:
        tasks.shutdown()
        holder.close()


def test_opening_an_export_as_a_database_is_refused(qtbot, tmp_path, shown):
    csv = tmp_path / "calls.csv"
    csv.write_text("Call ID,Start time,Agent\nC1,2026-11-16 09:00,Alice\n")
    window = _window(qtbot, tmp_path, "en")
    try:
        window.actions_.open_database(str(csv))
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    finally:
        tasks.shutdown()
    assert shown[0] == f"{csv} is not a kpidesk database (is it an export to import rather than open?)."
    assert window.desk is None


def test_an_unexpected_error_has_no_class_name(qapp):
    i18n.Language(None, "fr")
    try:
        assert describe(KeyError("day")) == "Une erreur est survenue : 'day'"
        assert describe(ValueError("")) == "Une erreur est survenue : ValueError"  # nothing else to say
    finally:
        i18n.Language(None, "en")


def test_the_status_bar_names_the_file_not_its_folder(store, make_window):
    window = make_window(store)
    text = window.extent_label.text()
    assert text.startswith(Path(store.path).name + " · ")
    assert str(Path(store.path).parent) not in text


def test_the_privacy_banner_follows_the_language(qtbot, store, make_window):
    window = make_window(store)
    window.set_privacy(True)
    assert window.privacy_banner.text().startswith("● Privacy mode on")
    window.actions_.set_language("fr")
    qtbot.waitUntil(lambda: window.privacy_banner.text().startswith("● Mode confidentialité"), timeout=5000)
    assert str(Path(store.path).parent) not in window.extent_label.toolTip()
