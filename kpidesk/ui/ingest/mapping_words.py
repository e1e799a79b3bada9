"""The mapping dialog's words: the kinds of file, the event logs' columns and what
their activities mean, the reader options and formats offered, and the user's word
for a field or a code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.field_labels import field_label, value_label

NONE = "—"
TIME_SUFFIX = ".time"
DELIMITERS = [
    (";", QT_TRANSLATE_NOOP("Mapping", "Semicolon ;")),
    (",", QT_TRANSLATE_NOOP("Mapping", "Comma ,")),
    ("\t", QT_TRANSLATE_NOOP("Mapping", "Tab")),
    ("|", QT_TRANSLATE_NOOP("Mapping", "Pipe |")),
]
ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16"]
KIND_LABELS = {
    "calls": QT_TRANSLATE_NOOP("Mapping", "Call log (one row per call)"),
    "tickets": QT_TRANSLATE_NOOP("Mapping", "Tickets (one row per ticket)"),
    "chats": QT_TRANSLATE_NOOP("Mapping", "Chats (one row per conversation)"),
    "bots": QT_TRANSLATE_NOOP("Mapping", "Chatbot conversations (one row per conversation)"),
    "surveys": QT_TRANSLATE_NOOP("Mapping", "Survey answers"),
    "sessions": QT_TRANSLATE_NOOP("Mapping", "Agent sessions and pauses"),
    "intervals": QT_TRANSLATE_NOOP("Mapping", "Interval report (counts per period)"),
    "events": QT_TRANSLATE_NOOP("Mapping", "Ticket event log (one row per event)"),
    "call_events": QT_TRANSLATE_NOOP("Mapping", "Call event log (one row per event)"),
}
EVENT_LABELS = {  # an event log's columns (rebuilt into tickets or calls)
    "event.case": QT_TRANSLATE_NOOP("Mapping", "Case (ticket id)"),
    "event.at": QT_TRANSLATE_NOOP("Mapping", "Time of the event"),
    "event.activity": QT_TRANSLATE_NOOP("Mapping", "Activity"),
    "event.resource": QT_TRANSLATE_NOOP("Mapping", "Resource (agent)"),
    "event.queue": QT_TRANSLATE_NOOP("Mapping", "Queue"),
    "event.caller": QT_TRANSLATE_NOOP("Mapping", "Caller"),
}
CALL_EVENT_LABELS = {  # a call event log's own words for them
    "event.case": QT_TRANSLATE_NOOP("Mapping", "Call id"),
    "event.activity": QT_TRANSLATE_NOOP("Mapping", "Event"),
}
ROLE_LABELS = {  # what an activity means for the ticket…
    "created": QT_TRANSLATE_NOOP("Mapping", "ticket created"),
    "response": QT_TRANSLATE_NOOP("Mapping", "agent response"),
    "solved": QT_TRANSLATE_NOOP("Mapping", "solved or closed"),
    "reopen": QT_TRANSLATE_NOOP("Mapping", "reopened"),
    # …or for the call
    "queued": QT_TRANSLATE_NOOP("Mapping", "entered the queue"),
    "ringing": QT_TRANSLATE_NOOP("Mapping", "ringing an agent"),
    "answered": QT_TRANSLATE_NOOP("Mapping", "answered by an agent"),
    "hold": QT_TRANSLATE_NOOP("Mapping", "put on hold"),
    "unhold": QT_TRANSLATE_NOOP("Mapping", "taken off hold"),
    "transfer": QT_TRANSLATE_NOOP("Mapping", "transferred"),
    "abandon": QT_TRANSLATE_NOOP("Mapping", "abandoned by the caller"),
    "hangup": QT_TRANSLATE_NOOP("Mapping", "call ended (hang-up)"),
    "wrapup": QT_TRANSLATE_NOOP("Mapping", "end of wrap-up"),
}
DATE_ORDERS = [
    ("auto", QT_TRANSLATE_NOOP("Mapping", "Found from the values")),
    ("dmy", QT_TRANSLATE_NOOP("Mapping", "Day first: 31/12/2024, 31.12.2024")),
    ("mdy", QT_TRANSLATE_NOOP("Mapping", "Month first: 12/31/2024")),
    ("ymd", QT_TRANSLATE_NOOP("Mapping", "Year first: 2024-12-31, 20241231, 241231")),
]
DURATION_UNITS = [
    ("seconds", QT_TRANSLATE_NOOP("Mapping", "seconds")),
    ("minutes", QT_TRANSLATE_NOOP("Mapping", "minutes")),
    ("hours", QT_TRANSLATE_NOOP("Mapping", "hours")),
    ("milliseconds", QT_TRANSLATE_NOOP("Mapping", "milliseconds")),
]
DECIMALS = [
    ("auto", QT_TRANSLATE_NOOP("Mapping", "Found from the numbers")),
    ("comma", QT_TRANSLATE_NOOP("Mapping", "Comma: 4,5")),
    ("point", QT_TRANSLATE_NOOP("Mapping", "Point: 4.5")),
]
LINKED_LABELS = {  # a score per row: the answers to one survey question, linked to the contacts
    "survey.csat": QT_TRANSLATE_NOOP("Mapping", "CSAT score (survey answer)"),
    "survey.nps": QT_TRANSLATE_NOOP("Mapping", "NPS score, 0-10 (survey answer)"),
    "survey.ces": QT_TRANSLATE_NOOP("Mapping", "CES score (survey answer)"),
}
QUESTION_NAMES = {"csat": "CSAT", "nps": "NPS", "ces": "CES"}
FLAG_CODES = {"true": QT_TRANSLATE_NOOP("Mapping", "yes"), "false": QT_TRANSLATE_NOOP("Mapping", "no")}
KEEP = "\x00keep"  # a value kept as it is written


def tr(text: str) -> str:
    return translate("Mapping", text)


def name_of(field: str, kind: str | None = None) -> str:
    """The user's word for a field, the event logs' columns included (``kind``: the
    kind of file, a call event log naming its case a call)."""
    if kind == "call_events" and field in CALL_EVENT_LABELS:
        return tr(CALL_EVENT_LABELS[field])
    return tr(EVENT_LABELS[field]) if field in EVENT_LABELS else field_label(field)


def code_label(field: str, code: str) -> str:
    """The user's word for a code a value becomes."""
    return tr(ROLE_LABELS[code]) if field == "event.activity" and code in ROLE_LABELS else value_label(field, code)
