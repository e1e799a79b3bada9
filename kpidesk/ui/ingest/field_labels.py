"""The user's words for canonical tables, fields and coded values (English, French).

The import dialogs show these instead of the ids profiles and the database use;
the ids stay visible as tooltips. Sources are in the ``Mapping`` and
``MappingValues`` contexts of ``resources/i18n/kpidesk_fr.ts``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kpidesk.ui.i18n import translate

TABLE_LABELS = {
    "contacts": QT_TRANSLATE_NOOP("Mapping", "Contacts (calls, tickets, chats)"),
    "agent_sessions": QT_TRANSLATE_NOOP("Mapping", "Agent presence"),
    "surveys": QT_TRANSLATE_NOOP("Mapping", "Surveys"),
    "interval_stats": QT_TRANSLATE_NOOP("Mapping", "Statistics per interval"),
    "evaluations": QT_TRANSLATE_NOOP("Mapping", "Quality evaluations"),
    "messages": QT_TRANSLATE_NOOP("Mapping", "Messages (tickets, chats)"),
    "agent_schedules": QT_TRANSLATE_NOOP("Mapping", "Agent schedules"),
    "agents": QT_TRANSLATE_NOOP("Mapping", "Agents"),
    "customers": QT_TRANSLATE_NOOP("Mapping", "Customers"),
}
FIELD_LABELS = {
    "source_key": QT_TRANSLATE_NOOP("Mapping", "Record ID"),
    "arrived_at": QT_TRANSLATE_NOOP("Mapping", "Arrival time"),
    "agent_id": QT_TRANSLATE_NOOP("Mapping", "Agent"),
    "queue": QT_TRANSLATE_NOOP("Mapping", "Queue"),
    "customer_id": QT_TRANSLATE_NOOP("Mapping", "Customer"),
    "topic": QT_TRANSLATE_NOOP("Mapping", "Topic"),
    "outcome": QT_TRANSLATE_NOOP("Mapping", "Outcome"),
    "status": QT_TRANSLATE_NOOP("Mapping", "Status"),
    "channel": QT_TRANSLATE_NOOP("Mapping", "Channel"),
    "priority": QT_TRANSLATE_NOOP("Mapping", "Priority"),
    "product": QT_TRANSLATE_NOOP("Mapping", "Product"),
    "wait_s": QT_TRANSLATE_NOOP("Mapping", "Wait time"),
    "talk_s": QT_TRANSLATE_NOOP("Mapping", "Talk time"),
    "hold_s": QT_TRANSLATE_NOOP("Mapping", "Hold time"),
    "wrap_s": QT_TRANSLATE_NOOP("Mapping", "Wrap-up time"),
    "solved_at": QT_TRANSLATE_NOOP("Mapping", "Solved at"),
    "first_response_at": QT_TRANSLATE_NOOP("Mapping", "First response at"),
    "score": QT_TRANSLATE_NOOP("Mapping", "Score"),
    "answered_at": QT_TRANSLATE_NOOP("Mapping", "Answered at"),
    "contact_ref": QT_TRANSLATE_NOOP("Mapping", "Contact reference"),
    "comment": QT_TRANSLATE_NOOP("Mapping", "Comment"),
    "started_at": QT_TRANSLATE_NOOP("Mapping", "Start"),
    "ended_at": QT_TRANSLATE_NOOP("Mapping", "End"),
    "state": QT_TRANSLATE_NOOP("Mapping", "State"),
    "reason": QT_TRANSLATE_NOOP("Mapping", "Reason"),
    "duration_s": QT_TRANSLATE_NOOP("Mapping", "Duration"),
    "direction": QT_TRANSLATE_NOOP("Mapping", "Direction"),
    # the other tables' fields, and the columns a preview may show
    "site": QT_TRANSLATE_NOOP("Mapping", "Site"),
    "handoff_at": QT_TRANSLATE_NOOP("Mapping", "Handed to an agent at"),
    "first_response_s": QT_TRANSLATE_NOOP("Mapping", "First response time"),
    "resolution_s": QT_TRANSLATE_NOOP("Mapping", "Resolution time"),
    "handoff_wait_s": QT_TRANSLATE_NOOP("Mapping", "Wait after handoff"),
    "bot_response_s": QT_TRANSLATE_NOOP("Mapping", "Bot response time"),
    "avg_reply_s": QT_TRANSLATE_NOOP("Mapping", "Average reply time"),
    "transferred": QT_TRANSLATE_NOOP("Mapping", "Transferred"),
    "resolved": QT_TRANSLATE_NOOP("Mapping", "Resolved"),
    "reopened": QT_TRANSLATE_NOOP("Mapping", "Reopened"),
    "replies": QT_TRANSLATE_NOOP("Mapping", "Replies"),
    "surveyed": QT_TRANSLATE_NOOP("Mapping", "Surveyed"),
    "survey_answered": QT_TRANSLATE_NOOP("Mapping", "Survey answered"),
    "out_of_hours": QT_TRANSLATE_NOOP("Mapping", "Out of hours"),
    "survey_type": QT_TRANSLATE_NOOP("Mapping", "Survey type"),
    "scale_min": QT_TRANSLATE_NOOP("Mapping", "Scale minimum"),
    "scale_max": QT_TRANSLATE_NOOP("Mapping", "Scale maximum"),
    "higher_is_better": QT_TRANSLATE_NOOP("Mapping", "Higher is better"),
    "dimension": QT_TRANSLATE_NOOP("Mapping", "Dimension"),
    "component": QT_TRANSLATE_NOOP("Mapping", "Component"),
    "interval_start": QT_TRANSLATE_NOOP("Mapping", "Interval start"),
    "interval_s": QT_TRANSLATE_NOOP("Mapping", "Interval length"),
    "offered": QT_TRANSLATE_NOOP("Mapping", "Offered"),
    "answered": QT_TRANSLATE_NOOP("Mapping", "Answered"),
    "abandoned": QT_TRANSLATE_NOOP("Mapping", "Abandoned"),
    "short_abandoned": QT_TRANSLATE_NOOP("Mapping", "Short abandons"),
    "flowout": QT_TRANSLATE_NOOP("Mapping", "Overflowed"),
    "sl_met": QT_TRANSLATE_NOOP("Mapping", "Within service level"),
    "sl_threshold_s": QT_TRANSLATE_NOOP("Mapping", "Service-level threshold"),
    "handled": QT_TRANSLATE_NOOP("Mapping", "Handled"),
    "handle_s": QT_TRANSLATE_NOOP("Mapping", "Handle time"),
    "record_kind": QT_TRANSLATE_NOOP("Mapping", "Kind of record"),
    "wait_answered_s": QT_TRANSLATE_NOOP("Mapping", "Wait before answer"),
    "wait_abandoned_s": QT_TRANSLATE_NOOP("Mapping", "Wait before abandon"),
    "max_wait_s": QT_TRANSLATE_NOOP("Mapping", "Longest wait"),
    "logged_in_s": QT_TRANSLATE_NOOP("Mapping", "Logged-in time"),
    "paused_s": QT_TRANSLATE_NOOP("Mapping", "Pause time"),
    "evaluated_at": QT_TRANSLATE_NOOP("Mapping", "Evaluated at"),
    "criterion": QT_TRANSLATE_NOOP("Mapping", "Criterion"),
    "evaluator": QT_TRANSLATE_NOOP("Mapping", "Evaluator"),
    "author_kind": QT_TRANSLATE_NOOP("Mapping", "Author"),
    "sent_at": QT_TRANSLATE_NOOP("Mapping", "Sent at"),
    "starts_at": QT_TRANSLATE_NOOP("Mapping", "Starts at"),
    "name": QT_TRANSLATE_NOOP("Mapping", "Name"),
    "team": QT_TRANSLATE_NOOP("Mapping", "Team"),
    "outsourced": QT_TRANSLATE_NOOP("Mapping", "Outsourced"),
    "email": QT_TRANSLATE_NOOP("Mapping", "Email"),
    "phone": QT_TRANSLATE_NOOP("Mapping", "Phone"),
    "started_on": QT_TRANSLATE_NOOP("Mapping", "Customer since"),
    "ended_on": QT_TRANSLATE_NOOP("Mapping", "Customer until"),
    "purchases": QT_TRANSLATE_NOOP("Mapping", "Purchases"),
}
# Codes the preview shows as they will load (channel, direction, outcome, state): the
# source text is the code itself, so English shows the code and French a word for it.
VALUE_LABELS = {
    "phone": QT_TRANSLATE_NOOP("MappingValues", "phone"),
    "email": QT_TRANSLATE_NOOP("MappingValues", "email"),
    "chat": QT_TRANSLATE_NOOP("MappingValues", "chat"),
    "bot": QT_TRANSLATE_NOOP("MappingValues", "bot"),
    "inbound": QT_TRANSLATE_NOOP("MappingValues", "inbound"),
    "outbound": QT_TRANSLATE_NOOP("MappingValues", "outbound"),
    "answered": QT_TRANSLATE_NOOP("MappingValues", "answered"),
    "abandoned": QT_TRANSLATE_NOOP("MappingValues", "abandoned"),
    "flowout": QT_TRANSLATE_NOOP("MappingValues", "flowout"),
    "handled": QT_TRANSLATE_NOOP("MappingValues", "handled"),
    "contained": QT_TRANSLATE_NOOP("MappingValues", "contained"),
    "handoff": QT_TRANSLATE_NOOP("MappingValues", "handoff"),
    "logged_in": QT_TRANSLATE_NOOP("MappingValues", "logged_in"),
    "pause": QT_TRANSLATE_NOOP("MappingValues", "pause"),
    "solved": QT_TRANSLATE_NOOP("MappingValues", "solved"),
    "closed": QT_TRANSLATE_NOOP("MappingValues", "closed"),
    "open": QT_TRANSLATE_NOOP("MappingValues", "open"),
    "pending": QT_TRANSLATE_NOOP("MappingValues", "pending"),
    "social": QT_TRANSLATE_NOOP("MappingValues", "social media"),
    "missed": QT_TRANSLATE_NOOP("MappingValues", "missed"),
}
CODED_COLUMNS = {"channel", "direction", "outcome", "state", "status"}


def field_label(name: str) -> str:
    """The user's word for a canonical field (its id when it has none)."""
    return translate("Mapping", FIELD_LABELS.get(name, name))


def value_label(column: str, value: str) -> str:
    """A code of a coded column (``answered``, ``inbound``…) in the user's words."""
    return (
        translate("MappingValues", VALUE_LABELS[value]) if column in CODED_COLUMNS and value in VALUE_LABELS else value
    )
