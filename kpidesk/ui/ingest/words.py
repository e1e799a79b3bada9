"""Core's import words in the user's language: how a column is read, why a row is
rejected or ignored, which key tells records apart.

``core.ingest`` writes these in English (the CLI prints them, the import history
keeps them); the app says them through the ``ImportWords`` context of the French
catalogue. Each known sentence is a pattern whose parts (a column, a field, a value)
are kept as they are or named in the user's words; a sentence no pattern knows is
shown as core wrote it rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.field_labels import field_label, value_label

CONTEXT = "ImportWords"


def tr(text: str) -> str:
    return translate(CONTEXT, text)


UNITS = {
    "seconds": QT_TRANSLATE_NOOP("ImportWords", "seconds"),
    "minutes": QT_TRANSLATE_NOOP("ImportWords", "minutes"),
    "hours": QT_TRANSLATE_NOOP("ImportWords", "hours"),
    "days": QT_TRANSLATE_NOOP("ImportWords", "days"),
    "milliseconds": QT_TRANSLATE_NOOP("ImportWords", "milliseconds"),
}
KINDS = {  # what a value is read as (accounting._rule, mapping's reject labels)
    "text": QT_TRANSLATE_NOOP("ImportWords", "text"),
    "number": QT_TRANSLATE_NOOP("ImportWords", "number"),
    "integer": QT_TRANSLATE_NOOP("ImportWords", "whole number"),
    "percent": QT_TRANSLATE_NOOP("ImportWords", "percentage"),
    "score": QT_TRANSLATE_NOOP("ImportWords", "score"),
    "duration": QT_TRANSLATE_NOOP("ImportWords", "duration"),
    "date": QT_TRANSLATE_NOOP("ImportWords", "date"),
    "timestamp": QT_TRANSLATE_NOOP("ImportWords", "date and time"),
    "date and time": QT_TRANSLATE_NOOP("ImportWords", "date and time"),
    "bool": QT_TRANSLATE_NOOP("ImportWords", "yes/no"),
    "yes/no": QT_TRANSLATE_NOOP("ImportWords", "yes/no"),
    "yes/no value": QT_TRANSLATE_NOOP("ImportWords", "yes/no value"),
    "score (leading number)": QT_TRANSLATE_NOOP("ImportWords", "score (leading number)"),
    "date + time of day": QT_TRANSLATE_NOOP("ImportWords", "date + time of day"),
    "not used": QT_TRANSLATE_NOOP("ImportWords", "not used"),
}


FLAGS = {  # a yes/no column's words recoded (a field's map): said as yes and no
    "true": QT_TRANSLATE_NOOP("ImportWords", "yes"),
    "false": QT_TRANSLATE_NOOP("ImportWords", "no"),
}


def _kind(text: str) -> str:
    return tr(KINDS[text]) if text in KINDS else text


def _unit(text: str) -> str:
    return tr(UNITS[text]) if text in UNITS else text


def _fields(text: str) -> str:
    return ", ".join(field_label(f.strip()) for f in text.split(","))


def _pairs(text: str) -> str:
    """``oui → answered, non → abandoned``: the codes in the user's words."""
    out = []
    for pair in text.split(", "):
        value, _, code = pair.partition(" → ")
        code = tr(FLAGS[code]) if code in FLAGS else value_label("outcome", code) if code else ""
        out.append(f"{value or tr('(empty)')} → {code}".rstrip(" →"))
    return ", ".join(out)


Pattern = tuple[re.Pattern[str], str, tuple[Callable[[str], str], ...]]


def _p(regex: str, template: str, *convert: Callable[[str], str]) -> Pattern:
    return re.compile(regex + r"$"), template, convert


_same = str
RULES: list[Pattern] = [
    _p(
        r"duration in (\w+) or clock time",
        QT_TRANSLATE_NOOP("ImportWords", "duration in {0} or clock time (hh:mm:ss)"),
        _unit,
    ),
    _p(r"duration in (\w+)", QT_TRANSLATE_NOOP("ImportWords", "duration in {0}"), _unit),
    _p(r"coded values: (.*)", QT_TRANSLATE_NOOP("ImportWords", "coded values: {0}"), _pairs),
    _p(r"average × count \((.*)\)", QT_TRANSLATE_NOOP("ImportWords", "average × count ({0})"), _kind),
    _p(r"expression: (.*)", QT_TRANSLATE_NOOP("ImportWords", "expression: {0}"), _same),
    _p(
        r"not used \(its values do not fit (.*)\)",
        QT_TRANSLATE_NOOP("ImportWords", "not used (its values do not fit {0})"),
        _fields,
    ),
    _p(r"read by the (.*) format", QT_TRANSLATE_NOOP("ImportWords", "read by the {0} format"), _same),
    _p(
        r"(.*); dates the records \(no creation time\), no duration measured from it",
        QT_TRANSLATE_NOOP("ImportWords", "{0}; dates the records (no creation time), no duration measured from it"),
        lambda text: rule(text),
    ),
    _p(
        r"(.*); no duration measured from it \(no creation time\)",
        QT_TRANSLATE_NOOP("ImportWords", "{0}; no duration measured from it (no creation time)"),
        lambda text: rule(text),
    ),
    _p(r"date \(format (.*)\)", QT_TRANSLATE_NOOP("ImportWords", "date (format {0})"), _same),
    _p(r"date and time \(format (.*)\)", QT_TRANSLATE_NOOP("ImportWords", "date and time (format {0})"), _same),
    _p(
        r"date \+ time of day \(format (.*)\)",
        QT_TRANSLATE_NOOP("ImportWords", "date + time of day (format {0})"),
        _same,
    ),
]
REASONS: list[Pattern] = [
    _p(
        r"cannot read the (.+?) in column (.+?): (.*)",
        QT_TRANSLATE_NOOP("ImportWords", "cannot read the {0} in column {1}: {2}"),
        _kind,
        _same,
        _same,
    ),
    _p(
        r"cannot read the (.+?) in column (.+)",
        QT_TRANSLATE_NOOP("ImportWords", "cannot read the {0} in column {1}"),
        _kind,
        _same,
    ),
    _p(r"missing required field (\w+)", QT_TRANSLATE_NOOP("ImportWords", "no value for {0}"), field_label),
    _p(r"summary row \(total\), not a record", QT_TRANSLATE_NOOP("ImportWords", "summary row (total), not a record")),
    _p(
        r"the line has more fields than the header",
        QT_TRANSLATE_NOOP("ImportWords", "the line has more fields than the header"),
    ),
    _p(
        r"the line has fewer fields than the header",
        QT_TRANSLATE_NOOP("ImportWords", "the line has fewer fields than the header"),
    ),
    _p(r"(\w+): a negative duration", QT_TRANSLATE_NOOP("ImportWords", "{0}: a negative duration"), field_label),
    _p(
        r"(\w+): a duration over ten years",
        QT_TRANSLATE_NOOP("ImportWords", "{0}: a duration over ten years"),
        field_label,
    ),
    _p(
        r"(\w+): not a finite number \(NaN or infinity\)",
        QT_TRANSLATE_NOOP("ImportWords", "{0}: not a finite number (NaN or infinity)"),
        field_label,
    ),
    _p(
        r"(\w+): a date before (\d+) or after (\d+)",
        QT_TRANSLATE_NOOP("ImportWords", "{0}: a date before {1} or after {2}"),
        field_label,
        _same,
        _same,
    ),
    _p(
        r"(\w+): a number too large to be real \(over (.*)\)",
        QT_TRANSLATE_NOOP("ImportWords", "{0}: a number too large to be real (over {1})"),
        field_label,
        _same,
    ),
    _p(
        r"(\w+): contains a NUL character",
        QT_TRANSLATE_NOOP("ImportWords", "{0}: contains a NUL character"),
        field_label,
    ),
    _p(
        r"not a record of its own: folded into another row's record, or an event the (.*) format does not count",
        QT_TRANSLATE_NOOP(
            "ImportWords",
            "not a record of its own: folded into another row's record, or an event the {0} format does not count",
        ),
        _same,
    ),
    _p(
        r"not a record of its own: folded into another row's record, or an event the profile does not count",
        QT_TRANSLATE_NOOP(
            "ImportWords",
            "not a record of its own: folded into another row's record, or an event the profile does not count",
        ),
    ),
]
REASONS.append(
    _p(
        r"event folded into its ticket \(the ticket is rebuilt from its events\)",
        QT_TRANSLATE_NOOP("ImportWords", "event folded into its ticket (the ticket is rebuilt from its events)"),
    )
)
REASONS += [
    _p(r"unreadable timestamp", QT_TRANSLATE_NOOP("ImportWords", "unreadable timestamp")),
    _p(r"unreadable timestamp (.*)", QT_TRANSLATE_NOOP("ImportWords", "unreadable timestamp {0}"), _same),
    _p(r"no case id", QT_TRANSLATE_NOOP("ImportWords", "no case id")),
    _p(
        r"event folded into its call \(the call is rebuilt from its events\)",
        QT_TRANSLATE_NOOP("ImportWords", "event folded into its call (the call is rebuilt from its events)"),
    ),
    _p(r"no call id", QT_TRANSLATE_NOOP("ImportWords", "no call id")),
    _p(
        r"call (.*) has no outcome yet \(still queued when the log ends\?\)",
        QT_TRANSLATE_NOOP("ImportWords", "call {0} has no outcome yet (still queued when the log ends?)"),
        _same,
    ),
]
KEYS: list[Pattern] = [
    _p(r"the whole row \(no id column\)", QT_TRANSLATE_NOOP("ImportWords", "the whole row (no id column)")),
    _p(r"as the format defines it", QT_TRANSLATE_NOOP("ImportWords", "as the format defines it")),
    _p(
        r"(.*) \+ (\w+) \(the id repeats for different records\)",
        QT_TRANSLATE_NOOP("ImportWords", "{0} + {1} (the id repeats for different records)"),
        lambda k: say(k, KEYS),
        field_label,
    ),
]


def say(text: str | None, patterns: list[Pattern]) -> str:
    """``text`` in the user's language when a pattern knows it, else as it is."""
    if not text:
        return ""
    if text in KINDS:
        return _kind(text)
    for regex, template, convert in patterns:
        m = regex.match(text)
        if m:
            parts = [f(g) for f, g in zip(convert, m.groups())]
            return tr(template).format(*parts)
    return text


WARNINGS: list[Pattern] = [
    _p(
        r"No column says when each record was created: they are dated by (.*) \((\w+)\)\. Their time of arrival is "
        r"unknown \(left out of the out-of-hours figures\), and first-response and resolution times, which need it, "
        r"are not measured\.",
        QT_TRANSLATE_NOOP(
            "ImportWords",
            "No column says when each record was created: they are dated by {0} ({1}). Their time of arrival is "
            "unknown (left out of the out-of-hours figures), and first-response and resolution times, which need "
            "it, are not measured.",
        ),
        _same,
        field_label,
    ),
    _p(
        r"(\d+) row\(s\) have an outcome kpidesk does not know: (.*)\. They count in no answer or abandon rate: "
        r"map these values in the import dialog and import the file again\.",
        QT_TRANSLATE_NOOP(
            "ImportWords",
            "{0} row(s) have an outcome kpidesk does not know: {1}. They count in no answer or abandon rate: "
            "map these values in the import dialog and import the file again.",
        ),
        _same,
        _same,
    ),
    _p(
        r"Dates in (.*) read day first or month first alike \(no day above 12 in the rows looked at\): they were "
        r"read day first \(01/02/2024 = 1 February 2024\)\. If the export writes the month first, choose that "
        r"date order in the import dialog and import the file again\.",
        QT_TRANSLATE_NOOP(
            "ImportWords",
            "Dates in {0} read day first or month first alike (no day above 12 in the rows looked at): they were "
            "read day first (01/02/2024 = 1 February 2024). If the export writes the month first, choose that "
            "date order in the import dialog and import the file again.",
        ),
        _same,
    ),
]
_REJECT_WARNING = re.compile(r"\d+ of \d+ rows rejected \(")


def is_reject_warning(text: str) -> bool:
    """Whether a warning of the import report is the one about many rejected rows
    (said with its share and first reasons by the summary)."""
    return bool(_REJECT_WARNING.match(text or ""))


def warning(text: str | None) -> str:
    """Another warning of the import report (no creation time…)."""
    return say(text, WARNINGS)


def rule(text: str | None) -> str:
    """How a column is read (``duration in seconds``, ``not used``…)."""
    return say(text, RULES)


def reason(text: str | None) -> str:
    """Why a row is rejected or ignored."""
    return say(text, REASONS)


def key(text: str | None) -> str:
    """Which key tells records apart."""
    return say(text, KEYS)


_RECOGNISED = re.compile(
    r"recognised as a (call|ticket) event log(?:, not a (?:call|ticket) event log)?: "
    r"(\d+) of (\d+) event names are (?:call|ticket) events"
)


def recognised(text: str | None) -> str:
    """Why an event log was taken for calls or for tickets (the names of its events)."""
    m = _RECOGNISED.match(text or "")
    if not m:
        return text or ""
    what, known, names = m.groups()
    if what == "call":
        template = translate(
            "ImportWords", "Read as a call event log: {known} of its {names} event names are call events"
        )
    else:
        template = translate(
            "ImportWords", "Read as a ticket event log: {known} of its {names} event names are ticket events"
        )
    return template.format(known=known, names=names)


def field_of(name: str | None) -> str:
    """The field a column feeds (``surveys.score (csat)``: a linked survey score)."""
    if not name:
        return translate("ImportWords", "not used")
    if name.startswith("surveys.score"):
        question = name.removeprefix("surveys.score").strip(" ()")
        if question in ("nps", "ces"):  # another question than satisfaction: named
            return translate("ImportWords", "{question} score (survey answers linked to these contacts)").format(
                question=question.upper()
            )
        return translate("ImportWords", "Satisfaction score (survey answers linked to these contacts)")
    return field_label(name)
