"""File › Export table: one line per header with its unit, one unit per column
(CSAT and FCR both 0-100 %), counts whole, figures rounded as a spreadsheet wants."""

from __future__ import annotations

import csv

from kpidesk.ui import export


def test_agent_table_export_headers_and_units(qtbot, store, make_window, tmp_path):
    window = make_window(store)
    with qtbot.waitSignal(window.kpis_computed, timeout=10000):
        window.show_tab("phone")
    header, rows = window.views["phone"].export_table().rows_as_table()
    assert all("\n" not in h for h in header), header
    assert header[:3] == ["Agent", "Calls answered", "Avg handle time (s)"]
    assert "CSAT (%)" in header and "First contact resolution (%)" in header
    fcr, csat, answered = header.index("First contact resolution (%)"), header.index("CSAT (%)"), 1
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
