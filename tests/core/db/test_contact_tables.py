"""``contacts`` is a view over ``contacts_main`` and one table per bulk import.

A big file loads into a table of its own (a segment) that stores only what varies
from row to row; the view adds the import's constants and the columns the file does
not have. These tests pin that a user cannot tell the two layouts apart: same rows,
same numbering, same derived facts, same figures; and that the layout stays tidy
(cancel, repeats, folding, upgrades of older files).
"""

from __future__ import annotations

import duckdb
import pytest

from kpidesk.core.db import contact_tables, derive, migrations
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store
from kpidesk.core.ingest import ImportCancelled, import_batch, import_file
from kpidesk.core.jobs import Callbacks
from kpidesk.core.kpi.engine import Engine

HEADER = "Call ID,Date,Queue,Agent,Caller,Outcome,Wait Time,Talk Time,Transferred\n"


def _calls(n: int, start: int = 0) -> str:
    rows = [
        f"C{i},2024-03-{1 + i % 28:02d} {7 + i % 14:02d}:{i % 60:02d}:00,{['Sales', 'Support'][i % 2]},"
        f"{'' if i % 9 == 0 else f'a{i % 5}'},06{i % 7},{'abandoned' if i % 9 == 0 else 'answered'},"
        f"{i % 90},{'' if i % 9 == 0 else 30 + i % 300},{'Y' if i % 11 == 0 else 'N'}"
        for i in range(start, start + n)
    ]
    return HEADER + "\n".join(rows) + "\n"


def _files(tmp_path):
    a = tmp_path / "monday.csv"
    a.write_text(_calls(60), encoding="utf-8")
    b = tmp_path / "tuesday.csv"  # overlaps Monday, and one bad line
    b.write_text(_calls(50, start=40) + "C999,not a date,Sales,a1,061,answered,1,1,N\n", encoding="utf-8")
    return [a, b]


def _load(monkeypatch, tmp_path, bulk: bool) -> Store:
    monkeypatch.setattr(contact_tables, "SEGMENT_MIN_BYTES", 0 if bulk else 1 << 60)
    store = open_database(":memory:")
    for path in _files(tmp_path):
        import_file(store, path)
    return store


def _segments(store) -> list:
    return store.cursor().execute("SELECT import_id, rows FROM contact_segments ORDER BY 1").fetchall()


def test_bulk_imports_and_the_main_table_give_the_same_rows_and_figures(monkeypatch, tmp_path):
    main = _load(monkeypatch, tmp_path, bulk=False)
    bulk = _load(monkeypatch, tmp_path, bulk=True)
    assert _segments(main) == []
    assert _segments(bulk) == [(1, 60), (2, 30)]  # Tuesday: 50 calls, 20 of them loaded on Monday
    rows = "SELECT * FROM contacts ORDER BY contact_id"
    assert bulk.cursor().execute(rows).fetchall() == main.cursor().execute(rows).fetchall()
    one = (
        bulk.cursor()
        .execute(
            "SELECT contact_id, source, channel, direction, import_id, out_of_hours, "
            "next_contact_at IS NOT NULL FROM contacts WHERE source_key = 'C7'"
        )
        .fetchall()
    )
    assert one[0][:5] == (8, "generic", "phone", "inbound", 1)
    assert bulk.cursor().execute(
        "SELECT count(*), count(DISTINCT contact_id), min(contact_id), max(contact_id) FROM contacts"
    ).fetchone() == (90, 90, 1, 90)
    by_main = {(v.kpi, str(v.group)): (v.value, v.n) for v in Engine(main).compute(by=["agent"])}
    by_bulk = {(v.kpi, str(v.group)): (v.value, v.n) for v in Engine(bulk).compute(by=["agent"])}
    assert by_bulk == by_main and len(by_main) > 50


def test_a_cancelled_bulk_import_leaves_no_table_behind(monkeypatch, tmp_path):
    monkeypatch.setattr(contact_tables, "SEGMENT_MIN_BYTES", 0)
    store = open_database(":memory:")
    path = _files(tmp_path)[0]
    calls = iter(range(100))
    with pytest.raises(ImportCancelled):
        import_file(store, path, state=Callbacks(cancel=lambda: next(calls) >= 3))  # during "Checking rows and loading"
    cur = store.cursor()
    assert _segments(store) == []
    assert cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'contacts_seg%'").fetchone() == (0,)
    assert cur.execute("SELECT count(*) FROM contacts").fetchone() == (0,)
    assert import_file(store, path).loaded == 60


def test_a_file_that_repeats_a_key_goes_to_the_main_table(monkeypatch, tmp_path):
    monkeypatch.setattr(contact_tables, "SEGMENT_MIN_BYTES", 0)
    store = open_database(":memory:")
    path = tmp_path / "repeats.csv"
    path.write_text(_calls(10) + _calls(3).split("\n", 1)[1], encoding="utf-8")  # C0..C2 twice
    report = import_file(store, path)
    assert (report.loaded, report.duplicate) == (10, 3)
    assert _segments(store) == []
    assert store.cursor().execute("SELECT count(*) FROM contacts_main").fetchone() == (10,)


def test_segments_beyond_the_limit_are_folded_into_the_main_table(monkeypatch, tmp_path):
    monkeypatch.setattr(contact_tables, "SEGMENT_MIN_BYTES", 0)
    monkeypatch.setattr(contact_tables, "MAX_SEGMENTS", 1)
    store = open_database(":memory:")
    for _i, path in enumerate(_files(tmp_path)):
        import_file(store, path)
    assert _segments(store) == [(1, 60)]  # the smaller one (30 rows) was folded
    cur = store.cursor()
    assert cur.execute("SELECT count(*), count(DISTINCT contact_id) FROM contacts").fetchone() == (90, 90)
    assert cur.execute("SELECT DISTINCT source, channel, import_id FROM contacts_main").fetchall() == [
        ("generic", "phone", 2)
    ]


def test_derived_facts_left_pending_are_caught_up_when_the_file_is_opened(monkeypatch, tmp_path):
    monkeypatch.setattr(contact_tables, "SEGMENT_MIN_BYTES", 0)
    db = tmp_path / "kpi.duckdb"
    store = open_database(db)
    import_file(store, _files(tmp_path)[0], derive_facts=False)  # e.g. the app closed before the second step
    assert derive.pending(store.cursor()) == [1]
    assert store.cursor().execute("SELECT count(*) FILTER (WHERE contact_id = 0) FROM contacts").fetchone() == (60,)
    store.close()
    store = open_database(db)
    cur = store.cursor()
    assert derive.pending(cur) == []
    assert cur.execute(
        "SELECT count(DISTINCT contact_id), min(contact_id), count(next_contact_at), count(out_of_hours) FROM contacts"
    ).fetchone() == (60, 1, 53, 60)


def test_a_batch_derives_its_facts_once(monkeypatch, tmp_path):
    calls = []
    real = derive.refresh
    monkeypatch.setattr(
        derive, "refresh", lambda cur, import_ids=None, **kw: (calls.append(import_ids), real(cur, import_ids, **kw))[1]
    )
    store = open_database(":memory:")
    reports = import_batch(store, _files(tmp_path)).reports
    assert [r.loaded for r in reports] == [60, 30]
    assert calls == [[1, 2]]


@pytest.mark.parametrize(
    "value, sql_type",
    [("O'Brien; DROP TABLE x --", "VARCHAR"), ("", "VARCHAR"), (True, "BOOLEAN"), (42, "INTEGER"), (None, "VARCHAR")],
)
def test_view_constants_are_written_as_exact_literals(value, sql_type):
    got = duckdb.connect().execute(f"SELECT {contact_tables.literal(value, sql_type)}").fetchone()[0]
    assert got == value


def test_a_database_from_before_segments_keeps_its_contacts(monkeypatch, tmp_path):
    db = tmp_path / "old.duckdb"
    old = [m for m in migrations.MIGRATIONS if m[0] < "004"]
    monkeypatch.setattr("kpidesk.core.db.store.MIGRATIONS", old)
    monkeypatch.setattr("kpidesk.core.db.store.known_names", lambda: [n for n, _ in old])
    monkeypatch.setattr(contact_tables, "tables", lambda cur: ["contacts"])
    with open_database(db) as s, s.write() as cur:
        cur.execute(
            "INSERT INTO contacts (contact_id, source, source_key, channel, arrived_at) "
            "VALUES (1, 'pbx', 'k1', 'phone', TIMESTAMP '2024-03-04 10:00:00')"
        )
    monkeypatch.undo()
    with open_database(db) as s:
        assert s.backup_path is not None
        cur = s.cursor()
        assert cur.execute("SELECT contact_id, source_key FROM contacts").fetchall() == [(1, "k1")]
        assert cur.execute(
            "SELECT table_type FROM information_schema.tables WHERE table_name = 'contacts'"
        ).fetchone() == ("VIEW",)
