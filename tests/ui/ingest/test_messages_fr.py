"""What the import says when it refuses a file, why it rejected rows, and which
profiles it left out: in the window's language (French and English), by the one
mechanism core messages use (an English template and its values, translated in the
UI), for the import summary and File › Import history…

Set ``KPIDESK_SHOTS`` to a folder to save screenshots."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import import_file
from tests.ui.ingest.test_dialogs_fr import _french_window, _open_history, _shot

HEAD = "Call ID,Date,Queue,Agent,Outcome,Wait Time,Talk Time\n"
CSV = (
    HEAD
    + "C1,2024-03-01 08:00:00,Sales,A1,answered,NaN,10\n"
    + "C2,2024-03-01 08:05:00,Sales,A1,answered,5,10\n"
    + "C3,0001-01-01 08:00:00,Sales,A1,answered,5,10\n"
    + "C4,2024-03-01 08:07:00,Sales,A1,answered,-3,10\n"
)
FRENCH = [
    "Temps d'attente : pas un nombre fini (NaN ou infini)",
    "Arrivée : une date avant 1970 ou après 2100",
    "Temps d'attente : une durée négative",
]
STORED = [
    "wait_s: not a finite number (NaN or infinity)",
    "arrived_at: a date before 1970 or after 2100",
    "wait_s: a negative duration",
]
ENGLISH = [
    "Wait time: not a finite number (NaN or infinity)",
    "Arrival time: a date before 1970 or after 2100",
    "Wait time: a negative duration",
]


def _reasons(dialog) -> list[str]:
    return [dialog.rejects.item(r, 1).text() for r in range(dialog.rejects.rowCount())]


def test_reject_reasons_in_the_history_follow_the_language(qtbot, store, make_window, tmp_path):
    path = tmp_path / "appels.csv"
    path.write_text(CSV, encoding="utf-8")
    report = import_file(store, path, profile="generic_call_log")
    assert [reason for _line, reason in report.rejects] == STORED  # kept in English in the database
    window = _french_window(qtbot, store, make_window)
    dialog, _row = _open_history(qtbot, window)
    _shot(dialog, "import_history_reasons_fr")
    assert _reasons(dialog) == FRENCH
    window.actions_.set_language("en")
    qtbot.waitUntil(lambda: _reasons(dialog) == ENGLISH, timeout=10000)
    _shot(dialog, "import_history_reasons_en")


@pytest.fixture
def left_out(store, tmp_path):
    """A broken profile beside the database, and a file the import refuses."""
    from pathlib import Path

    folder = Path(store.path).parent / "profiles"
    folder.mkdir(exist_ok=True)
    (folder / "cassé.toml").write_text("name = [unclosed", encoding="utf-8")
    empty = tmp_path / "vide.csv"
    empty.write_text("\n", encoding="utf-8")
    good = tmp_path / "appels.csv"
    good.write_text(CSV, encoding="utf-8")
    return [str(empty), str(good)]


def _summary(qtbot, window, paths) -> list[str]:
    window.actions_.import_paths(paths)
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=20000)
    return window.import_summary.text.text().splitlines()


def test_the_import_summary_says_refusals_and_profiles_left_out_in_french(qtbot, store, make_window, left_out):
    window = _french_window(qtbot, store, make_window)
    lines = _summary(qtbot, window, left_out)
    _shot(window.import_summary, "import_summary_fr")
    assert lines[0].startswith("Le profil cassé.toml ne peut pas être lu : ") and lines[0].endswith("(profil ignoré)")
    assert lines[1] == "vide.csv : vide.csv est vide : il n'y a rien à importer."
    assert lines[2].startswith("appels.csv : 4 lignes lues")


def test_the_import_summary_says_them_in_english(qtbot, store, make_window, left_out):
    window = make_window(store, "en")
    lines = _summary(qtbot, window, left_out)
    _shot(window.import_summary, "import_summary_en")
    assert lines[0].startswith("The profile cassé.toml cannot be read: ") and lines[0].endswith("(profile ignored)")
    assert lines[1] == "vide.csv: vide.csv is empty: there is nothing to import."
    assert lines[2].startswith("appels.csv: 4 rows read")


def test_a_call_event_log_summary_says_how_it_was_read_in_french(qtbot, store, make_window):
    """The summary of a call event log says, in French, why it was read as calls and
    why its other rows were set aside (folded into their call, no call id…)."""
    from kpidesk.ui.ingest.summary_dialog import report_lines
    from tests.helpers.paths import FIXTURES

    report = import_file(store, FIXTURES / "event_logs" / "call_events_en.csv")
    assert report.recognised.startswith("recognised as a call event log")
    window = _french_window(qtbot, store, make_window)
    try:
        text = "\n".join(report_lines(report, "fr"))
        assert "Lu comme un journal d'événements d'appels" in text
        assert "événement intégré à son appel" in text
        assert "recognised" not in text and "folded" not in text
    finally:
        window.actions_.set_language("en")
