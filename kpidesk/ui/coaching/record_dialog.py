"""One contact's full record: times, queue, outcome, customer, survey, QA scores.

Opened from the contacts behind a number, so a team lead can replay a call with the
agent. Every name, customer identifier and comment passes through the privacy rules
in force when the dialog is drawn (and again when privacy is switched).
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout

from kpidesk.core import formatting
from kpidesk.core.privacy import Privacy
from kpidesk.ui.coaching.quality_view import criterion_label
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.field_labels import value_label

TIMES = (
    ("wait_s", QT_TRANSLATE_NOOP("RecordDialog", "Wait")),
    ("talk_s", QT_TRANSLATE_NOOP("RecordDialog", "Talk")),
    ("hold_s", QT_TRANSLATE_NOOP("RecordDialog", "Hold")),
    ("wrap_s", QT_TRANSLATE_NOOP("RecordDialog", "Wrap-up")),
    ("first_response_s", QT_TRANSLATE_NOOP("RecordDialog", "First response")),
    ("resolution_s", QT_TRANSLATE_NOOP("RecordDialog", "Resolution")),
)
FIELDS = (
    ("channel", QT_TRANSLATE_NOOP("RecordDialog", "Channel")),
    ("queue", QT_TRANSLATE_NOOP("RecordDialog", "Queue")),
    ("topic", QT_TRANSLATE_NOOP("RecordDialog", "Topic")),
    ("outcome", QT_TRANSLATE_NOOP("RecordDialog", "Outcome")),
    ("status", QT_TRANSLATE_NOOP("RecordDialog", "Status")),
)


def record_html(record: dict[str, Any], privacy: Privacy, lang: str) -> str:
    """The record as rich text, every identifier through ``privacy``."""
    tr = lambda s: translate("RecordDialog", s)
    esc = lambda v: html.escape("–" if v is None or v == "" else str(v))

    def when(v):
        return formatting.day(v, lang, with_time=True) if isinstance(v, datetime) else esc(v)

    rows = [
        (translate("RecordDialog", "Arrived"), when(record.get("arrived_at"))),
        (translate("RecordDialog", "Ended"), when(record.get("ended_at"))),
    ]
    rows += [
        (tr(label), esc(value_label(key, record[key]) if isinstance(record.get(key), str) else record.get(key)))
        for key, label in FIELDS
    ]
    rows += [(tr(label), formatting.duration(record[key], lang)) for key, label in TIMES if record.get(key) is not None]
    flags = [
        tr(label)
        for key, label in (
            ("transferred", QT_TRANSLATE_NOOP("RecordDialog", "transferred")),
            ("reopened", QT_TRANSLATE_NOOP("RecordDialog", "reopened")),
        )
        if record.get(key)
    ]
    if record.get("resolved") is not None:
        flags.append(
            translate("RecordDialog", "resolved") if record["resolved"] else translate("RecordDialog", "not resolved")
        )
    if flags:
        rows.append((translate("RecordDialog", "Flags"), esc(", ".join(flags))))
    rows.append(
        (translate("RecordDialog", "Agent"), esc(privacy.agent_name(record.get("agent_id"), record.get("agent_name"))))
    )
    rows.append((translate("RecordDialog", "Customer"), esc(privacy.customer(record.get("customer_name")))))
    rows.append((translate("RecordDialog", "Email"), esc(privacy.customer(record.get("customer_email")))))
    rows.append((translate("RecordDialog", "Phone"), esc(privacy.customer(record.get("customer_phone")))))
    parts = ["<table cellspacing='2' cellpadding='2'>"]
    parts += [f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows]
    parts.append("</table>")
    parts.append("<h3>{}</h3>".format(translate("RecordDialog", "Survey")))
    if not record.get("surveys"):
        parts.append("<i>{}</i>".format(translate("RecordDialog", "No survey answer for this contact.")))
    for s in record.get("surveys", []):
        score = formatting.number(s["score"], 0 if float(s["score"]).is_integer() else 1, lang)
        scale = (
            f" ({formatting.number(s['scale_min'], 0, lang)}–{formatting.number(s['scale_max'], 0, lang)})"
            if s.get("scale_max") is not None
            else ""
        )
        line = f"<b>{esc(str(s['survey_type']).upper())}</b> {score}{scale}"
        if s.get("comment"):
            line += (
                f" — « {esc(privacy.text(s['comment']))} »"
                if lang == "fr"
                else f" — “{esc(privacy.text(s['comment']))}”"
            )
        parts.append(line + "<br>")
    parts.append("<h3>{}</h3>".format(translate("RecordDialog", "QA evaluation")))
    if not record.get("evaluations"):
        parts.append("<i>{}</i>".format(translate("RecordDialog", "No QA evaluation imported for this contact.")))
    else:
        parts.append("<table cellspacing='2' cellpadding='2'>")
        for e in record["evaluations"]:
            score = "–" if e["score"] is None else formatting.number(e["score"], 0, lang)
            comment = f" — {esc(privacy.text(e['comment']))}" if e.get("comment") else ""
            parts.append(
                f"<tr><td>{esc(criterion_label(e['criterion'], lang))}</td><td align='right'><b>{score}</b></td><td>{comment}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


class RecordDialog(QDialog):
    def __init__(self, record: dict[str, Any], privacy: Privacy, lang: str, parent=None):
        super().__init__(parent)
        self.record, self.lang = record, lang
        self.setWindowTitle(translate("RecordDialog", "Contact #{id}").format(id=record.get("contact_id")))
        self.body = QLabel(wordWrap=True)
        self.body.setTextInteractionFlags(self.body.textInteractionFlags())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self.set_privacy(privacy)

    def set_privacy(self, privacy: Privacy) -> None:
        self.body.setText(record_html(self.record, privacy, self.lang))
