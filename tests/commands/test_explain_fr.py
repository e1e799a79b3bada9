"""``kpidesk explain --lang fr`` speaks French from its first line to its last: the
header, the dimensions it could not split by and why, the column heads."""

from __future__ import annotations

from datetime import datetime

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from tests.helpers.builders import add_contacts, call


def test_explain_in_french(tmp_path, capsys):
    db = tmp_path / "centre.duckdb"
    store = open_database(db)
    rows = []
    for day, answered in ((2, 8), (9, 6)):  # two weeks: 8 then 6 calls of 10 answered
        for i in range(10):
            at = datetime(2026, 3, day, 9 + i % 8, 0)
            outcome = "answered" if i < answered else "abandoned"
            rows.append(
                call(outcome, 20, arrived_at=at, queue="Q1" if i % 2 else "Q2", agent_id="a1" if i < answered else None)
            )
    add_contacts(store, rows)
    store.close()
    argv = ["explain", "--db", str(db), "--kpi", "answer_rate", "--from", "2026-03-09", "--to", "2026-03-15"]
    assert main([*argv, "--vs", "previous", "--by", "queue,agent", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "(pas de répartition par conseiller : indicateur de file : sans objet par conseiller ou par équipe)" in out
    assert "facteur" in out and "avant → après" in out
    assert "driver" not in out and "not split" not in out
