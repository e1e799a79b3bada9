"""KPI files: every shipped one is complete; user files add or replace; broken ones are reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi import sql_guard
from kpidesk.core.kpi.definitions import builtin_folder, load_registry, parse
from kpidesk.core.kpi.engine import Engine
from tests.helpers.paths import CATALOG


def test_every_shipped_kpi_is_complete():
    reg = load_registry()
    assert not reg.errors
    for kpi in reg:
        assert kpi.label.get("en") and kpi.label.get("fr"), kpi.id
        assert kpi.description.get("en") and kpi.description.get("fr"), kpi.id
    assert len(reg.kpis) >= 49


def test_catalog_ids_all_have_a_file():
    ids = {p.stem for p in builtin_folder().glob("*.toml")}
    if CATALOG.exists():
        catalog = set(re.findall(r"^\| `([a-z_0-9]+)` \|", CATALOG.read_text(encoding="utf-8"), re.M))
        assert catalog <= ids, sorted(catalog - ids)
    assert {"answer_rate", "service_level", "asa", "aht", "fcr", "csat", "nps", "occupancy"} <= ids


def test_user_folder_adds_replaces_and_reports_broken_files(tmp_path):
    folder = tmp_path / "kpis"
    folder.mkdir()
    (folder / "long_calls.toml").write_text(
        'id = "long_calls"\nrelation = "contacts"\nunit = "rate"\nbetter = "lower"\nchannels = ["phone"]\n'
        'measure = "sum(answered * (talk_sum > 600)::INT) / nullif(sum(answered), 0)"\nn = "sum(answered)"\n'
        '[label]\nen = "Calls over 10 min"\nfr = "Appels de plus de 10 min"\n',
        encoding="utf-8",
    )
    (folder / "broken.toml").write_text('id = "broken"\nrelation = "contacts"\n', encoding="utf-8")
    (folder / "bad_sql.toml").write_text(
        'id = "bad_sql"\nrelation = "contacts"\nunit = "count"\nmeasure = "sum(no_such_column)"\n[label]\nen = "Bad"\n',
        encoding="utf-8",
    )
    db = tmp_path / "team.duckdb"
    with open_database(db) as store:
        engine = Engine(store)
        assert "long_calls" in engine.registry and "answer_rate" in engine.registry
        errors = {Path(p).name: m for p, m in engine.registry.errors}
        assert sorted(errors) == ["bad_sql.toml", "broken.toml"]
        assert "missing" in errors["broken.toml"]
        assert "no_such_column" in errors["bad_sql.toml"] and "bad_sql" not in engine.registry
        results = {v.kpi: v for v in engine.compute(["long_calls", "answer_rate"])}
        assert results["answer_rate"].reason == "no data"  # the others still run


def test_a_failing_measure_does_not_sink_the_others(store):
    engine = Engine(store)
    engine.registry.kpis["div"] = parse(
        'id = "div"\nrelation = "contacts"\nunit = "count"\nmeasure = "CAST(\'x\' || sum(contacts) AS INT)"\n'
        '[label]\nen = "Div"\n',
        "user.toml",
    )
    store.con.execute(
        "INSERT INTO contacts_main (contact_id, source, source_key, channel, arrived_at) "
        "VALUES (1, 't', 'k', 'phone', TIMESTAMP '2026-11-16 10:00')"
    )
    store.generation += 1
    results = {v.kpi: v for v in engine.compute(["div", "volume"])}
    assert results["div"].reason.startswith("SQL error in user.toml")
    assert results["volume"].value == 1


def test_a_kpi_file_says_at_which_grain_it_is_meaningful():
    from kpidesk.core.kpi.definitions import DefinitionError, parse

    base = 'id = "x"\nrelation = "contacts"\nmeasure = "count(*)"\nunit = "count"\nlabel = {en = "X"}\n'
    assert parse(base, "t").grain == "both"
    assert parse(base + 'grain = "queue"\n', "t").per_agent is False
    assert parse(base + 'grain = "agent"\n', "t").per_agent is True
    with pytest.raises(DefinitionError, match="grain must be one of"):
        parse(base + 'grain = "team"\n', "t")


def test_fragments_parsed_together_are_judged_as_each_alone():
    # load_registry parses every file's fragments in one query (sql_guard.prime):
    # the same trees as one query each, so the same verdicts, hostile ones included
    fragments = [
        "sum(answered) / nullif(sum(offered), 0)",
        "count(*) FILTER (WHERE outcome = 'abandoned')",
        "(SELECT count(*) FROM contacts)",
        "read_text('/etc/passwd')",
        "1; DROP TABLE contacts",
        "sum(x",
    ]
    alone = {f: sql_guard._parse_one(sql_guard._statement(f)) for f in fragments}
    verdicts = {}
    for f in fragments:
        try:
            sql_guard.check(f)
            verdicts[f] = ""
        except sql_guard.UnsafeSql as exc:
            verdicts[f] = str(exc)
    sql_guard.prime(fragments)
    for f in fragments:
        assert sql_guard._primed[sql_guard._statement(f)] == alone[f]
        try:
            sql_guard.check(f)
            assert verdicts[f] == ""
        except sql_guard.UnsafeSql as exc:
            assert str(exc) == verdicts[f]
    assert [f for f, why in verdicts.items() if not why] == fragments[:2]
