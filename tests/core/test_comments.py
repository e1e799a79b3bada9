"""Comments on the figures: stored, found by period and scope, kept across re-imports."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from kpidesk.cli import main
from kpidesk.core import comments


def test_add_find_update_delete(store):
    week = comments.add(
        store,
        "abandon_rate",
        date(2026, 11, 9),
        date(2026, 11, 15),
        " Two agents off sick ",
        action="Overflow to Sales",
        owner="Léa",
        queue="Billing",
    )
    day = comments.add(store, "csat", date(2026, 11, 20), None, "Outage in the app")
    c = comments.get(store, week)
    assert (c.text, c.action, c.owner, c.queue, c.date_to) == (
        "Two agents off sick",
        "Overflow to Sales",
        "Léa",
        "Billing",
        date(2026, 11, 15),
    )
    assert comments.get(store, day).date_to == date(2026, 11, 20)  # one day
    # overlap: a period ending on the comment's first day still finds it
    assert [x.comment_id for x in comments.find(store, date_from=date(2026, 11, 1), date_to=date(2026, 11, 9))] == [
        week
    ]
    assert [x.comment_id for x in comments.find(store, kpi="csat")] == [day]
    assert comments.find(store, scoped=False)[0].comment_id == day  # the queue comment is scoped
    comments.update(store, week, text="Three agents off sick", owner="")
    c = comments.get(store, week)
    assert (c.text, c.owner, c.action) == ("Three agents off sick", None, "Overflow to Sales")
    assert c.updated_at >= c.created_at
    comments.delete(store, day)
    assert comments.get(store, day) is None


def test_mistakes_are_refused(store):
    with pytest.raises(comments.CommentError):
        comments.add(store, "csat", date(2026, 11, 9), None, "   ")
    with pytest.raises(comments.CommentError):
        comments.add(store, "csat", date(2026, 11, 9), date(2026, 11, 1), "backwards")


def test_cli_add_list_and_kept_across_reimport(tmp_path, capsys):
    db = str(tmp_path / "c.duckdb")
    calls = str(resources.files("kpidesk") / "resources" / "smoke" / "calls.csv")
    assert main(["import", calls, "--db", db]) == 0
    assert (
        main(
            [
                "comment",
                "add",
                "--db",
                db,
                "--kpi",
                "service_level",
                "--from",
                "2026-11-02",
                "--to",
                "2026-11-08",
                "--queue",
                "Support",
                "--text",
                "Storm: phones down",
                "--action",
                "Callback campaign",
            ]
        )
        == 0
    )
    assert main(["comment", "add", "--db", db, "--kpi", "nope", "--from", "2026-11-02", "--text", "x"]) == 2
    assert main(["import", calls, "--db", db]) == 0  # the same file again: duplicates, comments untouched
    capsys.readouterr()
    assert main(["comment", "list", "--db", db, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    assert rows[0]["kpi"] == "service_level" and rows[0]["queue"] == "Support"
    assert (rows[0]["date_from"], rows[0]["date_to"], rows[0]["action"]) == (
        "2026-11-02",
        "2026-11-08",
        "Callback campaign",
    )
    assert main(["comment", "list", "--db", db]) == 0
    assert "Storm: phones down → Callback campaign" in capsys.readouterr().out
