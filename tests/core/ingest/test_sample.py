"""A file's sample is read once per relation: every step of recognition and mapping
looks at the same rows, and asking for fewer rows does not read the file again."""

from __future__ import annotations

from dataclasses import replace

import duckdb

from kpidesk.core.ingest import mapping, readers
from kpidesk.core.ingest.sniff import sniff


class _Counting:
    """A cursor that counts the statements it runs."""

    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self.cur, self.runs = cur, 0

    def execute(self, *args, **kwargs):
        self.runs += 1
        return self.cur.execute(*args, **kwargs)


def test_the_sample_is_read_once_and_cut_to_what_is_asked(tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text("id,wait\n" + "".join(f"C{i},{i % 90}\n" for i in range(3000)), encoding="utf-8")
    rel = readers.relation(duckdb.connect(), sniff(path))
    cur = _Counting(duckdb.connect())

    few = mapping.sample(cur, rel, 200)
    assert len(few["id"]) == 200 and cur.runs == 1
    assert mapping.sample(cur, rel, 500)["id"][:200] == few["id"]
    assert len(mapping.sample(cur, rel)["wait"]) == mapping.SAMPLE_ROWS and cur.runs == 1
    few["id"].clear()  # a caller's list is its own
    assert len(mapping.sample(cur, rel, 200)["id"]) == 200

    assert len(mapping.sample(cur, rel, 2500)["id"]) == 2500 and cur.runs == 2  # more than kept: read again
    other = replace(rel, sample_sql=f"SELECT * FROM ({rel.sample_sql}) WHERE wait = '3'")
    assert set(mapping.sample(cur, other, 50)["wait"]) == {"3"} and cur.runs == 3  # another relation: its own


def test_a_big_file_is_sampled_from_its_first_rows_every_time(tmp_path):
    """The database keeps no insertion order (imports append as each thread parses):
    the sample is still the file's first rows, so a big file is recognised the same
    way at every import."""
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("id,when,note\n")
        out.writelines(f"C{i},2024-03-{1 + i % 28:02d} 10:00:00,{'x' * 40}\n" for i in range(400_000))
    con = duckdb.connect(config={"preserve_insertion_order": "false", "threads": "2"})
    for _ in range(10):  # a parallel read returned rows from 8 MB down in 2 of 8 reads of calls_1m.csv
        rel = readers.relation(con, sniff(path))
        assert mapping.sample(con, rel, 500)["id"][:3] == ["C0", "C1", "C2"]
