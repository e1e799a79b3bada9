"""Export what is on screen: a table to CSV or XLSX, a chart or a tab to PNG.

CSV follows the user's spreadsheet habits: ``;`` and a UTF-8 BOM in French (what
French Excel opens cleanly), ``,`` in English. Values are written raw (rates as
fractions, durations in seconds) so the spreadsheet can compute with them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QWidget


def xlsx_available() -> bool:
    try:
        import xlsxwriter  # noqa: F401 - optional: .xlsx export only when it is installed
    except ImportError:
        return False
    return True


def write_table(path: Path, header: list[str], rows: list[list], lang: str) -> None:
    if path.suffix.lower() == ".xlsx":
        import xlsxwriter  # optional (see xlsx_available)

        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("kpidesk")
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, header, bold)
        for i, row in enumerate(rows, start=1):
            sheet.write_row(i, 0, ["" if v is None else v for v in row])
        sheet.set_column(0, 0, 24)
        book.close()
        return
    delimiter = ";" if lang == "fr" else ","
    with path.open("w", newline="", encoding="utf-8-sig" if lang == "fr" else "utf-8") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                [
                    "" if v is None else (str(v).replace(".", ",") if lang == "fr" and isinstance(v, float) else v)
                    for v in row
                ]
            )


def save_png(widget: QWidget, path: Path) -> bool:
    return widget.grab().save(str(path), "PNG")
