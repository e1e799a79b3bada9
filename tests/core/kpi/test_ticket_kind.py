"""A helpdesk ticket stays a ticket whatever its channel: a ticket list whose Channel
column says Phone, Chat or Web Portal is counted on the tickets tab (first response,
resolution, backlog, SLA over every ticket), never as calls or chats; the export's own
SLA verdict beats kpidesk's default target. Figures worked by hand below; the real
ticket exports of ``../shared/data`` are checked against SOURCES.md when present."""

from __future__ import annotations

import duckdb
import pytest

from kpidesk.core.dashboard.tabs import TABS, TabRequest, load_tab
from kpidesk.core.db.migrations import MIGRATIONS
from kpidesk.core.ingest import import_file
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.paths import SHARED_DATA

# Five tickets of one helpdesk, opened through five channels.
#   T1 Phone        FRT 1 h   solved in 10 h  CSAT 5  export: response SLA met
#   T2 Chat         FRT 3 h   solved in 20 h  CSAT 2  export: not met
#   T3 Web Portal   FRT 5 h   open            –       export: not met (though 5 h < 24 h)
#   T4 Email        FRT 30 h  solved in 32 h  CSAT 4  no verdict: 30 h > the 24 h setting
#   T5 Self-Service no reply  pending         –       no verdict, no reply: not met
TICKETS = (
    "Ticket_ID,Created_Date,Channel,Status,Assigned_Agent,First_Response_Time_Hours,"
    "Resolution_Time_Hours,CSAT_Score,response_sla_met\n"
    "T1,2024-03-04 09:00:00,Phone,Resolved,ann,1,10,5,True\n"
    "T2,2024-03-04 10:00:00,Chat,Closed,bob,3,20,2,False\n"
    "T3,2024-03-04 11:00:00,Web Portal,Open,ann,5,,,False\n"
    "T4,2024-03-04 12:00:00,Email,Resolved,bob,30,32,4,\n"
    "T5,2024-03-05 09:00:00,Self-Service,Pending,ann,,,,\n"
)
H = 3600.0


@pytest.fixture
def tickets(store, tmp_path):
    path = tmp_path / "helpdesk_tickets.csv"
    path.write_text(TICKETS, encoding="utf-8")
    report = import_file(store, path)
    assert report.profile == "generic_ticket_list" and report.loaded == 5
    return store


def _values(engine: Engine, kpis: list[str], filters: Filters = Filters(), stats: bool = False) -> dict:
    return {v.kpi: v for v in engine.compute(kpis, filters, stats=stats)}


def test_every_row_of_a_ticket_list_is_a_ticket_its_channel_an_attribute(tickets):
    rows = tickets.cursor().execute("SELECT source_key, channel, record_kind FROM contacts ORDER BY 1").fetchall()
    assert rows == [
        ("T1", "phone", "ticket"),
        ("T2", "chat", "ticket"),
        ("T3", "web", "ticket"),  # Web Portal: the web, not 'email' nor an unknown channel
        ("T4", "email", "ticket"),
        ("T5", "self-service", "ticket"),
    ]


def test_ticket_figures_cover_every_ticket_whatever_its_channel(tickets):
    engine = Engine(tickets)
    kpis = ["volume", "first_response_time", "response_sla", "resolution_time", "resolution_rate", "backlog"]
    v = _values(engine, kpis + ["csat_mean"], Filters(kinds=("ticket",)), stats=True)
    assert v["volume"].value == 5
    assert v["first_response_time"].value == pytest.approx(4 * H)  # median of 1, 3, 5, 30 h
    assert v["first_response_time"].extras["mean"] == pytest.approx(9.75 * H)  # 39 h / 4
    assert v["first_response_time"].n == 4
    assert v["response_sla"].value == pytest.approx(1 / 5)  # T1 only (T3: the export says no)
    assert v["resolution_time"].value == pytest.approx(20 * H)  # median of 10, 20, 32 h
    assert v["resolution_time"].extras["mean"] == pytest.approx(62 / 3 * H)
    assert v["resolution_rate"].value == pytest.approx(3 / 5)
    assert v["backlog"].value == 2  # T3 open, T5 pending
    assert v["csat_mean"].value == pytest.approx(11 / 3)


def test_a_channel_narrows_the_tickets_and_a_ticket_by_phone_is_no_call(tickets):
    engine = Engine(tickets)
    by_phone = _values(engine, ["volume", "first_response_time"], Filters(kinds=("ticket",), channels=("phone",)))
    assert by_phone["volume"].value == 1 and by_phone["first_response_time"].value == pytest.approx(1 * H)
    calls = _values(engine, ["volume", "offered", "answer_rate", "asa"], Filters(kinds=("call",)))
    assert calls["volume"].value is None and calls["volume"].reason == "no data"
    assert calls["answer_rate"].value is None and calls["asa"].value is None
    chats = _values(engine, ["volume", "chat_first_response_time", "chat_abandon_rate"], Filters(kinds=("chat", "bot")))
    assert all(v.value is None for v in chats.values())


def test_the_tabs_count_records_by_kind(tickets):
    engine = Engine(tickets)
    tab = load_tab((engine, TabRequest("email", Filters())))
    assert tab.tiles["volume"].value == 5 and tab.tiles["backlog"].value == 2
    assert tab.distribution is not None
    phone = load_tab((engine, TabRequest("phone", Filters())))
    assert phone.tiles["offered"].value in (0, None) and phone.tiles["answer_rate"].value is None
    assert not phone.agents  # no agent answered a call
    chat = load_tab((engine, TabRequest("chat", Filters())))
    assert chat.tiles["volume"].value is None
    assert TABS["email"].kinds == ("ticket",) and TABS["phone"].kinds == ("call",)


def test_resolution_sla_is_the_exports_verdict_only(tickets, tmp_path):
    engine = Engine(tickets)
    assert _values(engine, ["resolution_sla"])["resolution_sla"].value is None  # no verdict: no data
    path = tmp_path / "more_tickets.csv"
    path.write_text(
        "ticket_id,created_date,channel,first_response_minutes,resolution_hours,resolution_sla_met\n"
        "A1,2024-03-06 09:00:00,Phone,10,2,True\nA2,2024-03-06 10:00:00,Chat,20,50,False\n"
        "A3,2024-03-06 11:00:00,Email,30,3,True\n",
        encoding="utf-8",
    )
    assert import_file(tickets, path).loaded == 3
    assert Engine(tickets).compute(["resolution_sla"])[0].value == pytest.approx(2 / 3)


def test_a_call_log_and_a_chat_file_keep_their_kinds(store, tmp_path):
    calls = tmp_path / "calls.csv"
    calls.write_text(
        "Call ID,Start time,Queue,Agent,Wait time,Talk time,Outcome\n"
        "C1,2024-03-04 09:00:00,Sales,ann,10,100,answered\n",
        encoding="utf-8",
    )
    chats = tmp_path / "chats.csv"
    chats.write_text(
        "Conversation ID,Started at,Channel,Outcome\nK1,2024-03-04 09:00:00,Chatbot,Resolved by bot\n"
        "K2,2024-03-04 09:05:00,Live chat,answered\n",
        encoding="utf-8",
    )
    import_file(store, calls)
    import_file(store, chats)
    kinds = store.cursor().execute("SELECT source_key, record_kind FROM contacts ORDER BY 1").fetchall()
    assert kinds == [("C1", "call"), ("K1", "bot"), ("K2", "chat")]


def test_migration_010_gives_older_rows_the_kind_their_channel_meant():
    con = duckdb.connect()
    names = [name for name, _ in MIGRATIONS]
    upto = names.index("010_record_kind")
    for _, sql in MIGRATIONS[:upto]:
        con.execute(sql)
    for key, channel in [("a", "phone"), ("b", "email"), ("c", "chat"), ("d", "bot"), ("e", "social")]:
        con.execute(
            "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at) "
            "VALUES (1, 's', ?, ?, TIMESTAMP '2024-01-01')",
            [key, channel],
        )
    con.execute(MIGRATIONS[upto][1])
    rows = con.execute("SELECT source_key, record_kind FROM contacts ORDER BY 1").fetchall()
    assert rows == [("a", "call"), ("b", "ticket"), ("c", "chat"), ("d", "bot"), ("e", "ticket")]


def test_a_row_stored_without_its_kind_is_read_by_its_channel(store):
    """A bulk import's own table from before migration 010 has no record_kind."""
    with store.write() as cur:
        cur.execute(
            "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at, outcome, wait_s) "
            "VALUES (1, 's', 'x', 'phone', TIMESTAMP '2024-01-01 10:00', 'answered', 5), "
            "(2, 's', 'y', 'email', TIMESTAMP '2024-01-01 10:00', NULL, NULL)"
        )
    v = _values(Engine(store), ["answered", "volume"], Filters(kinds=("call",)))
    assert v["answered"].value == 1 and v["volume"].value == 1
    assert Engine(store).compute(["volume"], Filters(kinds=("ticket",)))[0].value == 1


# -- the real exports (skipped without ../shared/data) ----------------------------------
def _shared(folder: str):
    path = SHARED_DATA / folder / "customer_support_tickets.csv"
    if not path.exists():
        pytest.skip("shared sample data not available")
    return path


def _imported(store, folder: str) -> Engine:
    report = import_file(store, _shared(folder))
    assert report.ok and report.rejected == 0
    return Engine(store)


def test_teresgeo_means_over_all_tickets_match_the_published_figures(store):
    engine = _imported(store, "support-tickets-teresgeo-gpl3")
    kpis = ["volume", "first_response_time", "resolution_time", "resolution_rate", "csat_mean"]
    v = _values(engine, kpis, Filters(), stats=True)
    assert v["volume"].value == 1000
    assert v["first_response_time"].n == 1000  # every ticket, not only the Email channel's
    assert v["first_response_time"].extras["mean"] / H == pytest.approx(17.52057, abs=1e-4)
    # The file gives a resolution time to every ticket, the 572 its status says are still
    # Open / In Progress / Pending too: the published 54.85 h is the column's mean over all
    # 1,000. kpidesk takes the status at export time (open is not solved): the mean over
    # the 428 Resolved or Closed tickets is 52.8956 h (pandas), the resolution rate 42.8 %.
    assert v["resolution_time"].n == 428
    assert v["resolution_time"].extras["mean"] / H == pytest.approx(52.8956, abs=1e-4)
    assert v["resolution_rate"].value == pytest.approx(0.428)
    assert v["csat_mean"].value == pytest.approx(3.696261682242991)
    statuses = dict(store.cursor().execute("SELECT status, count(*) FROM contacts GROUP BY 1").fetchall())
    assert statuses == {"Open": 175, "Resolved": 190, "Closed": 238, "In Progress": 204, "Pending": 193}
    calls = _values(engine, ["volume", "offered"], Filters(kinds=("call",)))
    assert calls["volume"].value is None  # 250 tickets opened by phone are not calls


def test_anirudhbabu_means_and_the_exports_own_sla_verdicts(store):
    engine = _imported(store, "synthetic-support-tickets-anirudhbabu")
    kpis = ["first_response_time", "resolution_time", "csat_mean", "response_sla", "resolution_sla"]
    v = _values(engine, kpis, Filters(kinds=("ticket",)), stats=True)
    assert v["first_response_time"].n == 5000
    assert v["first_response_time"].extras["mean"] / 60 == pytest.approx(67.58, abs=0.005)
    # published 32.66 h: the mean of resolution_hours over all 5,000 rows, the 1,276 In
    # Progress / Escalated ones (no resolved_date) too; over the 3,724 Resolved: 27.646 h
    assert v["resolution_time"].n == 3724
    assert v["resolution_time"].extras["mean"] / H == pytest.approx(27.646, abs=0.001)
    assert v["csat_mean"].value == pytest.approx(2.97, abs=0.005)
    assert v["response_sla"].value == pytest.approx(0.4806, abs=5e-5)
    assert v["resolution_sla"].value == pytest.approx(0.6028, abs=5e-5)
    channels = dict(store.cursor().execute("SELECT channel, count(*) FROM contacts GROUP BY 1").fetchall())
    assert channels == {"chat": 1796, "email": 1554, "phone": 926, "social": 501, "self-service": 223}


@pytest.mark.parametrize(
    ("folder", "rows"), [("kaggle-customer-support-tickets", 8469), ("support-tickets-yashwanth", 1000)]
)
def test_every_ticket_of_a_ticket_export_is_on_the_tickets_tab(store, folder, rows):
    engine = _imported(store, folder)
    assert _values(engine, ["volume"], Filters(kinds=("ticket",)))["volume"].value == rows
    assert _values(engine, ["volume"], Filters(kinds=("call", "chat", "bot")))["volume"].value is None


def test_a_ticket_opened_by_phone_is_not_taken_for_a_call_imported_twice(store, tmp_path):
    """The same calls from two exports of one phone system are counted once (same
    caller, same minute); a ticket by phone from that caller at that time is no call."""
    calls = tmp_path / "calls.csv"
    calls.write_text(
        "Call ID,Start time,Caller,Queue,Agent,Wait time,Talk time,Outcome\n"
        "C1,2024-03-04 09:00:00,+33 6 12 34 56 78,Sales,ann,10,100,answered\n",
        encoding="utf-8",
    )
    tickets = tmp_path / "tickets.csv"
    tickets.write_text(
        "Ticket ID,Created,Channel,Customer ID\nT1,2024-03-04 09:00:20,Phone,0612345678\n", encoding="utf-8"
    )
    import_file(store, calls)
    report = import_file(store, tickets)
    assert report.loaded == 1 and report.duplicate == 0
    kinds = store.cursor().execute("SELECT source_key, record_kind FROM contacts ORDER BY 1").fetchall()
    assert kinds == [("C1", "call"), ("T1", "ticket")]


def test_a_database_from_before_record_kinds_gets_its_kinds_from_the_profiles(monkeypatch, tmp_path):
    """Before migration 010, a ticket list's tickets opened by phone were read as calls,
    and 010 kept that (by channel). Each import recorded its profile: upgraded, the rows
    of a built-in ticket, call or chat profile get that profile's kind; those of a
    mapping of the user's own keep their channel's. A bulk import's own table (segment)
    gets its file's kind too."""
    from kpidesk.core.db import contact_tables
    from kpidesk.core.db.startup import open_database

    db = tmp_path / "old.duckdb"
    old = [m for m in MIGRATIONS if m[0] < "010"]
    monkeypatch.setattr("kpidesk.core.db.store.MIGRATIONS", old)
    monkeypatch.setattr("kpidesk.core.db.store.known_names", lambda: [n for n, _ in old])
    with open_database(db) as s, s.write() as cur:
        cur.execute(
            "INSERT INTO imports (import_id, file_name, file_hash, profile, started_at) VALUES "
            "(1, 'tickets.csv', 'h1', 'generic_ticket_list', TIMESTAMP '2024-03-01'), "
            "(2, 'calls.csv', 'h2', 'generic_call_log', TIMESTAMP '2024-03-01'), "
            "(3, 'mine.csv', 'h3', 'my_own_mapping', TIMESTAMP '2024-03-01'), "
            "(4, 'chats.csv', 'h4', 'generic_chat_conversations', TIMESTAMP '2024-03-01'), "
            "(5, 'big_tickets.csv', 'h5', 'zendesk_tickets_csv', TIMESTAMP '2024-03-01')"
        )
        rows = [
            (1, "T1", "phone", 1),  # a ticket opened by phone: a call until now
            (2, "T2", "chat", 1),
            (3, "T3", "email", 1),
            (4, "C1", "phone", 2),
            (5, "M1", "phone", 3),  # the user's own mapping: its kind is not known
            (6, "K1", "chat", 4),
            (7, "K2", "bot", 4),
        ]
        for cid, key, channel, imp in rows:
            cur.execute(
                "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at, import_id) "
                "VALUES (?, 's', ?, ?, TIMESTAMP '2024-03-04 10:00', ?)",
                [cid, key, channel, imp],
            )
        # import 5 loaded into its own table, its channel a constant of the view
        cur.execute(
            "CREATE TABLE contacts_seg_5 AS SELECT * EXCLUDE (import_id, channel) FROM contacts_main WHERE false"
        )
        cur.execute(
            "INSERT INTO contacts_seg_5 (contact_id, source, source_key, direction, arrived_at) "
            "VALUES (8, 'z', 'Z1', 'inbound', TIMESTAMP '2024-03-04 11:00')"
        )
        cur.execute(
            'INSERT INTO contact_segments VALUES (5, \'contacts_seg_5\', \'{"channel": ["phone", "VARCHAR"]}\', 1)'
        )
        contact_tables.rebuild_view(cur)
    monkeypatch.undo()
    with open_database(db) as s:
        got = s.cursor().execute("SELECT source_key, channel, record_kind FROM contacts ORDER BY 1").fetchall()
        assert got == [
            ("C1", "phone", "call"),
            ("K1", "chat", "chat"),
            ("K2", "bot", "bot"),
            ("M1", "phone", "call"),
            ("T1", "phone", "ticket"),
            ("T2", "chat", "ticket"),
            ("T3", "email", "ticket"),
            ("Z1", "phone", "ticket"),
        ]
        engine = Engine(s)
        assert engine.compute(["volume"], Filters(kinds=("ticket",)))[0].value == 4
        assert engine.compute(["volume"], Filters(kinds=("call",)))[0].value == 2  # C1 and M1


def test_migration_011_names_built_in_profiles_with_their_kinds():
    """The profile names migration 011 knows are built-in profiles of that kind."""
    import re

    from kpidesk.core.ingest import profiles

    sql = dict(MIGRATIONS)["012_record_kind_by_profile"]
    listed = dict(re.findall(r"\('(\w+_\w+)', '(call|ticket|chat)'\)", sql))
    assert len(listed) == 16
    for name, kind in listed.items():
        assert profiles.find(name).data.get("record_kind") == kind, name
