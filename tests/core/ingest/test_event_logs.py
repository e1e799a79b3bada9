"""Event logs rebuilt into contacts, and headerless PBX dumps recognised by their values
(#12). Expected figures are worked out by hand from the fixtures' rows:

tests/fixtures/event_logs/call_events_en.csv (headers of a process-mining log: "Case ID",
"Timestamp", "Activity", "Resource", "Queue"):
  C1  queued 09:00:00, answered 09:00:20 by ann (wait 20), hold 09:02:00→09:02:30 (30),
      hang-up 09:05:20 (talk 300 - 30 = 270), wrap-up end 09:06:00 (wrap 40): handle 340
  C2  queued 09:10:00, abandon 09:10:45 (wait 45); its "not a time" row is rejected
  C3  queued 09:20:00, answered 09:21:00 by bob (wait 60), transfer 09:25:00, connect to
      ann 09:25:30, hang-up 09:30:00 (talk 540, hold 0, no wrap-up): handle 540, transferred
  C4  queued 09:40:00, connect 09:40:30 by ann (wait 30), hold 09:42:00 until the call
      completes at 09:44:00 (hold 120, talk 210 - 120 = 90), wrap-up end 09:44:30 (30): 240
  C5  queued 09:50:00, hang-up 09:50:20 unanswered: abandoned (wait 20)
  C6  queued, ringing, then nothing: no outcome, rejected; one row has no call id: rejected
  → 26 rows: 5 calls loaded, 3 rows rejected, 18 events folded into their calls.
    Offered 5, answered 3, abandon rate 2/5, ASA (20+60+30)/3, AHT (340+540+240)/3,
    hold (30+0+120)/3, wrap-up (40+30)/2, transfer rate 1/3.

tests/fixtures/event_logs/evenements_appels_fr.csv (";", day-first dates, French events):
  A1  file 10:00:00, décroché 10:00:15 par léa (15), attente 10:03→10:04 (60), raccroché
      10:06:15 (conversation 360 - 60 = 300), fin de post-appel 10:07:15 (60): 420
  A2  file 10:10:00, abandon 10:11:00 (attente 60)
  A3  file 10:20:00, décroché 10:20:45 par marc (45), transfert 10:24:45, fin d'appel
      10:30:45 (600), fin de post-appel 10:31:15 (30): 630, transféré
  A4  file 10:40:00, décroché 10:40:30 par léa (30), fin d'appel 10:45:30 (300): 300
  A5  "pas une date": rejected
  → 19 rows: 4 calls, 1 rejected, 14 folded. Answered 3, abandon rate 1/4, ASA 30, AHT 450.
"""

from __future__ import annotations

import csv

import pytest

from kpidesk.core.ingest import import_batch, import_file, profiles
from kpidesk.core.ingest.errors import NoProfile
from kpidesk.core.ingest.recognise import recognise
from kpidesk.core.kpi.engine import Engine
from tests.helpers.paths import FIXTURES, REPO, SHARED_DATA

EVENTS = FIXTURES / "event_logs"
FOLDED = "event folded into its call (the call is rebuilt from its events)"
PHONE = ["offered", "answered", "abandon_rate", "asa", "aht", "avg_talk", "avg_hold", "avg_wrap", "transfer_rate"]


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _kpis(store, ids=PHONE):
    return {v.kpi: v.value for v in Engine(store).compute(ids)}


def _calls(store):
    return (
        store.cursor()
        .execute(
            "SELECT source_key, queue, agent_id, arrived_at::VARCHAR, wait_s, talk_s, hold_s, wrap_s, outcome, "
            "transferred FROM contacts ORDER BY source_key"
        )
        .fetchall()
    )


# -- call event logs ---------------------------------------------------------------------------
def test_english_call_event_log_is_rebuilt_into_calls(store):
    report = import_file(store, EVENTS / "call_events_en.csv")
    assert report.profile == "generic_call_event_log"
    assert report.recognised.startswith("recognised as a call event log, not a ticket event log: 11 of 11")
    assert "1 of 11 are ticket events" in report.recognised  # "Answered" reads as a reply
    assert (report.rows_read, report.loaded, report.rejected, report.ignored) == (26, 5, 3, 18)
    assert report.balanced() and report.ignored_reasons == {FOLDED: 18}
    assert sorted(report.rejects) == [
        (12, "unreadable timestamp 'not a time'"),
        (25, "call C6 has no outcome yet (still queued when the log ends?)"),
        (27, "no call id"),
    ]
    assert _calls(store) == [
        ("C1", "Support", "ann", "2024-03-04 09:00:00", 20.0, 270.0, 30.0, 40.0, "answered", False),
        ("C2", "Support", None, "2024-03-04 09:10:00", 45.0, None, None, None, "abandoned", None),
        ("C3", "Sales", "bob", "2024-03-04 09:20:00", 60.0, 540.0, 0.0, None, "answered", True),
        ("C4", "Support", "ann", "2024-03-04 09:40:00", 30.0, 90.0, 120.0, 30.0, "answered", False),
        ("C5", "Sales", None, "2024-03-04 09:50:00", 20.0, None, None, None, "abandoned", None),
    ]
    k = _kpis(store)
    assert (k["offered"], k["answered"]) == (5, 3)
    assert k["abandon_rate"] == pytest.approx(2 / 5)
    assert k["asa"] == pytest.approx((20 + 60 + 30) / 3)
    assert k["aht"] == pytest.approx((340 + 540 + 240) / 3)
    assert k["avg_talk"] == pytest.approx((270 + 540 + 90) / 3)
    assert k["avg_hold"] == pytest.approx(50.0)
    assert k["avg_wrap"] == pytest.approx(35.0)
    assert k["transfer_rate"] == pytest.approx(1 / 3)
    again = import_file(store, EVENTS / "call_events_en.csv")
    assert (again.loaded, again.duplicate) == (0, 5)


def test_french_call_event_log(store):
    report = import_file(store, EVENTS / "evenements_appels_fr.csv")
    assert report.profile == "generic_call_event_log"
    assert report.recognised.startswith("recognised as a call event log: 10 of 10 event names are call events")
    assert (report.rows_read, report.loaded, report.rejected, report.ignored) == (19, 4, 1, 14)
    assert report.rejects == [(20, "unreadable timestamp 'pas une date'")]
    assert _calls(store) == [
        ("A1", "Support", "léa", "2024-03-04 10:00:00", 15.0, 300.0, 60.0, 60.0, "answered", False),
        ("A2", "Support", None, "2024-03-04 10:10:00", 60.0, None, None, None, "abandoned", None),
        ("A3", "Ventes", "marc", "2024-03-04 10:20:00", 45.0, 600.0, 0.0, 30.0, "answered", True),
        ("A4", "Ventes", "léa", "2024-03-04 10:40:00", 30.0, 300.0, 0.0, None, "answered", False),
    ]
    k = _kpis(store)
    assert (k["offered"], k["answered"]) == (4, 3)
    assert k["abandon_rate"] == pytest.approx(1 / 4)
    assert k["asa"] == pytest.approx(30.0)
    assert k["aht"] == pytest.approx((420 + 630 + 300) / 3)


def test_french_call_events_under_ticket_log_headers_are_calls(store, tmp_path):
    text = (
        "Numéro de dossier;Horodatage;Activité;Ressource\n"
        "X1;2024-03-04 10:00:00;Entrée en file;\n"
        "X1;2024-03-04 10:00:40;Décroché;léa\n"
        "X1;2024-03-04 10:04:40;Raccroché;léa\n"
        "X2;2024-03-04 10:05:00;Entrée en file;\n"
        "X2;2024-03-04 10:06:30;Abandon;\n"
    )
    report = import_file(store, _write(tmp_path, "journal.csv", text))
    assert (report.profile, report.loaded, report.ignored) == ("generic_call_event_log", 2, 3)
    assert "not a ticket event log" in report.recognised
    assert _calls(store)[0][2:] == ("léa", "2024-03-04 10:00:00", 40.0, 240.0, None, None, "answered", None)
    assert _calls(store)[1][8] == "abandoned"


def test_every_ticket_event_log_header_fits_the_call_event_log_too():
    """So that the event names, never the headers, choose between the two kinds."""
    ticket, call = profiles.find("generic_event_log"), profiles.find("generic_call_event_log")
    for mine, theirs in zip(call.section("match")["headers"], ticket.section("match")["headers"], strict=True):
        assert set(theirs) <= set(mine)


def test_a_ticket_event_log_with_the_same_headers_stays_tickets(store, tmp_path):
    text = (
        "Case ID,Timestamp,Activity,Resource\n"
        "T1,2024-03-01 09:00:00,Create ticket,system\n"
        "T1,2024-03-01 10:00:00,Reply to customer,ann\n"
        "T1,2024-03-01 12:00:00,Resolve,ann\n"
        "T1,2024-03-01 12:05:00,Close,ann\n"
    )
    report = import_file(store, _write(tmp_path, "events.csv", text))
    assert report.profile == "generic_event_log"
    assert report.recognised.startswith("recognised as a ticket event log, not a call event log: 4 of 4")
    assert report.ignored_reasons == {"event folded into its ticket (the ticket is rebuilt from its events)": 3}
    assert store.cursor().execute("SELECT record_kind FROM contacts").fetchall() == [("ticket",)]
    assert profiles.find("generic_event_log").data["record_kind"] == "ticket"  # said by its profile


def test_call_event_log_rows_are_calls_by_their_profile(store):
    assert profiles.find("generic_call_event_log").data["record_kind"] == "call"
    import_file(store, EVENTS / "evenements_appels_fr.csv")
    assert store.cursor().execute("SELECT DISTINCT record_kind FROM contacts").fetchall() == [("call",)]


def test_an_event_log_whose_names_say_neither_is_refused_with_both_readings(store, tmp_path):
    text = "Case ID,Timestamp,Activity\nK1,2024-03-04 10:00:00,E10\nK1,2024-03-04 10:01:00,E20\n"
    path = _write(tmp_path, "codes.csv", text)
    with pytest.raises(NoProfile) as exc:
        import_file(store, path)
    said = str(exc.value)
    assert "do not say whether of calls or tickets" in said
    assert "0 of 2 event names are call events" in said and "0 of 2 event names are ticket events" in said
    assert "--profile generic_call_event_log" in said and "--profile generic_event_log" in said
    assert store.table_count("contacts") == 0
    rec = recognise(path)
    assert rec.profile is None and "do not say whether" in rec.refused
    result = import_batch(store, [path])  # the app's import: the file goes to the mapping dialog
    assert result.unrecognised == [path] and not result.reports[0].ok


def test_event_names_edited_in_a_saved_profile(store, tmp_path):
    """A tool writing codes: the user names them once in the profile's [activities]."""
    profile = {
        "name": "pbx_codes",
        "label": "PBX event codes",
        "source": "pbx_events",
        "table": "contacts",
        "transform": "call_event_log",
        "activities": {"queued": "^EQ$", "answered": "^AN$", "hangup": "^HU$", "abandon": "^AB$"},
    }
    text = (
        "Call ID,Time,Event,Agent\n"
        "1,2024-03-04 11:00:00,EQ,\n1,2024-03-04 11:00:12,AN,zoé\n1,2024-03-04 11:03:12,HU,zoé\n"
        "2,2024-03-04 11:05:00,EQ,\n2,2024-03-04 11:05:30,AB,\n"
    )
    report = import_file(store, _write(tmp_path, "codes.csv", text), profile=profile)
    assert (report.loaded, report.ignored) == (2, 3)
    k = _kpis(store, ["answered", "abandon_rate", "asa", "aht"])
    assert (k["answered"], k["abandon_rate"], k["asa"], k["aht"]) == (1, 0.5, 12.0, 180.0)


# -- headerless dumps ------------------------------------------------------------------------
# 2024-03-04 08:00:00 UTC: call .1 answered after 15 s, talk 300; call .3 abandoned after
# 40 s; call .5 answered after 25 s, talk 180 (Asterisk's own counters in the data fields).
RAW_QUEUE_LOG = (
    "1709539200|NONE|NONE|NONE|QUEUESTART|\n"
    "1709539200|1709539200.1|support|NONE|ENTERQUEUE||0612345678|1\n"
    "1709539215|1709539200.1|support|PJSIP/101|CONNECT|15|1709539215.2|5\n"
    "1709539515|1709539200.1|support|PJSIP/101|COMPLETECALLER|15|300|1\n"
    "1709539300|1709539300.3|support|NONE|ENTERQUEUE||0698765432|1\n"
    "1709539340|1709539300.3|support|NONE|ABANDON|1|1|40\n"
    "1709539400|1709539400.5|support|NONE|ENTERQUEUE||0611111111|1\n"
    "1709539425|1709539400.5|support|PJSIP/102|CONNECT|25|1709539425.6|4\n"
    "1709539605|1709539400.5|support|PJSIP/102|COMPLETEAGENT|25|180|1\n"
)


@pytest.mark.parametrize("name", ["queue_log", "queue_log.txt", "queue_log.csv"])
def test_raw_queue_log_is_recognised_by_its_values(store, tmp_path, name):
    path = _write(tmp_path, name, RAW_QUEUE_LOG)
    assert recognise(path).profile.name == "asterisk_queue_log"
    report = import_file(store, path)
    assert (report.profile, report.rows_read, report.loaded) == ("asterisk_queue_log", 9, 3)
    assert report.balanced()
    k = _kpis(store, ["offered", "answered", "abandon_rate", "asa", "aht"])
    assert (k["offered"], k["answered"]) == (3, 2)
    assert k["abandon_rate"] == pytest.approx(1 / 3)
    assert k["asa"] == pytest.approx(20.0)
    assert k["aht"] == pytest.approx(240.0)


# 21 columns, no header (cdr_csv with newcdrcolumns): call 1 rings two phones (two rows, one
# linkedid), answered, billsec 120; call 2 is not answered (a CDR cannot say whether it was
# abandoned: its outcome stays unknown, so it is a contact but not an offered call).
HEADERLESS_CDR = (
    '"","0612345678","100","from-pstn","""Bob"" <0612345678>","PJSIP/trunk-01","PJSIP/101-01","Dial",'
    '"PJSIP/101","2024-03-04 09:00:00","2024-03-04 09:00:10","2024-03-04 09:02:10",130,120,"ANSWERED",'
    '"DOCUMENTATION","1709542800.1","","","1709542800.1",1\n'
    '"","0612345678","100","from-pstn","""Bob"" <0612345678>","PJSIP/trunk-01","PJSIP/102-01","Dial",'
    '"PJSIP/102","2024-03-04 09:00:00",,"2024-03-04 09:00:10",10,0,"NO ANSWER",'
    '"DOCUMENTATION","1709542800.2","","","1709542800.1",2\n'
    '"","0698765432","100","from-pstn","""Ann"" <0698765432>","PJSIP/trunk-02","PJSIP/101-02","Dial",'
    '"PJSIP/101","2024-03-04 09:10:00",,"2024-03-04 09:10:30",30,0,"NO ANSWER",'
    '"DOCUMENTATION","1709543400.3","","","1709543400.3",3\n'
)


def test_headerless_cdr_is_recognised_by_its_values(store, tmp_path):
    path = _write(tmp_path, "Master.csv", HEADERLESS_CDR)
    assert recognise(path).profile.name == "asterisk_cdr"
    report = import_file(store, path)
    assert (report.rows_read, report.loaded, report.ignored) == (3, 2, 1)  # one call per linkedid
    assert report.balanced()
    k = _kpis(store, ["volume", "answered", "avg_talk"])
    assert (k["volume"], k["answered"], k["avg_talk"]) == (2, 1, 120.0)


def test_shared_asterisk_master_csv_is_one_call_per_linkedid(store):
    path = SHARED_DATA / "asterisk-cdr-master-csv" / "Master.csv"
    if not path.exists():
        pytest.skip("shared data absent")
    with path.open(encoding="latin-1", newline="") as f:
        rows = list(csv.reader(f))
    calls = {r[19] for r in rows}
    report = import_file(store, path)
    assert (report.profile, report.rows_read, report.loaded) == ("asterisk_cdr", len(rows), len(calls))
    assert report.balanced() and report.rejected == 0


def test_a_call_event_log_whose_names_are_unknown_is_refused(store, tmp_path):
    """Headers only a call event log has, event codes no default knows: refused, not 3
    calls "without outcome"; the message says how to name them."""
    text = "Call ID,Time,Event\n1,2024-03-04 11:00:00,EQ\n1,2024-03-04 11:00:12,AN\n1,2024-03-04 11:03:12,HU\n"
    with pytest.raises(NoProfile) as exc:
        import_file(store, _write(tmp_path, "codes.csv", text))
    said = str(exc.value)
    assert "a call event log by its headers, but most of its event names are unknown" in said
    assert "0 of 3 event names are call events" in said and "[activities]" in said


def test_a_saved_profile_names_the_codes_once_and_is_recognised_after(tmp_path):
    """The user saves a copy of the call event log profile with the tool's codes: the
    next file of that tool is recognised by it, its codes read as the saved roles."""
    from kpidesk.core.db.startup import open_database

    builtin = (REPO / "kpidesk" / "resources" / "profiles" / "generic_call_event_log.toml").read_text("utf-8")
    head, _ = builtin.split("[activities]")
    saved = head.replace('name = "generic_call_event_log"', 'name = "my_pbx"') + (
        "[activities]\nqueued = '^EQ$'\nanswered = '^AN$'\nhangup = '^HU$'\nabandon = '^AB$'\n"
    )
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "my_pbx.toml").write_text(saved, "utf-8")
    store = open_database(tmp_path / "kd.duckdb")
    try:
        text = (
            "Call ID,Time,Event\n1,2024-03-04 11:00:00,EQ\n1,2024-03-04 11:00:12,AN\n1,2024-03-04 11:03:12,HU\n"
            "2,2024-03-04 11:05:00,EQ\n2,2024-03-04 11:05:30,AB\n"
        )
        report = import_file(store, _write(tmp_path, "pbx.csv", text))
        assert (report.profile, report.loaded, report.ignored) == ("my_pbx", 2, 3)
        assert (
            report.recognised == "recognised as a call event log: 4 of 4 event names are call events (AB, AN, EQ, HU)"
        )
        k = _kpis(store, ["answered", "abandon_rate", "asa", "aht"])
        assert (k["answered"], k["abandon_rate"], k["asa"], k["aht"]) == (1, 0.5, 12.0, 180.0)
    finally:
        store.close()


def test_only_holds_after_the_answer_are_hold_time(store, tmp_path):
    """A 'hold' before the answer (music while queued) is wait, not hold: talk 10:00:30 →
    10:05:30 = 300 s, of which 10:02:00 → 10:03:00 on hold (60): talk 240, hold 60."""
    text = (
        "Call ID,Time,Event,Agent\n"
        "H1,2024-03-04 10:00:00,Enter queue,\n"
        "H1,2024-03-04 10:00:05,Hold,\n"
        "H1,2024-03-04 10:00:30,Answered,ann\n"
        "H1,2024-03-04 10:02:00,Hold,ann\n"
        "H1,2024-03-04 10:03:00,Unhold,ann\n"
        "H1,2024-03-04 10:05:30,Hang up,ann\n"
    )
    import_file(store, _write(tmp_path, "holds.csv", text))
    assert _calls(store) == [("H1", None, "ann", "2024-03-04 10:00:00", 30.0, 240.0, 60.0, None, "answered", None)]


def test_day_and_time_of_day_in_two_columns(store, tmp_path):
    """« Date » and « Heure » apart: each event at its own time, not at midnight (the
    call waits 40 s and talks 4 min, as in the file)."""
    text = (
        "Date;Heure;N° d'appel;Événement;Conseiller\n"
        "04/03/2024;10:00:00;Z1;Entrée en file;\n"
        "04/03/2024;10:00:40;Z1;Décroché;léa\n"
        "04/03/2024;10:04:40;Z1;Raccroché;léa\n"
    )
    report = import_file(store, _write(tmp_path, "journal_appels.csv", text))
    assert (report.profile, report.loaded, report.ignored) == ("generic_call_event_log", 1, 2)
    assert _calls(store) == [("Z1", None, "léa", "2024-03-04 10:00:00", 40.0, 240.0, None, None, "answered", None)]
