"""Opening a database whose derived facts an interrupted import left pending: the
catch-up runs on the opener's worker and the status bar shows how far it is."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_batch
from kpidesk.ui import i18n, tasks
from kpidesk.ui.main_window import MainWindow

CALLS = (
    "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"
    "K1,2026-03-02 09:00:00,Support,ag1,+331,answered,10,100\n"
    "K2,2026-03-02 10:00:00,Support,ag2,+331,answered,12,80\n"
)


def _pending_db(tmp_path):
    csv = tmp_path / "calls.csv"
    csv.write_text(CALLS, encoding="utf-8")
    path = tmp_path / "kd.duckdb"
    with open_database(path) as store:
        import_batch(store, [csv])
        with store.write() as cur:  # as if the import had been killed after its commit
            cur.execute("UPDATE derived_state SET through_import = 0")
    return path


def test_the_catch_up_on_open_shows_its_progress_then_the_bar_is_the_views_again(qtbot, tmp_path):
    path = _pending_db(tmp_path)
    window = MainWindow(i18n.Language(None, "fr"), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[float, str, int]] = []

    def watch(fraction: float) -> None:  # what the status bar says as each step arrives
        seen.append((fraction, window.busy_label.text(), window.busy_bar.maximum()))

    window.actions_.opener.progressed.connect(watch)
    try:
        window.actions_.open_database(str(path))
        qtbot.waitUntil(lambda: window.desk is not None, timeout=20000)
        fractions = [f for f, _, _ in seen]
        assert fractions and fractions == sorted(fractions) and fractions[-1] == 1.0
        assert {label for _, label, _ in seen} == {"Mise à jour des faits dérivés…"}
        assert all(maximum == 1000 for _, _, maximum in seen)  # a real fraction, not a spinner
        assert derive.pending(window.desk.store.cursor()) == []
        window._show_busy(False)  # the opener is done: the views' own loading is a spinner again
        # (in the language the opened database's preferences chose)
        assert window.busy_bar.maximum() == 0
        assert window.busy_label.text() == i18n.translate("MainWindow", "Loading figures…")
    finally:
        tasks.shutdown()
        if window.desk is not None:
            window.desk.store.close()
