"""The mapping dialog, driven as a team lead would: an unknown French call log is
dropped, the dialog says what kind of file it takes it for and proposes a field per
column; the user changes the date format, maps a value, watches the preview's counts
change, sees Import refused while nothing would load, saves the mapping as a profile
and imports; the next file of the same shape imports without the dialog, its values
mapped the same way."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kpidesk.core.ingest import import_file
from kpidesk.ui.ingest import import_flow
from kpidesk.ui.ingest.mapping_dialog import MappingDialog

HEADER = "Conseiller;Jour d'appel;Heure;Durée;Décroché;Pôle\n"
ROWS = [
    "Marie Durand;03/04/2024;09:15:02;00:04:12;Oui;Ventes",
    "Paul Martin;03/04/2024;09:17:40;00:02:01;Non;SAV",
    "Marie Durand;13/04/2024;10:01:00;00:10:00;Oui;SAV",
]
MORE = ["Lea Petit;15/04/2024;11:00:00;00:01:30;Oui;Ventes", "Lea Petit;15/04/2024;11:05:00;00:00:00;Non;SAV"]


def _write(path: Path, rows) -> Path:
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(import_flow.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def _preview_column(dialog, header):
    heads = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    c = heads.index(header)
    return [dialog.preview.item(r, c).text() for r in range(dialog.preview.rowCount())]


def _settled(qtbot, dialog, timeout=20000):
    """Wait for the debounced preview (and any listing of values) to come back."""
    qtbot.waitUntil(lambda: dialog.proposal is not None and not dialog.is_pending(), timeout=timeout)
    qtbot.waitUntil(lambda: not dialog.values_runner.busy, timeout=timeout)
    qtbot.waitUntil(lambda: not dialog.is_pending(), timeout=timeout)


def _field_of(dialog, column):
    return dialog.combos[column].currentData()


def test_unknown_file_mapped_saved_imported_then_recognised(qtbot, store, make_window, tmp_path, boxes):
    window = make_window(store)
    first = _write(tmp_path / "appels_avril.csv", ROWS)
    window.actions_.import_paths([str(first)])
    qtbot.waitUntil(lambda: getattr(window, "mapping_dialog", None) is not None, timeout=10000)
    dialog = window.mapping_dialog
    _settled(qtbot, dialog)
    assert dialog.isVisible()
    # The kind of file, the reader options and a field for every column, with confidences
    assert dialog.kind == "calls" and dialog.kind_combo.currentText() == "Call log (one row per call)"
    assert dialog.delimiter.currentData() == ";" and dialog.encoding.currentText() == "utf-8"
    assert [dialog.fields.item(r, 0).text() for r in range(dialog.fields.rowCount())] == HEADER.strip().split(";")
    fields = {c: _field_of(dialog, c) for c in dialog.combos}
    assert fields == {
        "Conseiller": "agent_id",
        "Jour d'appel": "arrived_at",
        "Heure": "arrived_at.time",
        "Durée": "talk_s",
        "Décroché": "outcome",
        "Pôle": None,
    }
    row = {c: r for r, c in enumerate(dialog.combos)}
    assert dialog.combos["Pôle"].currentText() == "not used"
    assert dialog.combos["Jour d'appel"].currentText() == "Arrival time *"
    assert dialog.fields.item(row["Conseiller"], 3).text() == "100%"
    assert dialog.fields.item(row["Durée"], 4).text() == "duration in seconds"
    assert dialog.fields.item(row["Pôle"], 4).text() == "not used"
    # The preview: counts over the file, and values as they will load
    assert dialog.counts.text() == "3 of 3 rows would load."
    assert _preview_column(dialog, "Arrival time")[0] == "2024-04-03 09:15:02"
    assert _preview_column(dialog, "Talk time") == ["252", "121", "600"]
    assert _preview_column(dialog, "Outcome") == ["answered", "abandoned", "answered"]
    assert dialog.import_button.isEnabled() and dialog.save_button.isEnabled()

    # The values of the outcome column, listed from the file with their rows, a target each
    listed = [
        (dialog.value_table.item(r, 1).text(), dialog.value_table.item(r, 2).text())
        for r in range(dialog.value_table.rowCount())
    ]
    assert listed == [("Oui", "2"), ("Non", "1")]
    assert dialog.value_combos[("Décroché", "Non")].currentData() == "abandoned"
    # "Non" here means the call overflowed to another site: mapped so
    dialog.set_target("Décroché", "Non", "flowout")
    _settled(qtbot, dialog)
    assert _preview_column(dialog, "Outcome") == ["answered", "flowout", "answered"]

    # Month first: 13/04/2024 cannot be read; the preview says how many rows and why
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("mdy"))
    assert not dialog.import_button.isEnabled()  # until the new counts are in
    _settled(qtbot, dialog)
    assert dialog.counts.text().splitlines() == [
        "2 of 3 rows would load; 1 rejected.",
        "• cannot read the date in column Jour d'appel: 1 rows (e.g. 13/04/2024 10:01:00)",
    ]
    assert dialog.import_button.isEnabled()
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("dmy"))
    _settled(qtbot, dialog)
    assert dialog.counts.text() == "3 of 3 rows would load."

    # The agent's names as arrival times: nothing would load, Import and saving are refused
    dialog.set_field("Conseiller", "arrived_at")
    _settled(qtbot, dialog)
    assert _field_of(dialog, "Jour d'appel") is None  # one column per field
    assert dialog.counts.text().startswith("0 of 3 rows would load; 3 rejected.")
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.status.text().startswith("Import is not possible: none of the 3 rows would load")
    assert dialog.save_profile() is None
    # A required field without a column: refused too, the field named
    dialog.set_field("Conseiller", None)
    assert not dialog.import_button.isEnabled() and dialog.status.text() == "Choose a column for: Arrival time"
    dialog.set_field("Conseiller", "agent_id")
    dialog.set_field("Jour d'appel", "arrived_at")
    dialog.set_field("Pôle", "queue")
    _settled(qtbot, dialog)
    assert dialog.fields.item(row["Pôle"], 3).text() == "chosen"
    assert _preview_column(dialog, "Queue") == ["Ventes", "SAV", "SAV"]
    assert dialog.import_button.isEnabled()

    # Save as profile (fields, value codes, formats), then import
    dialog.name.setText("appels_conseillers")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = Path(store.path).parent / "profiles" / "appels_conseillers.toml"
    text = saved.read_text(encoding="utf-8")
    assert "Pôle" in text and 'non = "flowout"' in text and 'date_order = "dmy"' in text
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    assert (report.rows_read, report.loaded, report.rejected) == (3, 3, 0)
    rows = (
        store.cursor()
        .execute(
            "SELECT agent_id, queue, talk_s, outcome FROM contacts WHERE import_id = $i ORDER BY arrived_at",
            {"i": report.import_id},
        )
        .fetchall()
    )
    assert rows == [
        ("Marie Durand", "Ventes", 252.0, "answered"),
        ("Paul Martin", "SAV", 121.0, "flowout"),
        ("Marie Durand", "SAV", 600.0, "answered"),
    ]
    # The summary lists every column of the file: the field it fed, or not used
    summary = window.import_summary
    assert summary.text.text().startswith("appels_avril.csv: 3 rows read, 3 loaded, 0 duplicates, 0 rejected")
    [table] = summary.tables
    said = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(6)}
    assert said["Pôle"] == ("Queue", "100%") and said["Décroché"][0] == "Outcome"
    assert said["Jour d'appel"] == ("Arrival time", "100%")

    # A second file of the same shape imports on sight, its "Non" an overflow again
    window.mapping_dialog = None
    second = _write(tmp_path / "appels_mai.csv", MORE)
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        window.actions_.import_paths([str(second)])
    [report] = done.args[0]
    assert report.profile == "appels_conseillers" and report.loaded == 2
    assert window.mapping_dialog is None
    outcomes = store.cursor().execute(
        "SELECT outcome FROM contacts WHERE import_id = $i ORDER BY arrived_at", {"i": report.import_id}
    )
    assert [r[0] for r in outcomes.fetchall()] == ["answered", "flowout"]
    assert window.import_summary.text.text().startswith("appels_mai.csv: 2 rows read, 2 loaded")


def test_kind_of_file_and_a_compact_date(qtbot, store, tmp_path):
    """A bank's call records: dates as YYMMDD in one column, the time in another, an id
    that repeats across days; chosen as chats then back as calls."""
    path = tmp_path / "releve.csv"
    path.write_text(
        "call_id;jour;heure;agent;duree_sec\n1;990201;08:00:00;A;60\n2;990201;08:05:00;B;30\n1;990202;08:00:00;A;45\n",
        encoding="utf-8",
    )
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("chats"))
    _settled(qtbot, dialog)
    assert dialog.kind == "chats"
    dialog.set_field("jour", "arrived_at")
    dialog.set_field("heure", "arrived_at.time")
    _settled(qtbot, dialog)
    assert set(_preview_column(dialog, "Channel")) == {"chat"}
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("calls"))
    _settled(qtbot, dialog)
    dialog.set_field("jour", "arrived_at")
    dialog.set_field("heure", "arrived_at.time")
    dialog.set_field("call_id", "source_key")
    _settled(qtbot, dialog)
    assert set(_preview_column(dialog, "Channel")) == {"phone"}
    # 990201 read as 1999-02-01 (found from the values); the id repeats on another day:
    # three calls, the key widened with the arrival time
    assert _preview_column(dialog, "Arrival time") == [
        "1999-02-01 08:00:00",
        "1999-02-01 08:05:00",
        "1999-02-02 08:00:00",
    ]
    assert dialog.counts.text() == "3 of 3 rows would load."
    assert dialog.import_button.isEnabled()
    # Day first: year-first dates are still read (they are not ambiguous)
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("dmy"))
    _settled(qtbot, dialog)
    assert dialog.counts.text() == "3 of 3 rows would load."
    # The agent as the date: nothing loads, Import is refused and the reason said
    dialog.set_field("agent", "arrived_at")
    _settled(qtbot, dialog)
    assert dialog.counts.text().startswith("0 of 3 rows would load; 3 rejected.")
    assert "cannot read the date in column agent: 3 rows (e.g. A 08:00:00)" in dialog.counts.text()
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.set_field("jour", "arrived_at")
    # A unit for durations written without one
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("ymd"))
    dialog.set_field("duree_sec", "talk_s")
    dialog.duration_unit.setCurrentIndex(dialog.duration_unit.findData("minutes"))
    _settled(qtbot, dialog)
    # the header says seconds ("_sec"): the header's unit wins over the default
    assert _preview_column(dialog, "Talk time") == ["60", "30", "45"]
    assert dialog.import_button.isEnabled()


def test_import_button_waits_for_required_fields(qtbot, store, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Nom;Valeur\nA;1\nB;2\n", encoding="utf-8")
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("calls"))
    _settled(qtbot, dialog)
    dialog.set_field("Valeur", "arrived_at")
    _settled(qtbot, dialog)
    rejected = [dialog.preview.item(r, dialog.preview.columnCount() - 1).text() for r in range(2)]
    assert all("cannot read the date" in text for text in rejected)
    # Every row would be rejected: Import and "save as profile" are refused (#12)
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.status.text().startswith("Import is not possible: none of the 2 rows would load")


EVENTS = (
    "Dossier,Quand,Quoi,Qui\n"
    "T1,2024-03-01 09:00:00,Create ticket,system\n"
    "T1,2024-03-01 10:00:00,Reply to customer,ann\n"
    "T1,2024-03-01 12:00:00,Resolve,ann\n"
    "T2,2024-03-01 10:00:00,Create ticket,system\n"
    "T2,not a time,Close,bob\n"
)


def test_an_event_log_is_mapped_and_its_activities_named(qtbot, store, tmp_path):
    """A ticket event log whose headers no profile knows: the user says it is an event
    log, names its columns, and says what one activity means; the tickets rebuilt, the
    events folded into them and the rejected row are counted, and the saved profile
    reads the next export of the same tool on sight."""
    path = tmp_path / "journal.csv"
    path.write_text(EVENTS, encoding="utf-8")
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("events"))
    _settled(qtbot, dialog)
    assert dialog.kind == "events" and dialog.combos["Dossier"].currentText() == "Case (ticket id) *"
    assert dialog.status.text() == "Choose a column for: Time of the event"
    dialog.set_field("Quand", "event.at")
    dialog.set_field("Quoi", "event.activity")
    dialog.set_field("Qui", "event.resource")
    _settled(qtbot, dialog)
    # The activities, listed from the file, each with what it means (defaults by name)
    roles = {value: combo.currentText() for (_col, value), combo in dialog.value_combos.items()}
    assert roles == {
        "Create ticket": "ticket created",
        "Close": "solved or closed",
        "Reply to customer": "agent response",
        "Resolve": "solved or closed",
    }
    assert dialog.counts.text().splitlines() == [
        "2 of 5 rows would load; 1 rejected; 2 ignored.",
        "• event folded into its ticket (the ticket is rebuilt from its events): 2 rows",
        "• unreadable timestamp: 1 rows (e.g. not a time)",
    ]
    assert _preview_column(dialog, "Status") == ["solved", "open"]
    # In this tool "Resolve" is a proposed fix, not the end of the ticket
    dialog.set_target("Quoi", "Resolve", None)
    _settled(qtbot, dialog)
    assert _preview_column(dialog, "Status") == ["open", "open"]
    assert dialog.import_button.isEnabled()
    dialog.name.setText("journal_outil")
    assert dialog.save_profile() is not None
    # The next export of the same tool: recognised and read the same way
    nxt = tmp_path / "journal_mai.csv"
    nxt.write_text(EVENTS.replace("T1", "T3").replace("T2", "T4"), encoding="utf-8")
    report = import_file(store, nxt)
    assert (report.profile, report.loaded, report.ignored, report.rejected) == ("journal_outil", 2, 2, 1)
    status = store.cursor().execute(
        "SELECT source_key, status FROM contacts WHERE import_id = $i ORDER BY 1", {"i": report.import_id}
    )
    assert status.fetchall() == [("T3", "open"), ("T4", "open")]


def test_an_interval_reports_averages_are_weighted_by_their_counts(qtbot, store, tmp_path):
    """A per-agent half-hour sheet: its average talk time is stored as a sum (average ×
    calls handled), never as a figure per row; without a count column it is not used."""
    path = tmp_path / "demi_heures.csv"
    path.write_text(
        "Date,Interval,Agent,Offered,Handled,Avg talk time\n"
        "03/04/2024,09:00,Ana,12,10,120\n03/04/2024,09:30,Ana,6,5,90\n",
        encoding="utf-8",
    )
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    assert dialog.kind == "intervals"
    # an inbound sheet without an answered count: its handled calls are the answered ones
    assert _field_of(dialog, "Avg talk time") == "talk_s" and _field_of(dialog, "Handled") == "answered"
    assert dialog.counts.text() == "2 of 2 rows would load."
    assert _preview_column(dialog, "Talk time") == ["1,200", "450"]  # 120 × 10, 90 × 5
    row = list(dialog.combos).index("Avg talk time")
    assert dialog.fields.item(row, 4).text() == "average × count (duration)"
    dialog.set_field("Handled", None)  # the count goes to Offered: 120 × 12, 90 × 6
    _settled(qtbot, dialog)
    assert _preview_column(dialog, "Talk time") == ["1,440", "540"]
    dialog.set_field("Offered", None)  # no count left: the average is not used
    _settled(qtbot, dialog)
    assert dialog.fields.item(row, 4).text() == "not used"
    heads = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    assert "Talk time" not in heads  # no figure rather than a wrong one


def test_a_survey_score_chosen_by_hand_gives_its_scale(qtbot, store, tmp_path):
    """Survey answers with a 1-5 rating and a 0-10 NPS: the scale saved is
    the one of the column the user takes as the score."""
    path = tmp_path / "avis.csv"
    path.write_text(
        "Réponse,Date,Note,NPS\nr1,03/04/2024,4,9\nr2,04/04/2024,2,3\nr3,05/04/2024,5,10\n",
        encoding="utf-8",
    )
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("surveys"))
    _settled(qtbot, dialog)
    dialog.set_field("Note", "score")
    dialog.set_field("Date", "answered_at")
    _settled(qtbot, dialog)
    fields = dialog.profile_data()["fields"]
    assert (fields["survey_type"], fields["scale_max"]) == ({"value": "csat"}, {"value": 5.0})
    dialog.set_field("NPS", "score")
    _settled(qtbot, dialog)
    fields = dialog.profile_data()["fields"]
    assert (fields["survey_type"], fields["scale_min"], fields["scale_max"]) == (
        {"value": "nps"},
        {"value": 0.0},
        {"value": 10.0},
    )
    assert dialog.counts.text() == "3 of 3 rows would load."


# A call event log whose headers no profile knows (";", day-first times, French events):
#   R1 arrivée 10:00:00, prise en charge 10:00:20 par léa, fin d'appel 10:05:20
#   R2 arrivée 10:10:00, raccroché en file 10:10:45 (abandon after 45 s)
#   R3 arrivée 10:20:00, prise en charge 10:20:30 par marc, fin d'appel 10:24:30
#   R4 "pas une heure": rejected
# "Prise en charge" is no default name: until the user says it is the answer, R1 and R3
# end unanswered (abandoned); then answered, waits 20 and 30 s, talk 300 and 240 s.
CALL_EVENTS = (
    "Réf;Quand;Quoi;Qui;Pôle\n"
    "R1;04/03/2024 10:00:00;Arrivée en file;;Support\n"
    "R1;04/03/2024 10:00:20;Prise en charge;léa;Support\n"
    "R1;04/03/2024 10:05:20;Fin d'appel;léa;Support\n"
    "R2;04/03/2024 10:10:00;Arrivée en file;;Support\n"
    "R2;04/03/2024 10:10:45;Raccroché en file;;Support\n"
    "R3;04/03/2024 10:20:00;Arrivée en file;;Ventes\n"
    "R3;04/03/2024 10:20:30;Prise en charge;marc;Ventes\n"
    "R3;04/03/2024 10:24:30;Fin d'appel;marc;Ventes\n"
    "R4;pas une heure;Arrivée en file;;Ventes\n"
)


def test_a_call_event_log_is_chosen_mapped_and_rebuilt_into_calls(qtbot, store, tmp_path):
    """Every kind of file the import reads can be chosen, the call event log too: its
    columns are named, one event name is said to be the answer, and the preview and the
    import rebuild the calls through the call event log's transform."""
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.ingest import preview
    from kpidesk.core.kpi.engine import Engine

    path = tmp_path / "journal_appels.csv"
    path.write_text(CALL_EVENTS, encoding="utf-8")
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    offered = [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())]
    assert offered == list(preview.KINDS) and "call_events" in offered and "events" in offered
    labels = [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())]
    assert "Call event log (one row per event)" in labels and "Ticket event log (one row per event)" in labels
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("call_events"))
    _settled(qtbot, dialog)
    assert dialog.kind == "call_events"
    choices = [dialog.combos["Réf"].itemText(i) for i in range(dialog.combos["Réf"].count())]
    assert choices == ["not used", "Call id *", "Time of the event *", "Event", "Resource (agent)", "Queue", "Caller"]
    dialog.set_field("Réf", "event.case")
    assert dialog.status.text() == "Choose a column for: Time of the event"
    dialog.set_field("Quand", "event.at")
    dialog.set_field("Quoi", "event.activity")
    dialog.set_field("Qui", "event.resource")
    dialog.set_field("Pôle", "event.queue")
    _settled(qtbot, dialog)
    # The events, listed from the file, each with what it means for the call (defaults by name)
    roles = {value: combo.currentText() for (_col, value), combo in dialog.value_combos.items()}
    assert roles == {
        "Arrivée en file": "entered the queue",
        "Prise en charge": "another event",
        "Fin d'appel": "call ended (hang-up)",
        "Raccroché en file": "abandoned by the caller",
    }
    codes = [dialog.value_combos[("Quoi", "Prise en charge")].itemData(i) for i in range(10)]
    assert codes[1:] == ["wrapup", "unhold", "hold", "abandon", "transfer", "hangup", "ringing", "answered", "queued"]
    assert dialog.counts.text().splitlines() == [
        "3 of 9 rows would load; 1 rejected; 5 ignored.",
        "• event folded into its call (the call is rebuilt from its events): 5 rows",
        "• unreadable timestamp: 1 rows (e.g. pas une heure)",
    ]
    outcomes = _preview_column(dialog, "Outcome")
    assert len(outcomes) == 3 and len(set(outcomes)) == 1  # every call unanswered
    dialog.set_target("Quoi", "Prise en charge", "answered")
    _settled(qtbot, dialog)
    after = _preview_column(dialog, "Outcome")  # R1 and R3 answered now, R2 still abandoned
    assert after[1] == outcomes[0] and after[0] == after[2] != outcomes[0]
    assert _preview_column(dialog, "Agent") == ["léa", "", "marc"]
    assert dialog.import_button.isEnabled()
    data = dialog.profile_data()
    assert (data["transform"], data["record_kind"]) == ("call_event_log", "call")
    dialog.name.setText("journal_appels_outil")
    saved = dialog.save_profile()
    assert saved is not None
    report = import_file(store, path)  # read on sight by the saved mapping
    assert (report.profile, report.loaded, report.ignored, report.rejected) == ("journal_appels_outil", 3, 5, 1)
    rows = store.cursor().execute(
        "SELECT source_key, record_kind, queue, agent_id, wait_s, talk_s, outcome FROM contacts "
        "WHERE import_id = $i ORDER BY 1",
        {"i": report.import_id},
    )
    assert rows.fetchall() == [
        ("R1", "call", "Support", "léa", 20.0, 300.0, "answered"),
        ("R2", "call", "Support", None, 45.0, None, "abandoned"),
        ("R3", "call", "Ventes", "marc", 30.0, 240.0, "answered"),
    ]
    alone = open_database()  # the calls alone: their phone figures
    import_file(alone, path, str(saved))
    k = {v.kpi: v.value for v in Engine(alone).compute(["offered", "answered", "asa", "avg_talk"])}
    assert (k["offered"], k["answered"], k["asa"], k["avg_talk"]) == (3, 2, 25.0, 270.0)


def test_the_dialog_reads_a_file_as_the_import_does(qtbot, store, tmp_path):
    """The dialog opens on the kind core's recognition reads: a ticket list with a
    satisfaction column is tickets (not survey answers), a chatbot log is bot
    conversations (not an event log)."""
    from tests.core.ingest.test_unseen_exports import BOT, FR_TICKETS

    for name, text, kind in (("dossiers.csv", FR_TICKETS, "tickets"), ("bot.csv", BOT, "bots")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        dialog = MappingDialog(path, store)
        qtbot.addWidget(dialog)
        _settled(qtbot, dialog)
        assert dialog.kind == kind
        dialog.close()
