"""Databases of one kind of export each, as a team lead's first database is.

Each kind is a small file imported through the real import path (the profile
recognised from the file, as in the app), so the tests see what a new user sees.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from tests.helpers import paths

_SMOKE = Path(str(resources.files("kpidesk") / "resources" / "smoke"))
_KINDS = paths.FIXTURES / "kinds"
_VENDORS = paths.FIXTURES / "vendors"

# kind → (file, the profile it must be recognised as, the tab that holds its figures, a tile there)
KINDS = {
    "call_log": (_SMOKE / "calls.csv", "generic_call_log", "phone", "offered"),
    "tickets": (_SMOKE / "tickets.xlsx", "generic_ticket_list", "email", "volume"),
    # a ticket list whose Channel says Phone, Chat, Web Portal…: tickets all the same
    "tickets_any_channel": (_KINDS / "tickets_any_channel.csv", "generic_ticket_list", "email", "first_response_time"),
    "chats": (_VENDORS / "salesforce" / "chat_transcripts.csv", "salesforce_chat", "chat", "volume"),
    "surveys": (_KINDS / "surveys.csv", "generic_survey_csat", "overview", "csat"),
    "nps": (_KINDS / "nps.csv", "generic_survey_nps", "overview", "nps"),
    "intervals": (_KINDS / "intervals.csv", "generic_interval_report", "phone", "offered"),
    "queue_log": (_VENDORS / "asterisk" / "queue_log", "asterisk_queue_log", "phone", "offered"),
}


def build(kind: str, path: Path) -> Path:
    """A database at ``path`` holding only the ``kind`` file."""
    file, profile, _tab, _tile = KINDS[kind]
    with open_database(path) as store:
        report = import_file(store, file)
        assert report.ok and report.loaded, report.summary()
        assert report.profile == profile, (kind, report.profile)
    return path
