"""A date and time format the user gives, as ``strptime`` reads it.

A profile's ``[parse] date_format`` (and the mapping dialog's "Date format" box) takes
either the pattern people write on a form — ``DD/MM/YYYY hh:mm``, in French
``JJ/MM/AAAA hh:mm`` — or a ``strptime`` format (``%d.%m.%Y %H:%M``, anything with a
``%``). In a pattern: ``DD``/``JJ`` the day, ``MM`` the month, ``YYYY``/``AAAA`` the
year (``YY``/``AA``: two digits), ``hh`` the hour (0-23), ``mm`` the minutes (lower
case: upper-case ``MM`` is the month), ``ss`` the seconds; every other character is
written as it is (``JJ.MM.AAAA à hh:mm``). A format must give the day, the month and
the year.
"""

from __future__ import annotations

import re
from datetime import datetime

# Longest first: YYYY before YY. Day and year in any case; MM (month) and mm (minutes) by case.
_TOKENS = [
    (re.compile(r"YYYY|AAAA", re.IGNORECASE), "%Y"),
    (re.compile(r"YY|AA", re.IGNORECASE), "%y"),
    (re.compile(r"DD|JJ", re.IGNORECASE), "%d"),
    (re.compile(r"MM"), "%m"),
    (re.compile(r"hh|HH"), "%H"),
    (re.compile(r"mm"), "%M"),
    (re.compile(r"ss|SS"), "%S"),
]
_PROBE = datetime(2024, 3, 15, 9, 5, 7)

TOO_VAGUE = "{format!r} does not give the day, the month and the year (e.g. DD/MM/YYYY hh:mm or %d.%m.%Y %H:%M)"
NOT_A_FORMAT = "{format!r} is not a date format (e.g. DD/MM/YYYY hh:mm or %d.%m.%Y %H:%M)"


def strptime_of(text: str) -> str:
    """The ``strptime`` format for ``text`` (a pattern or a format); raises ValueError
    with a sentence for the user when it cannot read a whole date."""
    text = str(text).strip()
    if not text:
        raise ValueError(NOT_A_FORMAT.format(format=text))
    fmt = text if "%" in text else _from_pattern(text)
    try:
        back = datetime.strptime(_PROBE.strftime(fmt), fmt)
    except ValueError:
        raise ValueError(NOT_A_FORMAT.format(format=text)) from None
    if back.date() != _PROBE.date():
        raise ValueError(TOO_VAGUE.format(format=text))
    return fmt


def _from_pattern(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        for regex, directive in _TOKENS:
            m = regex.match(text, i)
            if m:
                out.append(directive)
                i = m.end()
                break
        else:
            out.append("%%" if text[i] == "%" else text[i])
            i += 1
    return "".join(out)


def has_time(fmt: str) -> bool:
    """Whether a ``strptime`` format reads a time of day."""
    return any(d in fmt for d in ("%H", "%I"))


def valid(text: object) -> str | None:
    """Why ``text`` is no date format (a profile check), or None."""
    try:
        strptime_of(str(text))
    except ValueError as exc:
        return str(exc)
    return None
