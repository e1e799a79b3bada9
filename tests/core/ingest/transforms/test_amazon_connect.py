"""Amazon Connect CTR transform.

Fixture tests/fixtures/vendors/amazon_connect/ctr.json: nine CTRs written from the
documented CTR data model (ContactId, Channel, InitiationMethod, Queue{…}, Agent{…}).
Times are UTC ("Z"); the data zone Europe/Paris is UTC+1 in February.
"""

from datetime import datetime

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.transforms import amazon_connect
from tests.helpers.vendors import FIXTURES, Ctx, new_cursor, rows, stage_json

CTX = Ctx(source="amazon_connect", timezone="Europe/Paris", import_id=6, profile={})


def run():
    cur = new_cursor()
    amazon_connect.transform(cur, stage_json(cur, FIXTURES / "amazon_connect" / "ctr.json"), CTX)
    return cur


def test_outcomes():
    cur = run()
    assert rows(
        cur,
        """SELECT source_key, channel, direction, queue, agent_id, outcome, transferred
                        FROM out_contacts ORDER BY _line""",
    ) == [
        ("c-0001", "phone", "inbound", "BasicQueue", "jdoe", "answered", False),
        ("c-0002", "phone", "inbound", "BasicQueue", None, "abandoned", None),  # customer hung up
        ("c-0003", "phone", "inbound", "BasicQueue", None, "flowout", None),  # flow took it out
        # c-0004 never reached a queue: no row
        ("c-0005", "chat", "inbound", "ChatQueue", "asmith", "answered", False),  # API = chat widget
        ("c-0006", "chat", "inbound", "ChatQueue", None, "abandoned", None),
        ("c-0007", "phone", "outbound", "OutboundQueue", "jdoe", "answered", False),
        ("c-0008", "phone", "inbound", "Billing", "asmith", "answered", True),
    ]
    assert rows(cur, "SELECT * FROM out_rejects") == [(9, "unparseable InitiationTimestamp 'not-a-time'")]


def test_times_and_durations():
    cur = run()
    got = {
        r[0]: r[1:]
        for r in rows(
            cur,
            """
        SELECT source_key, arrived_at, answered_at, ended_at, wait_s, first_response_s,
               talk_s, hold_s, wrap_s, customer_id FROM out_contacts""",
        )
    }
    # inbound voice arrives when enqueued (09:00:30Z = 10:00:30 Paris), not at the IVR
    assert got["c-0001"] == (
        datetime(2024, 2, 1, 10, 0, 30),
        datetime(2024, 2, 1, 10, 0, 50),
        datetime(2024, 2, 1, 10, 6, 20),
        20.0,
        None,
        300.0,
        30.0,
        60.0,
        "+33612345678",
    )
    assert got["c-0002"][3] == 45.0 and got["c-0003"][3] == 120.0
    # chat: the queue wait is the wait for the first human reply
    assert got["c-0005"][3:8] == (15.0, 15.0, 600.0, 0.0, 30.0)
    assert got["c-0006"][3:5] == (90.0, None)
    # outbound: arrives when dialled, no queue wait
    assert got["c-0007"][0] == datetime(2024, 2, 1, 12, 0) and got["c-0007"][3] is None
    assert rows(cur, "SELECT sum(talk_s), sum(hold_s), sum(wrap_s) FROM out_contacts") == [(1220.0, 30.0, 125.0)]


def test_each_record_has_the_kind_its_connect_channel_says(tmp_path):
    """The CTRs mix calls, chats and tasks: each record gets its own kind (VOICE: call,
    CHAT: chat, TASK: ticket), stored with it by the import."""
    task = (
        '{"ContactId":"t-1","Channel":"TASK","InitiationMethod":"API",'
        '"InitiationTimestamp":"2024-02-01T13:00:00Z","DisconnectTimestamp":"2024-02-01T13:30:00Z",'
        '"Queue":{"Name":"BackOffice","EnqueueTimestamp":"2024-02-01T13:00:05Z","Duration":60},'
        '"Agent":{"Username":"jdoe","ConnectedToAgentTimestamp":"2024-02-01T13:01:05Z"}}\n'
    )
    path = tmp_path / "ctr.json"
    path.write_text((FIXTURES / "amazon_connect" / "ctr.json").read_text(encoding="utf-8") + task, encoding="utf-8")
    cur = new_cursor()
    amazon_connect.transform(cur, stage_json(cur, path), CTX)
    assert rows(cur, "SELECT source_key, channel, record_kind FROM out_contacts ORDER BY _line") == [
        ("c-0001", "phone", "call"),
        ("c-0002", "phone", "call"),
        ("c-0003", "phone", "call"),
        ("c-0005", "chat", "chat"),
        ("c-0006", "chat", "chat"),
        ("c-0007", "phone", "call"),
        ("c-0008", "phone", "call"),
        ("t-1", "task", "ticket"),
    ]
    store = open_database()
    assert import_file(store, path).profile == "amazon_connect_ctr"
    kinds = store.cursor().execute("SELECT record_kind, count(*) FROM contacts GROUP BY 1 ORDER BY 1").fetchall()
    assert kinds == [("call", 5), ("chat", 2), ("ticket", 1)]
