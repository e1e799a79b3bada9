"""Imports mapped by the user (no built-in profile) before records had a kind (#12).

Migration 010 gave every older row the kind its channel meant, and 012 put right the
imports of built-in profiles only: a ticket list mapped by hand whose channel column
said "Phone" or "Chat" stayed calls and chats. Migration 013 reads those imports' rows:
ticket fields and none of a call's or a chat's make a ticket list. A user's profile
saved before kinds reads its next file the same way."""

from __future__ import annotations

from datetime import datetime, timedelta

from kpidesk.core.db import contact_tables
from kpidesk.core.db.migrations import MIGRATIONS
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from kpidesk.core.kpi.engine import Engine, Filters

# (contact_id, import, key, channel, status, solved_at, wait_s, talk_s, outcome)
ROWS = [
    # import 1, "mes_tickets": a ticket list mapped by hand, its channel column Phone / Chat / Email
    (1, 1, "T1", "phone", "solved", "2024-03-04 12:00", None, None, None),
    (2, 1, "T2", "chat", "open", None, None, None, None),
    (3, 1, "T3", "email", "solved", "2024-03-04 15:00", None, None, None),
    # import 2, "mes_appels": a call log mapped by hand (waits, talk times, outcomes)
    (4, 2, "C1", "phone", None, None, 12.0, 300.0, "answered"),
    # import 3: a file with a status and a talk time says neither: its channel decides
    (5, 3, "X1", "phone", "solved", None, None, 200.0, None),
    # import 4: no ticket nor call field at all: its channel decides
    (6, 4, "M1", "phone", None, None, None, None, None),
]


def _old_database(path, monkeypatch, upto: str, imports, rows, segment=False):
    """A database made by kpidesk before migration ``upto``, holding ``rows``; with
    ``segment``, import 5 too, a big ticket list mapped by hand loaded into its own table
    (its channel a constant), its columns recorded as feeding a status and a solved time."""
    old = [m for m in MIGRATIONS if m[0] < upto]
    monkeypatch.setattr("kpidesk.core.db.store.MIGRATIONS", old)
    monkeypatch.setattr("kpidesk.core.db.store.known_names", lambda: [n for n, _ in old])
    with open_database(path) as s, s.write() as cur:
        for import_id, profile, started in imports:
            cur.execute(
                "INSERT INTO imports (import_id, file_name, file_hash, profile, started_at) VALUES (?, ?, ?, ?, ?)",
                [import_id, f"{profile}.csv", f"h{import_id}", profile, started],
            )
        for cid, imp, key, channel, status, solved, wait, talk, outcome in rows:
            cur.execute(
                "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at, import_id, status, "
                "solved_at, wait_s, talk_s, outcome) VALUES (?, 'generic', ?, ?, TIMESTAMP '2024-03-04 10:00', ?, ?, "
                "CAST(? AS TIMESTAMP), ?, ?, ?)",
                [cid, key, channel, imp, status, solved, wait, talk, outcome],
            )
        if segment:
            cur.execute(
                "INSERT INTO imports (import_id, file_name, file_hash, profile, started_at) "
                "VALUES (5, 'gros.csv', 'h5', 'mes_gros_tickets', TIMESTAMP '2024-03-05 09:00')"
            )
            cur.executemany(
                "INSERT INTO import_columns VALUES (5, ?, ?, ?, 1.0, 'text')",
                [
                    (1, "Dossier", "source_key"),
                    (2, "Ouvert", "arrived_at"),
                    (3, "Etat", "status"),
                    (4, "Clos", "solved_at"),
                ],
            )
            cur.execute(
                "CREATE TABLE contacts_seg_5 AS SELECT * EXCLUDE (import_id, channel) FROM contacts_main WHERE false"
            )
            cur.execute(
                "INSERT INTO contacts_seg_5 (contact_id, source, source_key, direction, arrived_at, status) "
                "VALUES (8, 'generic', 'Z1', 'inbound', TIMESTAMP '2024-03-04 11:00', 'open')"
            )
            cur.execute(
                'INSERT INTO contact_segments VALUES (5, \'contacts_seg_5\', \'{"channel": ["phone", "VARCHAR"]}\', 1)'
            )
            contact_tables.rebuild_view(cur)
    monkeypatch.undo()


def test_a_ticket_list_mapped_by_hand_before_010_becomes_tickets_on_upgrade(tmp_path, monkeypatch):
    db = tmp_path / "old.duckdb"
    then = datetime(2024, 3, 5, 9, 0)
    imports = [(1, "mes_tickets", then), (2, "mes_appels", then), (3, "melange", then), (4, "rien", then)]
    _old_database(db, monkeypatch, "010", imports, ROWS, segment=True)
    with open_database(db) as s:
        got = s.cursor().execute("SELECT source_key, channel, record_kind FROM contacts ORDER BY contact_id")
        assert got.fetchall() == [
            ("T1", "phone", "ticket"),  # was a call after 010/012
            ("T2", "chat", "ticket"),  # was a chat
            ("T3", "email", "ticket"),
            ("C1", "phone", "call"),
            ("X1", "phone", "call"),  # a status and a talk time: the file does not say, its channel does
            ("M1", "phone", "call"),
            ("Z1", "phone", "ticket"),  # import 5, in its own table: its columns fed a status and a solved time
        ]
        engine = Engine(s)
        # the four tickets on the tickets' figures, the three phone calls (C1, X1, M1) on the calls'
        assert engine.compute(["volume"], Filters(kinds=("ticket",)))[0].value == 4
        assert engine.compute(["volume"], Filters(kinds=("call",)))[0].value == 3


def test_imports_made_since_010_keep_the_kind_their_mapping_said(tmp_path, monkeypatch):
    """A call log mapped in the dialog since 010 whose only extra column is a status
    stays calls: its mapping said so (the rows are not read again)."""
    db = tmp_path / "recent.duckdb"
    _old_database(db, monkeypatch, "010", [], [])  # made before 010, upgraded to 012 below
    upto = [m for m in MIGRATIONS if m[0] < "013"]
    monkeypatch.setattr("kpidesk.core.db.store.MIGRATIONS", upto)
    monkeypatch.setattr("kpidesk.core.db.store.known_names", lambda: [n for n, _ in upto])
    later = datetime.now() + timedelta(minutes=1)
    with open_database(db) as s, s.write() as cur:
        cur.execute(
            "INSERT INTO imports (import_id, file_name, file_hash, profile, started_at) "
            "VALUES (7, 'appels.csv', 'h7', 'mes_appels_statut', ?)",
            [later],
        )
        cur.execute(
            "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at, import_id, status, "
            "record_kind) VALUES (70, 'generic', 'P1', 'phone', TIMESTAMP '2024-03-04 10:00', 7, 'closed', 'call')"
        )
    monkeypatch.undo()
    with open_database(db) as s:
        assert s.cursor().execute("SELECT record_kind FROM contacts").fetchall() == [("call",)]


def test_a_profile_saved_before_kinds_reads_its_next_ticket_list_as_tickets(tmp_path):
    """A ticket list mapped and saved by the user before records had a kind (no
    record_kind in its TOML), its channel read from a column: the tickets opened by
    phone are tickets, not calls."""
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "mes_tickets.toml").write_text(
        'name = "mes_tickets"\nsource = "generic"\ntable = "contacts"\n'
        '[match]\nheaders = ["Dossier", "Ouvert le", "Canal", "Etat", "Clos le"]\n'
        '[fields]\nsource_key = "Dossier"\narrived_at = "Ouvert le"\nchannel = "Canal"\nstatus = "Etat"\n'
        'solved_at = "Clos le"\n',
        encoding="utf-8",
    )
    data = tmp_path / "tickets_mars.csv"
    data.write_text(
        "Dossier,Ouvert le,Canal,Etat,Clos le\n"
        "D1,2024-03-04 09:00:00,phone,solved,2024-03-04 11:00:00\n"
        "D2,2024-03-04 10:00:00,email,open,\n",
        encoding="utf-8",
    )
    with open_database(tmp_path / "k.duckdb") as store:
        report = import_file(store, data)
        assert report.profile == "mes_tickets" and report.loaded == 2
        got = store.cursor().execute("SELECT source_key, channel, record_kind FROM contacts ORDER BY 1").fetchall()
        assert got == [("D1", "phone", "ticket"), ("D2", "email", "ticket")]
