"""The mapping dialog, driven as a team lead would: an unknown French call log is
dropped, the dialog proposes a mapping, one combo is changed, the mapping is saved as
a profile and imported; the next file of the same shape imports without the dialog."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

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
    monkeypatch.setattr(import_flow.QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(import_flow.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def _combo(dialog, field):
    return dialog.combos[field]


def _preview_column(dialog, header):
    heads = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    c = heads.index(header)
    return [dialog.preview.item(r, c).text() for r in range(dialog.preview.rowCount())]


def test_unknown_file_mapped_saved_imported_then_recognised(qtbot, store, make_window, tmp_path, boxes):
    window = make_window(store)
    first = _write(tmp_path / "appels_avril.csv", ROWS)
    window.actions_.import_paths([str(first)])
    qtbot.waitUntil(lambda: getattr(window, "mapping_dialog", None) is not None, timeout=10000)
    dialog = window.mapping_dialog
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 3, timeout=10000)
    assert dialog.isVisible()
    # What the dialog proposes: reader options and the mapping, with confidences
    assert dialog.delimiter.currentData() == ";" and dialog.encoding.currentText() == "utf-8"
    assert dialog.header_line.value() == 1
    assert _combo(dialog, "agent_id").currentText() == "Conseiller"
    assert _combo(dialog, "arrived_at").currentText() == "Jour d'appel"
    assert _combo(dialog, "arrived_at.time").currentText() == "Heure"
    assert _combo(dialog, "talk_s").currentText() == "Durée"
    assert _combo(dialog, "queue").currentText() == "—"
    labels = [dialog.fields.item(r, 0).text() for r in range(dialog.fields.rowCount())]
    assert "Arrival time *" in labels  # required fields are marked
    # Values as they will load: a timestamp from Jour + Heure, seconds, recoded outcome
    assert _preview_column(dialog, "Arrival time")[0] == "2024-04-03 09:15:02"
    assert _preview_column(dialog, "Talk time") == ["252", "121", "600"]
    assert _preview_column(dialog, "Outcome") == ["answered", "abandoned", "answered"]
    assert dialog.import_button.isEnabled()
    # A required field left unmapped: Import is disabled and the dialog says what is missing
    _combo(dialog, "arrived_at").setCurrentIndex(0)
    assert not dialog.import_button.isEnabled() and "Arrival time" in dialog.status.text()
    _combo(dialog, "arrived_at").setCurrentIndex(_combo(dialog, "arrived_at").findText("Jour d'appel"))
    assert dialog.import_button.isEnabled()
    # The user maps the queue to "Pôle"
    queue = _combo(dialog, "queue")
    queue.setCurrentIndex(queue.findText("Pôle"))
    qtbot.waitUntil(
        lambda: "Queue" in [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())],
        timeout=10000,
    )
    assert _preview_column(dialog, "Queue") == ["Ventes", "SAV", "SAV"]
    # Save as profile, then import
    dialog.name.setText("appels_conseillers")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = Path(store.path).parent / "profiles" / "appels_conseillers.toml"
    assert saved.is_file() and "Pôle" in saved.read_text(encoding="utf-8")
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
        ("Paul Martin", "SAV", 121.0, "abandoned"),
        ("Marie Durand", "SAV", 600.0, "answered"),
    ]
    # A second file of the same shape imports on sight, without the dialog
    window.mapping_dialog = None
    second = _write(tmp_path / "appels_mai.csv", MORE)
    with qtbot.waitSignal(window.actions_.import_finished, timeout=20000) as done:
        window.actions_.import_paths([str(second)])
    [report] = done.args[0]
    assert report.profile == "appels_conseillers" and report.loaded == 2
    assert window.mapping_dialog is None
    assert any("appels_mai.csv" in text for text in boxes)


def test_import_button_waits_for_required_fields(qtbot, store, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Nom;Valeur\nA;1\nB;2\n", encoding="utf-8")
    dialog = MappingDialog(path, store)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=10000)
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    arrived = dialog.combos["arrived_at"]
    arrived.setCurrentIndex(arrived.findText("Valeur"))
    assert dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 2, timeout=10000)
    rejected = [dialog.preview.item(r, dialog.preview.columnCount() - 1).text() for r in range(2)]
    assert all("cannot read the date" in text for text in rejected)
    # Every row shown would be rejected: Import and "save as profile" are refused (#12)
    assert not dialog.import_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "None of the 2 rows shown would load" in dialog.status.text()
