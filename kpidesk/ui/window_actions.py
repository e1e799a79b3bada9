"""The window's menus and what they start: open, new, recent, import, export, settings.

Each action that touches the database runs a job on a task runner (the write pool
for imports and settings, so writes go through one path, in order); the results come
back as ``database_opened`` / ``import_finished`` and the window re-reads its prefs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kpidesk.core.workspace import PrefsChange, demo_job, load_prefs, open_job, save_prefs
from kpidesk.ui import export, i18n, privacy_state
from kpidesk.ui.desk import Desk
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.history_dialog import ImportHistoryDialog
from kpidesk.ui.ingest.import_flow import ImportFlow, open_mapping
from kpidesk.ui.settings_dialog import SettingsDialog
from kpidesk.ui.tasks import TaskRunner

MAX_RECENT = 8
MENU_TEXT = {
    "file": QT_TRANSLATE_NOOP("Menu", "&File"),
    "view": QT_TRANSLATE_NOOP("Menu", "&View"),
    "tools": QT_TRANSLATE_NOOP("Menu", "&Tools"),
    "recent": QT_TRANSLATE_NOOP("Menu", "Recent databases"),
    "language": QT_TRANSLATE_NOOP("Menu", "Language"),
    "new": QT_TRANSLATE_NOOP("Menu", "New database…"),
    "open": QT_TRANSLATE_NOOP("Menu", "Open database…"),
    "import_": QT_TRANSLATE_NOOP("Menu", "Import files…"),
    "import_mapped": QT_TRANSLATE_NOOP("Menu", "Import with mapping…"),
    "import_history": QT_TRANSLATE_NOOP("Menu", "Import history…"),
    "export_table": QT_TRANSLATE_NOOP("Menu", "Export table (CSV, XLSX)…"),
    "export_chart": QT_TRANSLATE_NOOP("Menu", "Export chart (PNG)…"),
    "quit": QT_TRANSLATE_NOOP("Menu", "Quit"),
    "privacy": QT_TRANSLATE_NOOP("Menu", "Privacy mode (screen sharing)"),
    "settings": QT_TRANSLATE_NOOP("Menu", "Settings…"),
    "system": QT_TRANSLATE_NOOP("Menu", "System language"),
    "en": "English",
    "fr": "Français",
}


class WindowActions(QObject):
    import_finished = Signal(object)  # list of ImportReport

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.opener = TaskRunner(self, pool="write")
        self.writer = TaskRunner(self, pool="write")
        self.opener.task_finished.connect(self._opened)
        self.opener.task_failed.connect(self._open_failed)
        self.writer.task_finished.connect(self._saved)
        self.writer.task_failed.connect(self._failed)
        self.opener.busy_changed.connect(window._show_busy)
        self.opener.progressed.connect(window._show_open_progress)  # derived facts caught up on open
        bar = window.menuBar()
        self.file_menu, self.view_menu, self.tools_menu = bar.addMenu(""), bar.addMenu(""), bar.addMenu("")
        self.recent_menu = None
        a = self.act
        self.new = a(self.file_menu, self.new_database, QKeySequence.StandardKey.New)
        self.open = a(self.file_menu, self.choose_database, QKeySequence.StandardKey.Open)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.import_ = a(self.file_menu, self.choose_imports, "Ctrl+I")
        self.import_mapped = a(self.file_menu, self.choose_mapped_import)
        self.import_history = a(self.file_menu, self.show_import_history)
        self.file_menu.addSeparator()
        self.export_table = a(self.file_menu, self.export_current_table, "Ctrl+E")
        self.export_chart = a(self.file_menu, self.export_current_chart, "Ctrl+Shift+E")
        self.file_menu.addSeparator()
        self.quit = a(self.file_menu, window.close, QKeySequence.StandardKey.Quit)
        self.lang_menu = self.view_menu.addMenu("")
        self.lang_group = QActionGroup(self)
        self.lang_actions = {}
        for code in ("system", "en", "fr"):
            action = a(self.lang_menu, lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            self.lang_group.addAction(action)
            self.lang_actions[code] = action
        self.privacy = a(self.view_menu, window.set_privacy)
        self.privacy.setCheckable(True)
        self.settings = a(self.tools_menu, self.open_settings, "Ctrl+,")
        self.import_finished.connect(lambda _r: self.reload_prefs())

    def act(self, menu, slot, shortcut=None) -> QAction:
        action = QAction(self.w)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        t = lambda s: translate("Menu", s)
        for menu, key in (
            (self.file_menu, "file"),
            (self.view_menu, "view"),
            (self.tools_menu, "tools"),
            (self.recent_menu, "recent"),
            (self.lang_menu, "language"),
        ):
            menu.setTitle(t(MENU_TEXT[key]))
        for key in (
            "new",
            "open",
            "import_",
            "import_mapped",
            "import_history",
            "export_table",
            "export_chart",
            "quit",
            "privacy",
            "settings",
        ):
            getattr(self, key).setText(t(MENU_TEXT[key]))
        for code in ("system", "en", "fr"):
            self.lang_actions[code].setText(t(MENU_TEXT[code]))
        self.lang_actions[self.w.language.setting].setChecked(True)
        self._fill_recent()

    # -- databases ----------------------------------------------------------------------
    def open_database(self, path: str) -> None:
        self.opener.start(open_job, path)

    def open_demo(self, path: str) -> None:
        self.w.statusBar().showMessage(translate("Menu", "Building the demo data…"))
        self.opener.start(lambda p, s: demo_job(p), path)

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.w,
            translate("Menu", "Open database"),
            "",
            translate("Menu", "kpidesk databases (*.duckdb *.db);;All files (*)"),
        )
        if path:
            self.open_database(path)

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            translate("Menu", "New database"),
            "kpidesk.duckdb",
            translate("Menu", "kpidesk databases (*.duckdb)"),
        )
        if path:
            self.open_database(path)

    def _opened(self, result) -> None:
        store, engine, prefs = result
        engine.lang = self.w.language.code
        self.w.statusBar().clearMessage()
        self.w.welcome.show_problem(None)
        self.w.attach(Desk(store, engine, prefs, self.w.language, self.w))
        recent = [store.path] + [p for p in self._recent() if p != store.path]
        self.w.qsettings.setValue("recent", recent[:MAX_RECENT])
        self.w.qsettings.setValue("last_db", store.path)
        self._fill_recent()

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self.w, "kpidesk", message)

    def _open_failed(self, message: str) -> None:
        if self.w.desk is None:  # nothing open: the welcome page says why, not "no contacts yet"
            self.w.welcome.show_problem(message)
        self.w.statusBar().clearMessage()
        self._failed(message)

    def _recent(self) -> list[str]:
        value = self.w.qsettings.value("recent") or []
        return [value] if isinstance(value, str) else list(value)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            self.recent_menu.addAction(path, lambda p=path: self.open_database(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    # -- settings -----------------------------------------------------------------------
    def save(self, change: PrefsChange) -> None:
        if self.w.desk is not None:
            self.writer.start(save_prefs, (self.w.desk.store, change))

    def reload_prefs(self) -> None:
        if self.w.desk is not None:
            self.writer.start(lambda store, s: load_prefs(store), self.w.desk.store)

    def _saved(self, prefs) -> None:
        if self.w.desk is not None:
            self.w.desk.set_prefs(prefs)

    def set_language(self, code: str) -> None:
        self.w.language.set_setting(code)
        self.save(PrefsChange(values={"language": code}))

    def open_settings(self) -> None:
        if self.w.desk is None:
            return
        dialog = SettingsDialog(self.w.desk, self.w)
        if dialog.exec():
            self.save(dialog.change())

    # -- imports and exports ------------------------------------------------------------
    def choose_imports(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.w,
            translate("Menu", "Import files"),
            "",
            translate("Menu", "Exports (*.csv *.txt *.xlsx *.xls *.json *.parquet *.log);;All files (*)"),
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        if self.w.desk is None:
            return
        ImportFlow(self.w, self.w.desk.store, paths, self.import_finished).start()

    def choose_mapped_import(self) -> None:
        if self.w.desk is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.w,
            translate("Menu", "Import with mapping"),
            "",
            translate("Menu", "Exports (*.csv *.txt *.xlsx *.xls *.json *.parquet *.log);;All files (*)"),
        )
        if path:
            open_mapping(self.w, self.w.desk.store, path, self.import_finished)

    def show_import_history(self) -> None:
        if self.w.desk is None:
            return
        self.w.import_history = ImportHistoryDialog(
            self.w.desk.store, self.w, lang=self.w.language.code, privacy=privacy_state.of(self.w.desk)
        )
        self.w.import_history.open()

    def export_current_table(self) -> None:
        view = self.w.current_view()
        table = view.export_table() if view else None
        if table is None:
            self.w.statusBar().showMessage(translate("Menu", "This tab has no table to export."), 5000)
            return
        filters = translate("Menu", "CSV (*.csv)") + (
            ";;" + translate("Menu", "Excel (*.xlsx)") if export.xlsx_available() else ""
        )
        path, _ = QFileDialog.getSaveFileName(self.w, translate("Menu", "Export table"), f"{view.key}.csv", filters)
        if path:
            header, rows = table.rows_as_table()
            units = table.column_units() if hasattr(table, "column_units") else []
            export.write_table(Path(path), header, rows, self.w.language.code, units)

    def export_current_chart(self) -> None:
        view = self.w.current_view()
        chart = view.export_chart() if view else None
        if chart is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.w, translate("Menu", "Export chart"), f"{view.key}.png", translate("Menu", "PNG image (*.png)")
        )
        if path:
            export.save_chart_png(chart, Path(path), self.w.chart_caption())


__all__ = ["WindowActions", "open_job", "demo_job", "i18n"]
