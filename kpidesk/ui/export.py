"""Export what is on screen: a table to CSV or XLSX, a chart or a tab to PNG.

CSV follows the user's spreadsheet habits: ``;`` and a UTF-8 BOM in French (what
French Excel opens cleanly), ``,`` in English. Values are numbers a spreadsheet can
compute with, one unit per column said in its header (percentages 0-100, seconds,
whole counts); in XLSX each has its number format (89.5 %, 266.4 s). Text that
a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR: an agent
name or a queue from an imported file) is written as text: a text cell in XLSX, a
leading apostrophe in CSV (``formatting.csv_cell``).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kpidesk.core.formatting import csv_cell, write_xlsx


def xlsx_available() -> bool:
    try:
        import xlsxwriter  # noqa: F401 - optional: .xlsx export only when it is installed
    except ImportError:
        return False
    return True


def write_table(path: Path, header: list[str], rows: list[list], lang: str, units: Sequence[str | None] = ()) -> None:
    """A table as CSV, or as XLSX (``formatting.write_xlsx``: each column in its
    unit's number format, ``units`` giving them: percentages as %, seconds, counts whole)."""
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, header, rows, list(units))
        return
    delimiter = ";" if lang == "fr" else ","
    with path.open("w", newline="", encoding="utf-8-sig" if lang == "fr" else "utf-8") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow([csv_cell(h) for h in header])
        for row in rows:
            cells = [csv_cell(v) for v in row]
            writer.writerow([str(v).replace(".", ",") if lang == "fr" and isinstance(v, float) else v for v in cells])


def save_png(widget: QWidget, path: Path) -> bool:
    return widget.grab().save(str(path), "PNG")
