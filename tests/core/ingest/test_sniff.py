"""Reading files of every shape team leads receive: encodings, separators, preambles."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import ImportError_, import_file
from kpidesk.core.ingest.sniff import sniff

HEADER = "Call ID;Date;Queue;Agent;Wait Time;Talk Time\r\n"


def _calls(store):
    return (
        store.cursor()
        .execute(
            "SELECT source_key, arrived_at::VARCHAR, queue, agent_id, wait_s, talk_s FROM contacts ORDER BY source_key"
        )
        .fetchall()
    )


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_are_detected_and_transcoded(store, tmp_path, codec):
    queue = "Réclamations €" if codec != "latin-1" else "Réclamations"
    text = HEADER + f"C1;01/03/2024 08:00:00;{queue};Cœur;10;60\r\n".replace(
        "Cœur", "Cœur" if codec in ("utf-8", "utf-8-sig", "utf-16", "cp1252") else "Coeur"
    )
    path = tmp_path / "calls.csv"
    path.write_bytes(text.encode(codec))
    report = import_file(store, path, profile="generic_call_log")
    assert (report.rows_read, report.loaded) == (1, 1)
    row = _calls(store)[0]
    assert row[2] == queue
    assert row[3] in ("Cœur", "Coeur")


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_any_separator(store, tmp_path, sep):
    path = tmp_path / "calls.txt"
    path.write_text(
        sep.join(["Call ID", "Date", "Queue", "Wait Time"])
        + "\n"
        + sep.join(["C1", "2024-03-01 08:00:00", "Sales", "12"])
        + "\n",
        encoding="utf-8",
    )
    assert sniff(path).delimiter == sep
    assert import_file(store, path).loaded == 1


def test_preamble_quotes_line_breaks_and_mixed_newlines(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        b"Call report\r\nPeriod: March 2024\r\n\r\n"
        b"Call ID,Date,Queue,Agent,Wait Time,Talk Time\r\n"  # line 4
        b'C1,2024-03-01 08:00:00,"Sales, north",Ann,5,60\n'  # line 5
        b'C2,2024-03-01 09:00:00,"Two\nlines",Bob,7,70\r\n'  # lines 6-7
        b"C3,not a date,Sales,Ann,1,1\r\n"  # line 8
    )
    info = sniff(path)
    assert (info.delimiter, info.header_line) == (",", 4)
    report = import_file(store, path)
    assert (report.rows_read, report.loaded, report.rejected) == (3, 2, 1)
    assert report.rejects == [(8, "cannot read the date in column Date: not a date")]
    assert _calls(store)[1][2] == "Two\nlines"
    assert _calls(store)[0][2] == "Sales, north"


def test_ragged_lines_are_rejected_not_dropped(store, tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text(
        "Call ID,Date,Queue,Wait Time\nC1,2024-03-01 08:00:00,Sales,5\n"
        "C2,2024-03-01 08:01:00,Sales,5,surprise\nC3,2024-03-01 08:02:00\n"
        "C4,2024-03-01 08:03:00,Sales,6\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert (report.rows_read, report.loaded, report.rejected) == (4, 2, 2)
    assert [r[0] for r in report.rejects] == [3, 4]
    assert "more fields" in report.rejects[0][1] and "fewer fields" in report.rejects[1][1]


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe" * 50, "not a text export"),
        (b"KPI dashboard\nAnswer rate: 91%\n\nCalls today\n1234\n", "does not hold a table"),
        (b"Call ID,Date\n", "no data rows"),
    ],
)
def test_unusable_files_give_a_clear_message_and_write_nothing(store, tmp_path, content, words):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportError_, match=words):
        import_file(store, path)
    assert store.table_count("imports") == 0 and store.table_count("contacts") == 0


def test_a_line_break_in_quotes_past_the_first_lines_is_seen(tmp_path):
    """The separator is chosen on the first lines; the rest of the sample still says
    whether a quoted field holds a line break (none can without a quote)."""
    rows = "".join(f"{i};n{i};{i * 3}\n" for i in range(20000))
    plain = tmp_path / "plain.csv"
    plain.write_text("id;name;value\n" + rows, encoding="utf-8")
    late = tmp_path / "late.csv"
    late.write_text("id;name;value\n" + rows + '20000;"two\nlines";1\n20001;n;2\n', encoding="utf-8")
    blank = tmp_path / "blank.csv"
    blank.write_text("a,b,c\n" + "\n" * 70000 + "1,2,3\n", encoding="utf-8")
    assert sniff(plain).multiline is False
    assert sniff(late).multiline is True
    info = sniff(blank)
    assert (info.columns, info.first_line, info.multiline) == (["a", "b", "c"], 1, False)
