"""The summary after an import: counts, ignored rows per reason, a warning when many
rows were rejected (with the first reasons), the key used, and every column of the
file — in English and in French."""

from kpidesk.core.ingest import ImportReport
from kpidesk.ui.i18n import Language
from kpidesk.ui.ingest.summary_dialog import ImportSummaryDialog, report_lines


def _report() -> ImportReport:
    return ImportReport(
        file="cdr.csv",
        profile="asterisk_cdr",
        rows_read=1000,
        loaded=600,
        duplicate=0,
        rejected=100,
        ignored=300,
        ignored_reasons={"internal call between extensions": 200, "summary row (total), not a record": 100},
        rejects=[(3, "cannot read the date in column calldate: NULL"), (9, "missing required field arrived_at")],
        warnings=["100 of 1000 rows rejected (10%): …"],
        key="uniqueid",
        columns=[
            {"column": "calldate", "field": "arrived_at", "confidence": 1.0, "rule": "date and time"},
            {"column": "billsec", "field": "talk_s", "confidence": 0.9, "rule": "duration in seconds"},
            {"column": "clid", "field": None, "confidence": None, "rule": "not used"},
        ],
    )


def test_summary_in_english_and_french(qtbot):
    assert report_lines(_report(), "en") == [
        "cdr.csv: 1,000 rows read, 600 loaded, 0 duplicates, 100 rejected",
        "  200 rows ignored: internal call between extensions",
        "  100 rows ignored: summary row (total), not a record",
        "  Warning: 100 of 1,000 rows rejected (10%): cannot read the date in column calldate: NULL; "
        "no value for Arrival time",
        "  Records told apart by: uniqueid",
    ]
    dialog = ImportSummaryDialog([_report()], report_lines(_report(), "en"), lang="en")
    qtbot.addWidget(dialog)
    [table] = dialog.tables
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows == [
        ["calldate", "Arrival time", "100%", "date and time"],
        ["billsec", "Talk time", "90%", "duration in seconds"],
        ["clid", "not used", "", "not used"],
    ]
    language = Language(None, "fr")
    try:
        assert report_lines(_report(), "fr")[3] == (
            "  Attention : 100 lignes rejetées sur 1\u202f000 (10\u202f%) : date illisible dans la colonne calldate : "
            "NULL ; aucune valeur pour Arrivée"
        )
        dialog = ImportSummaryDialog([_report()], report_lines(_report(), "fr"), lang="fr")
        qtbot.addWidget(dialog)
        table = dialog.tables[0]
        assert [table.item(1, c).text() for c in range(4)] == [
            "billsec",
            "Durée de communication",
            "90\u202f%",
            "durée en secondes",
        ]
        assert dialog.windowTitle() == "Import terminé"
    finally:
        language.set_setting("en")


def test_the_summary_says_what_a_call_file_cannot_say(qtbot):
    """A call log with no outcome column: no abandon rate, no flow-out count from it."""
    report = ImportReport(file="calls.csv", profile="generic_call_log", rows_read=2, loaded=2)
    report.unsaid = ["abandoned", "flowout"]
    assert report_lines(report, "en")[1:] == [
        "  This file cannot say that a contact was abandoned: no abandon rate from its contacts.",
        "  This file cannot say that a call flowed out: no flow-out count from its calls.",
    ]
    language = Language(None, "fr")
    try:
        assert report_lines(report, "fr")[1] == (
            "  Ce fichier ne peut pas dire qu'un contact a été abandonné : pas de taux d'abandon à partir de ses contacts."
        )
    finally:
        language.set_setting("en")


def test_the_summary_says_what_the_times_of_an_export_without_creation_time_were_read_as(qtbot, tmp_path):
    """The Kaggle shape: "First Response Time" and "Time to Resolution" are points in
    time; the summary says the first dates the tickets and neither measures a duration,
    in English and in French."""
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.ingest import import_file

    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID,Ticket Status,Ticket Channel,First Response Time,Time to Resolution\n"
        "1,Closed,Email,2023-06-01 12:00:00,2023-06-01 18:00:00\n2,Open,Chat,2023-06-01 13:00:00,\n",
        encoding="utf-8",
    )
    report = import_file(open_database(), path)
    lines = report_lines(report, "en")
    assert not any("rows rejected" in line for line in lines)  # no reject warning: none was rejected
    assert "  Warning: No column says when each record was created: they are dated by First Response Time" in "\n".join(
        lines
    )
    dialog = ImportSummaryDialog([report], lines, lang="en")
    qtbot.addWidget(dialog)
    table = dialog.tables[0]
    said = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    assert said["First Response Time"] == (
        "date and time; dates the records (no creation time), no duration measured from it"
    )
    assert said["Time to Resolution"] == "date and time; no duration measured from it (no creation time)"
    language = Language(None, "fr")
    try:
        lines = report_lines(report, "fr")
        assert (
            "  Attention : Aucune colonne ne dit quand chaque enregistrement a été créé : ils sont datés par "
            "First Response Time (Première réponse le)." in "\n".join(lines)
        )
        dialog = ImportSummaryDialog([report], lines, lang="fr")
        qtbot.addWidget(dialog)
        table = dialog.tables[0]
        said = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(table.rowCount())}
        assert said["Time to Resolution"] == (
            "date et heure ; aucune durée mesurée à partir d'elle (pas d'heure de création)"
        )
        assert said["First Response Time"].startswith("date et heure ; date les enregistrements")
    finally:
        language.set_setting("en")
