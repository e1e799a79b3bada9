"""Salesforce Service Cloud transforms: chat transcripts, cases with milestones,
Omni-Channel presence, survey responses. Fixtures in tests/fixtures/vendors/salesforce,
written from the object fields (LiveChatTranscript, Case/CaseMilestone,
UserServicePresence, SurveyQuestionResponse). Europe/Paris is UTC+2 in April 2024.
"""

from datetime import datetime

from kpidesk.core.ingest.transforms import (
    salesforce_case,
    salesforce_chat,
    salesforce_presence,
    salesforce_survey,
)
from tests.helpers.vendors import FIXTURES, Ctx, new_cursor, rows, stage_csv

CTX = Ctx(source="salesforce", timezone="Europe/Paris", import_id=9, profile={})


def run(module, name, ctx=CTX):
    cur = new_cursor()
    module.transform(cur, stage_csv(cur, FIXTURES / "salesforce" / name), ctx)
    return cur


def test_chat_transcripts():
    cur = run(salesforce_chat, "chat_transcripts.csv")
    assert rows(
        cur,
        """SELECT source_key, queue, agent_id, arrived_at, answered_at, wait_s,
                              first_response_s, talk_s, avg_reply_s, outcome
                       FROM out_contacts ORDER BY _line""",
    ) == [
        (
            "570A1",
            "Support_Chat",
            "Nina Ray",
            datetime(2024, 4, 2, 10),
            datetime(2024, 4, 2, 10, 0, 40),
            40.0,
            40.0,
            600.0,
            25.0,
            "answered",
        ),
        (
            "570A2",
            "Support_Chat",
            None,
            datetime(2024, 4, 2, 10, 5),
            None,
            120.0,
            None,
            None,
            None,
            "abandoned",
        ),  # Missed: nobody accepted
        (
            "570A3",
            "Sales_Chat",
            "Omar Diaz",
            datetime(2024, 4, 2, 11),
            datetime(2024, 4, 2, 11, 0, 5),
            5.0,
            5.0,
            180.0,
            12.0,
            "answered",
        ),
        # 570A4 is still in progress: left for a later export
    ]
    assert rows(cur, "SELECT * FROM out_rejects") == [(5, "unparseable request time 'bad'")]


def test_chat_report_labels_and_us_dates():
    cur = run(salesforce_chat, "chat_report.csv")
    assert rows(cur, "SELECT source_key, agent_id, arrived_at, wait_s, talk_s, outcome FROM out_contacts") == [
        ("00000010", "Nina Ray", datetime(2024, 4, 2, 10), 60.0, 600.0, "answered")
    ]


def test_cases_with_milestones():
    cur = run(salesforce_case, "cases_with_milestones.csv")
    assert rows(
        cur,
        """SELECT _line, source_key, channel, agent_id, status, arrived_at, first_response_s,
                              solved_at, resolution_s, outcome, resolved
                       FROM out_contacts ORDER BY _line""",
    ) == [
        # two milestone rows, one case: first response 09:00 → 10:30, closed next day 11:00
        (
            1,
            "00001001",
            "email",
            "Nina Ray",
            "closed",
            datetime(2024, 4, 3, 9),
            5400.0,
            datetime(2024, 4, 4, 11),
            26 * 3600.0,
            "handled",
            True,
        ),
        (3, "00001002", "email", "Omar Diaz", "new", datetime(2024, 4, 3, 10), None, None, None, None, False),
        (
            4,
            "00001003",
            "social",
            "Omar Diaz",
            "closed",
            datetime(2024, 4, 3, 11),
            None,
            datetime(2024, 4, 3, 11, 30),
            1800.0,
            "handled",
            True,
        ),
    ]
    assert rows(cur, "SELECT * FROM out_rejects") == [(5, "no case number")]


def test_omni_presence():
    cur = run(salesforce_presence, "omni_presence.csv")
    assert rows(
        cur,
        """SELECT agent_id, state, sum(duration_s), list(reason ORDER BY _line)
                       FROM out_sessions GROUP BY ALL ORDER BY ALL""",
    ) == [
        # 3 h + 45 min + 4 h 15 (no StatusDuration: from the dates); Omar's period is open
        ("Nina Ray", "logged_in", 28800.0, [None, None, None]),
        ("Nina Ray", "pause", 2700.0, ["Lunch"]),
    ]
    assert rows(cur, "SELECT started_at FROM out_sessions WHERE source_key = 'pause:0Hs2'") == [
        (datetime(2024, 4, 2, 12),)
    ]


def test_survey_responses():
    cur = run(salesforce_survey, "survey_responses.csv")
    assert rows(
        cur,
        """SELECT source_key, survey_type, score, scale_min, scale_max, contact_ref
                       FROM out_surveys ORDER BY _line""",
    ) == [
        ("0Qr1", "nps", 9.0, 0.0, 10.0, "00001001"),
        ("0Qr2", "csat", 4.0, 1.0, 5.0, "00001001"),
        # 0Qr3 is free text: no row
        ("0Qr4", "ces", 6.0, 1.0, 7.0, "00001003"),
        ("0Qr5", "nps", 3.0, 0.0, 10.0, "00001003"),
    ]
    assert rows(cur, "SELECT * FROM out_rejects") == [(6, "score 7.0 outside the csat scale")]


def test_survey_scale_option():
    ctx = Ctx("salesforce", "UTC", 1, {"options": {"csat_scale": [1, 7]}})
    cur = run(salesforce_survey, "survey_responses.csv", ctx)
    assert rows(cur, "SELECT score, scale_max FROM out_surveys WHERE survey_type = 'csat' ORDER BY _line") == [
        (4.0, 7.0),
        (7.0, 7.0),
    ]


def test_survey_report_with_a_resolved_yes_no_question():
    """The survey-taker report (Premier Bet's shape): labels as answers, the form's name
    saying the channel, and "was the issue … resolved by the agent?" answered Yes/No:
    first-contact resolution as the customer declared it (fcr, yes = 1 on 0–1)."""
    cur = run(salesforce_survey, "survey_report.csv")
    got = rows(cur, "SELECT source_key, survey_type, score, scale_max, channel FROM out_surveys ORDER BY _line")
    assert got[:3] == [
        ("a0e1:How likely are you to recommend Premier Bet to a friend or colleague?", "nps", 10.0, 10.0, "chat"),
        ("a0e1:How satisfied were you with the Customer Service you received today?", "csat", 5.0, 5.0, "chat"),
        ("a0e1:Was the issue reported in the chat resolved by the agent?", "fcr", 1.0, 1.0, "chat"),
    ]
    assert rows(
        cur, "SELECT channel, survey_type, list(score ORDER BY _line) FROM out_surveys GROUP BY ALL ORDER BY ALL"
    ) == [
        ("chat", "csat", [5.0, 1.0, 4.0]),
        ("chat", "fcr", [1.0, 0.0, 1.0]),
        ("chat", "nps", [10.0, 0.0, 9.0]),
        ("email", "csat", [2.0, 3.0]),
        ("email", "fcr", [0.0, 1.0]),
        ("email", "nps", [6.0, 8.0]),
    ]
    assert rows(cur, "SELECT count(*) FROM out_ignored") == [(0,)]
