"""File › Export table: one line per header with its unit, one unit per column
(CSAT and FCR both 0-100 %), counts whole, figures rounded as a spreadsheet wants; a
KPI computed over several channels says which its figures cover (the Phone tab's
AHT is the calls'); the XLSX holds numbers in their unit's format."""

from __future__ import annotations

import csv

import openpyxl

from kpidesk.ui import export


def test_agent_table_export_headers_and_units(qtbot, store, make_window, tmp_path):
    window = make_window(store)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    header, rows = window.views["phone"].export_table().rows_as_table()
    assert all("\n" not in h for h in header), header
    assert header[:3] == ["Agent", "Calls answered", "Avg handle time (phone, s)"]
    assert "Avg wrap-up (phone, s)" in header and "Avg hold time (s)" in header, header  # hold: phone only
    assert "CSAT (phone, %)" in header and "First contact resolution (phone, %)" in header
    fcr, csat, answered = header.index("First contact resolution (phone, %)"), header.index("CSAT (phone, %)"), 1
    values = [r[fcr] for r in rows if r[fcr] is not None] + [r[csat] for r in rows if r[csat] is not None]
    assert values and all(1 < v <= 100 for v in values)  # percentages, not fractions
    assert all(isinstance(r[answered], int) for r in rows)
    assert all(v is None or round(v, 1) == v for r in rows for v in r[1:])
    path = tmp_path / "phone.csv"
    export.write_table(path, header, rows, "fr")
    with path.open(encoding="utf-8-sig") as f:
        lines = list(csv.reader(f, delimiter=";"))
    assert lines[0] == header
    assert all(",0" != cell[-2:] for cell in (line[answered] for line in lines[1:]))  # 613, not 613,0


def test_agent_table_xlsx_number_formats(qtbot, store, make_window, tmp_path):
    """Opened with openpyxl: percentages are fractions shown as %, durations seconds
    shown with their unit, counts whole numbers; one-line headers with units."""
    window = make_window(store, "fr")
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    table = window.views["phone"].export_table()
    header, rows = table.rows_as_table()
    path = tmp_path / "phone.xlsx"
    export.write_table(path, header, rows, "fr", table.column_units())
    sheet = openpyxl.load_workbook(path).active
    written = [c.value for c in sheet[1]]
    assert written == header and all("\n" not in h for h in written)
    assert written[2] == "Durée moyenne de traitement (téléphone, s)"
    csat = written.index("Satisfaction client (téléphone, %)")
    checked = 0
    for line, row in zip(sheet.iter_rows(min_row=2), rows, strict=True):
        answered, aht, sat = line[1], line[2], line[csat]
        assert isinstance(answered.value, int) and answered.number_format == "#,##0"
        if row[2] is not None:
            assert aht.value == row[2] and aht.number_format == '#,##0.0" s"'
        if row[csat] is not None:  # 83.1 (%) in the CSV, 0.831 shown as 83.1% here
            assert abs(sat.value - row[csat] / 100) < 1e-9 and sat.number_format == "0.0%"
            assert 0 < sat.value <= 1
            checked += 1
    assert checked


def test_tiles_say_which_channels(qtbot, store, make_window):
    """The Overview's CSAT covers every channel; the Phone tab's AHT tile is the calls'."""
    window = make_window(store, "fr")
    assert window.current_view().key == "overview"  # loaded as the window opens
    assert window.views["overview"].tiles.tiles["csat"].title.text() == "Satisfaction client (tous canaux)"
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    tiles = window.views["phone"].tiles.tiles
    assert tiles["aht"].title.text() == "Durée moyenne de traitement (DMT, téléphone)"
    assert tiles["asa"].title.text() == "Durée moyenne d'attente (DMA)"  # phone's by definition
