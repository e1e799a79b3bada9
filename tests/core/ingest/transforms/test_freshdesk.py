"""Freshdesk ticket export → tickets and satisfaction answers.

Fixture tests/fixtures/vendors/freshdesk/tickets.csv follows the "Export tickets" column
names, with the quirks of a real export (ids that skip 4, the odd ``OpenPending``
status, quoted descriptions with commas and curly quotes). Expected values by hand.
"""

from datetime import datetime

import pytest

from kpidesk.core.ingest.transforms import freshdesk
from tests.helpers.vendors import FIXTURES, SHARED_DATA, Ctx, new_cursor, rows, stage_csv

CTX = Ctx(source="freshdesk", timezone="Europe/Paris", import_id=5, profile={})


def run(path):
    cur = new_cursor()
    freshdesk.transform(cur, stage_csv(cur, path), CTX)
    return cur


def test_tickets():
    cur = run(FIXTURES / "freshdesk" / "tickets.csv")
    got = rows(
        cur,
        """SELECT source_key, channel, queue, agent_id, customer_id, topic, status,
                              arrived_at, first_response_s, solved_at, resolution_s, talk_s,
                              outcome, resolved, replies
                       FROM out_contacts ORDER BY _line""",
    )
    assert got == [
        # response 09:00 → 11:00; resolved next day 10:30 = 25.5 h; 00:45 tracked
        (
            "1001",
            "email",
            "Billing",
            "Sam Lee",
            "501",
            "Question",
            "resolved",
            datetime(2024, 5, 6, 9),
            7200.0,
            datetime(2024, 5, 7, 10, 30),
            91800.0,
            2700.0,
            "handled",
            True,
            2,
        ),
        # Freshdesk's own metrics: 1.5 h and 48:00:00; solved = Closed time
        (
            "1002",
            "email",
            "Support",
            "Sam Lee",
            "502",
            "Incident",
            "closed",
            datetime(2024, 5, 6, 10),
            5400.0,
            datetime(2024, 5, 8, 10),
            172800.0,
            None,
            "handled",
            True,
            1,
        ),
        (
            "1003",
            "social",
            None,
            None,
            "503",
            None,
            "openpending",
            datetime(2024, 5, 7, 8),
            None,
            None,
            None,
            None,
            None,
            False,
            0,
        ),
        (
            "1005",
            "email",
            "Support",
            "Ana Ruiz",
            "504",
            "Problem",
            "pending",
            datetime(2024, 5, 7, 9, 15),
            1800.0,
            None,
            None,
            None,
            "handled",
            False,
            1,
        ),
    ]
    assert rows(cur, "SELECT _line, reason FROM out_rejects") == [(5, "unparseable creation time '07/05/2024 25:00'")]


def test_survey_answers_on_their_own_scale():
    cur = run(FIXTURES / "freshdesk" / "tickets.csv")
    assert rows(
        cur,
        """SELECT contact_ref, survey_type, score, scale_min, scale_max, agent_id
                       FROM out_surveys ORDER BY _line""",
    ) == [
        ("1001", "csat", 3.0, 1.0, 3.0, "Sam Lee"),  # Awesome
        ("1002", "csat", 1.0, 1.0, 3.0, "Sam Lee"),  # Not Good
        ("1005", "csat", 4.0, 1.0, 5.0, "Ana Ruiz"),  # Happy (5-point survey)
    ]


@pytest.mark.skipif(not (SHARED_DATA / "freshdesk-export-sample").exists(), reason="shared sample data not available")
def test_real_trial_export():
    cur = run(SHARED_DATA / "freshdesk-export-sample" / "freshdesk_tickets.csv")
    assert rows(
        cur,
        "SELECT count(*), count(DISTINCT source_key), count(*) FILTER (resolved), count(solved_at) FROM out_contacts",
    ) == [(45, 45, 0, 0)]
    assert rows(cur, "SELECT count(*) FROM out_contacts WHERE status = 'openpending'")[0][0] >= 1
    assert rows(cur, "SELECT count(*) FROM out_contacts WHERE source_key = '4'") == [(0,)]
    assert rows(cur, "SELECT count(*) FROM out_rejects") == [(0,)]
