"""Vendor fixtures imported through the framework (profile recognition, loading, dedupe).

Real sample exports in ../shared/data are used when present and skipped cleanly otherwise.
"""

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from tests.helpers.vendors import FIXTURES, SHARED_DATA

# fixture, profile to force (None: recognised by its header), expected rows per table
CASES = [
    ("asterisk/queue_log_realtime.csv", None, "asterisk_queue_log_db", {"contacts": 3, "agent_sessions": 2}),
    ("asterisk/pbxware_queue_log.csv", None, "pbxware_queue_log", {"contacts": 2}),
    ("asterisk/Master.csv", "asterisk_cdr", "asterisk_cdr", {"contacts": 5}),
    ("asterisk/Master_legacy.csv", "asterisk_cdr_legacy", "asterisk_cdr_legacy", {"contacts": 2}),
    ("zendesk/tickets.csv", None, "zendesk_tickets_csv", {"contacts": 4, "surveys": 2}),
    ("zendesk/tickets.json", None, "zendesk_tickets_json", {"contacts": 2, "surveys": 1}),
    ("freshdesk/tickets.csv", None, "freshdesk_tickets", {"contacts": 4, "surveys": 3}),
    ("amazon_connect/ctr.json", None, "amazon_connect_ctr", {"contacts": 7}),
    ("salesforce/chat_transcripts.csv", None, "salesforce_chat", {"contacts": 3}),
    ("salesforce/cases_with_milestones.csv", None, "salesforce_case", {"contacts": 3}),
    ("salesforce/omni_presence.csv", None, "salesforce_presence", {"agent_sessions": 4}),
    ("salesforce/survey_responses.csv", None, "salesforce_survey", {"surveys": 4}),
]


def _count(store, table):
    return store.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("name,force,profile,expected", CASES, ids=[c[0] for c in CASES])
def test_fixture_imports_and_reimport_is_duplicate(name, force, profile, expected):
    store = open_database()
    report = import_file(store, FIXTURES / name, force)
    assert report.profile == profile
    for table, n in expected.items():
        assert _count(store, table) == n, table
    again = import_file(store, FIXTURES / name, force)
    assert again.loaded == 0 and again.duplicate == report.loaded
    for table, n in expected.items():
        assert _count(store, table) == n, table


def test_raw_queue_log_through_the_framework():
    """Ragged lines (as many fields as the event needs) are staged padded with NULLs."""
    store = open_database()
    report = import_file(store, FIXTURES / "asterisk" / "queue_log", "asterisk_queue_log")
    assert _count(store, "contacts") == 8
    assert _count(store, "agent_sessions") == 3
    with open(FIXTURES / "asterisk" / "queue_log") as lines:
        assert report.balanced() and report.rows_read == sum(1 for _ in lines)


def test_raw_queue_log_recognised_by_its_lines(tmp_path):
    """No header to recognise: the [match] line regex picks the profile."""
    store = open_database()
    report = import_file(store, FIXTURES / "asterisk" / "queue_log")
    assert report.profile == "asterisk_queue_log"
    assert report.rejects[0][0] == 32  # line numbers count from the first line of the file
    ignored = store.cursor().execute("SELECT rows_ignored FROM imports").fetchone()[0]
    assert ignored == report.ignored > 0


def test_survey_links_to_its_ticket():
    store = open_database()
    import_file(store, FIXTURES / "zendesk" / "tickets.csv")
    linked = (
        store.cursor()
        .execute("SELECT count(*) FROM surveys s JOIN contacts c USING (contact_id) WHERE c.source_key = s.contact_ref")
        .fetchone()[0]
    )
    assert linked == 2


REAL = SHARED_DATA / "asterisk-realtime-mysql-dump"


@pytest.mark.skipif(not REAL.exists(), reason="shared sample data not available")
def test_real_queue_log_extract():
    store = open_database()
    report = import_file(store, REAL / "queue_log.extracted.csv")
    assert report.profile == "asterisk_queue_log_db"
    got = store.cursor().execute("SELECT queue, outcome, count(*) FROM contacts GROUP BY ALL ORDER BY ALL").fetchall()
    assert got == [
        ("Support", "abandoned", 4),
        ("Support", "answered", 2),
        ("Support", "flowout", 1),
        ("sales", "abandoned", 1),
    ]


@pytest.mark.skipif(not REAL.exists(), reason="shared sample data not available")
def test_real_cdr_extract():
    store = open_database()
    report = import_file(store, REAL / "cdr.extracted.csv")
    assert report.profile == "asterisk_cdr_db"
    assert _count(store, "contacts") == 13


@pytest.mark.skipif(not (SHARED_DATA / "freshdesk-export-sample").exists(), reason="shared sample data not available")
def test_real_freshdesk_export():
    store = open_database()
    report = import_file(store, SHARED_DATA / "freshdesk-export-sample" / "freshdesk_tickets.csv")
    assert report.profile == "freshdesk_tickets"
    assert _count(store, "contacts") == 45
