"""The weekday × hour filter in words, and read from a command line.

A heatmap cell narrows every figure to one weekday and hour across the period
(``Filters.weekdays`` / ``Filters.hours``, turned into SQL by ``sql_compose.where``).
This module is the one way to say it — the filter bar's chip, the coaching view, the
PDF sheets, the "Why?" dialog and the CLI all print :func:`cell_label` — and the one
way to read it from a command (:func:`parse_weekdays`, :func:`parse_hours`).
Core text for people is ``{en, fr}`` pairs, as the KPI files' labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

# ISO weekday (1 = Monday … 7) − 1 → words
_ONE = {
    "en": ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"),
    "fr": (
        "Tous les lundis",
        "Tous les mardis",
        "Tous les mercredis",
        "Tous les jeudis",
        "Tous les vendredis",
        "Tous les samedis",
        "Tous les dimanches",
    ),
}
_DAY = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_PLURAL = {
    "en": _ONE["en"],
    "fr": ("lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis", "dimanches"),
}
_WORDS = {
    "every_day": {"en": "Every day", "fr": "Tous les jours"},
    "range": {"en": "{first} to {last}", "fr": "Du {first} au {last}"},
    "several": {"en": "{days}", "fr": "Les {days}"},
    "and": {"en": " and ", "fr": " et "},
}
# what a command line may write for a weekday (English and French, full or short)
_NAMES = {
    name: i + 1 for lang in ("en", "fr") for i, day in enumerate(_DAY[lang]) for name in (day.lower(), day.lower()[:3])
}


def _say(key: str, lang: str) -> str:
    entry = _WORDS[key]
    return entry.get(lang) or entry["en"]


def _runs(values: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted distinct values as runs of consecutive ones: [(first, last)…]."""
    runs: list[tuple[int, int]] = []
    for v in sorted(set(values)):
        if runs and v == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], v)
        else:
            runs.append((v, v))
    return runs


def _join(parts: Sequence[str], lang: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + _say("and", lang) + parts[-1]


def weekdays_text(weekdays: Sequence[int], lang: str = "en") -> str:
    """ISO weekdays in words: ``Tuesdays`` / ``Tous les mardis``; ``Monday to Friday``
    / ``Du lundi au vendredi``; ``Mondays and Wednesdays`` / ``Les lundis et mercredis``;
    none (or all seven): ``Every day`` / ``Tous les jours``."""
    lang = lang if lang in _ONE else "en"
    days = sorted({int(d) for d in weekdays if 1 <= int(d) <= 7})
    if not days or len(days) == 7:
        return _say("every_day", lang)
    if len(days) == 1:
        return _ONE[lang][days[0] - 1]
    runs = _runs(days)
    if len(runs) == 1 and len(days) >= 3:
        first, last = _DAY[lang][runs[0][0] - 1], _DAY[lang][runs[0][1] - 1]
        return _say("range", lang).format(first=first, last=last)
    return _say("several", lang).format(days=_join([_PLURAL[lang][d - 1] for d in days], lang))


def weekday_name(weekday: int, lang: str = "en") -> str:
    """One ISO weekday: ``Tuesday`` / ``mardi``."""
    return _DAY[lang if lang in _DAY else "en"][int(weekday) - 1]


def _clock(hour: int, lang: str) -> str:
    return f"{hour}h" if lang == "fr" else f"{hour:02d}:00"


def hours_text(hours: Sequence[int], lang: str = "en") -> str:
    """Hours of the day as spans: ``10:00–11:00`` / ``10h–11h``; 9, 10 and 14 →
    ``09:00–11:00 and 14:00–15:00`` / ``9h–11h et 14h–15h``."""
    spans = [f"{_clock(a, lang)}–{_clock(b + 1, lang)}" for a, b in _runs(int(h) for h in hours if 0 <= int(h) <= 23)]
    return _join(spans, lang)


def cell_label(weekdays: Sequence[int], hours: Sequence[int], lang: str = "en") -> str | None:
    """The weekday × hour filter as the filter bar shows it (``Tuesdays, 10:00–11:00``,
    ``Tous les mardis, 10h–11h``, ``Every day, 14:00–15:00``); None without one."""
    if not weekdays and not hours:
        return None
    days = weekdays_text(weekdays, lang)
    return f"{days}, {hours_text(hours, lang)}" if hours else days


def _spread(text: str, read: Callable[[str], int]) -> list[int]:
    """``a-b`` → every value from a to b (both included), else the one value."""
    if "-" in text.strip("-"):
        first, last = (read(p) for p in text.split("-", 1))
        if last < first:
            raise ValueError(f"{text!r}: the range runs backwards")
        return list(range(first, last + 1))
    return [read(text)]


def _weekday(text: str) -> int:
    word = text.strip().lower().rstrip(".")
    if word.isdigit() and 1 <= int(word) <= 7:
        return int(word)
    if word in _NAMES:
        return _NAMES[word]
    raise ValueError(f"{text.strip()!r} is not a weekday (mon … sun, lun … dim, or 1 = Monday … 7)")


def _hour(text: str) -> int:
    word = text.strip().lower().removesuffix("h").removesuffix(":00")
    if word.isdigit() and 0 <= int(word) <= 23:
        return int(word)
    raise ValueError(f"{text.strip()!r} is not an hour of the day (0 … 23)")


def parse_weekdays(values: Iterable[str] | None) -> tuple[int, ...]:
    """ISO weekdays from command-line values, repeated or comma-separated, ranges
    included: ``tue``, ``mon-fri``, ``lundi``, ``1,3``. Raises ValueError (one line)."""
    days: set[int] = set()
    for value in values or ():
        for part in value.split(","):
            if part.strip():
                days.update(_spread(part, _weekday))
    return tuple(sorted(days))


def parse_hours(values: Iterable[str] | None) -> tuple[int, ...]:
    """Hours of the day (0 … 23) from command-line values: ``10``, ``9-11`` (hours 9,
    10 and 11, i.e. 09:00–12:00), ``14h``. Raises ValueError (one line)."""
    hours: set[int] = set()
    for value in values or ():
        for part in value.split(","):
            if part.strip():
                hours.update(_spread(part, _hour))
    return tuple(sorted(hours))
