"""Decisions taken from the values themselves, on a sample of the file.

``03/04/2024``: day first or month first? The sample says: a column where some first
part exceeds 12 is day-first; where some second part does, month-first; when no value
tells, the profile's ``date_order`` (default ``dmy``, the French habit) decides. The
same sample tells whether numbers use a decimal comma, whether a date column holds
Excel serial numbers, and what shape each column has (used to propose a mapping).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

try:  # strptime's own pattern cache: a fast first test of a value against a format
    import _strptime
    from _strptime import _TimeRE_cache as _TIME_RE
except ImportError:  # pragma: no cover - not CPython
    _TIME_RE = None

from kpidesk.core.ingest.values import NULL_TOKENS, TimestampRule

_TIMES = [
    "",
    " %H:%M:%S",
    " %H:%M",
    ", %H:%M:%S",
    ", %H:%M",
    " %H:%M:%S.%f",
    " %I:%M:%S %p",
    " %I:%M %p",
    " %Hh%M",
    " à %H:%M",
]
_DATES = {
    "dmy": ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"],
    "mdy": ["%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y"],
    # Compact dates too: YYYYMMDD and a bank's YYMMDD (990201), alone or with a time.
    "ymd": ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%y%m%d"],
}
_ISO_EXTRA = [
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%dT%H:%M",
    "%Y%m%d %H%M%S",
    "%Y%m%d%H%M%S",
    "%Y%m%d%H%M",
]
ZONE = re.compile(r"(Z|z|[+-]\d\d:?\d\d|[+-]\d\d)$")
ISO_START = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}")
NUMBER = re.compile(r"^[+-]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)([.,]\d+)?$")
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
DECIMAL_POINT = re.compile(r"^[+-]?\d+\.\d+$")
CLOCK = re.compile(r"^-?\d+:\d{1,2}(:\d{1,2})?([.,]\d+)?$|^1899-12-3\d |^1900-01-0\d ")
PERCENT = re.compile(r"^[+-]?\d+([.,]\d+)?\s?%$")
SCORE_LABEL = re.compile(r"^\s*[<>=]?\s*\d+(?:[.,]\d+)?\s*[-–:.)]\s*[^\d\s]")


def present(values: Iterable[str | None], limit: int | None = None) -> list[str]:
    """The values written (stripped; no empty cell, no NULL word), the first ``limit``
    of them: the rest of the sample is not looked at."""
    out: list[str] = []
    if limit is not None and limit <= 0:
        return out
    for v in values:
        if v is not None:
            text = v.strip()
            if text.lower() not in NULL_TOKENS:
                out.append(text)
                if limit is not None and len(out) == limit:
                    break
    return out


def formats_for(order: str) -> list[str]:
    out = [d + t for d in _DATES[order] for t in _TIMES]
    if order == "ymd":
        out += _ISO_EXTRA
    return out


@lru_cache(maxsize=256)
def _shape(fmt: str) -> re.Pattern[str] | None:
    """The regular expression ``strptime`` itself matches first (None when the format
    depends on the locale, or the private helper is missing)."""
    if _TIME_RE is None or any(d in fmt for d in ("%p", "%a", "%A", "%b", "%B", "%c", "%x", "%X")):
        return None
    try:
        pattern: re.Pattern[str] = _TIME_RE.compile(fmt)
        return pattern
    except Exception:
        return None


def _marks(text: str) -> tuple[str, ...]:
    """The characters of ``text`` that are no digit, space or letter (``/``, ``-``,
    ``:``, ``,``, ``+``…), in order."""
    return tuple(ch for ch in text if not (ch.isdecimal() or ch.isspace() or ch.isalpha()))


_DIRECTIVE = re.compile(r"%.")


def _format_marks(fmt: str) -> tuple[str, ...] | None:
    """The marks every value ``fmt`` reads has: its own, outside the directives (these
    read digits, spaces and the locale's am/pm words); None when it cannot tell (an
    am/pm word with a mark in it, or strptime's helper missing): test every value then."""
    if _TIME_RE is None or any(d in fmt for d in ("%a", "%A", "%b", "%B", "%c", "%x", "%X", "%Z", "%z", "%%")):
        return None
    if "%p" in fmt and any(_marks(word) for word in _strptime._TimeRE_cache.locale_time.am_pm):
        return None
    return _marks(_DIRECTIVE.sub("", fmt))


def _parses(value: str, fmt: str) -> bool:
    shape = _shape(fmt)
    if shape is not None:  # most (value, format) pairs fail here, without an exception
        m = shape.match(value)
        if m is None or m.end() != len(value):
            return False
    try:
        datetime.strptime(value, fmt)
        return True
    except ValueError:
        return False


def timestamp_rule(
    values: Iterable[str | None], date_order: str = "auto", dc: bool = False
) -> tuple[TimestampRule, float]:
    """Formats to try (best first) and the share of sample values they read."""
    vals = tuple(present(values, 400))
    rule, share = _timestamp_rule(vals, date_order)
    return TimestampRule(list(rule.formats), zoned=rule.zoned, serial=rule.serial, ambiguous=rule.ambiguous), share


@lru_cache(maxsize=64)
def _timestamp_rule(vals: tuple[str, ...], date_order: str) -> tuple[TimestampRule, float]:
    """:func:`timestamp_rule` on the present values (asked once per column, twice)."""
    if not vals:
        return TimestampRule(formats_for("dmy") + formats_for("ymd")), 0.0
    # an offset after a date and a time (``2026-10-01T08:00+02:00``), not a ticket
    # number that ends in digits (``T-1000``)
    zoned = [v for v in vals if ZONE.search(v) and ISO_START.match(v)]
    not_zoned = set(vals) - set(zoned)
    naive = [v for v in vals if v in not_zoned]
    serial = [v for v in naive if re.fullmatch(r"\d{5}([.,]\d+)?", v) and 20000 < float(v.replace(",", ".")) < 80000]
    if serial:
        not_serial = set(naive) - set(serial)
        naive = [v for v in naive if v in not_serial]
    if date_order not in _DATES:
        date_order = "auto"
    # Each distinct value is tried once (counted as often as it comes), and only with
    # the formats that write its marks (``15/03/2024 08:00`` is no ``%Y-%m-%d…``):
    # the same counts as trying every value with every format, at a fraction of the cost.
    times: dict[str, int] = {}
    for v in naive:
        times[v] = times.get(v, 0) + 1
    by_marks: dict[tuple[str, ...], list[str]] = {}
    for v in times:
        by_marks.setdefault(_marks(v), []).append(v)
    every = list(times)
    # The profile's order first, then ISO (a profile saying "ymd" asks for it once).
    orders = ["ymd", "dmy", "mdy"] if date_order == "auto" else list(dict.fromkeys([date_order, "ymd"]))
    scores = []
    for order in orders:
        read: dict[str, set[str]] = {}
        for f in formats_for(order):
            marks = _format_marks(f)
            read[f] = {v for v in (every if marks is None else by_marks.get(marks, ())) if _parses(v, f)}
        counts = {f: sum(times[v] for v in hits) for f, hits in read.items()}
        scores.append((sum(times[v] for v in set().union(*read.values())), order, counts))
    tie = False
    if date_order == "auto":
        dmy = next(s for s in scores if s[1] == "dmy")
        mdy = next(s for s in scores if s[1] == "mdy")
        tie = dmy[0] == mdy[0] > 0
        if mdy[0] > dmy[0]:
            scores.remove(dmy)
        else:
            scores.remove(mdy)  # ties go to day-first
    best_n, best_order, counts = max(scores, key=lambda s: s[0])
    ranked = sorted((f for f, c in counts.items() if c), key=lambda f: -counts[f])
    other = next(s for s in scores if s[1] != best_order) if len(scores) > 1 else None
    if other:
        ranked += sorted((f for f, c in other[2].items() if c), key=lambda f: -other[2][f])
    ranked += [f for f in formats_for(best_order) if f not in ranked]
    share = (best_n + len(zoned) + len(serial)) / len(vals)
    ambiguous = tie and best_order == "dmy"  # 01/02/2024: 1 February or 2 January
    return TimestampRule(ranked, zoned=bool(zoned), serial=bool(serial), ambiguous=ambiguous), share


def typed_rule(values: Iterable[str | None], fmt: str, share: float = 0.5) -> TimestampRule | None:
    """The rule for a column when the user gave its format (``[parse] date_format``, a
    ``strptime`` format): that format only (with the usual times after it when it gives
    none: a date column completed by a time column), for a column whose sample it reads
    at least ``share`` of; None for the others (a second date column written another
    way keeps the rule its values give)."""
    formats = [fmt] if any(d in fmt for d in ("%H", "%I")) else [fmt + t for t in _TIMES]
    vals = present(values, 400)
    if vals and sum(any(_parses(v, f) for f in formats) for v in vals) < share * len(vals):
        return None
    return TimestampRule(formats)


def decimal_comma(columns_values: Iterable[Iterable[str | None]]) -> bool:
    """True when numbers in the sample are written ``12,5`` rather than ``12.5``."""
    comma = point = 0
    for values in columns_values:
        for v in present(values, 200):
            v = v.rstrip(" %")
            comma += bool(DECIMAL_COMMA.match(v))
            point += bool(DECIMAL_POINT.match(v))
    return comma > point


def shape(values: Iterable[str | None]) -> tuple[str, float]:
    """The dominant kind of a column's values and its share: timestamp, duration,
    number, percent, score, bool, text, empty."""
    return _kind(tuple(present(values, 300)))


@lru_cache(maxsize=256)
def _kind(vals: tuple[str, ...]) -> tuple[str, float]:
    """:func:`shape` of the present values (asked of each column by the proposal, its
    completion and the mapping, on the same sample)."""
    if not vals:
        return "empty", 1.0
    n = len(vals)
    low = [v.lower() for v in vals]
    tests = [
        ("bool", sum(v in ("y", "n", "o", "yes", "no", "oui", "non", "true", "false", "vrai", "faux") for v in low)),
        ("percent", sum(bool(PERCENT.match(v)) for v in vals)),
        ("duration", sum(bool(CLOCK.match(v)) for v in vals)),
        ("number", sum(bool(NUMBER.match(v)) for v in vals)),
        ("score", sum(bool(SCORE_LABEL.match(v)) for v in vals)),
    ]
    kind, hits = max(tests, key=lambda t: t[1])
    if hits / n >= 0.8:
        return kind, hits / n
    if sum(any(ch.isdigit() for ch in v) for v in vals) / n >= 0.8:
        rule, share = timestamp_rule(list(vals[:60]))  # enough to tell a shape (the import reads more)
        if share >= 0.8:
            return "timestamp", share
    return "text", 1.0


_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")


def day_first(columns_values: Iterable[Iterable[object]]) -> bool:
    """Whether the file's slashed dates are day first (some first part above 12 and no
    second part above 12, in any column)."""
    first = second = False
    for values in columns_values:
        for v in present((v for v in values if isinstance(v, str)), 400):  # JSON gives numbers too
            m = _SLASHED.match(v)
            if m:
                first |= int(m.group(1)) > 12
                second |= int(m.group(2)) > 12
    return first and not second
