"""An abandon rate or a flow-out count only over the contacts whose export can say
them: a chat export that lists served chats only has no abandon rate (missing input,
with its reason), not 0 %; a call log that says abandoned keeps its figure; both
together, the figure is the call log's and says what it left out."""

from __future__ import annotations

from kpidesk.core.dashboard.tabs import TabRequest, load_tab
from kpidesk.core.ingest import import_file
from kpidesk.core.kpi.engine import Engine, Filters

# Salesforce's chat transcript report: the chats agents served, no outcome column
SERVED_CHATS = (
    "Chat Transcript Name,Start Time,End Time,Case: Case Number,Owner: Full Name\n"
    '1001,"22/04/2026, 09:43","22/04/2026, 09:53",3967121,Ann Smith\n'
    '1002,"22/04/2026, 10:00","22/04/2026, 10:04",3967122,Bob Jones\n'
    '1003,"23/04/2026, 11:15","23/04/2026, 11:16",,Ann Smith\n'
)
# a chat log whose outcome column says served or abandoned: 1 abandoned of 4
CHATS_WITH_OUTCOMES = (
    "Conversation ID,Started at,Agent,Outcome\n"
    "K1,2026-04-22 09:00:00,ann,served\n"
    "K2,2026-04-22 09:10:00,,abandoned\n"
    "K3,2026-04-22 09:20:00,bob,served\n"
    "K4,2026-04-23 10:00:00,ann,served\n"
)
# a call log with an outcome column: 4 offered (3 answered, 1 abandoned after 40 s)
CALLS = (
    "Call ID,Date,Queue,Agent,Outcome,Wait Time,Talk Time\n"
    "C1,2026-04-22 08:00:00,Sales,ann,answered,10,60\n"
    "C2,2026-04-22 08:05:00,Sales,,abandoned,40,\n"
    "C3,2026-04-22 08:10:00,Support,bob,answered,5,120\n"
    "C4,2026-04-23 08:10:00,Support,bob,answered,8,90\n"
)
# a call log without an outcome column: its 2 calls are offered, never said abandoned
CALLS_NO_OUTCOME = "Call ID,Date,Queue,Agent,Wait Time,Talk Time\nD1,2026-04-22 09:00:00,Sales,ann,12,60\nD2,2026-04-22 09:30:00,Sales,bob,3,30\n"


def _import(store, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(store, path)


def _said(store) -> list:
    return store.cursor().execute("SELECT outcomes FROM imports ORDER BY import_id").fetchall()


def test_a_chat_export_of_served_chats_alone_has_no_abandon_rate(store, tmp_path):
    report = _import(store, tmp_path, "chat_transcripts.csv", SERVED_CHATS)
    assert report.loaded == 3 and report.outcomes == ["answered"] and report.unsaid == ["abandoned"]
    assert _said(store) == [(["answered"],)]
    for lang, words in (
        ("en", "missing input: abandoned chats (the export cannot say a chat was abandoned"),
        ("fr", "donnée manquante : les chats abandonnés (l'export ne peut pas dire"),
    ):
        engine = Engine(store, lang=lang)
        rate = engine.compute(["chat_abandon_rate"])[0]
        assert (rate.value, rate.n) == (None, 0)
        assert rate.reason.startswith(words) and rate.extras["abandon_unknown"] == 3
        tab = load_tab((engine, TabRequest("chat", Filters())))
        assert tab.tiles["chat_abandon_rate"].value is None
        assert tab.tiles["chat_abandon_rate"].reason == rate.reason
    # no call at all: no flow-out count (was 0), not a missing input either
    flowouts = Engine(store).compute(["flowouts"])[0]
    assert (flowouts.value, flowouts.reason) == (None, "no data")


def test_a_call_log_that_says_abandoned_keeps_its_figures(store, tmp_path):
    report = _import(store, tmp_path, "calls.csv", CALLS)
    # the generic call log's outcome map: answered, abandoned, flow-outs and missed calls
    assert report.outcomes == ["answered", "abandoned", "flowout", "missed"] and report.unsaid == []
    values = {v.kpi: v for v in Engine(store).compute(["abandon_rate", "flowouts", "short_abandons"])}
    assert (values["abandon_rate"].value, values["abandon_rate"].n) == (0.25, 4)  # 1 of 4
    assert values["abandon_rate"].note is None and values["abandon_rate"].reason is None
    assert (values["flowouts"].value, values["short_abandons"].value) == (0, 0)


def test_a_call_log_and_a_served_chat_export_together(store, tmp_path):
    """The call log's abandon rate is its own (1 of 4); the chats still have none."""
    _import(store, tmp_path, "calls.csv", CALLS)
    _import(store, tmp_path, "chat_transcripts.csv", SERVED_CHATS)
    engine = Engine(store)
    values = {v.kpi: v for v in engine.compute(["abandon_rate", "chat_abandon_rate"])}
    assert (values["abandon_rate"].value, values["abandon_rate"].n) == (0.25, 4)
    assert values["chat_abandon_rate"].value is None
    assert values["chat_abandon_rate"].reason.startswith("missing input: abandoned chats")
    overview = load_tab((engine, TabRequest("chat", Filters())))
    assert overview.tiles["chat_abandon_rate"].value is None


def test_chats_of_two_exports_are_counted_over_the_one_that_says_abandoned(store, tmp_path):
    """4 chats that say served or abandoned (1 abandoned) and 3 served chats of an
    export that cannot say it: 1 / 4 = 25 %, not 1 / 7, and the 3 are said to be left out."""
    _import(store, tmp_path, "chats.csv", CHATS_WITH_OUTCOMES)
    _import(store, tmp_path, "chat_transcripts.csv", SERVED_CHATS)
    rate = Engine(store).compute(["chat_abandon_rate"])[0]
    assert (rate.value, rate.n, rate.reason) == (0.25, 4, None)
    assert rate.note == "left out: 3 chats of exports that cannot say abandoned"
    fr = Engine(store, lang="fr").compute(["chat_abandon_rate"])[0]
    assert fr.note == "exclus : 3 chats d'exports qui ne disent pas les abandons"
    by_day = {v.group["day"].isoformat(): v for v in Engine(store).compute(["chat_abandon_rate"], by=("day",))}
    # 22 April: 1 of 3 said, 2 served chats left out; 23 April: 0 of 1, 1 left out
    assert (by_day["2026-04-22"].value, by_day["2026-04-22"].extras["abandon_unknown"]) == (1 / 3, 2)
    assert (by_day["2026-04-23"].value, by_day["2026-04-23"].extras["abandon_unknown"]) == (0.0, 1)


def test_calls_of_an_export_without_outcomes_are_left_out_and_said(store, tmp_path):
    """Calls 1 abandoned of 4 said + 2 of a log with no outcome column: 1 / 4, not
    1 / 6, and 3 answered of 4, not 3 of 6; that log alone has no abandon rate, no
    flow-out count, no answer rate."""
    report = _import(store, tmp_path, "calls_plain.csv", CALLS_NO_OUTCOME)
    assert report.outcomes == [] and report.unsaid == ["abandoned", "flowout"]
    alone = {v.kpi: v for v in Engine(store).compute(["abandon_rate", "flowouts", "short_abandons"])}
    assert alone["abandon_rate"].value is None
    assert alone["abandon_rate"].reason.startswith("missing input: abandoned calls")
    assert alone["flowouts"].value is None and alone["flowouts"].reason.startswith("missing input: flow-outs")
    assert alone["short_abandons"].value is None
    # nor an answer rate or service level: none of its calls can be said unanswered (was 0 %)
    for kpi in ("answer_rate", "service_level"):
        value = Engine(store).compute([kpi])[0]
        assert value.value is None and value.reason.startswith("missing input: unanswered calls")
    _import(store, tmp_path, "calls.csv", CALLS)
    both = {v.kpi: v for v in Engine(store).compute(["abandon_rate", "flowouts"])}
    assert (both["abandon_rate"].value, both["abandon_rate"].n) == (0.25, 4)
    assert both["abandon_rate"].note == "left out: 2 calls of exports that cannot say abandoned"
    assert (both["flowouts"].value, both["flowouts"].n) == (0, 4)
    assert both["flowouts"].note == "left out: 2 calls of exports that cannot say flow-outs"
    answer = Engine(store).compute(["answer_rate"])[0]
    assert (answer.value, answer.n, answer.note) == (0.75, 4, "left out: 2 calls of exports that cannot say unanswered")


def test_what_an_import_can_say_comes_from_its_profile_and_mapping():
    from kpidesk.core.ingest.outcomes import said
    from kpidesk.core.ingest.profiles import Profile

    calls = Profile("p", {"table": "contacts", "fields": {}})
    # an expression writes the words it quotes; a map, its values; a constant, itself
    expr = {"expr": "CASE WHEN {Owner} IS NOT NULL THEN 'answered' END"}
    assert said(calls, {"outcome": expr}) == ["answered"]
    assert said(calls, {"outcome": {"_column": "Result", "map": {"ok": "answered", "lost": "abandoned"}}}) == [
        "answered",
        "abandoned",
    ]
    assert said(calls, {"outcome": {"value": "handled"}}) == ["handled"]
    assert said(calls, {}) == []  # no outcome at all: it says none
    assert said(calls, {"outcome": {"_column": "Result"}}) is None  # its own words: not restricted
    assert said(calls, {"outcome": {**expr, "outcomes": ["answered", "abandoned"]}}) == ["answered", "abandoned"]
    vendor = Profile("v", {"table": "contacts", "transform": "x", "outcomes": ["abandoned", "answered"]})
    assert said(vendor, None) == ["answered", "abandoned"]
    assert said(Profile("t", {"table": "contacts", "transform": "x"}), None) is None
    assert said(Profile("s", {"table": "surveys", "fields": {}}), {}) is None


def test_migration_011_restricts_older_imports_that_held_answered_contacts_only():
    import duckdb

    from kpidesk.core.db.migrations import MIGRATIONS

    con = duckdb.connect()
    names = [name for name, _ in MIGRATIONS]
    upto = names.index("011_import_outcomes")
    for _, sql in MIGRATIONS[:upto]:
        con.execute(sql)
    for import_id in (1, 2, 3, 4):
        con.execute(
            "INSERT INTO imports (import_id, file_name, file_hash, started_at) VALUES (?, 'f', 'h', TIMESTAMP '2024-01-01')",
            [import_id],
        )
    rows = [(1, "answered"), (1, "abandoned"), (1, None), (2, "answered"), (3, None)]  # import 4: surveys
    for i, (import_id, outcome) in enumerate(rows):
        con.execute(
            "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at, outcome, import_id) "
            "VALUES (?, 's', ?, 'phone', TIMESTAMP '2024-01-01', ?, ?)",
            [i, str(i), outcome, import_id],
        )
    con.execute(MIGRATIONS[upto][1])
    said = con.execute("SELECT import_id, outcomes FROM imports ORDER BY 1").fetchall()
    # import 1 could say abandoned: its figures stay as they were (a day without an
    # overflow is not a file that cannot say one); 2 listed answered contacts only;
    # 3 said no outcome at all; 4 holds no contacts
    assert said == [(1, None), (2, ["answered"]), (3, []), (4, None)]


def test_the_salesforce_chat_transcripts_alone_have_no_abandon_rate(store):
    """The real export (30,585 rows, 437 without a start time): 30,148 served chats,
    none of which the export can say was abandoned."""
    import pytest

    from tests.helpers.paths import SHARED_DATA

    path = SHARED_DATA / "salesforce-service-cloud-premierbet" / "chat_transcripts.csv"
    if not path.exists():
        pytest.skip("shared sample data not available")
    report = import_file(store, path)
    assert report.loaded == 30148 and report.outcomes == ["answered"]
    rate = Engine(store).compute(["chat_abandon_rate"])[0]
    assert rate.value is None and rate.extras["abandon_unknown"] == 30148
    assert rate.reason.startswith("missing input: abandoned chats")


def test_the_cli_and_the_service_report_say_what_a_figure_left_out(store, tmp_path, capsys):
    """`kpidesk kpis` prints the chat abandon rate over the chats that can say it with
    the 3 left out in its note, in French too; the service report's figure carries it."""
    from datetime import date

    from kpidesk.cli import main
    from kpidesk.core.db.startup import open_database
    from kpidesk.core.service.report import build

    db = tmp_path / "mixed.duckdb"
    with open_database(db) as own:
        _import(own, tmp_path, "chats.csv", CHATS_WITH_OUTCOMES)
        _import(own, tmp_path, "chat_transcripts.csv", SERVED_CHATS)
    assert main(["kpis", "--db", str(db), "--kpi", "chat_abandon_rate", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "25,0" in out and "exclus : 3 chats d'exports qui ne disent pas les abandons" in out
    with open_database(db) as own:
        report = build(Engine(own), Filters(), date(2026, 4, 1), date(2026, 4, 21))
    chat = [f for section in report.channels for f in section.figures if f.kpi == "chat_abandon_rate"]
    assert [(f.value, f.note) for f in chat] == [(0.25, "left out: 3 chats of exports that cannot say abandoned")]
