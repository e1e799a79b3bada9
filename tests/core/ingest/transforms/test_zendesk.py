"""Zendesk ticket export (CSV and JSON) → email/social tickets and binary CSAT.

Fixtures: tests/fixtures/vendors/zendesk/tickets.csv and tickets.json, written from
Zendesk's documented export fields. Data time zone Europe/Paris (CET until 31 March
2024, CEST after). Expected values worked out by hand.
"""

from datetime import datetime

from kpidesk.core.ingest.transforms import zendesk
from tests.helpers.vendors import FIXTURES, Ctx, new_cursor, rows, stage_csv, stage_json

CTX = Ctx(source="zendesk", timezone="Europe/Paris", import_id=4, profile={})


def run(stage, name):
    cur = new_cursor()
    zendesk.transform(cur, stage(cur, FIXTURES / "zendesk" / name), CTX)
    return cur


def test_csv_tickets():
    cur = run(stage_csv, "tickets.csv")
    got = rows(
        cur,
        """SELECT source_key, channel, queue, agent_id, customer_id, topic, status,
                              arrived_at, first_response_at, first_response_s, solved_at,
                              resolution_s, outcome, resolved, reopened, replies, surveyed
                       FROM out_contacts ORDER BY _line""",
    )
    assert got == [
        (
            "101",
            "email",
            "Support",
            "Marie Curie",
            "9001",
            "question",
            "closed",
            datetime(2024, 3, 4, 9),
            datetime(2024, 3, 4, 9, 45),
            2700.0,
            datetime(2024, 3, 4, 15, 30),
            390 * 60.0,
            "handled",
            True,
            False,
            2,
            True,
        ),
        (
            "102",
            "email",
            "Support",
            "Marie Curie",
            "9002",
            "incident",
            "open",
            datetime(2024, 3, 5, 10),
            datetime(2024, 3, 5, 12),
            7200.0,
            None,
            None,
            "handled",
            False,
            False,
            1,
            True,
        ),
        # via Twitter → social; no full-resolution minutes: solved − created across the DST
        # change = 29 Mar 17:00 UTC → 2 Apr 07:00 UTC = 86 h
        (
            "103",
            "social",
            "Billing",
            "Ali Ben",
            "9001",
            "question",
            "solved",
            datetime(2024, 3, 29, 18),
            datetime(2024, 3, 29, 18, 30),
            1800.0,
            datetime(2024, 4, 2, 9),
            86 * 3600.0,
            "handled",
            True,
            True,
            3,
            True,
        ),
        (
            "104",
            "email",
            "Support",
            None,
            "9003",
            None,
            "new",
            datetime(2024, 3, 6, 8),
            None,
            None,
            None,
            None,
            None,
            False,
            False,
            0,
            False,
        ),
    ]
    assert rows(cur, "SELECT _line, reason FROM out_rejects ORDER BY _line") == [
        (5, "no ticket id"),
        (6, "unparseable creation time 'yesterday'"),
    ]


def test_csv_satisfaction():
    cur = run(stage_csv, "tickets.csv")
    assert rows(
        cur,
        """SELECT source_key, contact_ref, survey_type, score, scale_min, scale_max,
                              higher_is_better, agent_id FROM out_surveys ORDER BY _line""",
    ) == [
        ("csat:101", "101", "csat", 1.0, 0.0, 1.0, True, "Marie Curie"),
        ("csat:103", "103", "csat", 0.0, 0.0, 1.0, True, "Ali Ben"),
    ]


def test_json_export():
    cur = run(stage_json, "tickets.json")
    assert rows(
        cur,
        """SELECT source_key, channel, queue, agent_id, arrived_at, first_response_s,
                              solved_at, resolution_s, outcome, replies, surveyed
                       FROM out_contacts ORDER BY _line""",
    ) == [
        (
            "201",
            "email",
            "42",
            "361",
            datetime(2024, 6, 10, 9),
            1200.0,
            datetime(2024, 6, 10, 13),
            14400.0,
            "handled",
            2,
            True,
        ),
        ("202", "email", "42", None, datetime(2024, 6, 11, 10, 30), None, None, None, None, 0, False),
    ]
    assert rows(cur, "SELECT source_key, contact_ref, score, comment, answered_at FROM out_surveys") == [
        ("555", "201", 1.0, "Quick and kind", datetime(2024, 6, 10, 15))
    ]
    assert rows(cur, "SELECT count(*) FROM out_rejects") == [(0,)]
