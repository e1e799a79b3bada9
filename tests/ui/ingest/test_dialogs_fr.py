"""The import dialogs in French, read as a French team lead reads them: the mapping
dialog (an unknown call log dropped on the window) and File › Import history…; every
title, header, label and button is French, no English is left among them, numbers
use a narrow no-break space, and switching the window back to English re-labels them.

Set ``KPIDESK_SHOTS`` to a folder to save screenshots of the dialogs there.
"""

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTableWidget

from kpidesk.core.ingest import import_file
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import import_flow
from kpidesk.ui.ingest.field_labels import FIELD_LABELS, TABLE_LABELS, VALUE_LABELS
from kpidesk.ui.ingest.history_dialog import IMPORT_COLUMNS, REJECT_COLUMNS
from kpidesk.ui.ingest.mapping_dialog import DATE_ORDERS, DELIMITERS, DURATION_UNITS, KIND_LABELS

HEADER = "Conseiller;Jour d'appel;Heure;Durée;Décroché;Pôle\n"
ROWS = [
    "Marie Durand;03/04/2024;09:15:02;00:04:12;Oui;Ventes",
    "Paul Martin;03/04/2024;09:17:40;00:02:01;Non;SAV",
    "Marie Durand;13/04/2024;10:01:00;00:10:00;Oui;SAV",
]
# Words of the English interface that must not show through in French
ENGLISH = re.compile(
    r"\b(the|of|file(?! d'attente)|rows?|shown|rejected|loaded|read|duplicates|ignored|"
    r"import history|field|"
    r"column|confidence|preview|save|profile|cancel|close|encoding|separator|header|sheet|"
    r"mapping|queue|agent|outcome|arrival|talk|wait|reason|raw|line|semicolon|comma|surveys?)\b",
    re.IGNORECASE,
)


def _shot(widget, name: str) -> None:
    folder = os.environ.get("KPIDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _english_sources(context: str, sources) -> set[str]:
    """The English texts whose French differs (identical words, like "Date", cannot tell)."""
    return {s for s in sources if translate(context, s) != s}


def _headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def _interface_texts(dialog) -> list[str]:
    """What the dialog itself says: title, labels, buttons, group titles, headers, combo choices."""
    texts = [dialog.windowTitle()]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
    texts += [w.title() for w in dialog.findChildren(QGroupBox)]
    for table in dialog.findChildren(QTableWidget):
        texts += _headers(table)
    return [t for t in texts if t]


def _no_english(texts, sources, file_names=()) -> None:
    for text in texts:
        assert text not in sources, f"English left: {text!r}"
        for name in file_names:  # file names are the user's own words
            text = text.replace(name, "")
        assert not ENGLISH.search(text), f"English left: {text!r}"


def _french_window(qtbot, store, make_window):
    """French chosen from the Language menu, as a user does: saved with the database, so
    it holds when the settings are read again (after every import)."""
    window = make_window(store)
    window.actions_.set_language("fr")
    qtbot.waitUntil(lambda: window.desk.prefs.language == "fr", timeout=10000)
    return window


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(import_flow.QMessageBox, "warning", lambda *a: shown.append((a[1], a[2])))
    return shown


def _open_mapping(qtbot, window, path: Path):
    window.actions_.import_paths([str(path)])
    qtbot.waitUntil(lambda: getattr(window, "mapping_dialog", None) is not None, timeout=10000)
    dialog = window.mapping_dialog
    _settled(qtbot, dialog)
    return dialog


def _settled(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == len(ROWS) and not dialog.is_pending(), timeout=20000)
    qtbot.waitUntil(lambda: not dialog.values_runner.busy and dialog.value_table.rowCount() == 2, timeout=20000)


def _mapping_sources() -> set[str]:
    ui = [
        "Map the columns of {file}",
        "The file and its formats",
        "Kind of file",
        "Encoding",
        "Separator",
        "Header line",
        "Sheet",
        "Dates",
        "Durations without a unit",
        "Column in the file",
        "Values",
        "Field",
        "Confidence",
        "Read as",
        "Columns of the file",
        "Value in the file",
        "Rows",
        "Becomes",
        "Save as profile",
        "Profile name",
        "Import",
        "Cancel",
        "Line",
        "Rejected because",
        "chosen",
        "not used",
        "kept as written",
        "Ready to import.",
    ]
    return _english_sources(
        "Mapping",
        ui
        + list(FIELD_LABELS.values())
        + list(TABLE_LABELS.values())
        + list(KIND_LABELS.values())
        + [label for _c, label in DELIMITERS + DATE_ORDERS + DURATION_UNITS],
    ) | _english_sources("MappingValues", VALUE_LABELS.values())


def _combo_texts(dialog) -> list[str]:
    combos = [dialog.kind_combo, dialog.delimiter, dialog.date_order, dialog.duration_unit]
    combos += list(dialog.combos.values()) + list(dialog.value_combos.values())
    return [c.itemText(i) for c in combos for i in range(c.count())]


def _cells(table) -> list[str]:
    return [
        table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c) is not None
    ]


def test_mapping_dialog_speaks_french(qtbot, store, make_window, tmp_path, boxes):
    window = _french_window(qtbot, store, make_window)
    path = tmp_path / "appels_avril.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    dialog = _open_mapping(qtbot, window, path)
    _shot(dialog, "mapping_fr")

    assert dialog.windowTitle() == "Correspondance des colonnes : appels_avril.csv"
    assert dialog.intro.text().startswith("Aucun profil d'import ne reconnaît appels_avril.csv.")
    assert dialog.reader.title() == "Le fichier et ses formats"
    assert [dialog.row_labels[k].text() for k in ("kind", "encoding", "delimiter", "header", "dates")] == [
        "Type de fichier",
        "Encodage",
        "Séparateur",
        "Ligne d'en-tête",
        "Dates",
    ]
    assert dialog.kind_combo.currentText() == "Journal d'appels (une ligne par appel)"
    assert _headers(dialog.fields) == ["Colonne du fichier", "Valeurs", "Champ", "Confiance", "Lue comme"]
    assert _headers(dialog.value_table) == ["Champ", "Valeur dans le fichier", "Lignes", "Devient"]
    assert dialog.preview_label.text().startswith("Aperçu")
    assert (dialog.save_button.text(), dialog.name_label.text()) == ("Enregistrer comme profil", "Nom du profil")
    assert (dialog.import_button.text(), dialog.cancel_button.text()) == ("Importer", "Annuler")
    assert dialog.delimiter.currentText() == "Point-virgule ;"

    # Columns: the field proposed in French (the field id as tooltip), confidences, rules
    row = {c: r for r, c in enumerate(dialog.combos)}
    assert dialog.combos["Jour d'appel"].currentText() == "Arrivée *"
    assert dialog.combos["Heure"].currentText() == "Arrivée : heure seule"
    assert dialog.combos["Pôle"].currentText() == "non utilisée"
    assert dialog.combos["Conseiller"].currentText() == "Conseiller"
    assert dialog.fields.item(row["Conseiller"], 3).text() == "100\u202f%"
    assert dialog.fields.item(row["Durée"], 4).text() == "durée en secondes"
    assert dialog.fields.item(row["Jour d'appel"], 4).text() == "date + heure"
    # Values: what each becomes, in French words
    assert dialog.value_combos[("Décroché", "Non")].currentText() == "abandonné"

    # Preview: counts in French, French headers (field id as tooltip), codes in French words
    assert dialog.counts.text() == "3 lignes sur 3 seraient importées."
    heads = _headers(dialog.preview)
    assert heads[0] == "Ligne" and heads[-1] == "Motif du rejet"
    assert {"Conseiller", "Arrivée", "Durée de communication", "Résultat", "Canal", "Sens"} <= set(heads)
    outcome = heads.index("Résultat")
    assert dialog.preview.horizontalHeaderItem(outcome).toolTip() == "outcome"
    assert [dialog.preview.item(r, outcome).text() for r in range(3)] == ["décroché", "abandonné", "décroché"]
    assert dialog.preview.item(0, heads.index("Arrivée")).text() == "03/04/2024 09:15:02"
    assert dialog.status.text() == "Prêt à importer."

    _no_english(
        _interface_texts(dialog) + _combo_texts(dialog),
        _mapping_sources(),
        file_names=["appels_avril.csv", "appels_avril"],
    )
    # Month first: the reason a row would not load, in French
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("mdy"))
    qtbot.waitUntil(lambda: "1 rejetées" in dialog.counts.text(), timeout=20000)
    assert dialog.counts.text().splitlines() == [
        "2 lignes sur 3 seraient importées ; 1 rejetées.",
        "• date illisible dans la colonne Jour d'appel : 1 lignes (p. ex. 13/04/2024 10:01:00)",
    ]
    dialog.date_order.setCurrentIndex(dialog.date_order.findData("auto"))
    qtbot.waitUntil(lambda: dialog.counts.text() == "3 lignes sur 3 seraient importées.", timeout=20000)

    # A missing required field is named in French; a column chosen by hand says so
    dialog.set_field("Jour d'appel", None)
    assert dialog.status.text() == "Choisissez une colonne pour : Arrivée"
    assert dialog.fields.item(row["Jour d'appel"], 3).text() == ""
    dialog.set_field("Jour d'appel", "arrived_at")
    assert dialog.fields.item(row["Jour d'appel"], 3).text() == "choix manuel"
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)
    _shot(dialog, "mapping_fr_chosen")

    # Import: the summary is French too, every column accounted for
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    summary = window.import_summary
    _shot(summary, "import_summary_fr")
    assert summary.windowTitle() == "Import terminé"
    assert (
        summary.text.text().splitlines()[0] == "appels_avril.csv : 3 lignes lues, 3 importées, 0 doublons, 0 rejetées"
    )
    assert _headers(summary.tables[0]) == ["Colonne du fichier", "Champ", "Confiance", "Lue comme"]
    cells = {summary.tables[0].item(r, 0).text(): summary.tables[0].item(r, 1).text() for r in range(6)}
    assert cells["Pôle"] == "non utilisée" and cells["Conseiller"] == "Conseiller"


def test_mapping_dialog_stays_english_then_follows_the_window(qtbot, store, make_window, tmp_path, boxes):
    window = make_window(store, "en")
    path = tmp_path / "appels_avril.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    dialog = _open_mapping(qtbot, window, path)
    _shot(dialog, "mapping_en")
    assert dialog.windowTitle() == "Map the columns of appels_avril.csv"
    assert _headers(dialog.fields) == ["Column in the file", "Values", "Field", "Confidence", "Read as"]
    assert (dialog.save_button.text(), dialog.import_button.text(), dialog.cancel_button.text()) == (
        "Save as profile",
        "Import",
        "Cancel",
    )
    heads = _headers(dialog.preview)
    assert heads[0] == "Line" and heads[-1] == "Rejected because" and "Queue" not in heads
    assert [dialog.preview.item(r, heads.index("Outcome")).text() for r in range(3)] == [
        "answered",
        "abandoned",
        "answered",
    ]
    assert dialog.counts.text() == "3 of 3 rows would load."
    row = {c: r for r, c in enumerate(dialog.combos)}
    assert dialog.fields.item(row["Jour d'appel"], 3).text() == "60%"

    window.actions_.set_language("fr")  # the open dialog re-labels with the window
    qtbot.waitUntil(lambda: dialog.windowTitle().startswith("Correspondance"), timeout=5000)
    assert _headers(dialog.fields) == ["Colonne du fichier", "Valeurs", "Champ", "Confiance", "Lue comme"]
    assert "Résultat" in _headers(dialog.preview)
    assert dialog.counts.text() == "3 lignes sur 3 seraient importées."
    assert dialog.fields.item(row["Jour d'appel"], 3).text() == "60\u202f%"
    assert dialog.fields.item(row["Durée"], 4).text() == "durée en secondes"
    assert dialog.combos["Pôle"].currentText() == "non utilisée"
    _no_english(
        _interface_texts(dialog) + _combo_texts(dialog),
        _mapping_sources(),
        file_names=["appels_avril.csv", "appels_avril"],
    )


CSV = (
    "Call ID,Date,Agent,Queue,Wait Time,Talk Time\n"
    + "".join(f"c{i},2024-04-03 09:{i % 60:02d}:00,Ana,Sales,10,100\n" for i in range(1200))
    + "c2000,not a date,Ana,Sales,10,100\n"
    + "c2001,2024-04-03 09:10:00,Bob,Sales,x,100\n"
    + "c1,2024-04-03 09:01:00,Ana,Sales,10,100\n"  # c1 again, same arrival: a duplicate
)


@pytest.fixture
def imported(store, tmp_path):
    path = tmp_path / "appels.csv"
    path.write_text(CSV, encoding="utf-8")
    return import_file(store, path)


def _open_history(qtbot, window):
    window.actions_.import_history.trigger()
    dialog = window.import_history
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=10000)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "appels.csv")
    with qtbot.waitSignal(dialog.rejects_listed, timeout=10000):
        dialog.table.selectRow(row)
    return dialog, row


def test_import_history_speaks_french(qtbot, store, imported, make_window):
    window = _french_window(qtbot, store, make_window)
    dialog, row = _open_history(qtbot, window)
    _shot(dialog, "import_history_fr")
    assert dialog.windowTitle() == "Historique des imports"
    assert _headers(dialog.table) == [
        "Fichier",
        "Profil",
        "Date d'import",
        "Lignes lues",
        "Importées",
        "Doublons",
        "Rejetées",
        "Ignorées",
    ]
    assert _headers(dialog.rejects) == ["Ligne", "Motif du rejet", "Ligne brute"]
    assert dialog.close_button.text() == "Fermer"
    got = [dialog.table.item(row, c).text() for c in range(3, 8)]
    assert got == ["1\u202f203", "1\u202f200", "1", "2", "0"]  # read, imported, duplicates, rejected, ignored
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", dialog.table.item(row, 2).text())
    assert dialog.rejects_label.text() == "Lignes rejetées : 2"
    sources = _english_sources(
        "ImportHistory",
        IMPORT_COLUMNS
        + REJECT_COLUMNS
        + ["Import history", "Close", "{n} rejected rows", "Select an import to see its rejected rows."],
    )
    _no_english(_interface_texts(dialog), sources)


def test_import_history_stays_english_then_follows_the_window(qtbot, store, imported, make_window):
    window = make_window(store, "en")
    dialog, row = _open_history(qtbot, window)
    assert dialog.windowTitle() == "Import history"
    assert _headers(dialog.table) == ["File", "Profile", "Date", "Read", "Loaded", "Duplicates", "Rejected", "Ignored"]
    assert _headers(dialog.rejects) == ["Line", "Reason", "Raw text"]
    assert dialog.close_button.text() == "Close"
    assert dialog.table.item(row, 3).text() == "1,203"
    assert dialog.rejects_label.text() == "2 rejected rows"
    window.actions_.set_language("fr")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Historique des imports", timeout=5000)
    assert _headers(dialog.table)[3:5] == ["Lignes lues", "Importées"]
    assert dialog.table.item(row, 3).text() == "1\u202f203"
    assert dialog.rejects_label.text() == "Lignes rejetées : 2"
    assert dialog.close_button.text() == "Fermer"
