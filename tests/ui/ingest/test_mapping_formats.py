"""The mapping dialog's formats, driven as a team lead would (#12): an English call log
whose dates, decimals, time zone and transfer flag no vocabulary knows; a French
ticket list with its own yes/no words; a report of counts without dates, whose period
is asked (and asked again for the next such file, never saved in a profile); and
privacy mode, which masks the sample values the dialog shows. Expected figures are
worked out by hand from the rows below.

Set ``KPIDESK_SHOTS`` to a folder to save screenshots (1366×768) there."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kpidesk.core.ingest.period import Period
from kpidesk.ui.ingest import import_flow
from kpidesk.ui.ingest.mapping_dialog import KEEP, MappingDialog
from tests.ui.ingest.test_dialogs_fr import _french_window, _shot

# Dates 2024.01.30-14.05 written in New York time, hold times in minutes with a decimal
# comma ("1,5"), talk in minutes with a point (more frequent: the values alone say
# "decimal point"), a transfer flag written "x" or left empty.
CALLS = "Ref;Started;Rep;Hold mins;Talk mins;Xfer\n"
ROWS = ["R1;2024.01.30-14.05;Ann;1,5;3.25;x", "R2;2024.01.30-14.20;Bob;0,75;4.5;", "R3;2024.01.31-09.00;Ann;2;1.75;x"]
NEXT = ["R4;2024.02.01-08.30;Bob;0,5;2.5;", "R5;2024.02.01-16.45;Ann;1;1.25;x"]


def _write(path: Path, header: str, rows, encoding="utf-8") -> Path:
    path.write_bytes((header + "\n".join(rows) + "\n").encode(encoding))
    return path


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(import_flow.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def _settled(qtbot, dialog, timeout=20000):
    qtbot.waitUntil(lambda: dialog.proposal is not None and not dialog.is_pending(), timeout=timeout)
    qtbot.waitUntil(lambda: not dialog.values_runner.busy, timeout=timeout)
    qtbot.waitUntil(lambda: not dialog.is_pending(), timeout=timeout)


def _column(dialog, header):
    heads = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    c = heads.index(header)
    return [dialog.preview.item(r, c).text() for r in range(dialog.preview.rowCount())]


def _values(dialog):
    return [
        (dialog.value_table.item(r, 1).text(), dialog.value_table.item(r, 2).text())
        for r in range(dialog.value_table.rowCount())
    ]


def _open(qtbot, window, path, mapped=False):
    """The file dropped on the window (the dialog opens when no profile reads it), or
    ``mapped``: File › Import with mapping…, whatever profile would read it."""
    window.mapping_dialog = None
    if mapped:
        import_flow.open_mapping(window, window.desk.store, path, window.actions_.import_finished)
    else:
        window.actions_.import_paths([str(path)])
    qtbot.waitUntil(lambda: getattr(window, "mapping_dialog", None) is not None, timeout=10000)
    dialog = window.mapping_dialog
    _settled(qtbot, dialog)
    return dialog


def _fits_a_laptop(dialog, name):
    """The dialog fits a 1366×768 screen; saved as a screenshot at that size."""
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740, hint
    dialog.resize(1366, 768)
    _shot(dialog, name)


def test_date_format_decimal_comma_time_zone_and_flag_words(qtbot, store, make_window, tmp_path, boxes):
    window = make_window(store)
    dialog = _open(qtbot, window, _write(tmp_path / "holds.csv", CALLS, ROWS))
    assert dialog.kind == "calls"
    dialog.set_field("Started", "arrived_at")
    dialog.set_field("Xfer", "transferred")
    _settled(qtbot, dialog)
    # 2024.01.30-14.05 is no date the values alone tell: nothing would load
    assert dialog.counts.text().startswith("0 of 3 rows would load; 3 rejected.")
    assert not dialog.import_button.isEnabled()

    # The date format, as people write it; the dialog says how it reads it
    qtbot.keyClicks(dialog.date_format, "YYYY.MM.DD-hh.mm")
    _settled(qtbot, dialog)
    assert dialog.format_hint.text() == "read as %Y.%m.%d-%H.%M"
    row = list(dialog.combos).index("Started")
    assert dialog.fields.item(row, 4).text() == "date and time (format %Y.%m.%d-%H.%M)"
    assert dialog.counts.text().splitlines() == [
        "1 of 3 rows would load; 2 rejected.",
        "• cannot read the duration in column Hold mins: 2 rows (e.g. 0,75)",
    ]
    assert dialog.import_button.isEnabled()
    # "1,5" minutes with a decimal point is no number: the decimal comma reads them all
    dialog.decimal.setCurrentIndex(dialog.decimal.findData("comma"))
    _settled(qtbot, dialog)
    assert dialog.counts.text() == "3 of 3 rows would load."
    assert _column(dialog, "Hold time") == ["90", "45", "120"]
    assert _column(dialog, "Talk time") == ["195", "270", "105"]

    # The flag's values, empty cells included: "x" is a yes, an empty cell here a no
    assert _values(dialog) == [("x", "2"), ("(empty)", "1")]
    assert dialog.value_combos[("Xfer", "x")].currentText() == "yes"
    assert dialog.value_combos[("Xfer", "")].currentData() == KEEP
    assert _column(dialog, "Transferred") == ["yes", "", "yes"]
    dialog.set_target("Xfer", "", "false")
    _settled(qtbot, dialog)
    assert _column(dialog, "Transferred") == ["yes", "no", "yes"]

    # The times are New York's: converted to the app's zone (UTC here), 14:05 → 19:05
    assert _column(dialog, "Arrival time")[0] == "2024-01-30 14:05:00"
    dialog.zone.setCurrentText("America/New_York")
    _settled(qtbot, dialog)
    assert _column(dialog, "Arrival time") == ["2024-01-30 19:05:00", "2024-01-30 19:20:00", "2024-01-31 14:00:00"]
    _fits_a_laptop(dialog, "mapping_formats_en")

    # Saved with the profile, then imported
    dialog.name.setText("hold_log")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = (Path(store.path).parent / "profiles" / "hold_log.toml").read_text(encoding="utf-8")
    for line in (
        'date_format = "YYYY.MM.DD-hh.mm"',
        "decimal_comma = true",
        'timezone = "America/New_York"',
        'transferred = { column = "Xfer", map = { "" = "false" } }',
    ):
        assert line in text
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    assert (report.rows_read, report.loaded, report.rejected) == (3, 3, 0)
    query = "SELECT source_key, arrived_at, hold_s, talk_s, transferred FROM contacts WHERE import_id = $i ORDER BY 1"
    assert store.cursor().execute(query, {"i": report.import_id}).fetchall() == [
        ("R1", datetime(2024, 1, 30, 19, 5), 90.0, 195.0, True),
        ("R2", datetime(2024, 1, 30, 19, 20), 45.0, 270.0, False),
        ("R3", datetime(2024, 1, 31, 14, 0), 120.0, 105.0, True),
    ]

    # The next export of the same shape: imported on sight, read the same way, no dialog
    window.mapping_dialog = None
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        window.actions_.import_paths([str(_write(tmp_path / "holds_feb.csv", CALLS, NEXT))])
    [report] = done.args[0]
    assert (report.profile, report.loaded, report.rejected) == ("hold_log", 2, 0)
    assert window.mapping_dialog is None
    assert store.cursor().execute(query, {"i": report.import_id}).fetchall() == [
        ("R4", datetime(2024, 2, 1, 13, 30), 30.0, 150.0, False),
        ("R5", datetime(2024, 2, 1, 21, 45), 60.0, 75.0, True),
    ]


def test_a_date_format_that_is_no_date_is_refused(qtbot, store, tmp_path):
    dialog = MappingDialog(_write(tmp_path / "holds.csv", CALLS, ROWS), store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    dialog.set_field("Started", "arrived_at")
    qtbot.keyClicks(dialog.date_format, "hh:mm")
    _settled(qtbot, dialog)
    assert dialog.format_hint.text().startswith("not a whole date")
    assert dialog.status.text() == dialog.format_hint.text()
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.zone.setCurrentText("Mars/Olympus")
    dialog.date_format.clear()
    _settled(qtbot, dialog)
    assert dialog.status.text() == "Mars/Olympus is not a time zone (e.g. Europe/Paris, America/New_York, UTC)"
    assert not dialog.import_button.isEnabled()


# A French ticket list: dates "30-01-2024 à 14h05", "Traité"/"Perdu" for resolved, O/N for reopened.
TICKETS = "N° dossier;Ouvert le;Conseiller;Résolution;Rouvert\n"
DOSSIERS = [
    "D1;30-01-2024 à 14h05;Léa;Traité;N",
    "D2;30-01-2024 à 15h30;Marc;Perdu;O",
    "D3;31-01-2024 à 08h10;Léa;Traité;N",
]


def test_french_yes_no_words(qtbot, store, make_window, tmp_path, boxes):
    window = _french_window(qtbot, store, make_window)
    dialog = _open(qtbot, window, _write(tmp_path / "dossiers.csv", TICKETS, DOSSIERS, "cp1252"), mapped=True)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("tickets"))
    _settled(qtbot, dialog)
    dialog.set_field("N° dossier", "source_key")
    dialog.set_field("Ouvert le", "arrived_at")
    dialog.set_field("Résolution", "resolved")
    dialog.set_field("Rouvert", "reopened")
    _settled(qtbot, dialog)
    assert dialog.row_labels["date_format"].text() == "Format des dates"
    assert dialog.format_hint.text() == "JJ jour, MM mois, AAAA année, hh:mm:ss heure"
    assert dialog.decimal.currentText() == "Déduit des nombres"
    assert dialog.counts.text().splitlines() == [
        "0 lignes sur 3 seraient importées ; 3 rejetées.",
        "• date illisible dans la colonne Ouvert le : 3 lignes (p. ex. 30-01-2024 à 14h05)",
    ]
    # The date as a French team lead writes it: JJ-MM-AAAA à hhhmm
    dialog.date_format.insert("JJ-MM-AAAA à hhhmm")  # (QTest cannot type "à")
    _settled(qtbot, dialog)
    assert dialog.format_hint.text() == "lu comme %d-%m-%Y à %Hh%M"
    row = list(dialog.combos).index("Ouvert le")
    assert dialog.fields.item(row, 4).text() == "date et heure (format %d-%m-%Y à %Hh%M)"
    # "Traité" is no yes/no word: every row is still rejected, and said so
    assert "Résolution" in dialog.counts.text() and not dialog.import_button.isEnabled()
    assert dialog.value_combos[("Rouvert", "O")].currentText() == "oui"
    assert dialog.value_combos[("Résolution", "Traité")].currentText() == "non lue (ligne rejetée)"
    dialog.set_target("Résolution", "Traité", "true")
    dialog.set_target("Résolution", "Perdu", "false")
    _settled(qtbot, dialog)
    assert dialog.counts.text() == "3 lignes sur 3 seraient importées."
    _fits_a_laptop(dialog, "mapping_flags_fr")
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    rows = store.cursor().execute(
        "SELECT source_key, arrived_at, resolved, reopened FROM contacts WHERE import_id = $i ORDER BY 1",
        {"i": report.import_id},
    )
    assert rows.fetchall() == [
        ("D1", datetime(2024, 1, 30, 14, 5), True, False),
        ("D2", datetime(2024, 1, 30, 15, 30), False, True),
        ("D3", datetime(2024, 1, 31, 8, 10), True, False),
    ]


# Per rep, no date column: 10 + 20 = 30 calls offered, 9 + 15 = 24 answered.
REPORT = "Incoming Calls,Answered Calls,Abandoned Calls,Talk Duration (AVG),Sales Rep\n"
REPS = ["10,9,1,00:01:00,Rep01", "20,15,5,00:02:00,Rep02"]


def _intervals(store, import_id):
    return (
        store.cursor()
        .execute(
            "SELECT agent_id, interval_start, interval_s, offered, answered FROM interval_stats "
            "WHERE import_id = $i ORDER BY 1",
            {"i": import_id},
        )
        .fetchall()
    )


def test_a_report_without_dates_is_asked_its_period(qtbot, store, make_window, tmp_path, boxes):
    window = make_window(store)
    window.actions_.import_paths([str(_write(tmp_path / "reps.csv", REPORT, REPS))])
    qtbot.waitUntil(lambda: getattr(window, "period_dialog", None) is not None, timeout=20000)
    asked = window.period_dialog
    assert asked.windowTitle() == "Which period does reps.csv cover?"
    _shot(asked, "period_question_en")
    assert not asked.import_button.isEnabled()  # until a period is given
    asked.edit.mode.setCurrentIndex(asked.edit.mode.findData("day"))
    asked.edit.start.setDate(date(2024, 3, 5))
    assert asked.period() == Period(date(2024, 3, 5), date(2024, 3, 5))
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(asked.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    assert _intervals(store, report.import_id) == [
        ("Rep01", datetime(2024, 3, 5), 86400, 10, 9),
        ("Rep02", datetime(2024, 3, 5), 86400, 20, 15),
    ]

    # The next such file: asked again, the last period offered but not taken unasked
    window.period_dialog = None
    window.actions_.import_paths([str(_write(tmp_path / "reps_next.csv", REPORT, REPS[:1]))])
    qtbot.waitUntil(lambda: getattr(window, "period_dialog", None) is not None, timeout=20000)
    again = window.period_dialog
    assert again.period() is None and not again.import_button.isEnabled()
    assert again.edit.start.date().toPython() == date(2024, 3, 5)
    assert "(2024-03-05)" in again.offered.text()
    # Mapping the columns instead: the mapping dialog asks for the period too
    window.mapping_dialog = None
    again.edit.set_period(Period(date(2024, 3, 6), date(2024, 3, 8)))
    qtbot.mouseClick(again.map_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "mapping_dialog", None) is not None, timeout=10000)
    dialog = window.mapping_dialog
    _settled(qtbot, dialog)
    assert dialog.kind == "intervals" and dialog.period_edit.isVisible()
    assert dialog.period() == Period(date(2024, 3, 6), date(2024, 3, 8))
    assert _column(dialog, "Interval start") == ["2024-03-06 00:00:00"]
    assert dialog.period_hint.text().startswith("Every row is placed in 2024-03-06 – 2024-03-08 (3 days)")
    # No period: nothing can load, Import is refused and the question asked
    dialog.period_edit.set_period(None)
    _settled(qtbot, dialog)
    assert not dialog.import_button.isEnabled() and dialog.preview.rowCount() == 0
    assert dialog.status.text().startswith("Say which period this file covers")
    _fits_a_laptop(dialog, "mapping_period_en")
    dialog.period_edit.set_period(Period(date(2024, 3, 6), date(2024, 3, 8)))
    _settled(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    # Saved without the period (it belongs to one file), imported with it
    dialog.name.setText("reps")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = (Path(store.path).parent / "profiles" / "reps.toml").read_text(encoding="utf-8")
    assert "2024" not in saved and "interval_start" not in saved
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    assert _intervals(store, report.import_id) == [("Rep01", datetime(2024, 3, 6), 3 * 86400, 10, 9)]

    # A third such file: the saved profile reads it, the period is asked again
    window.period_dialog = window.mapping_dialog = None
    window.actions_.import_paths([str(_write(tmp_path / "reps_third.csv", REPORT, REPS[1:]))])
    qtbot.waitUntil(lambda: getattr(window, "period_dialog", None) is not None, timeout=20000)
    third = window.period_dialog
    assert third.edit.start.date().toPython() == date(2024, 3, 6) and third.period() is None
    third.edit.mode.setCurrentIndex(third.edit.mode.findData("range"))
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(third.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    assert report.profile == "reps" and window.mapping_dialog is None
    assert _intervals(store, report.import_id) == [("Rep02", datetime(2024, 3, 6), 3 * 86400, 20, 15)]


def test_the_period_question_in_french(qtbot, store, make_window, tmp_path, boxes):
    window = _french_window(qtbot, store, make_window)
    window.actions_.import_paths([str(_write(tmp_path / "conseillers.csv", REPORT, REPS))])
    qtbot.waitUntil(lambda: getattr(window, "period_dialog", None) is not None, timeout=20000)
    asked = window.period_dialog
    assert asked.windowTitle() == "Quelle période couvre conseillers.csv ?"
    assert asked.question.text().endswith("Quelle période couvre-t-il ?")
    assert [asked.edit.mode.itemText(i) for i in range(3)] == ["pas encore donnée", "un jour", "du … au"]
    assert (asked.import_button.text(), asked.map_button.text()) == ("Importer", "Faire correspondre les colonnes…")
    asked.edit.set_period(Period(date(2024, 3, 1), date(2024, 3, 31)))
    assert asked.edit.start.text() == "01/03/2024"
    _shot(asked, "period_question_fr")
    # The mapping dialog's period row, in French
    window.mapping_dialog = None
    qtbot.mouseClick(asked.map_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "mapping_dialog", None) is not None, timeout=10000)
    dialog = window.mapping_dialog
    _settled(qtbot, dialog)
    assert dialog.row_labels["period"].text() == "Période du fichier"
    assert dialog.period_hint.text().startswith("Chaque ligne est placée sur 01/03/2024 – 31/03/2024 (31 jours)")
    assert dialog.counts.text() == "2 lignes sur 2 seraient importées."
    _fits_a_laptop(dialog, "mapping_period_fr")


PEOPLE = "Call;Date;Agent;Caller number;Email;Comment\n"
CALLERS = [
    "C1;2024-03-01 09:00:00;Marie Durand;06 12 34 56 78;jeanne.dupont@exemple.fr;Rappeler au 06 98 76 54 32",
    "C2;2024-03-01 09:05:00;Paul Martin;+33 6 11 22 33 44;paul@exemple.fr;ok",
]


def test_privacy_mode_masks_the_sample_values(qtbot, store, make_window, tmp_path, boxes):
    window = make_window(store)
    window.set_privacy(True)
    dialog = _open(qtbot, window, _write(tmp_path / "appels.csv", PEOPLE, CALLERS), mapped=True)
    rows = {dialog.fields.item(r, 0).text(): dialog.fields.item(r, 1).text() for r in range(dialog.fields.rowCount())}
    for secret in ("Marie", "Durand", "Paul Martin", "12 34 56", "jeanne", "dupont", "06 98 76"):
        assert all(secret not in text for text in rows.values()), (secret, rows)
    assert rows["Agent"].startswith("Agent ")  # an alias, stable from one screen to the next
    assert rows["Caller number"] == "•• •• •• •• 78 · •• •• •• •• 44"
    assert rows["Email"] == "j***@***.fr · p***@***.fr"
    assert rows["Comment"] == "Rappeler au [phone] · ok"
    agents = _column(dialog, "Agent")
    assert all(a.startswith("Agent ") for a in agents) and "Marie Durand" not in agents
    _fits_a_laptop(dialog, "mapping_privacy_en")
    # Privacy off: the values as they are, at once
    window.set_privacy(False)
    row = list(dialog.combos).index("Agent")
    assert dialog.fields.item(row, 1).text() == "Marie Durand · Paul Martin"
    assert _column(dialog, "Agent") == ["Marie Durand", "Paul Martin"]
