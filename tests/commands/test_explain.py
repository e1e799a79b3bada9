"""`kpidesk explain` as a user runs it: the done-when case of issue #15."""

from __future__ import annotations

import json

import pytest

from kpidesk.cli import main
from kpidesk.core.db.startup import open_database
from tests.helpers.explain_fixtures import abandon_spike


@pytest.fixture(scope="module")
def spike_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("explain") / "spike.duckdb"
    with open_database(path) as store:
        abandon_spike(store)
    return str(path)


def test_the_tripled_queue_is_named_first_and_the_parts_add_up(spike_db, capsys):
    argv = ["explain", "--db", spike_db, "--kpi", "abandon_rate", "--from", "2026-11-09", "--to", "2026-11-15"]
    assert main([*argv, "--by", "queue", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["compare"] == ["2026-11-02", "2026-11-08"]  # --vs previous by default
    first = out["drivers"][0]
    assert (first["dimension"], first["value"]) == ("queue", "Billing")
    assert abs(first["contribution"]) == max(
        abs(d["contribution"]) for d in out["drivers"] if not d.get("small_sample")
    )
    assert set(first) >= {"dimension", "value", "contribution", "mix", "rate", "before", "after", "n_before", "n_after"}
    mix = sum(d["mix"] for d in out["drivers"])
    rate = sum(d["rate"] for d in out["drivers"])
    assert round(mix + rate, 9) == round(out["change"], 9)
    assert main([*argv, "--by", "queue", "--lang", "fr"]) == 0
    table = capsys.readouterr().out
    assert "file Billing" in table.splitlines()[2] and "petit échantillon" in table


def test_explicit_compare_period_and_mistakes(spike_db, capsys):
    base = ["explain", "--db", spike_db, "--kpi", "abandon_rate", "--from", "2026-11-09", "--to", "2026-11-15"]
    assert main([*base, "--vs", "2026-11-02:2026-11-08", "--by", "site", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["value"] for d in out["drivers"]][:1] == ["Lyon"]
    assert main([*base, "--vs", "sometime"]) == 2
    assert main([*base, "--by", "colour"]) == 2
    assert main(["explain", "--db", spike_db, "--kpi", "nope", "--from", "2026-11-09", "--to", "2026-11-15"]) == 2
    assert main(["explain", "--db", spike_db, "--kpi", "abandon_rate"]) == 2
    assert "--from" in capsys.readouterr().err
