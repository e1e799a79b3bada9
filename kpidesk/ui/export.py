"""Export what is on screen: a table to CSV or XLSX, a chart or a tab to PNG.

CSV follows the user's spreadsheet habits: ``;`` and a UTF-8 BOM in French (what
French Excel opens cleanly), ``,`` in English. Values are written raw (rates as
fractions, durations in seconds) so the spreadsheet can compute with them. Text that
a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR: an agent
name or a queue from an imported file) is written as text: a text cell in XLSX, a
leading apostrophe in CSV (``formatting.csv_cell``).
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QWidget

from kpidesk.core.formatting import csv_cell, spreadsheet_cell


def xlsx_available() -> bool:
    try:
        import xlsxwriter  # noqa: F401 - optional: .xlsx export only when it is installed
    except ImportError:
        return False
    return True


def write_table(path: Path, header: list[str], rows: list[list], lang: str) -> None:
    if path.suffix.lower() == ".xlsx":
        import xlsxwriter  # optional (see xlsx_available)

        # no string is ever read as a formula, a link or a number
        book = xlsxwriter.Workbook(
            str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
        )
        sheet = book.add_worksheet("kpidesk")
        bold = book.add_format({"bold": True})
        for j, name in enumerate(header):
            sheet.write_string(0, j, str(name), bold)
        for i, row in enumerate(rows, start=1):
            for j, v in enumerate(row):
                cell = spreadsheet_cell(v)
                if cell is None:
                    sheet.write_blank(i, j, None)
                elif isinstance(cell, bool):
                    sheet.write_boolean(i, j, cell)
                elif isinstance(cell, (int, float)):
                    sheet.write_number(i, j, cell)
                else:
                    sheet.write_string(i, j, cell)
        sheet.set_column(0, 0, 24)
        book.close()
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
