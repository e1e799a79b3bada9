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
