"""Formats the user sets (#12): a typed date format, the decimal comma, the zone the
file's times are written in, the yes/no words of a flag column, and the period a
report without dates covers. Each flows through the profile (``[parse]``, a field's
``map``) into the one SQL the preview and the import share; expected figures are
worked out by hand from the rows below."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kpidesk.core.ingest import import_batch, import_file, preview, save_profile
from kpidesk.core.ingest.dateformat import strptime_of
from kpidesk.core.ingest.errors import ImportError_, NeedsPeriod
from kpidesk.core.ingest.period import Period
from kpidesk.core.ingest.profiles import load
from tests.helpers.files import write_file as _write


@pytest.mark.parametrize(
    "typed, fmt",
    [
        ("DD/MM/YYYY hh:mm", "%d/%m/%Y %H:%M"),
        ("JJ/MM/AAAA hh:mm", "%d/%m/%Y %H:%M"),
        ("jj.mm.aaaa", "%d.%M.%Y"),  # lower-case mm is minutes: no month, refused below
        ("AAAA.MM.JJ-hh.mm", "%Y.%m.%d-%H.%M"),
        ("JJ/MM/AA à hhhmm", "%d/%m/%y à %Hh%M"),
        ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M"),
    ],
)
def test_a_typed_pattern_becomes_a_strptime_format(typed, fmt):
    if typed == "jj.mm.aaaa":
        with pytest.raises(ValueError, match="does not give the day, the month and the year"):
            strptime_of(typed)
        return
    assert strptime_of(typed) == fmt


def test_a_format_without_the_year_is_refused():
    with pytest.raises(ValueError):
        strptime_of("DD/MM hh:mm")
    with pytest.raises(ValueError):
        strptime_of("")


# An English call log in formats no vocabulary knows: dates written 2024.01.30-14.05 in
# New York time, waits in minutes with a decimal comma (talk in minutes with a point:
# the point is more frequent, so the values alone say "decimal point"), a transfer flag
# written "x" or left empty.
CALLS_EN = (
    "Ref;Started;Rep;Hold mins;Talk mins;Xfer\n"
    "R1;2024.01.30-14.05;Ann;1,5;3.25;x\n"
    "R2;2024.01.30-14.20;Bob;0,75;4.5;\n"
    "R3;2024.01.31-09.00;Ann;2;1.75;x\n"
)


def _calls_profile(**parse):
    return {
        "name": "hold_log",
        "table": "contacts",
        "source": "generic",
        "match": {"headers": ["Ref", "Started", "Rep", "Hold mins", "Talk mins", "Xfer"]},
        "parse": parse,
        "fields": {
            "source_key": "Ref",
            "arrived_at": "Started",
            "agent_id": "Rep",
            "wait_s": {"column": "Hold mins", "unit": "minutes"},
            "talk_s": {"column": "Talk mins", "unit": "minutes"},
            "transferred": {"column": "Xfer", "map": {"x": "true", "": "false"}},
            "channel": {"value": "phone"},
            "outcome": {"value": "answered"},
        },
    }


def test_the_preview_counts_follow_each_format(tmp_path):
    path = _write(tmp_path, "holds.csv", CALLS_EN)
    # No format given: the dates cannot be read, nothing would load
    pv = preview.preview(path, _calls_profile())
    assert (pv.loading, pv.rejected) == (0, 3)
    assert pv.why[0][:2] == ("cannot read the date in column Started", 3)
    # The date format: the row whose wait has no decimals loads; "1,5" is no number
    pv = preview.preview(path, _calls_profile(date_format="YYYY.MM.DD-hh.mm"))
    assert (pv.loading, pv.rejected) == (1, 2)
    assert pv.why[0][:2] == ("cannot read the duration in column Hold mins", 2)
    # The decimal comma: every row loads
    pv = preview.preview(path, _calls_profile(date_format="YYYY.MM.DD-hh.mm", decimal_comma=True))
    assert (pv.loading, pv.rejected) == (3, 0)
    row = dict(zip(pv.columns, pv.rows[0]))
    assert (row["wait_s"], row["talk_s"], row["transferred"]) == (90.0, 195.0, True)


def test_the_import_reads_the_file_as_the_preview_did(store, tmp_path):
    path = _write(tmp_path, "holds.csv", CALLS_EN)
    data = _calls_profile(date_format="YYYY.MM.DD-hh.mm", decimal_comma=True, timezone="America/New_York")
    saved = load(save_profile(data, "hold_log", tmp_path / "profiles"))
    assert saved.section("parse") == {
        "date_format": "YYYY.MM.DD-hh.mm",
        "decimal_comma": True,
        "timezone": "America/New_York",
    }
    report = import_file(store, path, saved)
    assert (report.loaded, report.rejected) == (3, 0)
    # the report says how each column was read: the date with the format the user gave
    rules = {c["column"]: c["rule"] for c in report.columns}
    assert rules["Started"] == "date and time (format %Y.%m.%d-%H.%M)"
    assert rules["Xfer"] == "coded values: x → true,  → false"
    rows = (
        store.cursor()
        .execute("SELECT source_key, arrived_at, wait_s, talk_s, transferred FROM contacts ORDER BY 1")
        .fetchall()
    )
    # New York is UTC-5 in January: 14:05 there is 19:05 in the database's zone (UTC here)
    assert rows == [
        ("R1", datetime(2024, 1, 30, 19, 5), 90.0, 195.0, True),
        ("R2", datetime(2024, 1, 30, 19, 20), 45.0, 270.0, False),
        ("R3", datetime(2024, 1, 31, 14, 0), 120.0, 105.0, True),
    ]


# A French ticket list: dates "30-01-2024 14h05", scores "4,5" on 5, "Traité"/"Perdu"
# for resolved, VRAI/FAUX for reopened.
TICKETS_FR = (
    "N° dossier;Ouvert le;Conseiller;Résolution;Rouvert\n"
    "D1;30-01-2024 14h05;Léa;Traité;FAUX\n"
    "D2;30-01-2024 15h30;Marc;Perdu;VRAI\n"
    "D3;31-01-2024 08h10;Léa;Traité;FAUX\n"
)


def test_yes_no_words_of_a_french_flag_column(store, tmp_path):
    path = _write(tmp_path, "dossiers.csv", TICKETS_FR, "cp1252")
    data = {
        "name": "dossiers",
        "table": "contacts",
        "source": "generic",
        "read": {"encoding": "cp1252", "delimiter": ";"},
        "parse": {"date_format": "JJ-MM-AAAA hhhmm"},
        "fields": {
            "source_key": "N° dossier",
            "arrived_at": "Ouvert le",
            "agent_id": "Conseiller",
            "resolved": {"column": "Résolution", "map": {"traité": "true", "perdu": "false"}},
            "reopened": "Rouvert",
            "channel": {"value": "email"},
        },
    }
    # Without the words, "Traité" is no yes/no value: every row is rejected, and said so
    bare = dict(data, fields={**data["fields"], "resolved": "Résolution"})
    pv = preview.preview(path, bare)
    assert (pv.loading, pv.why[0][:2]) == (0, ("cannot read the yes/no value in column Résolution", 3))
    report = import_file(store, path, data)
    assert (report.loaded, report.rejected) == (3, 0)
    rows = store.cursor().execute("SELECT source_key, arrived_at, resolved, reopened FROM contacts ORDER BY 1")
    assert rows.fetchall() == [
        ("D1", datetime(2024, 1, 30, 14, 5), True, False),
        ("D2", datetime(2024, 1, 30, 15, 30), False, True),
        ("D3", datetime(2024, 1, 31, 8, 10), True, False),
    ]


def test_a_flag_column_lists_its_empty_values(tmp_path):
    path = _write(tmp_path, "holds.csv", CALLS_EN)
    listed = preview.distinct_values(path, ["Xfer", "Rep"], empty=("Xfer",))
    assert listed == {"Xfer": ([("x", 2), ("", 1)], 1), "Rep": ([("Ann", 2), ("Bob", 1)], 2)}


@pytest.mark.parametrize(
    "parse, said",
    [
        ({"date_format": "MM/YYYY"}, "date_format"),
        ({"timezone": "Paris"}, "timezone 'Paris' is not a time zone"),
        ({"decimal_comma": "yes"}, "decimal_comma"),
    ],
)
def test_a_profile_with_a_wrong_format_is_said_invalid(tmp_path, parse, said):
    path = tmp_path / "bad.toml"
    path.write_text(
        "name = 'bad'\ntable = 'contacts'\n[parse]\n"
        + "\n".join(f"{k} = {v!r}" for k, v in parse.items())
        + "\n[fields]\narrived_at = 'Date'\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportError_, match=said):
        load(path)


# -- a report of counts without dates ---------------------------------------------------------
# Per rep, no date column: 10 + 20 = 30 offered, 9 + 15 = 24 answered.
REPORT = (
    "Incoming Calls,Answered Calls,Abandoned Calls,Talk Duration (AVG),Sales Rep\n"
    "10,9,1,00:01:00,Rep01\n"
    "20,15,5,00:02:00,Rep02\n"
)


def test_a_report_without_dates_is_asked_its_period(store, tmp_path):
    path = _write(tmp_path, "reps.csv", REPORT)
    result = import_batch(store, [path])
    assert result.undated == [path] and result.unrecognised == []
    [failed] = result.reports
    assert failed.message_template.startswith("{file} is a report of counts per agent or queue")
    assert "Which period does it cover?" in failed.message and failed.message_params["file"] == "reps.csv"
    with pytest.raises(NeedsPeriod) as exc:
        import_file(store, path)
    assert exc.value.profile == "generic_interval_report"
    # Given one day: every row is one interval of that day
    result = import_batch(store, [path], period=Period(date(2024, 3, 5), date(2024, 3, 5)))
    assert [r.loaded for r in result.reports] == [2]
    rows = store.cursor().execute("SELECT DISTINCT interval_start, interval_s FROM interval_stats").fetchall()
    assert rows == [(datetime(2024, 3, 5), 86400)]


def test_the_preview_places_the_rows_in_the_period_given(tmp_path):
    path = _write(tmp_path, "reps.csv", REPORT)
    data = {
        "name": "reps",
        "table": "interval_stats",
        "source": "generic",
        "fields": {
            "offered": "Incoming Calls",
            "answered": "Answered Calls",
            "agent_id": "Sales Rep",
            "channel": {"value": "phone"},
        },
    }
    columns = REPORT.splitlines()[0].split(",")
    assert preview.needs_period(data, columns)
    assert preview.missing_fields(data, columns) == ["interval_start", "interval_s"]
    march = Period(date(2024, 3, 1), date(2024, 3, 31))
    assert preview.missing_fields(data, columns, march) == []
    assert preview.preview(path, data).missing == ["interval_start", "interval_s"]
    pv = preview.preview(path, data, period=march)
    assert (pv.loading, pv.rejected) == (2, 0)
    row = dict(zip(pv.columns, pv.rows[0]))
    assert (row["interval_start"], row["interval_s"], row["offered"]) == (datetime(2024, 3, 1), 31 * 86400, 10)
    assert "the period 2024-03-01 to 2024-03-31" in pv.key
    # The inspection reads the period a file's name gives
    named = _write(tmp_path, "reps_2024-04.csv", REPORT)
    assert preview.inspect_kind(named, kind="intervals").period == Period(date(2024, 4, 1), date(2024, 4, 30))
