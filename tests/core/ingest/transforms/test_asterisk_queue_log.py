"""Asterisk queue_log transform: calls and sessions rebuilt from events.

Expected values are worked out by hand from tests/fixtures/vendors/asterisk/queue_log
(epoch 1717236000 = 2024-06-01 10:00:00 UTC = 12:00:00 Europe/Paris).
"""

from datetime import datetime

import pytest

from kpidesk.core.ingest.transforms import asterisk_queue_log
from tests.helpers.vendors import FIXTURES, SHARED_DATA, Ctx, new_cursor, rows, stage_csv

RAW_COLUMNS = ["time", "callid", "queuename", "agent", "event", "data1", "data2", "data3", "data4", "data5"]
CTX = Ctx(source="asterisk", timezone="Europe/Paris", import_id=7, profile={})


@pytest.fixture
def raw():
    cur = new_cursor()
    st = stage_csv(cur, FIXTURES / "asterisk" / "queue_log", delim="|", columns=RAW_COLUMNS)
    asterisk_queue_log.transform(cur, st, CTX)
    return cur


def test_outcomes_per_queue(raw):
    got = rows(raw, "SELECT queue, outcome, count(*) FROM out_contacts GROUP BY ALL ORDER BY ALL")
    # support: A answered, B abandoned, C timed out, E exit-empty, F answered, J answered
    # sales: C (flowed in from support) answered, D exit-with-key
    assert got == [
        ("sales", "answered", 1),
        ("sales", "flowout", 1),
        ("support", "abandoned", 1),
        ("support", "answered", 3),
        ("support", "flowout", 2),
    ]


def test_call_details(raw):
    got = {
        r[0]: r[1:]
        for r in rows(
            raw,
            """
        SELECT source_key, _line, agent_id, arrived_at, answered_at, ended_at, wait_s, talk_s,
               transferred FROM out_contacts""",
        )
    }
    assert got["1717236100.1:support"] == (
        5,
        "PJSIP/101",
        datetime(2024, 6, 1, 12, 1, 40),
        datetime(2024, 6, 1, 12, 1, 52),
        datetime(2024, 6, 1, 12, 3, 32),
        12.0,
        100.0,
        False,
    )
    assert got["1717236300.3:support"][5:7] == (30.0, None)  # abandon: wait only
    assert got["1717236400.5:support"][5] == 60.0  # timeout after 60 s
    assert got["1717236400.5:sales"] == (  # offered again in sales
        13,
        "PJSIP/102",
        datetime(2024, 6, 1, 12, 7, 40),
        datetime(2024, 6, 1, 12, 7, 48),
        datetime(2024, 6, 1, 12, 8, 48),
        8.0,
        60.0,
        True,
    )  # blind transfer
    assert got["1717236600.7:sales"][5] == 15.0  # EXITWITHKEY data4
    assert got["1717236700.8:support"][5] == 0.0  # EXITEMPTY
    assert got["1717236800.9:support"][5:] == (3.0, 60.0, False)  # COMPLETEAGENT
    assert got["1717237000.11:support"][5:] == (4.0, 46.0, True)  # ATTENDEDTRANSFER


def test_caller_id_is_the_customer(raw):
    assert rows(raw, "SELECT customer_id FROM out_contacts WHERE _line IN (5, 13) ORDER BY _line") == [
        ("0612345678",),
        ("0611111111",),
    ]


def test_totals(raw):
    assert rows(
        raw,
        """
        SELECT count(*), sum(wait_s) FILTER (outcome = 'answered'), sum(talk_s),
               count(*) FILTER (transferred)
        FROM out_contacts""",
    ) == [(8, 27.0, 266.0, 2)]
    assert rows(raw, "SELECT DISTINCT source, channel, direction, import_id FROM out_contacts") == [
        ("asterisk", "phone", "inbound", 7)
    ]


def test_sessions_merge_queues_and_pair_pauses(raw):
    got = rows(
        raw,
        """SELECT agent_id, state, reason, started_at, ended_at, duration_s, _line
                       FROM out_sessions ORDER BY agent_id, state""",
    )
    assert got == [
        # ADDMEMBER support+sales at 12:00:10, REMOVEMEMBER 12:33:20 / 12:33:30: one session
        ("PJSIP/101", "logged_in", None, datetime(2024, 6, 1, 12, 0, 10), datetime(2024, 6, 1, 12, 33, 30), 2000.0, 2),
        # PAUSEALL + PAUSE per queue, 12:15 → 12:25: counted once
        ("PJSIP/101", "pause", "lunch", datetime(2024, 6, 1, 12, 15), datetime(2024, 6, 1, 12, 25), 600.0, 23),
        ("PJSIP/102", "logged_in", None, datetime(2024, 6, 1, 12, 0, 20), datetime(2024, 6, 1, 12, 35), 2080.0, 4),
    ]


def test_rejects(raw):
    assert rows(raw, "SELECT _line, reason FROM out_rejects ORDER BY _line") == [
        (32, "CONNECT without ENTERQUEUE for call 1717235000.1"),
        (33, "unparseable time 'garbage'"),
        (34, "call 1717237700.14 has no outcome yet (still queued when the log ends?)"),
    ]


def test_source_keys_are_stable_and_unique(raw):
    again = new_cursor()
    st = stage_csv(again, FIXTURES / "asterisk" / "queue_log", delim="|", columns=RAW_COLUMNS)
    asterisk_queue_log.transform(again, st, Ctx("asterisk", "UTC", 8, {}))
    keys = sorted(
        r[0] for r in rows(raw, "SELECT source_key FROM out_contacts UNION ALL SELECT source_key FROM out_sessions")
    )
    assert len(keys) == len(set(keys)) == 11
    assert keys == sorted(
        r[0] for r in rows(again, "SELECT source_key FROM out_contacts UNION ALL SELECT source_key FROM out_sessions")
    )
    # timezone only moves local times: 10:01:40 UTC
    assert rows(again, "SELECT arrived_at FROM out_contacts WHERE _line = 5") == [(datetime(2024, 6, 1, 10, 1, 40),)]


def test_realtime_table_export():
    cur = new_cursor()
    st = stage_csv(cur, FIXTURES / "asterisk" / "queue_log_realtime.csv")
    asterisk_queue_log.transform(cur, st, CTX)
    assert rows(
        cur,
        """SELECT outcome, wait_s, talk_s, agent_id, arrived_at FROM out_contacts
                        ORDER BY arrived_at""",
    ) == [
        ("answered", 25.0, 240.0, "SIP/201", datetime(2024, 6, 1, 9, 5)),  # naive: kept as is
        ("abandoned", 4.0, None, None, datetime(2024, 6, 1, 9, 10)),
        ("flowout", 120.0, None, None, datetime(2024, 6, 1, 10, 0)),
    ]
    assert rows(cur, "SELECT state, reason, duration_s, queue FROM out_sessions ORDER BY state") == [
        ("logged_in", None, 10800.0, None),
        ("pause", "Training", 900.0, "hotline"),
    ]


def test_pbxware_table_export():
    cur = new_cursor()
    st = stage_csv(cur, FIXTURES / "asterisk" / "pbxware_queue_log.csv")
    asterisk_queue_log.transform(cur, st, CTX)
    assert rows(cur, "SELECT queue, outcome, wait_s, talk_s, agent_id FROM out_contacts ORDER BY arrived_at") == [
        ("Support", "answered", 15.0, 180.0, "1001"),
        ("Support", "abandoned", 42.0, None, None),
    ]


def test_dst_change_session_duration():
    """A pause across the autumn DST change lasts its real length (3 h of wall clock = 4 h)."""
    cur = new_cursor()
    cur.execute("""CREATE TEMP TABLE st AS SELECT * FROM (VALUES
        (1, '2024-10-27 01:00:00', 'NONE', 'q', 'SIP/1', 'PAUSE', 'x'),
        (2, '2024-10-27 04:00:00', 'NONE', 'q', 'SIP/1', 'UNPAUSE', NULL))
        AS t(_line, time, callid, queuename, agent, event, data1)""")
    asterisk_queue_log.transform(cur, "st", CTX)
    assert rows(cur, "SELECT duration_s FROM out_sessions") == [(4 * 3600.0,)]


@pytest.mark.skipif(
    not (SHARED_DATA / "asterisk-realtime-mysql-dump").exists(), reason="shared sample data not available"
)
def test_real_realtime_dump():
    cur = new_cursor()
    st = stage_csv(cur, SHARED_DATA / "asterisk-realtime-mysql-dump" / "queue_log.extracted.csv")
    asterisk_queue_log.transform(cur, st, CTX)
    assert rows(cur, "SELECT queue, count(*) FROM out_contacts GROUP BY ALL ORDER BY ALL") == [
        ("Support", 7),
        ("sales", 1),
    ]
    assert rows(cur, "SELECT outcome, count(*) FROM out_contacts GROUP BY ALL ORDER BY ALL") == [
        ("abandoned", 5),
        ("answered", 2),
        ("flowout", 1),
    ]
    assert rows(cur, "SELECT wait_s, talk_s FROM out_contacts WHERE outcome = 'answered' ORDER BY arrived_at") == [
        (8.0, 5.0),
        (5.0, 104.0),
    ]
    assert rows(cur, "SELECT count(*) FROM out_rejects") == [(0,)]
