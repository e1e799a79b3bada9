"""The streaming load (no staging table) keeps every promise of the import.

Rows go straight from the file into ``contacts``; these tests pin what that path
must still do: count every record, name rejects by their line, skip keys already
loaded, keep the first of a repeated key, number contacts densely, and set the
derived facts exactly as the SQL rules that recompute them would.
"""

from __future__ import annotations

from datetime import date

from kpidesk.core.db import calendar, derive
from kpidesk.core.ingest import import_file

HEADER = "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time\n"


def _calls(n: int, start: int = 0, caller_mod: int = 7) -> str:
    rows = [
        f"C{i},2024-03-{1 + i % 28:02d} {8 + i % 12:02d}:{i % 60:02d}:00,Sales,a{i % 5},"
        f"06{i % caller_mod},answered,{i % 90},{30 + i % 300}"
        for i in range(start, start + n)
    ]
    return HEADER + "\n".join(rows) + "\n"


def _write(tmp_path, name, text, newline="\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def _counts(r):
    return r.rows_read, r.loaded, r.duplicate, r.rejected, r.ignored


def test_rejects_keep_their_line_with_a_preamble_and_crlf(store, tmp_path):
    text = "Rapport des appels\r\nPériode : mars\r\n\r\n" + _calls(6).replace("\n", "\r\n")
    lines = text.split("\r\n")
    lines[6] = "C2,not a date,Sales,a2,062,answered,2,32"  # file line 7
    lines[8] = "C4,,Sales,a4,064,answered,4,34"  # file line 9
    path = _write(tmp_path, "crlf.csv", "\r\n".join(lines))
    report = import_file(store, path)
    assert _counts(report) == (6, 4, 0, 2, 0)
    rows = store.cursor().execute("SELECT line, reason FROM import_rejects ORDER BY line").fetchall()
    assert rows == [(7, "cannot read the date in column Date: not a date"), (9, "missing required field arrived_at")]


def test_file_without_final_line_break_and_trailing_blank_lines(store, tmp_path):
    report = import_file(store, _write(tmp_path, "a.csv", _calls(5).rstrip("\n")))
    assert _counts(report) == (5, 5, 0, 0, 0)
    report = import_file(store, _write(tmp_path, "b.csv", _calls(5, start=5) + "\n\n"))
    assert report.loaded == 5 and report.rejected == 0 and report.balanced()
    assert store.table_count("contacts") == 10


def test_incremental_import_counts_duplicates_and_rejects(store, tmp_path):
    import_file(store, _write(tmp_path, "a.csv", _calls(10)))
    text = _calls(10, start=5) + "C99,yesterday,Sales,a1,061,answered,1,1\n"
    report = import_file(store, _write(tmp_path, "b.csv", text))
    assert _counts(report) == (11, 5, 5, 1, 0)
    assert store.cursor().execute("SELECT line FROM import_rejects").fetchall() == [(12,)]
    ids = [r[0] for r in store.cursor().execute("SELECT contact_id FROM contacts ORDER BY contact_id").fetchall()]
    assert ids == list(range(1, 16))


def test_contact_ids_follow_the_file_and_stay_dense(store, tmp_path):
    import_file(store, _write(tmp_path, "a.csv", _calls(3)))
    import_file(store, _write(tmp_path, "b.csv", _calls(4, start=3)))
    rows = store.cursor().execute("SELECT source_key, contact_id FROM contacts ORDER BY contact_id").fetchall()
    assert rows == [(f"C{i}", i + 1) for i in range(7)]


def test_repeated_key_falls_back_and_keeps_the_first(store, tmp_path):
    # C2 again at its own arrival time: the same call exported twice (another arrival
    # would make it another call, the id being reused: see test_understanding).
    text = _calls(4) + "C2,2024-03-03 10:02:00,Support,zed,069,answered,1,1\n"
    report = import_file(store, _write(tmp_path, "r.csv", text))
    assert _counts(report) == (5, 4, 1, 0, 0)
    assert store.cursor().execute("SELECT agent_id FROM contacts WHERE source_key = 'C2'").fetchall() == [("a2",)]
    ids = [r[0] for r in store.cursor().execute("SELECT contact_id FROM contacts ORDER BY 1").fetchall()]
    assert ids == [1, 2, 3, 4]


def _facts(store):
    return (
        store.cursor()
        .execute("SELECT contact_id, next_contact_at, out_of_hours FROM contacts ORDER BY contact_id")
        .fetchall()
    )


def test_derived_facts_equal_a_full_recompute(store, tmp_path):
    calendar.set_holidays(store, [(date(2024, 3, 5), "test day")])
    import_file(store, _write(tmp_path, "a.csv", _calls(60, caller_mod=4)))
    import_file(store, _write(tmp_path, "b.csv", _calls(60, start=40, caller_mod=4)))
    after_import = _facts(store)
    assert any(r[1] is not None for r in after_import) and any(r[2] for r in after_import)
    assert any(r[2] is False for r in after_import)
    with store.write() as cur:
        cur.execute("UPDATE contacts_main SET next_contact_at = NULL, out_of_hours = NULL")
        derive.refresh(cur)
    assert _facts(store) == after_import


def _spy(fn, calls):
    def spied(*args, **kwargs):
        calls.append(args)
        return fn(*args, **kwargs)

    return spied


def _dated_calls(ids: range, day: str, callers: int) -> str:
    rows = [f"D{i},{day} {8 + i % 10:02d}:{i % 60:02d}:00,Sales,a{i % 5},07{i % callers},answered,5,60" for i in ids]
    return HEADER + "\n".join(rows) + "\n"


def test_the_export_of_the_day_after_derives_what_a_full_recompute_does(store, tmp_path, monkeypatch):
    """A file whose calls all come after the database's (the daily routine) takes the
    short way (the window over its own calls, the earlier calls of the last 90 days):
    the facts are those a recompute of every contact gives, a next contact kept when it
    came within 90 days (the longest repeat window a KPI may use)."""
    short_way = []
    monkeypatch.setattr(derive, "_next_of_later_contacts", _spy(derive._next_of_later_contacts, short_way))
    import_file(store, _write(tmp_path, "jan.csv", _dated_calls(range(0, 20), "2024-01-10", 9)))
    import_file(store, _write(tmp_path, "mar.csv", _dated_calls(range(20, 60), "2024-03-01", 12)))
    import_file(store, _write(tmp_path, "mar2.csv", _dated_calls(range(60, 90), "2024-03-02", 15)))
    assert len(short_way) == 2  # March after January, then March 2nd after March 1st
    after_import = _facts(store)
    cur = store.cursor()
    # a January call whose customer came back in March (51 days): kept; none in 90+ days
    assert cur.execute(
        "SELECT count(*) FROM contacts WHERE arrived_at < '2024-02-01' AND next_contact_at >= '2024-03-01'"
    ).fetchall() == [(9,)]
    assert cur.execute(
        "SELECT count(*) FROM contacts WHERE epoch(next_contact_at) - epoch(arrived_at) > 90 * 86400"
    ).fetchall() == [(0,)]
    with store.write() as wcur:
        wcur.execute("UPDATE contacts_main SET next_contact_at = NULL")
        derive.refresh(wcur)
    assert _facts(store) == after_import


def test_a_next_contact_after_90_days_is_not_kept(store, tmp_path):
    import_file(store, _write(tmp_path, "jan.csv", _dated_calls(range(0, 5), "2024-01-10", 5)))
    import_file(store, _write(tmp_path, "jun.csv", _dated_calls(range(5, 10), "2024-06-10", 5)))
    assert store.cursor().execute("SELECT count(next_contact_at) FROM contacts").fetchall() == [(0,)]
