"""Import failures the user can act on.

The UI and the CLI show ``str(exc)`` as is, so every message says what is wrong with
the file and what to do, never a traceback or a DuckDB internal.
"""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.jobs import Cancelled


class ImportError_(Exception):
    """The file cannot be imported; nothing was written. ``str()`` is for the user.

    Like :class:`kpidesk.core.db.store.StoreError`: made with :meth:`say`, it keeps its
    English ``template`` (one of the constants below) and ``params``, so that a front
    end can say it in the user's language; ``str()`` stays the English text.
    """

    def __init__(self, message: str, template: str | None = None, **params: str) -> None:
        super().__init__(message)
        self.template, self.params = template, params

    @classmethod
    def say(cls, template: str, **params: object) -> ImportError_:
        text = {k: str(v) for k, v in params.items()}
        return cls(template.format(**text), template, **text)


ImportFailed = ImportError_

# The import refusals and failures a front end may translate (English, with their
# placeholders; the UI lists them in ``ui/errors.py`` and the French catalogue).
CANCELLED = "Import cancelled; nothing was written."
FAILED = "{file} could not be imported: {detail}"
NOT_IMPORTED = "{file} could not be imported."
FEWER_LINES = "The file has fewer than {line} lines."
NOT_ENCODED = (
    "{file} is not valid {encoding} text (byte {byte} cannot be read): save it again as UTF-8, "
    "or name its encoding in the profile ([read] encoding)."
)
UNTERMINATED = (
    '{file}: line {line} opens a quote (") that is never closed, so every line after it would be read as one '
    "field and lost. Close or remove that quote and import the file again."
)
NO_DATA_ROWS = "{file} has no data rows: there is nothing to import."
EVERY_ROW_REJECTED = (
    "{file}: every row was rejected ({rejected} of {read}), nothing was imported; first reason: {reason}."
)
EMPTY = "{file} is empty: there is nothing to import."
NOT_A_FILE = "{file} does not exist or is not a file."
BINARY = "{file} is not a text export (it looks like a binary file). Export the data as CSV, Excel, Parquet or JSON."
ARCHIVE = (
    "{file} is a compressed archive, not a spreadsheet or a text export. Extract the file you want to import first."
)
DAMAGED = (
    "{file} is a damaged or incomplete spreadsheet (cut short while copying or downloading?). "
    "Save or download it again."
)
NOT_A_TABLE = (
    "{file} does not hold a table of records (no separator gives the same number of fields on every line). "
    "If it is a dashboard or report saved as CSV, export the underlying list of calls, tickets or answers instead."
)
HEADER_ONLY = "{file} has a header but no data rows: there is nothing to import."
NO_COLUMN_NAMES = "{file} has no usable column names in its header."
UNREADABLE_KIND = "{file} cannot be read as {kind}: {detail}"
NO_COLUMNS = "{file} has no columns: there is nothing to import."
TOO_BIG_UNPACKED = "{file} would take {size} GB once unpacked (the limit is {limit} GB): export it as CSV, or split it."
BOMB = "{file} holds a part that unpacks {ratio} times larger than it is stored: not an ordinary spreadsheet, not read."
DAMAGED_KIND = (
    "{file} cannot be read as {kind}: the file is damaged, or is not {kind} despite its name. "
    "Export it again, or export it as CSV."
)
PROSE = (
    "{file} is text, not a table of records (its first line reads as sentences, not as column names). "
    "Export the list of calls, tickets or answers as CSV or Excel."
)
NOT_A_SPREADSHEET = "{file} cannot be opened as a spreadsheet: {detail}"
SHEET_UNREADABLE = "Sheet {sheet} of {file} cannot be read: {detail}"
NO_SUCH_SHEET = "{file} has no sheet named {sheet} (sheets: {sheets})."
NO_SHEET_WITH_DATA = "{file} has no sheet with data: there is nothing to import."
SHEET_EMPTY = "Sheet {sheet} of {file} is empty."
SHEET_NO_COLUMN = "Sheet {sheet} of {file} has no usable column."
PROFILE_UNREADABLE = "The profile {file} cannot be read: {detail}"
PROFILE_INVALID = "The profile {file} is not valid: {detail}"
NO_SUCH_PROFILE = "No profile named {name}. Known profiles: {names}."
NEEDS_PERIOD = (
    "{file} is a report of counts per agent or queue (interval_stats: {columns}), but no column found for "
    "interval_start (the period each row covers (a date or interval column)).\nWhich period does it cover? Pass --period 2024-03-01 (a day), --period 2024-03 (a month) "
    "or --period 2024-03-01..2024-03-31, or write the period in the file name, or set it in the import dialog."
)
MESSAGES = (
    CANCELLED, FAILED, NOT_IMPORTED, FEWER_LINES, NOT_ENCODED, UNTERMINATED, NO_DATA_ROWS, EVERY_ROW_REJECTED, EMPTY, NOT_A_FILE, BINARY,
    ARCHIVE, DAMAGED, NOT_A_TABLE, HEADER_ONLY, NO_COLUMN_NAMES, UNREADABLE_KIND, NO_COLUMNS, TOO_BIG_UNPACKED,
    BOMB, NOT_A_SPREADSHEET, SHEET_UNREADABLE, NO_SUCH_SHEET, NO_SHEET_WITH_DATA, SHEET_EMPTY, SHEET_NO_COLUMN,
    PROFILE_UNREADABLE, PROFILE_INVALID, NO_SUCH_PROFILE, NEEDS_PERIOD, DAMAGED_KIND, PROSE,
)  # fmt: skip


class ImportCancelled(ImportError_, Cancelled):
    """The user cancelled; the transaction was rolled back."""

    def __init__(self, message: str = CANCELLED) -> None:
        super().__init__(message, message if message == CANCELLED else None)


class NoProfile(ImportError_):
    """No profile recognises the file and the proposed mapping is not sure enough:
    the UI offers the mapping dialog for ``path``."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class NeedsPeriod(NoProfile):
    """A report of counts a profile reads, but for the period its rows cover: the UI
    asks for the period (``profile``: the profile that reads the file once it is given)."""

    def __init__(self, path: Path, profile: str, columns: list[str]) -> None:
        params = {"file": path.name, "columns": ", ".join(columns)}
        super().__init__(NEEDS_PERIOD.format(**params), path)
        self.template, self.params, self.profile = NEEDS_PERIOD, params, profile


# Why a row was rejected, as ``import_rejects`` keeps it (English, in the database):
# written here once (the front end says them in the user's language: ui/ingest/words).
NOT_FINITE = "{field}: not a finite number (NaN or infinity)"
NEGATIVE_DURATION = "{field}: a negative duration"
DURATION_OVER_TEN_YEARS = "{field}: a duration over ten years"
NUMBER_TOO_LARGE = "{field}: a number too large to be real (over {limit})"
DATE_OUT_OF_RANGE = "{field}: a date before {start} or after {end}"
NUL_IN_TEXT = "{field}: contains a NUL character"
MISSING_REQUIRED = "missing required field {field}"
MORE_FIELDS = "the line has more fields than the header"
FEWER_FIELDS = "the line has fewer fields than the header"
SUMMARY_ROW = "summary row (total), not a record"
UNREADABLE_VALUE = {
    kind: f"cannot read the {kind} in column {{column}}: {{value}}"
    for kind in ("date", "duration", "number", "integer", "yes/no value")
}
RECORDS_LOST = (
    "{n} record(s) of the file could not be read at all (a record over 32 MB, or an unterminated quote that "
    "joined the lines after it into one field)"
)
UNREADABLE_LINE = "unreadable line ({error}): {detail}"
