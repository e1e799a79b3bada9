"""Never lose a row, never add one twice: counts, dedupe, transactions, file kinds."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import duckdb
import pytest

from kpidesk.core.ingest import ImportCancelled, ImportError_, import_batch, import_file
from kpidesk.core.jobs import Callbacks

CALLS = (
    "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"
    "C1,2024-03-01 08:00:00,Sales,ann,0601,answered,10,60\n"
    "C2,2024-03-01 08:05:00,Sales,,0602,abandoned,40,\n"
    "C3,2024-03-01 08:10:00,Support,bob,0601,answered,5,120\n"
)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_same_file_twice_adds_nothing(store, tmp_path):
    path = _write(tmp_path, "calls.csv", CALLS)
    first = import_file(store, path)
    second = import_file(store, path)
    assert (first.rows_read, first.loaded, first.duplicate, first.rejected) == (3, 3, 0, 0)
    assert (second.rows_read, second.loaded, second.duplicate, second.rejected) == (3, 0, 3, 0)
    assert store.table_count("contacts") == 3
    rows = (
        store.cursor()
        .execute(
            "SELECT import_id, file_hash, rows_read, rows_loaded, rows_duplicate, profile "
            "FROM imports ORDER BY import_id"
        )
        .fetchall()
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert rows == [(1, digest, 3, 3, 0, "generic_call_log"), (2, digest, 3, 0, 3, "generic_call_log")]


def test_overlapping_exports_add_each_contact_once(store, tmp_path):
    import_file(store, _write(tmp_path, "a.csv", CALLS))
    later = (
        CALLS.splitlines()[0]
        + "\n"
        + "\n".join(CALLS.splitlines()[2:])
        + "\nC4,2024-03-01 09:00:00,Sales,ann,0603,answered,3,30\n"
    )
    report = import_file(store, _write(tmp_path, "b.csv", later))
    assert (report.rows_read, report.loaded, report.duplicate) == (3, 1, 2)
    ids = store.cursor().execute("SELECT source_key, contact_id FROM contacts ORDER BY contact_id").fetchall()
    assert ids == [("C1", 1), ("C2", 2), ("C3", 3), ("C4", 4)]


def test_repeated_key_inside_one_file_keeps_the_first(store, tmp_path):
    # Same id, same arrival: the same call exported twice (the first occurrence wins).
    report = import_file(
        store, _write(tmp_path, "c.csv", CALLS + "C1,2024-03-01 08:00:00,Sales,zed,0601,answered,1,1\n")
    )
    assert (report.rows_read, report.loaded, report.duplicate) == (4, 3, 1)
    assert store.cursor().execute("SELECT agent_id FROM contacts WHERE source_key = 'C1'").fetchall() == [("ann",)]


def test_an_id_reused_on_another_day_is_another_call(store, tmp_path):
    # Same id, another arrival: the id is no key; the key becomes id + arrival time (#12).
    report = import_file(
        store, _write(tmp_path, "c.csv", CALLS + "C1,2024-03-02 08:00:00,Sales,zed,0601,answered,1,1\n")
    )
    assert (report.rows_read, report.loaded, report.duplicate) == (4, 4, 0)
    assert "arrived_at" in report.key
    agents = store.cursor().execute("SELECT agent_id FROM contacts WHERE source_key LIKE 'C1@%' ORDER BY 1")
    assert agents.fetchall() == [("ann",), ("zed",)]


def test_rejects_are_recorded_with_line_and_raw_text(store, tmp_path):
    report = import_file(store, _write(tmp_path, "r.csv", CALLS + "C9,,Sales,ann,0609,answered,1,1\n"))
    assert (report.rows_read, report.loaded, report.rejected) == (4, 3, 1)
    assert report.balanced()
    rows = store.cursor().execute("SELECT import_id, line, reason, raw FROM import_rejects").fetchall()
    assert rows == [(1, 5, "missing required field arrived_at", "C9,,Sales,ann,0609,answered,1,1")]


def test_cancel_rolls_back_everything(store, tmp_path):
    path = _write(tmp_path, "calls.csv", CALLS)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ImportCancelled):
        import_file(store, path, state=Callbacks(cancel=cancel))
    for table in ("contacts", "imports", "import_rejects", "agents"):
        assert store.table_count(table) == 0


def test_progress_is_reported_up_to_one(store, tmp_path):
    seen = []
    import_file(store, _write(tmp_path, "calls.csv", CALLS), state=Callbacks(lambda f, m: seen.append(f)))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_a_batch_reports_each_file(store, tmp_path):
    good = _write(tmp_path, "good.csv", CALLS)
    bad = _write(tmp_path, "bad.csv", "")
    reports = import_batch(store, [good, bad]).reports
    assert [r.ok for r in reports] == [True, False]
    assert "empty" in reports[1].message


def test_unknown_file_names_the_missing_fields(store, tmp_path):
    path = _write(tmp_path, "odd.csv", "foo,bar\n1,2\n")
    with pytest.raises(ImportError_, match="--profile"):
        import_file(store, path)


def test_xlsx_with_preamble_and_sheet_choice(store, tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "calls.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Notes")
    ws = wb.add_worksheet("Appels")
    when = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    dur = wb.add_format({"num_format": "[h]:mm:ss"})
    ws.write(0, 0, "Rapport des appels")
    ws.write_row(2, 0, ["ID appel", "Date", "Conseiller", "Durée", "Décroché"])
    ws.write(3, 0, "A1"), ws.write_datetime(3, 1, datetime(2024, 3, 1, 8, 30), when), ws.write(3, 2, "Jean")
    ws.write_number(3, 3, 200 / 86400, dur), ws.write(3, 4, "Oui")
    ws.write(4, 0, "A2"), ws.write_datetime(4, 1, datetime(2024, 3, 1, 9, 0), when), ws.write(4, 2, "Zoé")
    ws.write_number(4, 3, 0), ws.write(4, 4, "Non")
    wb.close()
    report = import_file(store, path)
    assert report.reader["sheet"] == "Appels" and report.reader["sheets"] == ["Notes", "Appels"]
    assert (report.rows_read, report.loaded) == (2, 2)
    rows = (
        store.cursor()
        .execute("SELECT source_key, arrived_at, agent_id, round(talk_s, 3), outcome FROM contacts ORDER BY 1")
        .fetchall()
    )
    assert rows == [
        ("A1", datetime(2024, 3, 1, 8, 30), "Jean", 200.0, "answered"),
        ("A2", datetime(2024, 3, 1, 9, 0), "Zoé", 0.0, "abandoned"),
    ]
    with pytest.raises(ImportError_, match="no sheet named"):
        import_file(store, path, sheet="Missing")


def test_parquet_json_and_ndjson(store, tmp_path):
    con = store.cursor()
    pq = tmp_path / "calls.parquet"
    duckdb.connect().execute(  # the store itself writes no file outside its staging folder
        f'COPY (SELECT \'P1\' AS "Call ID", TIMESTAMP \'2024-03-01 08:00:00\' AS "Date", 12.5 AS "Wait Time") '
        f"TO '{pq}' (FORMAT parquet)"
    )
    js = _write(
        tmp_path, "calls.json", json.dumps([{"Call ID": "J1", "Date": "2024-03-01 08:00:00", "Queue": "Sales"}])
    )
    nd = _write(
        tmp_path,
        "calls.ndjson",
        '{"Call ID": "N1", "Date": "2024-03-01 08:00:00"}\n{"Call ID": "N2", "Date": "2024-03-01 08:01:00"}\n',
    )
    profile = "generic_call_log"
    assert import_file(store, pq, profile=profile).loaded == 1
    assert import_file(store, js, profile=profile).loaded == 1
    assert import_file(store, nd, profile=profile).loaded == 2
    assert [r[0] for r in con.execute("SELECT source_key FROM contacts ORDER BY 1").fetchall()] == [
        "J1",
        "N1",
        "N2",
        "P1",
    ]
    assert con.execute("SELECT wait_s FROM contacts WHERE source_key = 'P1'").fetchone()[0] == 12.5


def test_interval_report_stores_counts_and_sums(store, tmp_path):
    path = _write(
        tmp_path,
        "daily.csv",
        "Date;Intervalle;Conseiller;Appels présentés;Décrochés;Abandons;DMA;DMC\n"
        "01/03/2024;08:00 - 08:30;Jean;10;8;2;00:00:15;00:03:00\n"
        "01/03/2024;08:30 - 09:00;Jean;4;4;0;20;120\n"
        "Total;;;14;12;2;;\n",
    )
    report = import_file(store, path)
    assert report.profile == "generic_interval_report"
    assert (report.rows_read, report.loaded, report.rejected, report.ignored) == (3, 2, 0, 1)  # the total line
    assert report.ignored_reasons == {"summary row (total), not a record": 1}
    rows = (
        store.cursor()
        .execute(
            "SELECT interval_start, interval_s, agent_id, offered, answered, abandoned, "
            "wait_answered_s, talk_s FROM interval_stats ORDER BY interval_start"
        )
        .fetchall()
    )
    # sums = average x count: 15 s x 8 = 120; 180 s x 8 = 1440; 20 x 4 = 80; 120 x 4 = 480
    assert rows == [
        (datetime(2024, 3, 1, 8, 0), 1800, "Jean", 10, 8, 2, 120.0, 1440.0),
        (datetime(2024, 3, 1, 8, 30), 1800, "Jean", 4, 4, 0, 80.0, 480.0),
    ]


def test_agent_sessions_duration_from_start_and_end(store, tmp_path):
    path = _write(
        tmp_path,
        "presence.csv",
        "Agent,Status,Start,End,Reason\n"
        "ann,Login,2024-03-01 08:00:00,2024-03-01 12:00:00,\n"
        "ann,Break,2024-03-01 10:00:00,2024-03-01 10:15:00,Coffee\n",
    )
    report = import_file(store, path)
    assert report.profile == "generic_agent_sessions"
    rows = (
        store.cursor()
        .execute("SELECT agent_id, state, reason, duration_s FROM agent_sessions ORDER BY started_at")
        .fetchall()
    )
    assert rows == [("ann", "logged_in", None, 14400.0), ("ann", "pause", "Coffee", 900.0)]


def test_ticket_list_and_chat_profiles(store, tmp_path):
    tickets = _write(
        tmp_path,
        "tickets.csv",
        "Ticket ID,Created,Channel,Status,Agent,first_response_minutes,Resolved time\n"
        "T1,2024-03-01 08:00:00,E-mail,Closed,ann,30,2024-03-01 12:00:00\n",
    )
    chats = _write(
        tmp_path,
        "chats.csv",
        "Conversation ID,Started at,Channel,Outcome,Bot response time\n"
        "K1,2024-03-01 08:00:00,Chatbot,Resolved by bot,2\nK2,2024-03-01 08:05:00,Chatbot,Escalated,3\n",
    )
    assert import_file(store, tickets).profile == "generic_ticket_list"
    assert import_file(store, chats).profile == "generic_chat_conversations"
    rows = (
        store.cursor()
        .execute(
            "SELECT source_key, channel, outcome, first_response_s, solved_at, bot_response_s FROM contacts ORDER BY 1"
        )
        .fetchall()
    )
    assert rows == [
        ("K1", "bot", "contained", None, None, 2.0),
        ("K2", "bot", "handoff", None, None, 3.0),
        ("T1", "email", None, 1800.0, datetime(2024, 3, 1, 12), None),
    ]
