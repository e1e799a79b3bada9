"""UI tests run offscreen, on a small generated database, driving the window as a user would."""

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest
from PySide6.QtCore import QSettings

from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine
from kpidesk.core.workspace import load_prefs
from kpidesk.ui import i18n
from kpidesk.ui.desk import Desk
from kpidesk.ui.main_window import MainWindow
from tests.helpers.qt_teardown import close_after_the_windows
from tests.helpers.sample_db import fill


@pytest.fixture(autouse=True)
def english_after_each_test(qapp):
    """A test that switches the app to French leaves English behind it: the language is
    process-wide, and the next test expects the default."""
    yield
    i18n.Language(None, "en")


@pytest.fixture(scope="session")
def sample_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "sample.duckdb"
    with open_database(path) as store:
        fill(store)
    return str(path)


@pytest.fixture(scope="session")
def busy_db_path(tmp_path_factory):
    """A fuller database: 150,000 contacts over four months, a team of 40 agents."""
    path = tmp_path_factory.mktemp("db") / "busy.duckdb"
    with open_database(path) as store:
        fill(store, rows=150_000, days=120, agents=40)
    return str(path)


@pytest.fixture
def busy_store(busy_db_path, tmp_path):
    path = tmp_path / "busy.duckdb"
    shutil.copy(busy_db_path, path)
    s = open_database(path)
    yield s
    close_after_the_windows(s)


@pytest.fixture
def store(sample_db_path, tmp_path):
    """A private copy of the sample database (tests may change settings)."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(sample_db_path, path)
    s = open_database(path)
    yield s
    close_after_the_windows(s)


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(store, language: str = "en"):
        lang = i18n.Language(None, language)
        prefs = load_prefs(store)
        prefs.language = language
        window = MainWindow(lang, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        with qtbot.waitSignal(window.kpis_computed, timeout=10000):
            window.attach(Desk(store, Engine(store, lang=language), prefs, lang, window))
        return window

    return make


def pytest_collection_modifyitems(items):
    # The offscreen platform says it cannot forward size hints: harmless there.
    for item in items:
        if "tests/ui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"))
