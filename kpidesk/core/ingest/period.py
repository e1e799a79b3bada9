"""The period a report covers when its rows do not say it.

A per-agent interval report may hold counts without any date ("Call Center
Data.csv": one row per rep and unlabelled interval). Its figures are real, but they
belong to a period only the user knows: given on the command line (``--period
2024-03-01`` or ``2024-03-01..2024-03-31``), in the import dialog, or written in the
file's name (``calls_2024-03.csv``) or in its preamble (``Période : 01/03/2024 -
31/03/2024``). Each row is then one interval starting at the period's first day and
lasting the whole period; nothing finer (no hour of day) is made up.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kpidesk.core.ingest.profiles import Profile, find_column

_DAY_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")
_ONE = r"\d{4}-\d{2}-\d{2}|\d{8}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}"
_RANGE = re.compile(rf"(?<!\d)({_ONE})(?:\s*(?:\.\.|to|au|à|a|-|_|–)\s*({_ONE}))?(?!\d)")


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: date
    end: date

    @property
    def seconds(self) -> int:
        return ((self.end - self.start).days + 1) * 86400

    def said(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start} to {self.end}"


def _day(text: str, last: bool = False) -> date | None:
    if re.fullmatch(r"\d{4}-\d{2}", text):  # a month
        y, m = int(text[:4]), int(text[5:])
        if not 1 <= m <= 12:
            return None
        return date(y, m, calendar.monthrange(y, m)[1] if last else 1)
    for fmt in _DAY_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return day if 1970 <= day.year <= 2100 else None
    return None


def parse(text: str) -> Period:
    """``2024-03-01``, ``2024-03`` (the month), ``2024-03-01..2024-03-31`` or
    ``01/03/2024-31/03/2024``; raises ValueError with a sentence for the user."""
    found = find(text.strip(), whole=True)
    if found is None:
        raise ValueError(
            f"{text!r} is not a period: give a day (2024-03-01), a month (2024-03) or two days (2024-03-01..2024-03-31)"
        )
    return found


def find(text: str, whole: bool = False) -> Period | None:
    """The first period written in ``text`` (a file name, a preamble line), or None."""
    for m in _RANGE.finditer(text):
        if whole and (m.start() != 0 or m.end() != len(text)):
            continue
        start = _day(m.group(1))
        end = _day(m.group(2) or m.group(1), last=True)
        if start and end and start <= end and (end - start).days <= 366:
            return Period(start, end)
    return None


def from_file(name: str, preamble: list[str]) -> Period | None:
    """A period written in the file's preamble (first), or in its name."""
    for line in preamble:
        found = find(line)
        if found:
            return found
    return find(name)


def needs_period(profile: Profile, columns: list[str]) -> bool:
    """Whether ``profile`` reads interval rows and finds no column for their start."""
    if profile.table != "interval_stats" or profile.transform:
        return False
    spec = profile.fields.get("interval_start")
    from kpidesk.core.ingest.profiles import resolve_field

    return spec is None or resolve_field(spec, columns) is None


def applied(profile: Profile, period: Period) -> Profile:
    """``profile`` with every row placed in ``period`` (one interval the length of the
    period) and no header asked for the interval column it does not need."""
    data: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in profile.data.items()}
    fields = dict(data.get("fields", {}))
    fields["interval_start"] = {"value": datetime.combine(period.start, datetime.min.time())}
    fields["interval_s"] = {"value": period.seconds}
    data["fields"] = fields
    match = dict(data.get("match", {}))
    match["headers"] = [h for h in match.get("headers", []) if not is_interval_header(h)]
    data["match"] = match
    key = dict(data.get("key", {}))
    key["period"] = period.said()  # the same rows given another period are other intervals
    data["key"] = key
    data["label"] = f"{profile.label}, period {period.said()}"
    return Profile(profile.name, data, profile.path, profile.builtin)


def is_interval_header(names: object) -> bool:
    """A ``[match] headers`` entry naming the interval column (Interval, Tranche horaire…)."""
    alts = [names] if isinstance(names, str) else list(names) if isinstance(names, list) else []
    return find_column(alts, ["Interval", "Intervalle", "Tranche horaire", "Half hour", "Interval start"]) is not None
