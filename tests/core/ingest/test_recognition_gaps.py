"""Gaps left in recognition (#12): an interval report without dates, a date-only
arrival, … Each on a small file written here; expected figures worked out by hand
from the rows below."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.errors import NoProfile
from kpidesk.core.ingest.period import Period, find, parse
from kpidesk.core.kpi.engine import Engine
from tests.helpers.files import kpis as _kpis
from tests.helpers.files import write_file as _write

# -- an interval report without dates -------------------------------------------------------
# Per rep, unlabelled intervals: 3 rows, 10+20+30 = 60 offered, 9+15+30 = 54 answered,
# ASA (9*10 + 15*20 + 30*2) / 54 = 450/54 = 8.33 s, talk (9*60 + 15*120 + 30*90) / 54 = 5040/54.
REPORT = (
    "Incoming Calls,Answered Calls,Answer Rate,Abandoned Calls,Answer Speed (AVG),Talk Duration (AVG),"
    "Service Level (20 Seconds),Sales Rep\n"
    "10,9,90.00%,1,00:00:10,00:01:00,80.00%,Rep01\n"
    "20,15,75.00%,5,00:00:20,00:02:00,50.00%,Rep02\n"
    "30,30,100.00%,0,00:00:02,00:01:30,100.00%,Rep01\n"
)


def test_interval_report_without_dates_asks_for_its_period(store, tmp_path):
    with pytest.raises(NoProfile) as exc:
        import_file(store, _write(tmp_path, "reps.csv", REPORT))
    message = str(exc.value)
    assert "Which period does it cover?" in message and "--period" in message
    assert store.table_count("interval_stats") == 0


def test_interval_report_with_the_period_given(store, tmp_path):
    report = import_file(store, _write(tmp_path, "reps.csv", REPORT), period=parse("2024-03"))
    assert (report.loaded, report.rejected, report.profile) == (3, 0, "generic_interval_report")
    rows = store.cursor().execute("SELECT DISTINCT interval_start, interval_s FROM interval_stats").fetchall()
    assert rows == [(datetime(2024, 3, 1), 31 * 86400)]
    v = _kpis(store, "offered", "answered", "answer_rate", "asa", "avg_talk", "out_of_hours_rate")
    assert (v["offered"].value, v["answered"].value) == (60, 54)
    assert v["answer_rate"].value == pytest.approx(54 / 60)
    assert v["asa"].value == pytest.approx(450 / 54)  # weighted by answered calls, not row by row
    assert v["avg_talk"].value == pytest.approx(5040 / 54)
    # a whole month has no hour of day: neither in nor out of hours
    assert v["out_of_hours_rate"].value is None and "time of arrival" in v["out_of_hours_rate"].reason
    # the same file for another month: other intervals, not duplicates
    again = import_file(store, _write(tmp_path, "reps.csv", REPORT), period=parse("2024-04"))
    assert (again.loaded, again.duplicate) == (3, 0)
    same = import_file(store, _write(tmp_path, "reps.csv", REPORT), period=parse("2024-04"))
    assert (same.loaded, same.duplicate) == (0, 3)


def test_interval_report_period_from_the_file_name(store, tmp_path):
    report = import_file(store, _write(tmp_path, "reps_2024-03-05.csv", REPORT))
    assert report.loaded == 3
    row = store.cursor().execute("SELECT DISTINCT interval_start, interval_s FROM interval_stats").fetchall()
    assert row == [(datetime(2024, 3, 5), 86400)]


def test_interval_report_period_from_a_french_preamble(store, tmp_path):
    text = (
        "Rapport par conseiller\nPériode : 01/03/2024 au 15/03/2024\n\n"
        "Appels reçus;Appels décrochés;Appels abandonnés;Téléconseiller\n"
        "10;9;1;Ana\n20;18;2;Bruno\n"
    )
    report = import_file(store, _write(tmp_path, "rapport.csv", text, "cp1252"))
    assert report.loaded == 2
    row = store.cursor().execute("SELECT DISTINCT interval_start, interval_s FROM interval_stats").fetchall()
    assert row == [(datetime(2024, 3, 1), 15 * 86400)]
    assert _kpis(store, "offered")["offered"].value == 30


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024-03-01", date(2024, 3, 1), date(2024, 3, 1)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-03-01..2024-03-31", date(2024, 3, 1), date(2024, 3, 31)),
        ("01/03/2024-15/03/2024", date(2024, 3, 1), date(2024, 3, 15)),
    ],
)
def test_period_written_by_hand(text, start, end):
    assert parse(text) == Period(start, end)


def test_not_a_period():
    with pytest.raises(ValueError):
        parse("last week")
    assert find("Call Center Data.csv") is None
    assert find("export_20240315.csv") == Period(date(2024, 3, 15), date(2024, 3, 15))


# -- a date-only arrival ----------------------------------------------------------------------
def test_date_only_arrivals_are_neither_in_nor_out_of_hours(store, tmp_path):
    # 3 tickets with a day only, 2 with their time (one at 03:00, out of the default hours)
    text = (
        "Ticket_ID,Channel,Created_Date,Status,Agent\n"
        "1,Email,2024-09-02,Open,A\n"
        "2,Email,2024-09-03,Open,A\n"
        "3,Chat,2024-09-04,Closed,B\n"
        "4,Chat,2024-09-04 03:00,Closed,B\n"
        "5,Chat,2024-09-04 10:00,Closed,B\n"
    )
    import_file(store, _write(tmp_path, "tickets.csv", text))
    v = _kpis(store, "out_of_hours_rate", "out_of_hours_volume", "volume")
    assert v["volume"].value == 5
    assert v["out_of_hours_rate"].value == pytest.approx(1 / 2)
    assert v["out_of_hours_rate"].n == 2 and v["out_of_hours_rate"].extras["time_unknown"] == 3


def test_only_date_only_arrivals_say_the_time_is_missing(store, tmp_path):
    text = "Ticket_ID,Channel,Created_Date,Status\n1,Email,2024-09-02,Open\n2,Email,2024-09-07,Open\n"
    import_file(store, _write(tmp_path, "tickets.csv", text))
    v = _kpis(store, "out_of_hours_rate")["out_of_hours_rate"]
    assert v.value is None and v.reason.startswith("missing input: the time of arrival")


# -- a Salesforce e-mail case report: its elapsed time is the first response -----------------
def test_salesforce_email_elapsed_hours_is_the_first_response_time(store, tmp_path):
    text = (
        "Status,Priority,Case Origin,Date/Time Opened,Milestone,Target Date,Completion Date,"
        "Target Response (Hours),Elapsed Time (Hours),Your Email Address\n"
        'Resolved,Priority 1,Contact Us,"21/04/2026, 17:58",1 Hour,"21/04/2026, 18:58","22/04/2026, 07:13",1,4.25,a\n'
        'Resolved,Priority 1,Email,"22/04/2026, 09:00",1 Hour,"22/04/2026, 10:00","22/04/2026, 09:30",1,0.5,b\n'
        'Resolved,Priority 1,Contact Us,"23/04/2026, 10:00",1 Hour,"23/04/2026, 11:00","23/04/2026, 10:45",1,0.75,c\n'
    )
    report = import_file(store, _write(tmp_path, "email.csv", text))
    assert report.loaded == 3
    fields = {c["column"]: c["field"] for c in report.to_dict()["columns"]}
    assert fields["Elapsed Time (Hours)"] == "first_response_s"
    rows = (
        store.cursor()
        .execute("SELECT channel, record_kind, first_response_s FROM contacts ORDER BY arrived_at")
        .fetchall()
    )
    # a "Contact Us" form is the web channel; every case is a ticket whatever its channel
    assert rows == [("web", "ticket", 4.25 * 3600), ("email", "ticket", 1800.0), ("web", "ticket", 2700.0)]
    v = Engine(store).compute(["response_sla", "first_response_time"], params={"response_sla_h": 1})
    by = {x.kpi: x.value for x in v}
    assert by["response_sla"] == pytest.approx(2 / 3)  # 0.5 h and 0.75 h within the hour
    assert by["first_response_time"] == pytest.approx(2700)  # the median of 0.5, 0.75, 4.25 h


def test_each_ticket_is_judged_against_its_own_response_target(store, tmp_path):
    """The export gives each case its target ("Target Response (Hours)": 1 h for
    priority 1, 8 h for priority 3): 0.5 h against 1 h met, 4.25 h against 1 h missed,
    6 h against 8 h met, 0.75 h against no target (the 24 h setting) met → 3 of 4,
    whatever the email SLA setting says for the cases that carry their own."""
    text = (
        "Status,Priority,Case Origin,Date/Time Opened,Target Response (Hours),Elapsed Time (Hours)\n"
        'Resolved,Priority 1,Email,"21/04/2026, 09:00",1,0.5\n'
        'Resolved,Priority 1,Email,"21/04/2026, 10:00",1,4.25\n'
        'Resolved,Priority 3,Email,"21/04/2026, 11:00",8,6\n'
        'Resolved,Priority 3,Email,"21/04/2026, 12:00",,0.75\n'
    )
    report = import_file(store, _write(tmp_path, "cases.csv", text))
    assert report.loaded == 4
    fields = {c["column"]: c["field"] for c in report.to_dict()["columns"]}
    assert fields["Target Response (Hours)"] == "response_target_s"
    e = Engine(store)
    assert e.compute(["response_sla"], params={"response_sla_h": 24})[0].value == pytest.approx(3 / 4)
    # a 0.5 h setting changes only the case without its own target (0.75 h: now missed)
    assert e.compute(["response_sla"], params={"response_sla_h": 0.5})[0].value == pytest.approx(2 / 4)


# -- a ticket set without a creation time (the Kaggle shape) -----------------------------------
def test_tickets_without_creation_time_are_dated_by_their_first_response(store, tmp_path):
    # "First Response Time" and "Time to Resolution" are timestamps; nothing says when
    # a ticket was created: 4 tickets, counted on their first-response day, CSAT of the
    # two closed ones (4 and 2: mean 3); no response or resolution time is made up.
    text = (
        "Ticket ID,Customer Email,Ticket Status,Ticket Priority,Ticket Channel,First Response Time,"
        "Time to Resolution,Customer Satisfaction Rating\n"
        "1,a@x.org,Closed,High,Email,2023-06-01 12:00:00,2023-06-01 10:00:00,4.0\n"
        "2,b@x.org,Open,Low,Chat,2023-06-01 03:00:00,,\n"
        "3,c@x.org,Closed,Low,Social media,2023-06-02 09:00:00,2023-06-02 18:00:00,2.0\n"
        "4,d@x.org,Pending Customer Response,Low,Phone,2023-06-02 22:00:00,,\n"
    )
    report = import_file(store, _write(tmp_path, "tickets.csv", text))
    assert (report.loaded, report.rejected) == (4, 0)
    assert any("No column says when each record was created" in w for w in report.warnings)
    rows = (
        store.cursor()
        .execute("SELECT channel, arrived_at, first_response_s, resolution_s FROM contacts ORDER BY source_key")
        .fetchall()
    )
    assert [r[0] for r in rows] == ["email", "chat", "social", "phone"]
    assert rows[0][1] == datetime(2023, 6, 1, 12) and all(r[2] is None and r[3] is None for r in rows)
    v = _kpis(store, "volume", "csat_mean", "out_of_hours_rate", "resolution_time")
    assert v["volume"].value == 4 and v["csat_mean"].value == pytest.approx(3.0)
    assert v["out_of_hours_rate"].value is None and v["out_of_hours_rate"].reason.startswith("missing input")
    assert v["resolution_time"].value is None
    # what those timestamps were read as: points in time, the first response's dating the tickets
    said = {c["column"]: (c["field"], c["rule"]) for c in report.to_dict()["columns"]}
    assert said["First Response Time"] == (
        "first_response_at",
        "date and time; dates the records (no creation time), no duration measured from it",
    )
    assert said["Time to Resolution"] == ("solved_at", "date and time; no duration measured from it (no creation time)")
    # first-response and resolution times: "missing input" and why, never blank or made up
    for lang, start in (
        ("en", "missing input: when tickets were created"),
        ("fr", "donnée manquante : l'heure de création"),
    ):
        got = {x.kpi: x for x in Engine(store, lang=lang).compute(["first_response_time", "resolution_time"])}
        for kpi in ("first_response_time", "resolution_time"):
            assert got[kpi].value is None and got[kpi].reason.startswith(start), (lang, kpi, got[kpi].reason)
    assert "first response" in Engine(store).compute(["first_response_time"])[0].reason
    assert "résolution" in Engine(store, lang="fr").compute(["resolution_time"])[0].reason


def test_a_ticket_list_without_first_response_column_says_no_data_not_no_creation_time(store, tmp_path):
    """The "no creation time" reason only where a time of response or resolution is given."""
    text = "Ticket ID,Created,Status\nT1,2024-03-04 09:00,Open\nT2,2024-03-04 10:00,Open\n"
    import_file(store, _write(tmp_path, "tickets.csv", text))
    v = _kpis(store, "first_response_time", "resolution_time")
    assert v["first_response_time"].reason == "no data" and v["resolution_time"].reason == "no data"


# -- a workbook mixing text dates and Excel serials in one column -------------------------------
def test_workbook_with_text_dates_and_serials_in_one_column(store, tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "calls.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    stamp = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    ws.write_row(0, 0, ["Call ID", "Date", "Agent", "Wait (s)", "Talk (s)"])
    ws.write_row(1, 0, ["C1", "2024-03-01 09:00", "Ana", 10, 100])  # ISO text
    ws.write_row(2, 0, ["C2"])
    ws.write_datetime(2, 1, datetime(2024, 3, 1, 10, 30), stamp)  # a date cell
    ws.write_row(2, 2, ["Ana", 20, 200])
    ws.write_row(3, 0, ["C3", "02/03/2024 11:00", "Bob", 30, 300])  # day-first text
    ws.write_row(4, 0, ["C4", 45353.5, "Bob", 40, 400])  # a serial: 2024-03-02 12:00
    wb.close()
    report = import_file(store, path)
    assert (report.loaded, report.rejected) == (4, 0)
    rows = store.cursor().execute("SELECT source_key, arrived_at FROM contacts ORDER BY 1").fetchall()
    assert rows == [
        ("C1", datetime(2024, 3, 1, 9)),
        ("C2", datetime(2024, 3, 1, 10, 30)),
        ("C3", datetime(2024, 3, 2, 11)),
        ("C4", datetime(2024, 3, 2, 12)),
    ]


def test_workbook_date_cells_without_time_are_date_only(store, tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "tickets.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["Ticket ID", "Created", "Status"])
    ws.write_row(1, 0, ["T1"])
    ws.write_datetime(1, 1, datetime(2024, 3, 1), day)  # read as "2024-03-01 00:00:00"
    ws.write(1, 2, "Open")
    ws.write_row(2, 0, ["T2", "2024-03-02", "Open"])
    ws.write_row(3, 0, ["T3", 45354, "Open"])  # a serial without a fraction: 2024-03-03
    wb.close()
    import_file(store, path)
    rows = store.cursor().execute("SELECT arrived_at, arrived_time_known FROM contacts ORDER BY 1").fetchall()
    assert rows == [(datetime(2024, 3, d), False) for d in (1, 2, 3)]
    v = _kpis(store, "out_of_hours_rate")["out_of_hours_rate"]
    assert v.value is None and v.extras["time_unknown"] == 3


# -- one PBX, two exports, no shared id: the same calls found by their times -------------------
def _phone(name, source):
    return {
        "name": name,
        "source": source,
        "table": "contacts",
        "fields": {
            "source_key": "id",
            "arrived_at": "t",
            "customer_id": {"column": "caller"},
            "queue": {"column": "queue"},
            "channel": {"value": "phone"},
        },
    }


def test_same_calls_of_two_exports_are_found_by_time_and_caller(store, tmp_path):
    queue_log = "id,t,caller,queue\nq1,2024-01-27 15:00:10,+33 6 12 34 56 78,Support\nq2,2024-01-27 15:05:00,0611111111,Support\n"
    # the CDR: its own ids; call 1 reached the PBX 8 s before it entered the queue, from
    # the same number written another way; call 3 is another caller at the same time
    cdr = "id,t,caller,queue\nc1,2024-01-27 15:00:02,0612345678,\nc3,2024-01-27 15:05:01,0622222222,\n"
    import_file(store, _write(tmp_path, "ql.csv", queue_log), profile=_phone("ql", "pbx_queue"))
    report = import_file(store, _write(tmp_path, "cdr.csv", cdr), profile=_phone("cdr", "pbx_cdr"))
    assert (report.loaded, report.duplicate) == (1, 1)
    assert any("same arrival time and caller or queue" in w for w in report.warnings)
    assert store.table_count("contacts") == 3


def test_calls_that_only_coincide_in_time_are_kept_and_said(store, tmp_path):
    a = "id,t,caller,queue\na1,2024-01-27 15:00:00,,\na2,2024-01-27 15:10:00,,\na3,2024-01-27 15:20:00,,\n"
    b = "id,t,caller,queue\nb1,2024-01-27 15:00:01,,\nb2,2024-01-27 15:10:01,,\nb3,2024-01-27 15:20:00,,\n"
    import_file(store, _write(tmp_path, "a.csv", a), profile=_phone("a", "sys_a"))
    report = import_file(store, _write(tmp_path, "b.csv", b), profile=_phone("b", "sys_b"))
    assert (report.loaded, report.duplicate) == (3, 0)
    assert any("they may be the same calls" in w for w in report.warnings)


# -- unknown files: headers outside the vocabulary, EN and FR, one per kind ---------------------
UNKNOWN = {
    "calls_en.csv": (
        "Call Reference,Date/Time Received,Answered By,Queue Wait (sec),Conversation Length (mm:ss),Caller Number\n"
        "CR-001,03/14/2024 09:15:22,Maria,35,04:12,+15551234567\n"
        "CR-002,03/14/2024 09:17:05,,80,,+15559876543\n"
        "CR-003,03/14/2024 13:40:00,Tom,12,10:30,+15550001111\n"
    ),
    "calls_fr.csv": (
        "Réf. appel;Reçu le;Traité par;Attente (sec);Durée conv. (mm:ss);N° client\n"
        "A1;14/03/2024 09:15;Marie;35;04:12;0612345678\n"
        "A2;14/03/2024 09:17;;80;;0698765432\n"
        "A3;15/03/2024 13:40;Tom;12;10:30;0600011111\n"
    ),
    "tickets_en.csv": (
        "Case #,Opened On,Assigned Engineer,Current State,Closed On,Severity\n"
        "1001,2024-03-14 09:15,Maria,Closed,2024-03-15 10:00,High\n"
        "1002,2024-03-14 11:00,Tom,Open,,Low\n"
        "1003,2024-03-15 08:30,Maria,Closed,2024-03-15 09:30,Low\n"
    ),
    "tickets_fr.csv": (
        "N° dossier;Ouvert le;Technicien affecté;État actuel;Clôturé le;Gravité\n"
        "D1;14/03/2024 09:15;Marie;Clos;15/03/2024 10:00;Haute\n"
        "D2;14/03/2024 11:00;Tom;Ouvert;;Basse\n"
        "D3;15/03/2024 08:30;Marie;Clos;15/03/2024 09:30;Basse\n"
    ),
    "chats_en.csv": (
        "Chat Ref,Began,Operator Name,Visitor Email,Finished,Messages\n"
        "CH1,2024-03-14 09:15:00,Maria,a@x.org,2024-03-14 09:25:00,12\n"
        "CH2,2024-03-14 09:20:00,Tom,b@x.org,2024-03-14 09:22:00,3\n"
        "CH3,2024-03-14 10:00:00,,c@x.org,2024-03-14 10:01:00,1\n"
    ),
    "chats_fr.csv": (
        "Réf. discussion;Commencée à;Opérateur;Courriel visiteur;Terminée à;Messages\n"
        "D1;14/03/2024 09:15;Marie;a@x.org;14/03/2024 09:25;12\n"
        "D2;14/03/2024 09:20;Tom;b@x.org;14/03/2024 09:22;3\n"
        "D3;14/03/2024 10:00;;c@x.org;14/03/2024 10:01;1\n"
    ),
    "presence_en.csv": (
        "Employee,Presence,Entered At,Left At\n"
        "Maria,Available,2024-03-14 08:00:00,2024-03-14 12:00:00\n"
        "Maria,Lunch,2024-03-14 12:00:00,2024-03-14 13:00:00\n"
        "Tom,Available,2024-03-14 09:00:00,2024-03-14 17:00:00\n"
    ),
    "presence_fr.csv": (
        "Collaborateur;Présence;Entrée;Sortie\n"
        "Marie;Disponible;14/03/2024 08:00;14/03/2024 12:00\n"
        "Marie;Repas;14/03/2024 12:00;14/03/2024 13:00\n"
        "Tom;Disponible;14/03/2024 09:00;14/03/2024 17:00\n"
    ),
    "answers_en.csv": (
        "Response No.,Submitted,How satisfied were you? (1-5),Comments\n"
        "R1,2024-03-14 09:30,5,Great\nR2,2024-03-14 10:30,2,Slow\nR3,2024-03-15 11:00,4,\n"
    ),
    "answers_fr.csv": (
        "N° réponse;Soumis le;Êtes-vous satisfait ? (1-5);Commentaires\n"
        "R1;14/03/2024 09:30;5;Super\nR2;14/03/2024 10:30;2;Lent\nR3;15/03/2024 11:00;4;\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unknown_call_logs(store, tmp_path, lang):
    import_file(store, _write(tmp_path, f"calls_{lang}.csv", UNKNOWN[f"calls_{lang}.csv"]))
    rows = (
        store.cursor().execute("SELECT channel, agent_id, wait_s, talk_s FROM contacts ORDER BY arrived_at").fetchall()
    )
    first = "Maria" if lang == "en" else "Marie"
    assert rows == [("phone", first, 35.0, 252.0), ("phone", None, 80.0, None), ("phone", "Tom", 12.0, 630.0)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unknown_ticket_lists(store, tmp_path, lang):
    import_file(store, _write(tmp_path, f"tickets_{lang}.csv", UNKNOWN[f"tickets_{lang}.csv"]))
    rows = store.cursor().execute("SELECT channel, resolution_s FROM contacts ORDER BY arrived_at").fetchall()
    # 09:15 → next day 10:00 = 24 h 45 min; open; 08:30 → 09:30 = 1 h
    assert rows == [("email", 89100.0), ("email", None), ("email", 3600.0)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unknown_chat_logs(store, tmp_path, lang):
    import_file(store, _write(tmp_path, f"chats_{lang}.csv", UNKNOWN[f"chats_{lang}.csv"]))
    rows = store.cursor().execute("SELECT channel, arrived_at, ended_at FROM contacts ORDER BY arrived_at").fetchall()
    assert [r[0] for r in rows] == ["chat"] * 3
    assert (rows[0][1], rows[0][2]) == (datetime(2024, 3, 14, 9, 15), datetime(2024, 3, 14, 9, 25))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unknown_presence_logs(store, tmp_path, lang):
    import_file(store, _write(tmp_path, f"presence_{lang}.csv", UNKNOWN[f"presence_{lang}.csv"]))
    rows = (
        store.cursor().execute("SELECT state, duration_s FROM agent_sessions ORDER BY agent_id, started_at").fetchall()
    )
    assert rows == [("logged_in", 14400.0), ("pause", 3600.0), ("logged_in", 28800.0)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unknown_survey_answers(store, tmp_path, lang):
    import_file(store, _write(tmp_path, f"answers_{lang}.csv", UNKNOWN[f"answers_{lang}.csv"]))
    rows = store.cursor().execute("SELECT survey_type, score, scale_max FROM surveys ORDER BY answered_at").fetchall()
    assert rows == [("csat", 5.0, 5.0), ("csat", 2.0, 5.0), ("csat", 4.0, 5.0)]


def test_survey_file_without_a_score_is_refused(store, tmp_path):
    text = "Response No.,Submitted,Comments\nR1,2024-03-14 09:30,Great\nR2,2024-03-14 10:30,Slow\n"
    with pytest.raises(NoProfile, match="score"):
        import_file(store, _write(tmp_path, "answers.csv", text))
    assert store.table_count("surveys") == 0


def test_date_only_arrivals_are_not_put_at_midnight_by_hour(store, tmp_path):
    # 2 tickets with a day only, 1 at 10:00: by hour of day, only the one at 10:00
    text = "Ticket_ID,Channel,Created_Date,Status\n1,Email,2024-09-02,Open\n2,Email,2024-09-03,Open\n3,Email,2024-09-03 10:00,Open\n"
    import_file(store, _write(tmp_path, "tickets.csv", text))
    for min_rows in (10**9, 0):  # read from the contacts, then from the rollups
        engine = Engine(store)
        engine.rollups.min_rows = min_rows
        by_hour = {v.group["hour_of_day"]: v.value for v in engine.compute(["volume"], by=["hour_of_day"])}
        assert by_hour == {10: 1}
        by_day = {str(v.group["day"]): v.value for v in engine.compute(["volume"], by=["day"])}
        assert by_day == {"2024-09-02": 1, "2024-09-03": 2}
    assert engine.rollups.builds  # the second pass did read the rollups
