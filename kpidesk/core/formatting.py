"""Numbers as a team lead reads them, in French or English.

One place for it, so tiles, tables, the CLI and the PDF agree: ``89,5 %`` and
``1 234`` in French, ``89.5%`` and ``1,234`` in English, durations as ``2 min 05 s``,
``1 h 05 min`` or ``2 j 3 h``; an index from −100 to +100 (NPS) signed, to one decimal
(``+9,9``, ``−18,8``) whatever its size.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

NBSP = "\u202f"  # narrow no-break space: the French thousands separator


def number(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 86,400 or 1,234.5
_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")


def parse_number(text: str, lang: str) -> float | None:
    """The inverse of :func:`number`, as a team lead types it: ``86,400`` or ``86400.5``
    in English, ``86 400`` or ``89,5`` (or ``89.5``) in French; a trailing ``%`` or
    unit is left to the caller. Empty text is ``None``; anything else raises
    ``ValueError`` (never a silent misreading: ``86,400`` is never 86.4 in English)."""
    t = text.strip().replace(NBSP, "").replace("\u00a0", "").replace(" ", "").replace("−", "-")
    if not t:
        return None
    if lang == "fr":
        if not _PLAIN.match(t):
            raise ValueError(text)
        return float(t.replace(",", "."))
    if _GROUPED.match(t):
        return float(t.replace(",", ""))
    if "," in t or not _PLAIN.match(t):
        raise ValueError(text)
    return float(t)


def duration(seconds: float, lang: str = "en") -> str:
    """``45 s``, ``2 min 05 s``, ``1 h 05 min``, ``2 d 3 h`` (``2 j 3 h`` in French): the
    two largest parts, seconds rounded and the smaller parts cut; a zero second part
    is left out (``2 min``, ``1 h``, ``2 d``), up to 48 h in hours."""
    seconds = round(seconds)
    sign, total = ("-" if seconds < 0 else ""), abs(seconds)
    if total < 60:
        return f"{sign}{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        big, small = f"{minutes} min", f"{secs:02d} s" if secs else ""
    else:
        hours, minutes = divmod(minutes, 60)
        if hours < 48:
            big, small = f"{hours} h", f"{minutes:02d} min" if minutes else ""
        else:
            days, hours = divmod(hours, 24)
            big, small = f"{days} {'j' if lang == 'fr' else 'd'}", f"{hours} h" if hours else ""
    return f"{sign}{big} {small}" if small else f"{sign}{big}"


def value(val: float | None, unit: str, lang: str = "en", empty: str = "–") -> str:
    if val is None:
        return empty
    if unit in ("rate", "percent"):  # a fraction, or already × 100 (CSAT, retention)
        text = number(val * 100 if unit == "rate" else val, 1, lang)
        return f"{text}{NBSP}%" if lang == "fr" else f"{text}%"
    if unit == "seconds":
        return duration(val, lang)
    if unit == "count":
        return number(val, 0, lang)
    if unit == "index":
        return signed(val, lang)
    return number(val, score_decimals(val, unit), lang)


def score_decimals(val: float, unit: str) -> int:
    """Decimals of a score: two on a small scale (a CSAT of 3.47 out of 5, 1.45 replies
    per ticket), one past 10 (a QA score of 82.5); an index (−100 to +100: NPS) always
    one, so that 9.9 and 13.6 read alike."""
    return 1 if unit == "index" or abs(val) >= 10 else 2


def signed(val: float, lang: str) -> str:
    """``+9,9``, ``−18,8``, ``0,0``: an index (NPS) with its sign, to one decimal."""
    text = number(abs(val), 1, lang)
    if text == number(0, 1, lang):
        return text
    return f"{'+' if val > 0 else '−'}{text}"


_DIGITS = re.compile(r"(\d+)")


def name_key(name: str) -> tuple[str | int, ...]:
    """How a list of names is sorted for a person: case and accents aside (``Émile``
    beside ``Emma``), numbers by their value (``Agent_2`` before ``Agent_10``)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    parts = _DIGITS.split(plain)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


DAY_PATTERNS = {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"}  # also the UI's date fields (ui.i18n.day_format)


def day(d: date | datetime, lang: str = "en", with_time: bool = False) -> str:
    """``23/11/2026`` in French, ``2026-11-23`` in English; ``14:15`` appended on request."""
    text = d.strftime(DAY_PATTERNS["fr" if lang == "fr" else "en"])
    if with_time and isinstance(d, datetime):
        text += d.strftime(" %H:%M")
    return text


def delta(current: float | None, previous: float | None, unit: str, lang: str = "en") -> str | None:
    """The change against the compare period, signed: points for rates (``+1,2 pt``),
    a duration for times, a relative change for counts (``+12,5 %``)."""
    if current is None or previous is None:
        return None
    diff = current - previous
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    if unit in ("rate", "percent"):  # a change of a percentage is in points
        text = number(abs(diff) * (100 if unit == "rate" else 1), 1, lang)
        return f"{sign}{text}{NBSP}pt" if lang == "fr" else f"{sign}{text} pts"
    if unit == "seconds":
        return f"{'±' if round(abs(diff)) == 0 else sign}{duration(abs(diff), lang)}"
    if unit == "count":
        if previous == 0:
            return None
        text = number(abs(diff) / abs(previous) * 100, 1, lang)
        return f"{sign}{text}{NBSP}%" if lang == "fr" else f"{sign}{text}%"
    return f"{sign}{number(abs(diff), 1, lang)}"


# -- spreadsheets: text that a spreadsheet would run as a formula ---------------------
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Text a spreadsheet would read as a formula (or a DDE call) when opened."""
    return text.startswith(FORMULA_STARTS)


def spreadsheet_cell(value: object) -> object:
    """A value as an export writes it: numbers stay numbers (None for NaN or an
    infinity: no figure), dates as ISO text, other values as text."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def csv_cell(value: object) -> object:
    """A CSV cell: text that would start a formula gets a leading apostrophe (shown
    as text by Excel, LibreOffice and Sheets); real numbers stay numeric."""
    value = spreadsheet_cell(value)
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return "" if value is None else value


# -- exported tables: one unit per column, said in its header ------------------------
EXPORT_UNITS = {"rate": "%", "percent": "%", "seconds": "s"}
# How an XLSX cell shows a figure of each unit: percentages as percentages (the cell
# holds the fraction), durations in seconds with their unit, counts whole.
XLSX_FORMATS = {
    "rate": "0.0%",
    "percent": "0.0%",
    "seconds": '#,##0.0" s"',
    "count": "#,##0",
    "score": "0.0#",
    "index": "+0.0;-0.0;0.0",
}


def export_unit(unit: str) -> str:
    """The unit an exported column says in its header (``%``, ``s``), or ""."""
    return EXPORT_UNITS.get(unit, "")


def export_value(value: float | None, unit: str) -> float | int | None:
    """A figure as exported (CSV, XLSX): percentages 0-100 to one decimal (rates and
    CSAT alike), durations in seconds to one decimal, counts whole, scores to two, an
    index (NPS) to one."""
    if value is None or isinstance(value, bool) or not math.isfinite(value):
        return None
    if unit == "count":
        return int(round(value))
    if unit == "rate":
        return round(value * 100, 1)
    return round(value, 2 if unit == "score" else 1)


def write_xlsx(
    path: str | Path, header: Sequence[str], rows: Iterable[Sequence[object]], units: Sequence[str | None]
) -> None:
    """A table as a workbook: one header line (bold, frozen, no line break), each
    figure a number with its unit's format (:data:`XLSX_FORMATS`) given per column
    (``units``) or per cell (a ``(value, unit)`` pair); percentages exported 0-100
    (:func:`export_value`) are written as fractions shown as ``89.5%``. Text is
    always text (never run as a formula, a link or a number)."""
    import xlsxwriter  # type: ignore[import-untyped]  # a runtime dependency, loaded for exports only

    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    try:
        sheet = book.add_worksheet("kpidesk")
        bold = book.add_format({"bold": True})
        formats = {unit: book.add_format({"num_format": fmt}) for unit, fmt in XLSX_FORMATS.items()}
        for j, name in enumerate(header):
            text = " ".join(str(name).split())  # one line: no line break in a header
            sheet.write_string(0, j, text, bold)
            sheet.set_column(j, j, max(10, min(40, len(text) + 2)))
        sheet.freeze_panes(1, 0)
        for i, row in enumerate(rows, start=1):
            for j, raw in enumerate(row):
                unit = units[j] if j < len(units) else None
                if isinstance(raw, tuple):
                    raw, unit = raw
                cell = spreadsheet_cell(raw)
                if cell is None:
                    sheet.write_blank(i, j, None)
                elif isinstance(cell, bool):
                    sheet.write_boolean(i, j, cell)
                elif isinstance(cell, (int, float)):
                    number = cell / 100 if unit in ("rate", "percent") else cell
                    sheet.write_number(i, j, number, formats.get(unit) if unit else None)
                else:
                    sheet.write_string(i, j, str(cell))
    finally:
        book.close()
