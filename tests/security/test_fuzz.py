"""Mutated files thrown at the import and mutated TOML at the KPI and profile loaders.

Whatever the bytes: no traceback (only the import's own clear errors), no hang (each
example under a time bound), every record accounted for (read = loaded + duplicates
+ rejected + ignored, and read equal to a count made here with Python's csv module),
and the database unchanged when the file is refused. Hypothesis runs a fixed, small
set of examples (derandomized) so the suite stays fast and repeatable.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import ImportError_, import_file, profiles
from kpidesk.core.ingest.sniff import sniff
from kpidesk.core.kpi.definitions import DefinitionError, parse

SECONDS = 10  # per example, on a loaded two-core machine
FUZZ = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failure is reported as found, not shrunk
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CSV = "Call ID,Date,Queue,Agent,Outcome,Wait Time,Talk Time\n" + "".join(
    f"C{i},2024-03-0{1 + i % 5} 08:{i:02d}:00,Sales,A{i % 3},{'answered' if i % 4 else 'abandoned'},{i},{i * 10}\n"
    for i in range(30)
)
PAYLOADS = [
    b'"', b",", b";", b"\n", b"\r\n", b"\r", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9", b"\x80",
    b"NaN", b"inf", b"-inf", b"1e308", b"-5", b"0001-01-01", b"9999-12-31 23:59:59", b'""', b"=cmd",
    b"\t", b"x" * 300,
]  # fmt: skip

edit = st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]), st.sampled_from(PAYLOADS))


def mutate(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for where, op, payload in edits:
        pos = int(where * max(len(out) - 1, 0))
        if op == "insert":
            out[pos:pos] = payload
        elif op == "delete":
            del out[pos : pos + len(payload)]
        else:
            out[pos : pos + len(payload)] = payload
    return bytes(out)


def _state(store) -> tuple:
    cur = store.cursor()
    counts = tuple(
        cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("contacts", "imports", "import_rejects")
    )
    return counts, sorted(p.name for p in store.staging_dir().iterdir())


def _csv_records(path: Path) -> int:
    """Records after the header, counted by Python's csv module on the decoded text."""
    info = sniff(path)
    raw = path.read_bytes()
    text = codecs.decode(raw, info.encoding if info.encoding != "cp1252" else "latin-1", errors="replace")
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)[info.first_line - 1 :]
    rows = list(csv.reader(io.StringIO("".join(lines), newline=""), delimiter=info.delimiter or ","))
    rows = [r for r in rows if any(c.strip() for c in r)]
    return len(rows) - (1 if info.has_header else 0)


@pytest.fixture(scope="module")
def store():
    s = open_database(":memory:")
    yield s
    s.close()


def _import(store, tmp_path: Path, name: str, data: bytes, count=None):
    path = tmp_path / name
    path.write_bytes(data)
    before = _state(store)
    t0 = time.perf_counter()
    try:
        report = import_file(store, path, profile="generic_call_log")
    except ImportError_ as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        assert _state(store) == before  # refused: nothing written, nothing left behind
        return None
    finally:
        assert time.perf_counter() - t0 < SECONDS
    assert report.rows_read == report.loaded + report.duplicate + report.rejected + report.ignored
    if count is not None:
        assert report.rows_read == count(path), report.reader
    assert sorted(p.name for p in store.staging_dir().iterdir()) == []
    return report


@FUZZ
@given(st.lists(edit, min_size=1, max_size=4))
def test_mutated_csv(store, tmp_path_factory, edits):
    _import(store, tmp_path_factory.mktemp("csv"), "calls.csv", mutate(CSV.encode(), edits), _csv_records)


# Records holding quoted line breaks: the import counts them quotes followed (lines
# cannot), and its accounting is checked against that count and this test's own.
MULTILINE = CSV.replace(",Sales,A1,", ',"Sales\nsecond line, with a comma",A1,', 3)


@FUZZ
@given(st.lists(edit, min_size=1, max_size=4))
def test_mutated_csv_with_quoted_line_breaks(store, tmp_path_factory, edits):
    data = mutate(MULTILINE.encode(), edits)
    _import(store, tmp_path_factory.mktemp("multi"), "calls.csv", data, _csv_records)


# A vendor export read by a Python transform (Salesforce chat transcripts): its rows
# pass the checks every import applies (no NaN, infinity, negative wait, NUL loaded).
CHATS = (
    "Id,Name,RequestTime,StartTime,EndTime,WaitTime,ChatDuration,Status,Owner.Name,LiveChatButton.DeveloperName,"
    "ContactId,CaseId,AverageResponseTimeOperator\n"
    + "".join(
        f"570A{i},{i:08},2024-04-02T08:{i:02d}:00.000Z,2024-04-02T08:{i:02d}:40.000Z,2024-04-02T08:{i + 5:02d}:40.000Z,"
        f"{i},600,Completed,Agent {i % 3},Support_Chat,003A{i},500A{i},25\n"
        for i in range(30)
    )
)


@FUZZ
@given(st.lists(edit, min_size=1, max_size=4))
def test_mutated_vendor_export(store, tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("vendor") / "chats.csv"
    path.write_bytes(mutate(CHATS.encode(), edits))
    before = _state(store)
    t0 = time.perf_counter()
    try:
        report = import_file(store, path, profile="salesforce_chat")
    except ImportError_ as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        assert _state(store) == before
        return
    finally:
        assert time.perf_counter() - t0 < SECONDS
    assert report.balanced()
    cur = store.cursor()
    bad = cur.execute(
        "SELECT count(*) FROM contacts WHERE import_id = $id AND (NOT isfinite(wait_s) OR wait_s < 0 "
        "OR NOT isfinite(talk_s) OR talk_s < 0 OR contains(agent_id, chr(0)) "
        "OR year(arrived_at) NOT BETWEEN 1970 AND 2100)",
        {"id": report.import_id},
    ).fetchone()[0]
    assert bad == 0


@FUZZ
@given(st.lists(edit, min_size=1, max_size=4))
def test_mutated_json(store, tmp_path_factory, edits):
    rows = [dict(zip(CSV.splitlines()[0].split(","), line.split(","))) for line in CSV.splitlines()[1:]]
    data = mutate(json.dumps(rows).encode(), edits)
    try:  # the independent count: records of the array when it still parses
        expected = len(json.loads(data.decode("utf-8")))
    except (ValueError, TypeError):
        expected = None
    report = _import(store, tmp_path_factory.mktemp("json"), "calls.json", data)
    if report is not None and expected is not None:
        assert report.rows_read == expected


@pytest.fixture(scope="module")
def xlsx_bytes(tmp_path_factory) -> bytes:
    import xlsxwriter

    path = tmp_path_factory.mktemp("xlsx") / "calls.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Calls")
    for i, line in enumerate(CSV.splitlines()):
        sheet.write_row(i, 0, line.split(","))
    book.close()
    return path.read_bytes()


@FUZZ
@given(st.lists(edit, min_size=1, max_size=3), st.booleans())
def test_mutated_xlsx(store, tmp_path_factory, xlsx_bytes, edits, inside):
    if inside:  # a valid zip whose sheet XML is damaged
        src = zipfile.ZipFile(io.BytesIO(xlsx_bytes))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                body = src.read(item)
                dst.writestr(item, mutate(body, edits) if item.filename.endswith("sheet1.xml") else body)
        data = out.getvalue()
    else:
        data = mutate(xlsx_bytes, edits)
    _import(store, tmp_path_factory.mktemp("xlsx"), "calls.xlsx", data)


KPI_TOML = """id = "fuzzed"
relation = "contacts"
unit = "rate"
better = "higher"
label = { en = "Fuzzed", fr = "Fuzzé" }
measure = "count(*) FILTER (WHERE outcome = 'answered') / nullif(count(*), 0)"
n = "count(*)"
basis = "'answered / offered'"
[extras]
waited = "sum(wait_s)"
"""
PROFILE_TOML = (Path(profiles.BUILTIN_DIR) / "generic_call_log.toml").read_text(encoding="utf-8")
TOML_BITS = ["=", '"', "'''", "[", "]", "{", "}", "\n", ";", "--", "/*", "(", ")", "read_text('/etc/passwd')",
             "SELECT", "$x", "$SL_Threshold_S", "\\", "\x00", "é", "1e999", "[fields]", "[[a]]", "expr = "]  # fmt: skip
text_edit = st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]), st.sampled_from(TOML_BITS))


def mutate_text(text: str, edits) -> str:
    return mutate(text.encode("utf-8"), [(w, op, p.encode("utf-8")) for w, op, p in edits]).decode(
        "utf-8", errors="replace"
    )


@settings(max_examples=60, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate])
@given(st.lists(text_edit, min_size=1, max_size=5))
def test_mutated_kpi_toml(edits):
    t0 = time.perf_counter()
    try:
        kpi = parse(mutate_text(KPI_TOML, edits), "user.toml")
    except DefinitionError as exc:
        assert str(exc)
    else:  # what loads is one checked expression per fragment
        assert "read_text" not in kpi.measure + kpi.n + (kpi.basis or "") + "".join(kpi.extras.values())
    assert time.perf_counter() - t0 < SECONDS


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(text_edit, min_size=1, max_size=5))
def test_mutated_profile_toml(tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("profile") / "fuzzed.toml"
    path.write_text(mutate_text(PROFILE_TOML, edits), encoding="utf-8")
    t0 = time.perf_counter()
    try:
        prof = profiles.load(path)
    except ImportError_ as exc:
        assert str(exc)
    else:
        _ = profiles.match(["Call ID", "Date", "Queue"], "csv", [prof])
    assert time.perf_counter() - t0 < SECONDS
