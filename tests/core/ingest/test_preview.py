"""The mapping dialog's core: reader options, a mapping guess, the first rows as they
will load, and the profile the user's choices make — without Qt."""

from kpidesk.core.ingest import import_file, preview
from kpidesk.core.ingest.proposal import guess

CSV = (
    "Conseiller;Date;Heure;Durée;Décroché;Attente\n"
    "Marie Durand;03/04/2024;09:15:02;00:04:12;Oui;12\n"
    "Paul Martin;13/04/2024;09:17:40;00:02:01;Non;45\n"
)


def test_guess_pairs_date_with_time_and_prefers_exact_synonyms():
    samples = {
        "Date": ["03/04/2024", "13/04/2024"],
        "Heure": ["09:15:02", "10:00:00"],
        "Durée": ["00:04:12", "00:01:00"],
        "Attente": ["12", "45"],
        "Décroché": ["Oui", "Non"],
    }
    table, fields = guess(list(samples), samples)
    assert table == "contacts"
    assert (fields["arrived_at"].column, fields["arrived_at"].time) == ("Date", "Heure")
    assert fields["talk_s"].column == "Durée" and fields["wait_s"].column == "Attente"
    assert fields["outcome"].spec()["map"]["oui"] == "answered"


def test_inspect_preview_and_profile(tmp_path):
    path = tmp_path / "appels.csv"
    path.write_text(CSV, encoding="utf-8")
    prop = preview.inspect(path)
    assert prop.reader["delimiter_char"] == ";" and prop.reader["header_line"] == 1
    data = preview.profile_data(
        prop,
        {"agent_id": "Conseiller", "arrived_at": {"date": "Date", "time": "Heure"}},
        read={"delimiter": ";"},
        name="mine",
    )
    assert preview.missing_fields(data, prop.columns) == []
    fewer = preview.profile_data(prop, {"agent_id": "Conseiller"})
    assert preview.missing_fields(fewer, prop.columns) == ["arrived_at"]
    pv = preview.preview(path, data)
    assert pv.lines == [2, 3] and pv.reasons == [None, None]
    arrived = [r[pv.columns.index("arrived_at")] for r in pv.rows]
    assert [a.isoformat() for a in arrived] == ["2024-04-03T09:15:02", "2024-04-13T09:17:40"]


def test_preview_gives_the_reject_reason(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Agent;Quand\nA;pas une date\nB;03/04/2024 10:00\n", encoding="utf-8")
    prop = preview.inspect(path, table="contacts")
    assert prop.table == "contacts"
    pv = preview.preview(path, preview.profile_data(prop, {"agent_id": "Agent", "arrived_at": "Quand"}))
    assert pv.reasons[0].startswith("cannot read the date in column Quand") and pv.reasons[1] is None


def test_header_line_chosen_by_the_user(tmp_path, store):
    path = tmp_path / "preamble.csv"
    path.write_text("Rapport;;\nAgent;Quand;Attente\nA;03/04/2024 10:00;5\n", encoding="utf-8")
    prop = preview.inspect(path, read={"header_line": 2, "delimiter": ";"})
    assert prop.columns == ["Agent", "Quand", "Attente"]
    data = preview.profile_data(
        prop,
        {"agent_id": "Agent", "arrived_at": "Quand", "wait_s": "Attente"},
        read={"header_line": 2, "delimiter": ";"},
    )
    report = import_file(store, path, data)
    assert (report.rows_read, report.loaded) == (1, 1)


# -- the dialog as a tool: kinds of file, values listed, counts over the file (#12) ---------
BANK = (
    "call_id;jour;heure;agent;issue\n"
    "1;990201;08:00:00;A;Traité\n"
    "2;990201;08:05:00;B;Perdu\n"
    "1;990202;08:00:00;A;Traité\n"
    "3;pas de date;08:10:00;B;Débordé\n"
    "4;990203;08:20:00;A;Traité\n"
)


def test_kinds_values_and_counts(tmp_path):
    path = tmp_path / "banque.csv"
    path.write_text(BANK, encoding="utf-8")
    found = preview.inspect_kind(path, kind="calls")
    assert found.kind == "calls" and found.proposal.constants["channel"] == "phone"
    assert found.examples["jour"] == ["990201", "990201", "990202"]
    assert "talk_s" in found.fields and "import_id" not in found.fields
    # The outcome column's values, most frequent first, with their rows
    assert preview.distinct_values(path, ["issue"]) == {"issue": ([("Traité", 3), ("Débordé", 1), ("Perdu", 1)], 3)}
    data = preview.profile_data(
        found.proposal,
        {
            "source_key": "call_id",
            "arrived_at": {"date": "jour", "time": "heure"},
            "agent_id": "agent",
            "outcome": {"column": "issue", "map": {"traité": "answered", "perdu": "abandoned", "débordé": "flowout"}},
        },
        kind="chats",
        parse={"date_order": "ymd", "duration_unit": "seconds"},
    )
    assert data["fields"]["channel"] == {"value": "chat"} and data["parse"] == {
        "date_order": "ymd",
        "duration_unit": "seconds",
    }
    pv = preview.preview(path, data)
    # 5 rows: one has no readable date; call id 1 repeats on another day, so the key is
    # the id with the arrival time and both calls load
    assert (pv.total, pv.loading, pv.rejected, pv.duplicates) == (5, 4, 1, 0)
    assert pv.why == [("cannot read the date in column jour", 1, "pas 08:10:00")]  # the date part and the time
    assert pv.key == "call_id + arrived_at (the id repeats for different records)"
    outcome = pv.columns.index("outcome")
    assert [r[outcome] for r in pv.rows] == ["answered", "abandoned", "answered", "flowout", "answered"]
    rules = {c["column"]: (c["field"], c["rule"]) for c in pv.columns_report}
    assert rules["issue"][0] == "outcome" and rules["issue"][1].startswith("coded values: traité → answered")
    assert rules["jour"] == ("arrived_at", "date + time of day")
    # The same file taken as survey answers: no score column, nothing can load
    assert preview.inspect_kind(path, kind="surveys").proposal.table == "surveys"


def test_the_kind_core_recognises_opens_the_dialog(tmp_path):
    tickets = tmp_path / "t.csv"
    tickets.write_text(
        "Ticket ID,Ticket Status,Ticket Channel,Customer Satisfaction Rating,First Response Time\n"
        "1,Closed,Email,4,2023-06-01 12:00:00\n2,Open,Chat,,2023-06-01 13:00:00\n",
        encoding="utf-8",
    )
    found = preview.inspect_kind(tickets)
    # a CSAT column, but a ticket list explains clearly more of the file (core's rival)
    assert found.kind == "tickets"
    assert found.proposal.fields["channel"].column == "Ticket Channel"
    assert found.proposal.fields["survey.csat"].column == "Customer Satisfaction Rating"
    per_rep = tmp_path / "per_rep.csv"
    per_rep.write_text("Incoming Calls,Answered Calls,Abandoned Calls,Sales Rep\n217,204,13,Rep09\n", encoding="utf-8")
    found = preview.inspect_kind(per_rep)
    assert found.kind == "intervals" and found.proposal.constants["interval_s"] == 1800


def test_a_file_chosen_as_tickets_keeps_its_tickets_whatever_their_channel(tmp_path, store):
    """The kind of file the user chooses is what every row is: a ticket list whose
    Channel column says Phone is tickets, never calls (record_kind)."""
    path = tmp_path / "demandes.csv"
    path.write_text("Ref;Ouvert le;Canal\nR1;03/04/2024 10:00;Téléphone\nR2;03/04/2024 11:00;Portail\n")
    prop = preview.inspect(path, read={"delimiter": ";"})
    data = preview.profile_data(
        prop,
        {"source_key": "Ref", "arrived_at": "Ouvert le", "channel": {"column": "Canal", "map": {"téléphone": "phone"}}},
        read={"delimiter": ";"},
        kind="tickets",
    )
    assert data["record_kind"] == "ticket"
    assert import_file(store, path, data).loaded == 2
    rows = store.cursor().execute("SELECT source_key, channel, record_kind FROM contacts ORDER BY 1").fetchall()
    assert rows == [("R1", "phone", "ticket"), ("R2", "portail", "ticket")]


def test_the_dialog_guesses_which_event_log_a_file_is_by_its_event_names(tmp_path):
    """The two event logs share their headers: the dialog opens on the kind the event
    names say, with the columns its transform reads, and the preview rebuilds the calls
    (or tickets) through that transform."""
    from tests.helpers.paths import FIXTURES

    calls = preview.inspect_kind(FIXTURES / "event_logs" / "evenements_appels_fr.csv")
    assert calls.kind == "call_events"
    assert preview.event_fields("call_events") == [
        "event.case",
        "event.at",
        "event.activity",
        "event.resource",
        "event.queue",
        "event.caller",
    ]
    assert {"event.case", "event.at", "event.activity"} <= set(calls.proposal.fields)
    fields = {f: g.column for f, g in calls.proposal.fields.items()}
    data = preview.profile_data(calls.proposal, fields, kind="call_events")
    assert (data["transform"], data["source"], data["record_kind"]) == ("call_event_log", "call_event_log", "call")
    pv = preview.preview(FIXTURES / "event_logs" / "evenements_appels_fr.csv", data)
    # 19 rows: 4 calls, 1 rejected, 14 events folded (tests/core/ingest/test_event_logs.py)
    assert (pv.total, pv.loading, pv.rejected, pv.ignored) == (19, 4, 1, 14)
    assert pv.columns_report[0]["rule"] == "read by the call_event_log format"
    tickets_path = tmp_path / "events.csv"
    tickets_path.write_text(
        "Case ID,Timestamp,Activity,Resource\nT1,2024-03-01 09:00:00,Create ticket,system\n"
        "T1,2024-03-01 10:00:00,Reply to customer,ann\nT1,2024-03-01 12:00:00,Resolve,ann\n",
        encoding="utf-8",
    )
    tickets = preview.inspect_kind(tickets_path)
    assert tickets.kind == "events"
    assert preview.activity_role("Décroché", "call_events") == "answered"
    assert preview.activity_role("Reply to customer", "events") == "response"
