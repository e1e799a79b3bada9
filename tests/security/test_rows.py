"""No record vanishes and no impossible value loads without a word. Every file is made
here, by the test."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import ImportError_, import_file

HEAD = "Call ID,Date,Queue,Agent,Outcome,Wait Time,Talk Time\n"


def _row(i: int, agent: str = "A1", wait: str = "5", date: str = "2024-03-01 08:00:00") -> str:
    return f"C{i},{date},Sales,{agent},answered,{wait},10\n"


def _import(store, path: Path):
    return import_file(store, path, profile="generic_call_log")


def _state(store):
    cur = store.cursor()
    return [cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("contacts", "imports", "import_rejects")]


def test_a_record_over_32_mb_is_counted_as_rejected(tmp_path, store):
    rows = [_row(i) for i in range(200)]
    rows[50] = f"C50,2024-03-01 08:00:00,{'x' * (33 << 20)},A1,answered,1,10\n"
    path = tmp_path / "big.csv"
    path.write_text(HEAD + "".join(rows), encoding="utf-8")
    report = _import(store, path)
    assert (report.rows_read, report.loaded, report.rejected) == (200, 199, 1)
    assert report.balanced()
    assert "could not be read at all" in report.rejects[0][1]


def test_an_unterminated_quote_is_refused_with_its_line(tmp_path, store):
    rows = [_row(i) for i in range(200)]
    rows[50] = 'C50,2024-03-01 08:00:00,"Sales,A1,answered,1,10\n'  # line 52 of the file
    path = tmp_path / "quote.csv"
    path.write_text(HEAD + "".join(rows), encoding="utf-8")
    before = _state(store)
    with pytest.raises(ImportError_, match="line 52 opens a quote"):
        _import(store, path)
    assert _state(store) == before


def _names(store) -> dict[str, str]:
    return dict(store.cursor().execute("SELECT source_key, agent_id FROM contacts").fetchall())


def test_a_windows_1252_line_after_the_first_megabyte_of_utf8(tmp_path, store, capsys):
    n = 22000  # ~1.2 MB of UTF-8 before the odd line
    text = HEAD.encode() + b"".join(_row(i, agent="Léa").encode("utf-8") for i in range(n))
    text += _row(n, agent="Zoé").encode("cp1252")  # line n + 2
    path = tmp_path / "mixed.csv"
    path.write_bytes(text)
    report = _import(store, path)
    assert report.loaded == n + 1 and report.rejected == 0
    assert report.reader["windows_1252_lines"] == [n + 2]
    names = _names(store)
    assert set(names.values()) == {"Léa", "Zoé"}  # no 'LÃ©a', no bogus agent
    # the CLI says which lines it read as Windows-1252
    db = tmp_path / "cli.duckdb"
    assert main(["import", str(path), "--db", str(db), "--profile", "generic_call_log"]) == 0
    assert f"read as Windows-1252: {n + 2}" in capsys.readouterr().out


def test_a_windows_1252_line_between_the_samples_is_repaired_on_retry(tmp_path, store):
    n = 60000  # ~4 MB: the bad line sits between the start, middle and end samples
    rows = [_row(i, agent="Léa").encode("utf-8") for i in range(n)]
    rows[17000] = _row(17000, agent="Zoé").encode("cp1252")
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEAD.encode() + b"".join(rows))
    report = _import(store, path)
    assert report.loaded == n and report.reader["windows_1252_lines"] == [17002]
    assert set(_names(store).values()) == {"Léa", "Zoé"}


def test_impossible_values_are_rejected_with_their_reason(tmp_path, store, capsys):
    rows = [
        _row(1, wait="NaN"),
        _row(2, wait="inf"),
        _row(3, wait="1e308"),
        _row(4, wait="-5"),
        _row(5, date="0001-01-01 08:00:00"),
        _row(6, date="9999-12-31 08:00:00"),
    ]
    rows += [_row(i) for i in range(7, 3000)]
    rows.append(_row(3000, agent="A\x001"))  # a NUL byte past the sniffed start
    path = tmp_path / "values.csv"
    path.write_text(HEAD + "".join(rows), encoding="utf-8")
    report = _import(store, path)
    assert report.rejected == 7 and report.loaded == 2993 and report.balanced()
    reasons = dict(report.rejects)
    assert reasons[2] == reasons[3] == "wait_s: not a finite number (NaN or infinity)"
    assert reasons[4] == "wait_s: a duration over ten years"
    assert reasons[5] == "wait_s: a negative duration"
    assert reasons[6] == reasons[7] == "arrived_at: a date before 1970 or after 2100"
    assert reasons[3001] == "agent_id: contains a NUL character"
    assert (
        store.cursor().execute("SELECT count(*) FROM contacts WHERE agent_id LIKE '%' || chr(0) || '%'").fetchone()[0]
        == 0
    )


def test_kpis_json_stays_json_when_a_value_is_not_finite(tmp_path, capsys):
    from tests.helpers.builders import add_contacts, call

    db = tmp_path / "team.duckdb"
    with open_database(db) as store:  # as a database written before the checks above would hold it
        add_contacts(store, [call("answered", 10, talk_s=float("inf")), call("answered", 20)])
    assert main(["kpis", "--db", str(db), "--kpi", "aht", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)  # strict JSON: no Infinity
    assert rows[0]["value"] is None


def test_a_small_utf8_file_with_one_windows_1252_line(tmp_path, store):
    path = tmp_path / "small.csv"
    path.write_bytes(HEAD.encode() + _row(1, agent="Léa").encode() + _row(2, agent="Zoé").encode("cp1252"))
    report = _import(store, path)
    assert report.loaded == 2 and report.reader["windows_1252_lines"] == [3]
    assert set(_names(store).values()) == {"Léa", "Zoé"}


def test_long_fields_and_other_encodings_import(tmp_path, store):
    long = tmp_path / "long.csv"  # a 200 KB field in the first megabyte
    long.write_text(HEAD + _row(1, agent="x" * 200_000) + _row(2), encoding="utf-8")
    assert _import(store, long).loaded == 2
    u32 = tmp_path / "u32.csv"
    u32.write_bytes(codecs.BOM_UTF32_LE + (HEAD + _row(3, agent="Zoé") + _row(4)).encode("utf-32-le"))
    assert _import(store, u32).loaded == 2
    assert "Zoé" in _names(store).values()


def test_invalid_utf16_is_one_clear_line(tmp_path, store):
    bad = tmp_path / "u16.csv"
    body = (HEAD + _row(1) + _row(2)).encode("utf-16-le")
    bad.write_bytes(codecs.BOM_UTF16_LE + body[:40] + b"\x00\xd8\x41\x00" + body[40:])  # a lone surrogate
    before = _state(store)
    with pytest.raises(ImportError_, match="not valid UTF-16"):
        _import(store, bad)
    assert _state(store) == before
    assert list(store.staging_dir().iterdir()) == []  # the partial copy is gone


CHAT_HEAD = (
    "Id,Name,RequestTime,StartTime,EndTime,WaitTime,ChatDuration,Status,Owner.Name,"
    "LiveChatButton.DeveloperName,ContactId,CaseId,AverageResponseTimeOperator\n"
)


def _chat(i: int, wait: str = "40", request: str = "2024-04-02T08:00:00.000Z", owner: str = "Nina Ray") -> str:
    return (
        f"570A{i},{i:08},{request},2024-04-02T08:00:40.000Z,2024-04-02T08:10:40.000Z,{wait},600,"
        f"Completed,{owner},Support_Chat,003A{i},500A{i},25\n"
    )


def test_a_vendor_transforms_impossible_values_are_rejected_by_the_same_rules(tmp_path, store):
    """A Salesforce chat export (a Python transform, not a declarative profile): the
    transform's output goes through the checks generic imports use."""
    rows = [
        _chat(1, wait="NaN"),
        _chat(2, wait="inf"),
        _chat(3, wait="1e308"),
        _chat(4, wait="-5"),
        _chat(5, request="0001-01-01T08:00:00.000Z"),
        _chat(6, request="9999-12-31T08:00:00.000Z"),
    ]
    rows += [_chat(i) for i in range(7, 3000)]
    rows.append(_chat(3000, owner="Nina\x00Ray"))  # a NUL byte past the sniffed start
    path = tmp_path / "chats.csv"
    path.write_text(CHAT_HEAD + "".join(rows), encoding="utf-8")
    report = import_file(store, path, profile="salesforce_chat")
    assert report.rejected == 7 and report.loaded == 2993 and report.balanced()
    reasons = dict(report.rejects)
    assert reasons[2] == reasons[3] == "wait_s: not a finite number (NaN or infinity)"
    assert reasons[4] == "wait_s: a duration over ten years"
    assert reasons[5] == "wait_s: a negative duration"
    assert reasons[6] == reasons[7] == "arrived_at: a date before 1970 or after 2100"
    assert reasons[3001] == "agent_id: contains a NUL character"
    cur = store.cursor()
    assert cur.execute("SELECT count(*) FROM contacts WHERE agent_id LIKE '%' || chr(0) || '%'").fetchone()[0] == 0
    assert cur.execute("SELECT count(*) FROM contacts WHERE NOT isfinite(wait_s) OR wait_s < 0").fetchone()[0] == 0
    assert cur.execute("SELECT count(*) FROM import_rejects").fetchone()[0] == 7


def test_records_with_quoted_line_breaks_are_counted_quotes_followed(tmp_path, store):
    from kpidesk.core.ingest import records
    from kpidesk.core.ingest.sniff import sniff

    rows = [_row(i) for i in range(200)]
    rows[3] = 'C3,2024-03-01 08:00:00,"Sales\nsecond line, with a comma",A1,answered,1,10\n'
    rows[60] = 'C60,2024-03-01 08:00:00,"Sales\n\nafter a blank line",A1,answered,1,10\n'
    path = tmp_path / "multi.csv"
    path.write_text(HEAD + "".join(rows) + "\n\n", encoding="utf-8")  # blank lines at the end: not records
    info = sniff(path)
    assert info.multiline and records.scan(info).records == 200  # 204 line breaks after the header
    report = _import(store, path)
    assert (report.rows_read, report.loaded, report.rejected) == (200, 200, 0) and report.balanced()
    assert report.warnings == []


def test_quoted_line_breaks_past_the_sniffed_start_are_not_counted_as_lost_records(tmp_path, store):
    rows = [_row(i, agent="A" * 400) for i in range(3000)]  # 1.3 MB: past the sniffed first megabyte
    rows[2900] = 'C2900,2024-03-01 08:00:00,"Sales\nand more",A1,answered,1,10\n'
    rows[2950] = 'C2950,2024-03-01 08:00:00,"Sales\nand\nmore",A1,answered,1,10\n'
    path = tmp_path / "late.csv"
    path.write_text(HEAD + "".join(rows), encoding="utf-8")
    report = _import(store, path)
    assert (report.rows_read, report.loaded, report.rejected) == (3000, 3000, 0) and report.balanced()
    assert not any("could not be read at all" in reason for _, reason in report.rejects)


def test_a_record_over_32_mb_among_quoted_line_breaks_is_counted(tmp_path, store):
    rows = [_row(i) for i in range(200)]
    rows[3] = 'C3,2024-03-01 08:00:00,"Sales\nsecond line",A1,answered,1,10\n'  # lines cannot count records
    rows[50] = f'C50,2024-03-01 08:00:00,"{"x" * (33 << 20)}\nend",A1,answered,1,10\n'
    path = tmp_path / "big-multi.csv"
    path.write_text(HEAD + "".join(rows), encoding="utf-8")
    report = _import(store, path)
    assert (report.rows_read, report.loaded, report.rejected) == (200, 199, 1) and report.balanced()
