"""Nothing lost on quit: the README's backup copies the .duckdb file alone, with
kpidesk closed; every note, goal and setting must be in that file."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from kpidesk.core import settings
from kpidesk.core.coaching import notes as coaching_notes
from kpidesk.core.db.startup import open_database
from kpidesk.core.workspace import PrefsChange
from kpidesk.ui.app import close_down
from kpidesk.ui.dashboard.agent_table import AGENT_ROLE


def test_a_note_written_in_the_app_survives_copying_only_the_duckdb_file(sample_db_path, make_window, qtbot, tmp_path):
    path = tmp_path / "team.duckdb"
    shutil.copy(sample_db_path, path)
    store = open_database(path)
    window = make_window(store)
    window.show_tab("agents")
    agents = window.views["agents"]
    qtbot.waitUntil(lambda: agents.data is not None and not agents.busy, timeout=15000)
    table = agents.table
    row = next(r for r in range(table.proxy.rowCount()) if table.proxy.index(r, 0).data(AGENT_ROLE) == "A03")
    cell = table.visualRect(table.proxy.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    view = window.coaching_view
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.data is not None and view.detail is not None, timeout=20000)
    qtbot.keyClicks(view.notes.note_text, "Rappeler les modeles de reponse.")
    with qtbot.waitSignal(view.history_saved, timeout=10000):
        qtbot.mouseClick(view.notes.add_note_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(store_saved(window), timeout=10000):
        window.actions_.save(PrefsChange(values={"sl_threshold_s": 30}))
    # Before quitting, the note is in the write-ahead log only if nothing folded it in.
    view.close()
    window.close()
    close_down(window)  # what the app does after its window closed
    assert not (tmp_path / "team.duckdb.wal").exists()
    backup = tmp_path / "backup"
    backup.mkdir()
    shutil.copy(path, backup / "team.duckdb")  # the file alone
    with open_database(backup / "team.duckdb") as copy:
        assert [n.text for n in coaching_notes.notes(copy, "A03")] == ["Rappeler les modeles de reponse."]
        assert settings.get(copy, "sl_threshold_s") == 30


def test_each_write_from_the_app_is_in_the_file_before_quitting(tmp_path):
    """A crash or a power cut after writing a note loses nothing either."""
    from datetime import date

    path = tmp_path / "team.duckdb"
    store = open_database(path)
    try:
        coaching_notes.add_note(store, "A1", date(2026, 11, 16), "Bon appel.")
        shutil.copy(path, tmp_path / "copy.duckdb")  # while the database is still open
    finally:
        store.close()
    with open_database(tmp_path / "copy.duckdb") as copy:
        assert [n.text for n in coaching_notes.notes(copy, "A1")] == ["Bon appel."]


def store_saved(window):
    return window.actions_.writer.task_finished
