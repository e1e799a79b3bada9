"""Real exports right on first sight (#12): each bad case of the issue on a small file
written here, in English and in French. Expected figures are worked out by hand from
the rows below."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import ImportError_, import_file
from kpidesk.core.ingest.errors import NoProfile
from kpidesk.core.ingest.headers import read
from tests.helpers.files import write_file as _write


def _one(store, sql, params=None):
    return store.cursor().execute(sql, params or {}).fetchone()


# -- headers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "name", "unit", "hint"),
    [
        ("Wait time (sec)", "wait time", "seconds", None),
        ("Durée (mn)", "duree", "minutes", None),
        ("Talk [hh:mm:ss]", "talk", None, "clock"),
        ("Abandoned? (Y/N)", "abandoned", None, "bool"),
        ("Décroché (oui/non)", "decroche", None, "bool"),
        ("Speed of answer in seconds", "speed of answer", "seconds", None),
        ("First_Response_Time_Hours", "first response time", "hours", None),
        ("Durée en minutes", "duree", "minutes", None),
        ("Taux de service %", "taux de service", None, "percent"),
        ("Heure", "heure", None, None),
    ],
)
def test_header_name_and_hints(header, name, unit, hint):
    h = read(header)
    assert (h.name, h.unit, h.hint) == (name, unit, hint)


def test_camel_case_and_average_are_read():
    h = read("AvgTalkDuration")
    assert (h.name, h.aggregate) == ("talk duration", "avg")


# -- a call log whose columns carry hints (EN) ----------------------------------------------
CALLS_EN = (
    "Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,"
    "Satisfaction rating\n"
    "ID1,Diane,2021-01-01,09:12:58,Billing,Y,Y,109,00:02:23,3\n"
    "ID2,Becky,2021-01-01,09:12:58,Billing,Y,N,71,00:04:02,5\n"
    "ID3,Jim,2021-01-02,14:00:00,Streaming,N,N,,,\n"
    "ID4,Jim,2021-01-02,15:30:00,Streaming,Y,Y,20,00:01:00,4\n"
)


def test_call_log_with_hinted_headers_loads_every_column(store, tmp_path):
    report = import_file(store, _write(tmp_path, "calls.csv", CALLS_EN))
    assert report.profile == "generic_call_log"
    assert (report.rows_read, report.loaded, report.rejected) == (4, 4, 0)
    rows = (
        store.cursor()
        .execute(
            "SELECT source_key, arrived_at::VARCHAR, outcome, wait_s, talk_s, resolved FROM contacts ORDER BY source_key"
        )
        .fetchall()
    )
    assert rows == [
        ("ID1", "2021-01-01 09:12:58", "answered", 109.0, 143.0, True),
        ("ID2", "2021-01-01 09:12:58", "answered", 71.0, 242.0, False),
        ("ID3", "2021-01-02 14:00:00", "abandoned", None, None, False),
        ("ID4", "2021-01-02 15:30:00", "answered", 20.0, 60.0, True),
    ]
    # Every column is accounted for, each with the field it feeds.
    fed = {c["column"]: c["field"] for c in report.columns}
    assert fed["Answered (Y/N)"] == "outcome"
    assert fed["Speed of answer in seconds"] == "wait_s"
    assert fed["AvgTalkDuration"] == "talk_s"
    assert fed["Satisfaction rating"].startswith("surveys.score")
    assert len(report.columns) == 10
    assert report.key == "Call Id"


def test_call_log_satisfaction_yields_linked_survey_answers(store, tmp_path):
    report = import_file(store, _write(tmp_path, "calls.csv", CALLS_EN))
    from kpidesk.core.db import derive

    derive.catch_up(store)
    assert report.tables["surveys"] == 3  # ID3 has no score: not an answer
    rows = (
        store.cursor()
        .execute(
            "SELECT s.score, s.survey_type, s.scale_max, c.source_key FROM surveys s "
            "JOIN contacts c USING (contact_id) ORDER BY c.source_key"
        )
        .fetchall()
    )
    assert rows == [(3.0, "csat", 5.0, "ID1"), (5.0, "csat", 5.0, "ID2"), (4.0, "csat", 5.0, "ID4")]


# -- a French call log: cp1252, preamble, ';', decimal comma, Satisfaction ---------------------
CALLS_FR = (
    "Rapport des appels\n"
    "Période : janvier 2024\n"
    "\n"
    "N° appel;Date appel;Heure;Conseiller;Décroché (O/N);Attente (s);Durée de conversation (mn);Satisfaction\n"
    "A1;03/01/2024;08:15;Émilie;O;12,5;2,5;4\n"
    "A2;03/01/2024;18:40;Émilie;N;95;;\n"
    "A3;13/01/2024;10:05;Noël;O;3;1,0;5\n"
)


def test_french_call_log_is_a_call_log_not_a_survey_file(store, tmp_path):
    report = import_file(store, _write(tmp_path, "appels.csv", CALLS_FR, "cp1252"))
    assert report.profile == "generic_call_log"
    assert report.tables == {"contacts": 3, "surveys": 2}
    rows = (
        store.cursor()
        .execute("SELECT arrived_at::VARCHAR, agent_id, outcome, wait_s, talk_s FROM contacts ORDER BY arrived_at")
        .fetchall()
    )
    # Date and time in two columns: each call at its own time (never 00:00).
    assert rows == [
        ("2024-01-03 08:15:00", "Émilie", "answered", 12.5, 150.0),
        ("2024-01-03 18:40:00", "Émilie", "abandoned", 95.0, None),
        ("2024-01-13 10:05:00", "Noël", "answered", 3.0, 60.0),
    ]


def test_french_flags_and_outcome_words(store, tmp_path):
    text = (
        "Identifiant appel;Date/heure d'arrivée;Téléconseiller;Résultat;Transféré\n"
        "1;2024-02-01 09:00;Léa;Traité;VRAI\n"
        "2;2024-02-01 09:05;;Perdu;FAUX\n"
        "3;2024-02-01 09:10;;Débordé;FAUX\n"
    )
    report = import_file(store, _write(tmp_path, "journal.csv", text))
    assert report.rejected == 0
    rows = (
        store.cursor().execute("SELECT source_key, agent_id, outcome, transferred FROM contacts ORDER BY 1").fetchall()
    )
    assert rows == [("1", "Léa", "answered", True), ("2", None, "abandoned", False), ("3", None, "flowout", False)]


def test_agents_under_other_names(store, tmp_path):
    for i, header in enumerate(["Rep", "Served by", "Téléconseiller"]):
        text = f"Call ID,Start time,{header},Outcome\nK{i},2024-02-01 09:00,zoe,answered\n"
        import_file(store, _write(tmp_path, f"c{i}.csv", text))
    assert store.cursor().execute("SELECT DISTINCT agent_id FROM contacts").fetchall() == [("zoe",)]


def test_wrap_up_code_is_not_a_wrap_time(store, tmp_path):
    text = (
        "Call ID,Start time,Outcome,Wrap-up,Talk time\n"
        "W1,2024-02-01 09:00,answered,SALE,60\n"
        "W2,2024-02-01 09:10,answered,INFO,30\n"
    )
    report = import_file(store, _write(tmp_path, "wrap.csv", text))
    assert (report.loaded, report.rejected) == (2, 0)  # the codes are not read as durations
    assert _one(store, "SELECT count(wrap_s), sum(talk_s) FROM contacts") == (0, 90.0)
    assert "values do not fit wrap_s" in {c["column"]: c["rule"] for c in report.columns}["Wrap-up"]


# -- tickets with a CSAT column ------------------------------------------------------------
TICKETS_EN = (
    "Ticket ID,Created time,Status,Channel,Assigned_Agent,First_Response_Time_Hours,CSAT_Score\n"
    "T1,2024-01-01 10:00,Closed,Email,a1,2.5,4\n"
    "T2,2024-01-02 11:00,Open,Email,a2,1,\n"
    "T3,2024-01-03 12:00,Closed,Email,a1,0.5,2\n"
)


def test_ticket_export_with_csat_is_a_ticket_list_with_linked_answers(store, tmp_path):
    other = "Ticket ID,Created time,Status\nT1,2023-05-05 10:00,Closed\n"
    import_file(store, _write(tmp_path, "other.csv", other), profile={"name": "older", **_ticket_profile("helpdesk2")})
    report = import_file(store, _write(tmp_path, "tickets.csv", TICKETS_EN))
    from kpidesk.core.db import derive

    derive.catch_up(store)
    assert report.profile == "generic_ticket_list"
    assert report.tables == {"contacts": 3, "surveys": 2}
    assert _one(store, "SELECT sum(first_response_s) FROM contacts WHERE source = 'generic_tickets'") == (
        (2.5 + 1 + 0.5) * 3600,
    )
    # Each score rates the ticket of this export, never the other system's T1.
    rows = (
        store.cursor()
        .execute("SELECT c.source, c.source_key, s.score FROM surveys s JOIN contacts c USING (contact_id) ORDER BY 2")
        .fetchall()
    )
    assert rows == [("generic_tickets", "T1", 4.0), ("generic_tickets", "T3", 2.0)]


def _ticket_profile(source):
    return {
        "source": source,
        "table": "contacts",
        "fields": {
            "source_key": "Ticket ID",
            "arrived_at": "Created time",
            "status": "Status",
            "channel": {"value": "email"},
        },
    }


def test_ticket_durations_from_two_timestamps(store, tmp_path):
    text = (
        "N° de ticket;Date de création;Première réponse;Date de résolution\n"
        "1;2024-03-01 09:00;2024-03-01 09:30;2024-03-01 12:00\n"
        "2;2024-03-01 10:00;;\n"
    )
    import_file(
        store,
        _write(tmp_path, "tickets_fr.csv", text),
        profile={
            "name": "t",
            "table": "contacts",
            "fields": {
                "source_key": "N° de ticket",
                "arrived_at": "Date de création",
                "first_response_at": "Première réponse",
                "solved_at": "Date de résolution",
                "channel": {"value": "email"},
            },
        },
    )
    rows = store.cursor().execute("SELECT first_response_s, resolution_s FROM contacts ORDER BY source_key").fetchall()
    assert rows == [(1800.0, 10800.0), (None, None)]


def test_ticket_list_without_creation_date_is_refused_with_both_readings(store, tmp_path):
    text = (
        "Ticket ID,Customer Email,Ticket Status,Ticket Priority,Ticket Channel,Ticket Subject,Product Purchased,"
        "Customer Satisfaction Rating\n"
        "1,a@example.com,Closed,High,Email,Refund,TV,4\n"
        "2,b@example.com,Open,Low,Chat,Login,Phone,\n"
    )
    with pytest.raises(NoProfile) as exc:
        import_file(store, _write(tmp_path, "tickets.csv", text))
    message = str(exc.value)
    assert "Ticket list" in message and "arrived_at" in message and "survey" in message
    assert store.table_count("surveys") == 0 and store.table_count("contacts") == 0


# -- dates and keys --------------------------------------------------------------------------
def test_compact_dates_and_ids_reused_across_days(store, tmp_path):
    # The bank's call records: YYMMDD dates, call_id numbered again every day.
    text = (
        "call_id,date,vru_entry,outcome,q_time,ser_time\n"
        "1,990201,08:00:01,AGENT,10,100\n"
        "2,990201,08:01:00,HANG,40,0\n"
        "1,990202,09:00:00,AGENT,5,50\n"
        "2,990202,09:30:00,AGENT,7,70\n"
        "2,990202,09:30:00,AGENT,7,70\n"
    )
    profile = {
        "name": "bank",
        "table": "contacts",
        "fields": {
            "source_key": "call_id",
            "arrived_at": {"date": "date", "time": "vru_entry"},
            "outcome": {"column": "outcome", "map": {"AGENT": "answered", "HANG": "abandoned"}},
            "wait_s": "q_time",
            "talk_s": "ser_time",
            "channel": {"value": "phone"},
        },
    }
    report = import_file(store, _write(tmp_path, "bank.csv", text), profile=profile)
    # Four calls (the last line repeats the fourth: same id, same time).
    assert (report.rows_read, report.loaded, report.duplicate, report.rejected) == (5, 4, 1, 0)
    assert "arrived_at" in report.key
    days = store.cursor().execute("SELECT arrived_at::DATE::VARCHAR, count(*) FROM contacts GROUP BY 1 ORDER BY 1")
    assert days.fetchall() == [("1999-02-01", 2), ("1999-02-02", 2)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20240131", "2024-01-31 00:00:00"),
        ("20240131143000", "2024-01-31 14:30:00"),
        ("31.01.2024", "2024-01-31 00:00:00"),
    ],
)
def test_more_date_shapes(store, tmp_path, value, expected):
    text = f"Call ID,Start time,Agent,Outcome,Wait time\nX,{value},ann,answered,5\n"
    import_file(store, _write(tmp_path, "d.csv", text))
    assert _one(store, "SELECT arrived_at::VARCHAR FROM contacts") == (expected,)


def test_user_profile_with_ymd_date_order_does_not_crash(store, tmp_path):
    profile = {
        "name": "mine",
        "table": "contacts",
        "parse": {"date_order": "ymd"},
        "fields": {"source_key": "Id", "arrived_at": "Quand", "channel": {"value": "phone"}},
    }
    report = import_file(store, _write(tmp_path, "y.csv", "Id,Quand\n1,2024/03/05 10:00\n"), profile=profile)
    assert report.loaded == 1
    assert _one(store, "SELECT arrived_at::VARCHAR FROM contacts") == ("2024-03-05 10:00:00",)


# -- accounting -----------------------------------------------------------------------------
def test_every_row_rejected_is_a_failed_import(store, tmp_path):
    text = "Call ID,Start time,Agent,Outcome,Wait time\n1,not a date,ann,answered,5\n2,garbage,ann,answered,6\n"
    with pytest.raises(ImportError_, match="every row was rejected"):
        import_file(store, _write(tmp_path, "bad.csv", text))
    assert store.table_count("contacts") == 0
    assert _one(store, "SELECT count(*) FROM imports") == (0,)


def test_many_rejects_warn_with_the_first_reasons(store, tmp_path):
    good = "".join(f"G{i},2024-01-01 09:{i:02d},ann,answered,5\n" for i in range(10))
    text = "Call ID,Start time,Agent,Outcome,Wait time\n" + good + "B1,31/31/2024,ann,answered,5\n"
    report = import_file(store, _write(tmp_path, "some.csv", text))
    assert (report.loaded, report.rejected) == (10, 1)
    assert report.warnings and "1 of 11 rows rejected" in report.warnings[0]
    assert "cannot read the date" in report.warnings[0]


def test_cdr_internal_calls_are_ignored_with_their_reason(store, tmp_path):
    head = (
        "calldate,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,uniqueid,linkedid\n"
    )
    rows = "".join(
        f"2024-01-01 09:{i:02d}:00,20{i},30{i},internal,PJSIP/20{i}-1,PJSIP/30{i}-1,Dial,PJSIP/30{i},20,15,ANSWERED,"
        f"17000000{i}.1,17000000{i}.1\n"
        for i in range(4)
    )
    report = import_file(store, _write(tmp_path, "cdr.csv", head + rows))
    assert (report.rows_read, report.loaded, report.ignored) == (4, 0, 4) or report.loaded == 0
    assert report.ignored_reasons == {
        "internal call between extensions (no customer number): not a customer contact": 4
    }
    assert sum(report.ignored_reasons.values()) == report.ignored


def test_headerless_asterisk_master_csv_is_recognised_by_its_values(store, tmp_path):
    line = (
        '"","89245555937","211474","from-pstn","""Bob"" <89245555937>","SIP/trunk-0000000{i}","SIP/211474-0{i}",'
        '"Dial","SIP/211474","2024-01-27 15:0{i}:24","2024-01-27 15:0{i}:30","2024-01-27 15:0{i}:51",27,21,'
        '"ANSWERED","DOCUMENTATION","1706368044.{i}","","","1706368044.{i}",{i}\n'
    )
    report = import_file(store, _write(tmp_path, "Master.csv", "".join(line.format(i=i) for i in range(3))))
    assert report.profile == "asterisk_cdr"
    assert report.loaded == 3


# -- two exports of one PBX -----------------------------------------------------------------
def test_queue_log_and_cdr_of_one_pbx_count_each_call_once(store, tmp_path):
    profile_a = {
        "name": "ql",
        "source": "pbx_queue",
        "table": "contacts",
        "fields": {"source_key": "callid", "arrived_at": "time", "channel": {"value": "phone"}},
    }
    profile_b = {**profile_a, "name": "cdr", "source": "pbx_cdr"}
    a = "callid,time\n1706368044.1:Support,2024-01-27 15:00:00\n1706368044.2:Support,2024-01-27 15:01:00\n"
    b = "callid,time\n1706368044.1,2024-01-27 10:00:00\n1706368044.2,2024-01-27 10:01:00\n1706368044.3,2024-01-27 10:02:00\n"
    import_file(store, _write(tmp_path, "queue_log.csv", a), profile=profile_a)
    report = import_file(store, _write(tmp_path, "cdr.csv", b), profile=profile_b)
    assert (report.rows_read, report.loaded, report.duplicate) == (3, 1, 2)
    assert report.balanced()
    assert "already imported from pbx_queue" in report.warnings[0]
    assert store.table_count("contacts") == 3


def test_short_ids_of_two_systems_are_not_taken_for_the_same_calls(store, tmp_path):
    base = {"table": "contacts", "fields": {"source_key": "id", "arrived_at": "t", "channel": {"value": "phone"}}}
    text = "id,t\n1,2024-01-27 15:00:00\n2,2024-01-27 15:01:00\n"
    import_file(store, _write(tmp_path, "a.csv", text), profile={"name": "a", "source": "sys_a", **base})
    report = import_file(store, _write(tmp_path, "b.csv", text), profile={"name": "b", "source": "sys_b", **base})
    assert (report.loaded, report.duplicate) == (2, 0)


# -- files outside the vocabulary ---------------------------------------------------------------
def test_unknown_headers_are_matched_by_meaning_and_values(tmp_path):
    from kpidesk.core.ingest import propose_mapping

    text = (
        "Numero d'appel;Date et heure;Agent en charge;Abandonné ? (O/N);Temps d'attente en secondes;Duree comm (mn)\n"
        "X1;2024-02-01 09:00:00;léa;N;12;2\n"
        "X2;2024-02-01 09:05:00;;O;50;\n"
    )
    prop = propose_mapping(_write(tmp_path, "x.csv", text))
    assert prop.table == "contacts"
    assert prop.fields["wait_s"].column == "Temps d'attente en secondes"
    assert prop.fields["outcome"].map["o"] == "abandoned"  # yes means abandoned here


def test_interval_report_without_a_period_is_refused_with_the_question(store, tmp_path):
    text = "Incoming Calls,Answered Calls,Abandoned Calls,Talk Duration (AVG),Sales Rep\n10,8,2,00:02:00,Rep01\n"
    with pytest.raises(NoProfile) as exc:
        import_file(store, _write(tmp_path, "per_rep.csv", text))
    assert "interval_start" in str(exc.value) and "the period each row covers" in str(exc.value)
    assert "interval_stats" in str(exc.value)


def test_french_interval_report_without_a_period_is_refused(store, tmp_path):
    text = "Appels reçus;Appels décrochés;Appels abandonnés;Conseiller\n10;8;2;Léa\n"
    with pytest.raises(NoProfile, match="interval_start"):
        import_file(store, _write(tmp_path, "par_conseiller.csv", text))


# -- event logs -------------------------------------------------------------------------------
def test_ticket_event_log_is_rebuilt_into_tickets(store, tmp_path):
    text = (
        "Case ID,Timestamp,Activity,Resource\n"
        "T1,2024-03-01 09:00:00,Create ticket,system\n"
        "T1,2024-03-01 09:30:00,Assign,ann\n"
        "T1,2024-03-01 10:00:00,Reply to customer,ann\n"
        "T1,2024-03-01 12:00:00,Resolve,ann\n"
        "T2,2024-03-01 10:00:00,Create ticket,system\n"
        "T2,2024-03-02 10:00:00,Reply to customer,bob\n"
        "T2,2024-03-02 11:00:00,Close,bob\n"
        "T2,2024-03-03 11:00:00,Reopen,bob\n"
        ",2024-03-03 11:00:00,Reopen,bob\n"
    )
    report = import_file(store, _write(tmp_path, "events.csv", text))
    assert report.profile == "generic_event_log"
    assert (report.rows_read, report.loaded, report.ignored, report.rejected) == (9, 2, 6, 1)
    assert report.ignored_reasons == {"event folded into its ticket (the ticket is rebuilt from its events)": 6}
    rows = (
        store.cursor()
        .execute(
            "SELECT source_key, first_response_s, resolution_s, status, reopened, agent_id FROM contacts ORDER BY 1"
        )
        .fetchall()
    )
    assert rows == [("T1", 3600.0, 10800.0, "solved", False, "ann"), ("T2", 86400.0, 90000.0, "open", True, "bob")]


def test_french_event_log(store, tmp_path):
    text = (
        "Numéro de dossier;Horodatage;Activité;Ressource\n"
        "D1;01/03/2024 09:00;Ouverture;systeme\n"
        "D1;01/03/2024 09:45;Réponse au client;léa\n"
        "D1;13/03/2024 09:00;Clôture;léa\n"
    )
    report = import_file(store, _write(tmp_path, "evenements.csv", text))
    assert (report.profile, report.loaded, report.ignored) == ("generic_event_log", 1, 2)
    assert _one(store, "SELECT arrived_at::VARCHAR, first_response_s, resolution_s, agent_id FROM contacts") == (
        "2024-03-01 09:00:00",
        2700.0,
        12 * 86400.0,
        "léa",
    )
