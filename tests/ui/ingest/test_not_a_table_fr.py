"""Files that hold no table, given to the app's import (File › Import, a drop): each
refused in one line of the import summary, in French, never a traceback (#12)."""

from __future__ import annotations

import zipfile

from kpidesk.ui import tasks
from tests.ui.ingest.test_dialogs_fr import _french_window


def test_the_app_refuses_files_without_a_table_in_one_french_line_each(qtbot, store, make_window, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\nstream\nx\x9c\xcb\x48\xcd\x07\x00\nendstream\n%%EOF\n"
    )
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    prose = tmp_path / "compte-rendu.txt"
    prose.write_text(
        "Le service client a répondu vite, mais la satisfaction reste faible, hélas.\n" * 20, encoding="utf-8"
    )
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("appels.csv", "a,b\n1,2\n")
    broken = tmp_path / "appels.json"
    broken.write_text('{"appels": [', encoding="utf-8")
    window = _french_window(qtbot, store, make_window)
    try:
        _refused(qtbot, window, [pdf, png, prose, archive, broken])
    finally:
        tasks.shutdown()  # no tab still loading when the test's database closes


def _refused(qtbot, window, paths) -> None:
    window.actions_.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None, timeout=20000)
    lines = window.import_summary.text.text().splitlines()
    assert len(lines) == 5, lines
    assert lines[0].startswith(
        "rapport.pdf : rapport.pdf n'est pas un export texte (il ressemble à un fichier binaire)"
    )
    assert lines[1].startswith("logo.png : logo.png n'est pas un export texte")
    assert lines[2].startswith("compte-rendu.txt : compte-rendu.txt est du texte, pas un tableau")
    assert lines[3].startswith("export.zip : export.zip est une archive compressée")
    assert lines[4].startswith("appels.json : appels.json ne peut pas être lu comme JSON : le fichier est endommagé")
    assert not any("Error" in line or "Traceback" in line for line in lines)
