"""Reading a column header the way a person does: its name, and the hints around it.

Real headers carry units and value hints: ``Wait time (sec)``, ``Durée (mn)``,
``Talk [hh:mm:ss]``, ``Abandoned? (Y/N)``, ``Speed of answer in seconds``,
``First_Response_Time_Hours``, ``AvgTalkDuration``. :func:`read` separates the name
(``wait time``, ``duree``, ``talk``, ``abandoned``…) from the hints (a unit of
duration, a yes/no or percent flag, an aggregate such as ``avg``), so that profiles
and the proposal compare names, and the hints tell how to parse the values.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from kpidesk.core.ingest.identifiers import normalize
from kpidesk.core.ingest.synonyms import SURVEY_QUESTIONS

# Unit words, normalised (no accents, lower case) → the unit name mapping.UNITS knows.
UNIT_WORDS = {
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "second": "seconds",
    "seconds": "seconds",
    "seconde": "seconds",
    "secondes": "seconds",
    "min": "minutes",
    "mn": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "heure": "hours",
    "heures": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "jours": "days",
    "ms": "milliseconds",
    "millisecondes": "milliseconds",
    "milliseconds": "milliseconds",
}
CLOCK_HINTS = {"hh mm ss", "hh mm", "mm ss", "mn ss", "min ss", "h mm ss", "hhmmss"}
BOOL_HINTS = {"y n", "yes no", "oui non", "o n", "0 1", "1 0", "true false", "vrai faux", "x"}
PERCENT_HINTS = {"%", "pct", "percent", "pourcentage", "pourcent"}
AGGREGATES = {"avg": "avg", "average": "avg", "mean": "avg", "moyenne": "avg", "moy": "avg", "moyen": "avg"}
_BRACKET = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Header:
    """One header, read: ``name`` is the comparable name without its hints."""

    raw: str
    name: str
    unit: str | None = None  # seconds, minutes, hours, days, milliseconds
    hint: str | None = None  # bool, percent, clock
    aggregate: str | None = None  # avg

    def hints(self) -> str:
        """The hints as the import report says them (empty when none)."""
        return ", ".join(h for h in (self.unit, self.hint, self.aggregate) if h)


def _hint_of(text: str) -> tuple[str | None, str | None]:
    """(unit, hint) said by a bracketed or trailing piece of a header, or (None, None)."""
    norm = normalize(text)
    raw = text.strip().lower()
    if raw == "%" or norm in PERCENT_HINTS:
        return None, "percent"
    if norm in UNIT_WORDS:
        return UNIT_WORDS[norm], None
    if norm in CLOCK_HINTS:
        return None, "clock"
    if norm in BOOL_HINTS or raw in ("y/n", "o/n"):
        return None, "bool"
    words = norm.split()
    if len(words) == 2 and words[0] in ("in", "en") and words[1] in UNIT_WORDS:
        return UNIT_WORDS[words[1]], None
    return None, None


@lru_cache(maxsize=4096)
def read(raw: str) -> Header:
    """The header's name and hints (see the module docstring)."""
    text = _CAMEL.sub(" ", str(raw))
    unit = hint = agg = None
    for piece in _BRACKET.findall(text):
        u, h = _hint_of(piece)
        unit, hint = unit or u, hint or h
        if normalize(piece) in AGGREGATES:
            agg = "avg"
    text = _BRACKET.sub(" ", text)
    if "%" in text:
        hint = hint or "percent"
    if text.rstrip().endswith("?"):
        hint = hint or "bool"
    words = normalize(text.replace("%", " ")).split()
    # Trailing unit words: "… in seconds", "…_Hours", "… (s)" already gone.
    while len(words) > 1:
        last = words[-1]
        if last in UNIT_WORDS and not (last in ("h", "d", "s") and len(words) > 2 and words[-2] in ("in", "en")):
            unit = unit or UNIT_WORDS[last]
            words.pop()
            if len(words) > 1 and words[-1] in ("in", "en"):
                words.pop()
        elif last in PERCENT_HINTS:
            hint = hint or "percent"
            words.pop()
        elif " ".join(words[-2:]) in CLOCK_HINTS:
            hint = hint or "clock"
            words = words[:-2]
        elif " ".join(words[-3:]) in CLOCK_HINTS:
            hint = hint or "clock"
            words = words[:-3]
        else:
            break
    while len(words) > 1 and words[0] in AGGREGATES:
        agg = "avg"
        words.pop(0)
    while len(words) > 1 and words[-1] in AGGREGATES:
        agg = "avg"
        words.pop()
    return Header(str(raw), " ".join(words), unit, hint, agg)


def survey_question(raw: str) -> str | None:
    """``nps``, ``ces`` or ``csat`` when the header names the survey question its
    scores answer (``synonyms.SURVEY_QUESTIONS``), else None."""
    words = (read(raw).name or normalize(raw)).split()
    for kind, stems in SURVEY_QUESTIONS.items():
        for stem in stems:
            if any(w == stem or (len(stem) >= 5 and w.startswith(stem)) for w in words):
                return kind
    return None


def base(name: str) -> str:
    """The comparable name of a header or of a vocabulary entry."""
    return read(name).name


@lru_cache(maxsize=65536)
def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """0..1: how alike two header names are (after :func:`read`), for fuzzy matching.
    With ``at_least``, a pair that cannot reach it is said 0 without the full (costly)
    comparison."""
    x, y = base(a), base(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    m = difflib.SequenceMatcher(None, x, y)
    if at_least and (m.real_quick_ratio() < at_least or m.quick_ratio() < at_least):
        return 0.0
    return m.ratio()
