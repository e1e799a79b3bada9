"""Asterisk CDR transform: one contact per linkedid, queue abandons not trusted.

Fixtures: tests/fixtures/vendors/asterisk/Master.csv (Asterisk 16+, 21 columns) and
Master_legacy.csv (18 columns, no linkedid). Expected values worked out by hand.
"""

from datetime import datetime

import pytest

from kpidesk.core.ingest.transforms import asterisk_cdr
from tests.helpers.vendors import FIXTURES, SHARED_DATA, Ctx, new_cursor, rows, stage_csv

COLUMNS = [
    "accountcode",
    "src",
    "dst",
    "dcontext",
    "clid",
    "channel",
    "dstchannel",
    "lastapp",
    "lastdata",
    "start",
    "answer",
    "end",
    "duration",
    "billsec",
    "disposition",
    "amaflags",
    "uniqueid",
    "userfield",
    "peeraccount",
    "linkedid",
    "sequence",
]
CTX = Ctx(source="asterisk_cdr", timezone="Europe/Paris", import_id=3, profile={})


def run(path, **kw):
    cur = new_cursor()
    st = stage_csv(cur, path, **kw)
    asterisk_cdr.transform(cur, st, CTX)
    return cur


def test_master_csv_calls():
    cur = run(FIXTURES / "asterisk" / "Master.csv", columns=COLUMNS)
    got = rows(
        cur,
        """SELECT _line, source_key, direction, queue, agent_id, customer_id, arrived_at,
                              answered_at, ended_at, NULL AS wait_s, talk_s, outcome
                       FROM out_contacts ORDER BY _line""",
    )
    assert got == [
        # two rows (ring no answer via Local channel, then bridged to PJSIP/101): one call;
        # queued → no talk/answer time (billsec includes the queue wait)
        (
            1,
            "1717401600.20",
            "inbound",
            "support",
            "PJSIP/101",
            "0611223344",
            datetime(2024, 6, 3, 10, 0),
            None,
            datetime(2024, 6, 3, 10, 5),
            None,
            None,
            "answered",
        ),
        # disposition ANSWERED but never bridged: abandon or timeout, unknown → NULL
        (
            3,
            "1717402200.23",
            "inbound",
            "support",
            None,
            "0622334455",
            datetime(2024, 6, 3, 10, 10),
            None,
            datetime(2024, 6, 3, 10, 10, 45),
            None,
            None,
            None,
        ),
        (
            4,
            "1717405200.24",
            "outbound",
            None,
            "PJSIP/101",
            "0033144556677",
            datetime(2024, 6, 3, 11, 0),
            datetime(2024, 6, 3, 11, 0, 5),
            datetime(2024, 6, 3, 11, 1, 40),
            None,
            95.0,
            "answered",
        ),
        (
            5,
            "1717405500.26",
            "outbound",
            None,
            "PJSIP/102",
            "0699887766",
            datetime(2024, 6, 3, 11, 5),
            None,
            datetime(2024, 6, 3, 11, 5, 30),
            None,
            None,
            "missed",
        ),
        # line 6 (extension 101 → 102) is internal: no row
        (
            7,
            "1717406400.30",
            "inbound",
            None,
            "PJSIP/102",
            "0655443322",
            datetime(2024, 6, 3, 11, 20),
            datetime(2024, 6, 3, 11, 20, 4),
            datetime(2024, 6, 3, 11, 20, 34),
            None,
            30.0,
            "answered",
        ),
    ]
    assert rows(cur, "SELECT * FROM out_rejects") == [(8, "unparseable start time 'not a date'")]
    assert rows(cur, "SELECT DISTINCT source, channel, import_id FROM out_contacts") == [("asterisk_cdr", "phone", 3)]


def test_legacy_18_columns_group_by_uniqueid():
    cur = run(FIXTURES / "asterisk" / "Master_legacy.csv", columns=COLUMNS)
    assert rows(cur, "SELECT source_key, direction, agent_id, talk_s, outcome FROM out_contacts ORDER BY _line") == [
        ("1425286800.1", "inbound", "SIP/201", 120.0, "answered"),
        ("1425287400.3", "outbound", "SIP/201", None, "missed"),
    ]


def test_external_number_option():
    cur = new_cursor()
    st = stage_csv(cur, FIXTURES / "asterisk" / "Master.csv", columns=COLUMNS)
    ctx = Ctx("asterisk_cdr", "UTC", 1, {"options": {"external_number_regex": "^0[67][0-9]{8}$"}})
    asterisk_cdr.transform(cur, st, ctx)
    # the landline 0033… is no longer external: call 1717405200.24 becomes internal
    assert rows(cur, "SELECT count(*), count(*) FILTER (direction = 'outbound') FROM out_contacts") == [(4, 1)]


@pytest.mark.skipif(
    not (SHARED_DATA / "asterisk-realtime-mysql-dump").exists(), reason="shared sample data not available"
)
def test_real_cdr_extract():
    cur = run(SHARED_DATA / "asterisk-realtime-mysql-dump" / "cdr.extracted.csv")
    assert rows(
        cur,
        """SELECT direction, queue, outcome, count(*) FROM out_contacts
                        GROUP BY ALL ORDER BY ALL""",
    ) == [
        ("inbound", "Support", "answered", 3),
        ("inbound", "Support", None, 7),
        ("inbound", "sales", None, 1),
        ("outbound", None, "missed", 2),
    ]
    # 1677019360.7 was abandoned in the queue although its CDR says ANSWERED
    assert rows(cur, "SELECT outcome FROM out_contacts WHERE source_key = '1677019360.7'") == [(None,)]
    assert rows(cur, "SELECT count(*) FROM out_rejects") == [(0,)]


def test_a_direct_call_no_phone_answered_is_missed(tmp_path):
    """Two inbound calls dialled straight to phones (no queue): one forked to two phones,
    neither answering (NO ANSWER ×2, 25 s to the hang-up): abandoned, wait 25 s; one
    answered by 102 after 6 s of ringing: answered, wait 6 s, talk 40 s. A third,
    answered by the system alone (Hangup, no agent): unknown, not offered to an agent."""
    lines = [
        '"","0611111111","200","from-trunk","","PJSIP/trunk-01","PJSIP/101-02","Dial","PJSIP/101,30",'
        '"2024-06-03 09:00:00",,"2024-06-03 09:00:25",25,0,"NO ANSWER","DOCUMENTATION","100.1","","","100.1",1',
        '"","0611111111","200","from-trunk","","PJSIP/trunk-01","PJSIP/102-03","Dial","PJSIP/102,30",'
        '"2024-06-03 09:00:00",,"2024-06-03 09:00:25",25,0,"NO ANSWER","DOCUMENTATION","100.2","","","100.1",2',
        '"","0622222222","102","from-trunk","","PJSIP/trunk-04","PJSIP/102-05","Dial","PJSIP/102,30",'
        '"2024-06-03 09:10:00","2024-06-03 09:10:06","2024-06-03 09:10:46",46,40,"ANSWERED","DOCUMENTATION",'
        '"200.1","","","200.1",3',
        '"","0633333333","200","from-trunk","","PJSIP/trunk-06","","Hangup","",'
        '"2024-06-03 21:00:00","2024-06-03 21:00:00","2024-06-03 21:00:12",12,12,"ANSWERED","DOCUMENTATION",'
        '"300.1","","","300.1",4',
    ]
    path = tmp_path / "Master.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cur = run(path, columns=COLUMNS)
    assert rows(cur, "SELECT source_key, outcome, wait_s, talk_s, agent_id FROM out_contacts ORDER BY _line") == [
        ("100.1", "abandoned", 25.0, None, None),
        ("200.1", "answered", 6.0, 40.0, "PJSIP/102"),
        ("300.1", None, None, None, None),
    ]


def test_a_cdr_gives_no_abandon_rate_when_queued_calls_end_unknown():
    """The fixture's three inbound calls: a queued one bridged to an agent and a direct
    one, both answered; a queued one ANSWERED by the queue and never bridged (abandoned
    or timed out: the CDR cannot tell). The answer rate is known (2 of 3 offered), the
    abandon rate and the flow-outs are not: "missing input", not 0 %."""
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.ingest import import_file
    from kpidesk.core.kpi.engine import Engine

    store = open_database()
    import_file(store, FIXTURES / "asterisk" / "Master.csv", "asterisk_cdr")
    for lang, start in (("en", "missing input: how unanswered calls ended"), ("fr", "donnée manquante : comment")):
        v = {x.kpi: x for x in Engine(store, lang=lang).compute(["offered", "answer_rate", "abandon_rate", "flowouts"])}
        assert v["offered"].value == 3 and v["answer_rate"].value == pytest.approx(2 / 3)
        rate = v["abandon_rate"]
        assert rate.value is None and rate.reason.startswith(start), rate.reason
        assert rate.extras["outcome_unknown"] == 1
        # a CDR cannot say a call flowed out at all (asterisk_cdr.toml's outcomes): said first
        flow = v["flowouts"]
        assert flow.value is None and flow.extras["flowout_unknown"] == 3
        assert flow.reason.startswith(
            {"en": "missing input: flow-outs", "fr": "donnée manquante : les débordements"}[lang]
        )
