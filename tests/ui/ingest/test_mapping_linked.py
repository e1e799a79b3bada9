"""The mapping dialog links every score column of a call log to its survey question
(#12): three score columns whose headers name no question (Q1, Q2, Q3) become CSAT,
NPS and CES answers about the calls, each on its scale, the preview saying how many
answers each question would load; the scales are saved with the profile, which reads
the next file of the same shape on sight, every question linked to its call.

The rows (hand-worked figures below):
  A1 Q1 5, Q2 10, Q3 2 · A2 Q1 4, Q2 9 · A3 Q1 2, Q2 3, Q3 6 · A4 Q1 3 · A5 no score
  CSAT: 4 answers (5, 4, 2, 3) on 1–5; NPS: 3 answers on 0–10; CES: 2 answers (2, 6),
  6 > 5 so on 1–7 (the only CES scale that holds 6).
Set ``KPIDESK_SHOTS`` to a folder to save screenshots."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.ingest import import_file
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.ui.ingest.mapping_dialog import MappingDialog
from tests.ui.ingest.test_dialogs_fr import _shot
from tests.ui.ingest.test_mapping_dialog import _settled

HEADER = "Ref;Arrivée;Conseiller;Attente (s);Durée (s);Q1;Q2;Q3\n"
ROWS = [
    "A1;02/11/1999 09:00;Alice;10;100;5;10;2",
    "A2;02/11/1999 09:05;Bruno;20;110;4;9;",
    "A3;02/11/1999 09:10;Alice;30;120;2;3;6",
    "A4;02/11/1999 09:15;Bruno;25;130;3;;",
    "A5;02/11/1999 09:20;Alice;40;90;;;",
]
NEXT = [  # the next week's file: two calls, both answered every question
    "B1;09/11/1999 09:00;Alice;10;100;9;10;7",
    "B2;09/11/1999 09:05;Bruno;20;110;6;5;3",
]


def _linked_rows(dialog) -> list[tuple[str, str, str, str]]:
    t = dialog.linked_table
    return [
        (t.item(r, 0).text(), t.item(r, 1).text(), t.cellWidget(r, 2).currentText(), t.item(r, 3).text())
        for r in range(t.rowCount())
    ]


def test_every_score_column_linked_to_its_question_saved_and_reapplied(qtbot, store, tmp_path):
    path = tmp_path / "appels_notes.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    dialog.show()
    _settled(qtbot, dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("calls"))
    _settled(qtbot, dialog)
    dialog.set_field("Ref", "source_key")
    # Every question can be chosen for a column, each once
    choices = [dialog.combos["Q1"].itemData(i) for i in range(dialog.combos["Q1"].count())]
    assert {"survey.csat", "survey.nps", "survey.ces"} <= set(choices)
    assert dialog.combos["Q2"].itemText(choices.index("survey.nps")).startswith("NPS score")
    assert not dialog.linked_table.isVisibleTo(dialog) or dialog.linked_table.rowCount() == 0
    dialog.set_field("Q1", "survey.csat")
    dialog.set_field("Q2", "survey.nps")
    dialog.set_field("Q3", "survey.ces")
    _settled(qtbot, dialog)
    assert dialog.counts.text() == "5 of 5 rows would load."
    assert dialog.linked_table.isVisibleTo(dialog)
    assert _linked_rows(dialog) == [
        ("CSAT", "Q1", "1–5", "4 answers"),
        ("NPS", "Q2", "0–10", "3 answers"),
        ("CES", "Q3", "1–7", "2 answers"),
    ]
    # The scales the values fit are offered (CSAT 2..5: 1–5, 0–5, 1–10, 0–10, 0–100; NPS only 0–10)
    csat = dialog.scale_combos["csat"]
    assert [csat.itemText(i) for i in range(csat.count())] == ["1–5", "0–5", "1–10", "0–10", "0–100"]
    assert not dialog.scale_combos["nps"].isEnabled()
    row = list(dialog.combos).index("Q2")
    assert dialog.fields.item(row, 4).text() != "not used"
    _shot(dialog, "linked-questions-en")
    # This survey asked CSAT on 1–10: the user says so
    dialog.set_scale("csat", 1, 10)
    _settled(qtbot, dialog)
    assert _linked_rows(dialog)[0] == ("CSAT", "Q1", "1–10", "4 answers")
    assert dialog.import_button.isEnabled()
    survey = dialog.profile_data()["survey"]
    assert survey["questions"] == [
        {"type": "csat", "column": "Q1", "scale_min": 1.0, "scale_max": 10.0},
        {"type": "nps", "column": "Q2", "scale_min": 0.0, "scale_max": 10.0},
        {"type": "ces", "column": "Q3", "scale_min": 1.0, "scale_max": 7.0},
    ]
    # Q2 given to CSAT instead: it leaves NPS (one column per field), the preview follows
    dialog.set_field("Q2", "survey.csat")
    _settled(qtbot, dialog)
    assert dialog.combos["Q1"].currentData() is None
    assert [r[:2] for r in _linked_rows(dialog)] == [("CSAT", "Q2"), ("CES", "Q3")]
    dialog.set_field("Q1", "survey.csat")
    dialog.set_field("Q2", "survey.nps")
    _settled(qtbot, dialog)
    dialog.set_scale("csat", 1, 10)
    _settled(qtbot, dialog)

    # Saved as a profile: the next file of this shape imports on sight, every question linked
    dialog.name.setText("appels_trois_questions")
    saved = dialog.save_profile()
    assert saved is not None
    text = saved.read_text(encoding="utf-8")
    assert 'questions = [{ type = "csat", column = "Q1", scale_min = 1.0, scale_max = 10.0 }' in text
    nxt = tmp_path / "appels_semaine_2.csv"
    nxt.write_text(HEADER + "\n".join(NEXT) + "\n", encoding="utf-8")
    report = import_file(store, nxt)
    assert report.profile == "appels_trois_questions" and report.loaded == 2
    assert report.tables["surveys"] == 6
    rows = (
        store.cursor()
        .execute(
            "SELECT c.source_key, s.survey_type, s.score, s.scale_min, s.scale_max FROM surveys s "
            "JOIN contacts c USING (contact_id) WHERE s.import_id = $i ORDER BY 2, 1",
            {"i": report.import_id},
        )
        .fetchall()
    )
    assert rows == [
        ("B1", "ces", 7.0, 1.0, 7.0),
        ("B2", "ces", 3.0, 1.0, 7.0),
        ("B1", "csat", 9.0, 1.0, 10.0),
        ("B2", "csat", 6.0, 1.0, 10.0),
        ("B1", "nps", 10.0, 0.0, 10.0),
        ("B2", "nps", 5.0, 0.0, 10.0),
    ]
    said = {c["column"]: c["field"] for c in report.to_dict()["columns"]}
    assert (said["Q1"], said["Q2"], said["Q3"]) == (
        "surveys.score (csat)",
        "surveys.score (nps)",
        "surveys.score (ces)",
    )
    # CSAT on 1–10: 9 is satisfied (top two points, 9–10), 6 is not: 50 %; NPS: one
    # promoter (10), one detractor (5): 0
    week = Filters(date_from=date(1999, 11, 9), date_to=date(1999, 11, 9))
    got = {v.kpi: v for v in Engine(store).compute(["csat", "nps"], week)}
    assert got["csat"].value == pytest.approx(50.0) and got["csat"].n == 2
    assert got["nps"].value == pytest.approx(0.0) and got["nps"].n == 2


def test_answers_outside_the_scale_refuse_the_import(qtbot, store, tmp_path):
    """A CSAT column whose answers go to 10 cannot be put on 1–5: no such scale is offered;
    a saved 1–5 scale on a file whose answers reach 8 refuses the import, the reason said."""
    path = tmp_path / "notes.csv"
    path.write_text(HEADER + "\n".join(ROWS[:3]).replace(";5;10;2", ";8;10;2") + "\n", encoding="utf-8")
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("calls"))
    _settled(qtbot, dialog)
    dialog.set_field("Q1", "survey.csat")
    _settled(qtbot, dialog)
    csat = dialog.scale_combos["csat"]
    assert [csat.itemText(i) for i in range(csat.count())] == ["1–10", "0–10", "0–100"]
    # A scale kept from elsewhere (e.g. a profile) that the answers do not fit
    dialog.linked_scales[("csat", "Q1")] = (1.0, 5.0)
    dialog._refresh()
    _settled(qtbot, dialog)
    assert _linked_rows(dialog)[0] == ("CSAT", "Q1", "1–5", "3 answers; 1 outside the scale")
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.status.text() == (
        "Import is not possible: 1 CSAT answers in column Q1 are outside the scale 1–5. "
        "Choose its scale, or another column."
    )
    assert dialog.save_profile() is None


def test_a_call_log_with_csat_and_nps_headers_opens_with_both_linked(qtbot, store, tmp_path):
    """The automatic path's questions are the dialog's first guess: a satisfaction and a
    recommendation column are proposed as CSAT and NPS."""
    path = tmp_path / "appels.csv"
    path.write_text(
        "N° appel;Date/heure d'arrivée;Conseiller;Attente (s);Durée de conversation (s);Statut;"
        "Satisfaction;Recommandation (0-10)\n"
        "A1;02/11/1999 09:00;Alice;10;100;Répondu;5;10\n"
        "A2;02/11/1999 09:05;Bruno;20;110;Répondu;4;9\n",
        encoding="utf-8",
    )
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    _settled(qtbot, dialog)
    if dialog.kind != "calls":
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("calls"))
        _settled(qtbot, dialog)
    assert dialog.combos["Satisfaction"].currentData() == "survey.csat"
    assert dialog.combos["Recommandation (0-10)"].currentData() == "survey.nps"
    assert [r[:3] for r in _linked_rows(dialog)] == [
        ("CSAT", "Satisfaction", "1–5"),
        ("NPS", "Recommandation (0-10)", "0–10"),
    ]


def test_imported_from_the_window_each_question_linked_to_its_call(qtbot, store, make_window, tmp_path, monkeypatch):
    """Mapped from the window and imported without saving a profile (the file alone is
    read as a call log, its Q1–Q3 not understood: the user maps it): the calls and their
    4 CSAT, 3 NPS and 2 CES answers, each linked to its call; the summary names each
    score column's question."""
    from PySide6.QtCore import Qt

    from kpidesk.ui.ingest import import_flow

    monkeypatch.setattr(import_flow.QMessageBox, "warning", lambda *a: None)
    window = make_window(store)
    path = tmp_path / "appels_notes.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    import_flow.open_mapping(window, store, path, window.actions_.import_finished)
    dialog = window.mapping_dialog
    _settled(qtbot, dialog)
    if dialog.kind != "calls":
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("calls"))
        _settled(qtbot, dialog)
    dialog.set_field("Ref", "source_key")
    dialog.set_field("Q1", "survey.csat")
    dialog.set_field("Q2", "survey.nps")
    dialog.set_field("Q3", "survey.ces")
    _settled(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [report] = done.args[0]
    assert report.loaded == 5 and report.tables["surveys"] == 9
    linked = (
        store.cursor()
        .execute(
            "SELECT s.survey_type, count(*), count(s.contact_id), min(s.scale_min), max(s.scale_max) FROM surveys s "
            "WHERE s.import_id = $i GROUP BY 1 ORDER BY 1",
            {"i": report.import_id},
        )
        .fetchall()
    )
    assert linked == [("ces", 2, 2, 1.0, 7.0), ("csat", 4, 4, 1.0, 5.0), ("nps", 3, 3, 0.0, 10.0)]
    [table] = window.import_summary.tables
    said = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert said["Q1"] == "Satisfaction score (survey answers linked to these contacts)"
    assert said["Q2"] == "NPS score (survey answers linked to these contacts)"
    assert said["Q3"] == "CES score (survey answers linked to these contacts)"
