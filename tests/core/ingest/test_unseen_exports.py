"""Exports written the way systems nobody here has seen write them (#12): headers
outside every profile's lists, abbreviations, scores beside the contact, a survey with
two questions. Each is read right, or refused: never loaded half-read. Expected figures
worked out by hand from the rows below."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.decide import shape, timestamp_rule
from kpidesk.core.ingest.errors import NoProfile
from tests.helpers.files import kpis as _kpis
from tests.helpers.files import write_file as _write


def _columns(report):
    return {c["column"]: c["field"] for c in report.to_dict()["columns"]}


# A French call log: cp1252, a preamble, ";", talk time in minutes with a decimal comma
# under an abbreviated header, the outcome in words (Dissuadé: turned away by the
# saturation message, a flow-out), a customer's score per call under "Note client".
# 6 calls: 3 answered (talk 2.5 + 4 + 6 min = 12.5 min → avg 250 s), 2 abandoned
# (waits 90 and 30 s), 1 dissuaded; answered waits 10, 20, 30 → ASA 20 s; 2 scores (5, 2).
FR_CALLS = (
    "Extraction du 02/11/2026 - Centre d'appels Nantes\r\n"
    "\r\n"
    "Date d'appel;Heure d'appel;File;Attente (s);Durée comm. (mn);Téléconseiller;Résultat;Note client\r\n"
    "01/10/2026;09:05;Facturation;10;2,5;Émilie Durand;Répondu;5\r\n"
    "01/10/2026;09:40;Facturation;20;4;José Martin;Répondu;\r\n"
    "01/10/2026;10:15;Facturation;30;6;Émilie Durand;Répondu;2\r\n"
    "02/10/2026;11:00;Facturation;90;;;Abandonné;\r\n"
    "02/10/2026;11:30;Facturation;30;;;Abandonné;\r\n"
    "02/10/2026;14:00;Facturation;0;;;Dissuadé;\r\n"
)


def test_a_french_call_log_outside_the_vocabulary_is_read_whole(store, tmp_path):
    report = import_file(store, _write(tmp_path, "appels_nantes.csv", FR_CALLS, "cp1252"))
    columns = _columns(report)
    assert columns["Durée comm. (mn)"] == "talk_s"  # "comm." abbreviates "communication"
    assert columns["Note client"] == "surveys.score (csat)"  # a score, not the customer
    assert columns["Résultat"] == "outcome"
    assert (report.loaded, report.rejected) == (6, 0)
    v = _kpis(store, "offered", "answered", "abandon_rate", "flowouts", "asa", "avg_talk", "csat")
    assert (v["offered"].value, v["answered"].value, v["flowouts"].value) == (6, 3, 1)
    assert v["abandon_rate"].value == pytest.approx(2 / 6)
    assert v["asa"].value == pytest.approx(20.0)
    assert v["avg_talk"].value == pytest.approx(250.0)
    assert v["csat"].n == 2  # two answers, linked to their calls
    linked = (
        store.cursor()
        .execute("SELECT count(*) FROM surveys s JOIN contacts c ON c.contact_id = s.contact_id")
        .fetchone()
    )
    assert linked == (2,)


# A ticket list: the generic ticket profile knows "Ticket #", "Opened" and "Owner", not
# "First Reply", "Closed" or "State": the vocabulary completes it. First replies after
# 1 h and 3 h → median first response 2 h; one ticket closed 10 h after it opened.
EN_TICKETS = (
    "Ticket #,Opened,First Reply,Closed,Owner,State\n"
    "T-1000,10/01/2026 08:00 AM,10/01/2026 09:00 AM,10/01/2026 06:00 PM,ann,Closed\n"
    "T-1001,10/01/2026 01:00 PM,10/01/2026 04:00 PM,,bob,Waiting on customer\n"
)


def test_a_generic_ticket_profile_is_completed_by_the_vocabulary(store, tmp_path):
    report = import_file(store, _write(tmp_path, "tickets.csv", EN_TICKETS))
    columns = _columns(report)
    assert report.profile == "generic_ticket_list"
    assert (columns["First Reply"], columns["Closed"], columns["State"]) == (
        "first_response_at",
        "solved_at",
        "status",
    )
    v = _kpis(store, "first_response_time", "resolution_time")
    assert v["first_response_time"].value == pytest.approx(2 * 3600)
    assert v["resolution_time"].value == pytest.approx(10 * 3600)


# A survey export with two questions per answer, linked to cases by "Case Number":
# CSAT 2 of 3 satisfied (4, 5 on 1–5); NPS one promoter (9), one detractor (3), one
# passive (8) → 0.
SURVEY = (
    "Response Date\tCase Number\tHow likely are you to recommend us? (0-10)\tOverall satisfaction (1-5)\tComments\n"
    "2026-10-01 10:00\tT-1000\t9\t5\tgreat\n"
    "2026-10-01 11:00\tT-1001\t3\t2\tslow\n"
    "2026-10-02 09:30\tT-1002\t8\t4\t\n"
)


def test_a_survey_with_two_questions_loads_both_linked_to_their_cases(store, tmp_path):
    report = import_file(store, _write(tmp_path, "survey.tsv", SURVEY))
    columns = _columns(report)
    assert columns["Case Number"] == "contact_ref"
    assert columns["How likely are you to recommend us? (0-10)"] == "surveys.score (nps)"
    assert store.table_count("contacts") == 0  # answers, not 3 contacts with a date
    rows = (
        store.cursor()
        .execute("SELECT survey_type, count(*), count(DISTINCT contact_ref) FROM surveys GROUP BY 1 ORDER BY 1")
        .fetchall()
    )
    assert rows == [("csat", 3, 3), ("nps", 3, 3)]
    v = _kpis(store, "csat", "nps")
    assert v["csat"].value == pytest.approx(200 / 3)
    assert v["nps"].value == pytest.approx(0.0)


def test_a_file_read_as_nothing_but_dates_is_refused(store, tmp_path):
    text = "When\tCase Number\tRemarks\n2026-10-01 10:00\tT-1\tok\n2026-10-01 11:00\tT-2\tslow\n"
    with pytest.raises(NoProfile) as exc:
        import_file(store, _write(tmp_path, "what.tsv", text))
    assert "cannot be imported" in str(exc.value)  # was: 2 "contacts" with a date each
    assert store.table_count("contacts") == 0 and store.table_count("surveys") == 0


def test_ticket_numbers_ending_in_digits_are_no_zoned_timestamps():
    assert shape(["T-1000", "T-1001", "T-1002"])[0] == "text"
    assert timestamp_rule(["T-1000", "T-1001"])[1] == 0.0
    assert timestamp_rule(["2026-10-01T08:00:00+02:00"])[1] == 1.0


# A French ticket list with a satisfaction score: tickets (creation, first reply,
# closing, status, category say so) with survey answers about them, not 3 survey
# answers recognised by one header. First replies after 1 h, 2 h, 6 h → median 2 h.
FR_TICKETS = (
    "N° de dossier;Date de création;Date première réponse;Date de clôture;Technicien;Statut;Catégorie;"
    "Satisfaction (/5)\n"
    "D1;01/10/2026 09:00;01/10/2026 10:00;01/10/2026 18:00;Paul;Clôturé;Facturation;5\n"
    "D2;01/10/2026 10:00;01/10/2026 12:00;;Lina;En cours;Technique;\n"
    "D3;02/10/2026 08:00;02/10/2026 14:00;03/10/2026 08:00;Paul;Résolu;Technique;2\n"
)


def test_a_ticket_list_with_a_satisfaction_column_is_tickets(store, tmp_path):
    report = import_file(store, _write(tmp_path, "dossiers.csv", FR_TICKETS))
    columns = _columns(report)
    assert store.table_count("contacts") == 3
    assert columns["N° de dossier"] == "source_key" and columns["Date de clôture"] == "solved_at"
    assert columns["Satisfaction (/5)"] == "surveys.score (csat)"
    v = _kpis(store, "first_response_time", "csat")
    assert v["first_response_time"].value == pytest.approx(2 * 3600)
    assert (v["csat"].value, v["csat"].n) == (pytest.approx(50.0), 2)


# A presence log whose "Statut" holds states: agent time, not calls with no outcome.
PRESENCE = (
    "Collaborateur;Début;Fin;Statut\n"
    "Paul;01/10/2026 08:00:00;01/10/2026 10:00:00;Disponible\n"
    "Paul;01/10/2026 10:00:00;01/10/2026 10:15:00;En pause\n"
    "Lina;01/10/2026 08:00:00;01/10/2026 09:00:00;Disponible\n"
)


def test_a_presence_log_is_agent_time_not_calls(store, tmp_path):
    import_file(store, _write(tmp_path, "presence.csv", PRESENCE))
    assert (store.table_count("contacts"), store.table_count("agent_sessions")) == (0, 3)
    occupancy = _kpis(store, "occupancy")["occupancy"]
    assert occupancy.value is None and "no contacts imported" in occupancy.reason  # not 0 %


# A chat log giving times, not durations: the wait for a human (= the chat's first
# response) and the talk time are measured from them. Waits 30 s and 90 s → median
# 60 s; talks 10 and 5 min; one chat missed (a yes/no flag).
CHATS = (
    "Chat ID,Visitor,Requested At,Agent Joined At,Ended At,Agent,Missed\n"
    "c1,v1,2026-10-01 09:00:00,2026-10-01 09:00:30,2026-10-01 09:10:30,Kim,No\n"
    "c2,v2,2026-10-01 09:20:00,2026-10-01 09:21:30,2026-10-01 09:26:30,Lee,No\n"
    "c3,v3,2026-10-01 09:40:00,,2026-10-01 09:42:00,,Yes\n"
)


def test_a_chat_log_of_times_measures_waits_and_talk(store, tmp_path):
    report = import_file(store, _write(tmp_path, "livechat.csv", CHATS))
    assert _columns(report)["Missed"] == "outcome"
    v = _kpis(store, "chat_first_response_time", "chat_abandon_rate", "avg_talk")
    assert v["chat_first_response_time"].value == pytest.approx(60.0)
    assert v["chat_abandon_rate"].value == pytest.approx(1 / 3)
    assert v["avg_talk"].value == pytest.approx(450.0)


def test_outcomes_no_kpi_knows_are_said(store, tmp_path):
    text = (
        "Call ID,Date,Agent,Wait (s),Outcome\n"
        "1,2026-10-01 09:00,A,10,Answered\n"
        "2,2026-10-01 09:05,,30,Rerouted-IVR\n"
        "3,2026-10-01 09:10,,40,Rerouted-IVR\n"
    )
    report = import_file(store, _write(tmp_path, "calls.csv", text))
    assert report.loaded == 3
    assert any(
        w.startswith("2 row(s) have an outcome kpidesk does not know: rerouted-ivr (2)") for w in report.warnings
    )


# An outsourcer's daily sheet per agent: a "Jour" column of dates (one row per day, the
# day is the interval), handled calls only (the same calls as answered), an average wait
# weighted by them, and a total line ignored with its reason. 50 + 30 offered, 45 + 27
# handled → 8 abandoned: 10 %; ASA (45×20 + 27×40) / 72 = 27.5 s; the AHT given whole
# (DMT, minutes:seconds): (45×180 + 27×300) / 72 = 225 s, the talk time left unknown.
DAILY = (
    "Jour;Téléconseiller;Appels reçus;Appels traités;Appels perdus;DMA (s);DMT (mn:ss)\n"
    "01/10/2026;Amine;50;45;5;20;3:00\n"
    "01/10/2026;Chloé;30;27;3;40;5:00\n"
    "Total;;80;72;8;;\n"
)


def test_a_daily_sheet_per_agent_is_one_interval_per_day(store, tmp_path):
    report = import_file(store, _write(tmp_path, "prestataire.csv", DAILY))
    assert (report.loaded, report.rejected, report.ignored) == (2, 0, 1)
    assert report.ignored_reasons == {"summary row (total), not a record": 1}
    rows = store.cursor().execute("SELECT DISTINCT interval_s FROM interval_stats").fetchall()
    assert rows == [(86400,)]
    v = _kpis(store, "offered", "answer_rate", "abandon_rate", "asa", "aht", "avg_talk")
    assert v["aht"].value == pytest.approx(225.0) and v["avg_talk"].value is None
    assert v["offered"].value == 80 and v["answer_rate"].value == pytest.approx(72 / 80)
    assert v["abandon_rate"].value == pytest.approx(8 / 80)  # no flow-out column, the counts add up
    assert v["asa"].value == pytest.approx(27.5)


def test_a_shift_plan_is_not_read_as_calls(store, tmp_path):
    text = "Agent;Date;Début de service;Fin de service\nAmine;01/10/2026;08:00;16:00\nChloé;01/10/2026;09:00;17:00\n"
    with pytest.raises(NoProfile):
        import_file(store, _write(tmp_path, "planning.csv", text))
    assert store.table_count("contacts") == 0


def test_a_survey_keyed_by_ticket_number_links_to_the_ticket(store, tmp_path):
    text = (
        "Horodatage;N° de ticket;Facilité à obtenir une réponse (1 à 7);Commentaire\n"
        "01/10/2026 10:00:00;T1;6;\n"
        "01/10/2026 11:00:00;T2;2;long\n"
    )
    report = import_file(store, _write(tmp_path, "ces.csv", text))
    assert _columns(report)["N° de ticket"] == "contact_ref"
    rows = store.cursor().execute("SELECT survey_type, contact_ref FROM surveys ORDER BY 2").fetchall()
    assert rows == [("ces", "T1"), ("ces", "T2")]


# A chatbot's sessions: 3 conversations, one escalated to an agent → self-service 2/3,
# hand-off 1/3; the intent is the topic.
BOT = (
    "Session,Started,Intent,Escalated to agent,Escalation time,Agent,Resolved by bot\n"
    "s1,2026-10-05T09:00:00,billing,FALSE,,,TRUE\n"
    "s2,2026-10-05T09:10:00,password,TRUE,2026-10-05T09:12:00,Kim,FALSE\n"
    "s3,2026-10-05T09:20:00,billing,FALSE,,,TRUE\n"
)


def test_a_bot_log_is_bot_conversations(store, tmp_path):
    report = import_file(store, _write(tmp_path, "bot.csv", BOT))
    columns = _columns(report)
    assert (columns["Escalated to agent"], columns["Escalation time"], columns["Intent"]) == (
        "outcome",
        "handoff_at",
        "topic",
    )
    v = _kpis(store, "containment_rate", "handoff_rate")
    assert v["containment_rate"].value == pytest.approx(2 / 3)
    assert v["handoff_rate"].value == pytest.approx(1 / 3)


# A hosted PBX's export (3CX-like): ring and talk times under "Ringing" / "Talking"
# (hh:mm:ss), "Unanswered" inbound calls abandoned. 3 calls: 2 answered (rings 10 and
# 30 s → ASA 20 s; talks 2 and 4 min → 180 s), 1 unanswered after 25 s.
PBX = (
    "Call Time,From,To,Direction,Status,Ringing,Talking,Totals,Cost,Reason\n"
    "06/10/2026 09:00:00,+33611111111,Support (800),Inbound,Answered,00:00:10,00:02:00,00:02:10,0.00,Ended by agent\n"
    "06/10/2026 09:05:00,+33622222222,Support (800),Inbound,Answered,00:00:30,00:04:00,00:04:30,0.00,Ended by agent\n"
    "06/10/2026 09:10:00,+33633333333,Support (800),Inbound,Unanswered,00:00:25,00:00:00,00:00:25,0.00,Ended by caller\n"
)


def test_a_hosted_pbx_export_reads_rings_talks_and_unanswered_calls(store, tmp_path):
    report = import_file(store, _write(tmp_path, "3cx.csv", PBX))
    columns = _columns(report)
    assert (columns["Ringing"], columns["Talking"]) == ("wait_s", "talk_s")
    # 06/10/2026: 6 October or 10 June — read day first, and said (nothing else to say)
    assert [w[:33] for w in report.warnings] == ["Dates in Call Time read day first"]
    v = _kpis(store, "offered", "abandon_rate", "asa", "avg_talk")
    assert v["offered"].value == 3 and v["abandon_rate"].value == pytest.approx(1 / 3)
    assert (v["asa"].value, v["avg_talk"].value) == (pytest.approx(20.0), pytest.approx(180.0))


# A cloud telephony export (Aircall-like): the call's own "status" (done / missed) is its
# outcome, not agent time; the wait is measured from started_at → answered_at (12 s and
# 28 s → ASA 20 s); "duration (in call)" is the talk (100 and 200 s), not
# "duration (total)".
CLOUD = (
    "id,direction,status,missed_call_reason,started_at,answered_at,ended_at,duration (total),"
    "duration (in call),user_name\n"
    "1,inbound,done,,2026-10-07T09:00:00Z,2026-10-07T09:00:12Z,2026-10-07T09:01:52Z,112,100,Léa\n"
    "2,inbound,done,,2026-10-07T09:05:00Z,2026-10-07T09:05:28Z,2026-10-07T09:08:48Z,228,200,Tom\n"
    "3,inbound,missed,abandoned_in_ivr,2026-10-07T09:10:00Z,,2026-10-07T09:10:40Z,40,0,\n"
)


def test_a_cloud_call_log_is_calls_not_agent_time(store, tmp_path):
    report = import_file(store, _write(tmp_path, "aircall.csv", CLOUD))
    columns = _columns(report)
    assert store.table_count("agent_sessions") == 0 and store.table_count("contacts") == 3
    assert (columns["status"], columns["duration (in call)"], columns["duration (total)"]) == (
        "outcome",
        "talk_s",
        None,
    )
    v = _kpis(store, "offered", "abandon_rate", "asa", "avg_talk")
    assert v["offered"].value == 3 and v["abandon_rate"].value == pytest.approx(1 / 3)
    assert (v["asa"].value, v["avg_talk"].value) == (pytest.approx(20.0), pytest.approx(150.0))


# A US helpdesk list: "Resolved" holds the time of resolution (not yes/no), dates
# month first with AM/PM. 4 tickets, 3 resolved after 24 h, 24 h and 48 h → median 24 h.
US_TICKETS = (
    "Ticket,Created,Resolved,Assignee,Channel,Status\n"
    "T1,01/13/2024 08:00 AM,01/14/2024 08:00 AM,ann,Email,Closed\n"
    "T2,01/13/2024 01:30 PM,01/14/2024 01:30 PM,bob,Email,Closed\n"
    "T3,01/14/2024 09:00 AM,01/16/2024 09:00 AM,ann,Email,Closed\n"
    "T4,01/15/2024 10:00 AM,,bob,Email,Open\n"
)


def test_a_resolved_column_holding_times_is_the_time_of_resolution(store, tmp_path):
    report = import_file(store, _write(tmp_path, "tickets_us.csv", US_TICKETS))
    assert report.rejected == 0 and report.loaded == 4
    assert _columns(report)["Resolved"] == "solved_at"
    figures = _kpis(store, "resolution_time", "resolution_rate")
    assert figures["resolution_time"].value == pytest.approx(24 * 3600) and figures["resolution_time"].n == 3
    assert figures["resolution_rate"].value == pytest.approx(3 / 4)


def test_a_resolved_column_of_yes_and_no_stays_a_yes_or_no(store, tmp_path):
    text = "Ticket,Created,Resolved\nT1,2024-01-02 08:00,Yes\nT2,2024-01-02 09:00,No\nT3,2024-01-02 10:00,Yes\n"
    report = import_file(store, _write(tmp_path, "tickets_yn.csv", text))
    assert _columns(report)["Resolved"] == "resolved" and report.loaded == 3


def test_dates_that_read_day_first_and_month_first_alike_are_said(store, tmp_path):
    """A daily export of the 5th (05/01/2024 … no day above 12): read day first, and
    said, with what to do when the export writes the month first; a file whose dates
    tell (a day above 12) or whose profile says the order gets no such warning."""
    ambiguous = "Ticket,Created,Assignee\nT1,01/05/2024 08:00,ann\nT2,01/05/2024 09:30,bob\n"
    report = import_file(store, _write(tmp_path, "daily.csv", ambiguous))
    said = [w for w in report.warnings if w.startswith("Dates in Created read day first or month first")]
    assert len(said) == 1 and "1 February 2024" in said[0]
    clear = "Ticket,Created,Assignee\nT3,13/05/2024 08:00,ann\nT4,01/05/2024 09:30,bob\n"
    report = import_file(store, _write(tmp_path, "clear.csv", clear))
    assert not [w for w in report.warnings if w.startswith("Dates in")]
