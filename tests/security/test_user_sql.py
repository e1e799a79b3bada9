"""KPI files and import profiles from someone else run no code beyond one expression.

Every fixture is written by the test itself: a database in tmp_path, a ``kpis/`` or
``profiles/`` folder beside it holding the hostile file.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import ImportError_, import_file, profiles
from kpidesk.core.kpi import sql_guard
from kpidesk.core.kpi.definitions import DefinitionError, load_registry, parse, sql_params
from kpidesk.core.kpi.engine import Engine
from tests.helpers.builders import add_contacts, call

KPI = """
id = "{id}"
relation = "contacts"
unit = "count"
label = {{ en = "Hostile" }}
measure = "count(*)"
"""

ATTACKS = [
    # the report's own attack: a statement after the expression, run by the EXPLAIN check
    "count(*)) AS x FROM contacts; DELETE FROM contacts_main; SELECT (1",
    "count(*); DELETE FROM contacts_main",
    "(SELECT content FROM read_text('/etc/passwd'))",
    "(SELECT count(*) FROM glob('/*'))",
    "count(*) -- hidden\n) AS x, (SELECT 1",
    "count(*) /* ) , (select 1 */",
    "current_setting('enable_external_access')",
    "getenv('HOME')",
    "count(*) FROM contacts, t",
    "sum(wait_s) AS leak",
    "main.contacts_main.wait_s",
    "$undeclared_parameter",
    "(WITH x AS (SELECT 1) SELECT * FROM x)",
    "outcome = read_text('/etc/passwd') 'answered'",  # parses as a cast to a type named read_text
]


def _db(tmp_path: Path) -> str:
    path = tmp_path / "team.duckdb"
    with open_database(path) as store:
        add_contacts(store, [call("answered", 10), call("abandoned", 40), call("answered", 5)])
    return str(path)


def _count(db: str) -> int:
    with open_database(db, read_only=True) as store:
        return store.cursor().execute("SELECT count(*) FROM contacts").fetchone()[0]


def test_built_in_kpis_and_profiles_pass_the_same_check():
    reg = load_registry()
    assert reg.errors == []
    assert len(list(reg)) >= 49
    for kpi in reg:  # what parse() checked, checked again here, fragment by fragment
        for expr in [kpi.measure, kpi.n, kpi.basis, *kpi.extras.values(), *kpi.stats.values()]:
            if expr is not None:
                sql_guard.check(expr, sql_params())
    builtins = [p for p in profiles.all_profiles() if p.builtin]
    assert len(builtins) >= 10
    assert all(profiles.validate(p) is None for p in builtins)


@pytest.mark.parametrize("field", ["measure", "n", "basis", "extras", "stats"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_a_kpi_file_holding_more_than_one_expression_is_refused(field, attack):
    text = KPI.format(id="hostile")
    value = repr(attack).replace("'", '"') if "'" not in attack else '"""' + attack + '"""'
    if field in ("extras", "stats"):
        text += f"\n[{field}]\nfigure = {value}\n"
    else:
        text = text.replace('measure = "count(*)"', "") + f"\n{field} = {value}\n"
        if field != "measure":
            text += 'measure = "count(*)"\n'
    with pytest.raises(DefinitionError):
        parse(text, "user.toml")


def test_a_hostile_kpi_file_beside_the_database_deletes_nothing(tmp_path):
    db = _db(tmp_path)
    folder = tmp_path / "kpis"
    folder.mkdir()
    (folder / "evil.toml").write_text(
        KPI.format(id="evil") + 'n = "count(*)) AS x FROM contacts; DELETE FROM contacts_main; SELECT (1"\n',
        encoding="utf-8",
    )
    (folder / "reader.toml").write_text(
        KPI.format(id="reader").replace('"count(*)"', "\"(SELECT content FROM read_text('/etc/passwd'))\""),
        encoding="utf-8",
    )
    with open_database(db) as store:
        engine = Engine(store)
        assert "evil" not in engine.registry and "reader" not in engine.registry
        reasons = dict(engine.registry.errors)
        assert "one SQL expression" in reasons[str(folder / "evil.toml")]
        assert "query" in reasons[str(folder / "reader.toml")]
        assert {v.kpi for v in engine.compute(["volume"])} == {"volume"}
    assert _count(db) == 3


def test_the_open_database_reads_writes_and_attaches_no_file(tmp_path):
    db = _db(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    with open_database(db) as store:
        cur = store.cursor()
        for sql in [
            f"SELECT content FROM read_text('{secret}')",
            f"SELECT * FROM read_csv('{secret}')",
            f"COPY (SELECT 1) TO '{tmp_path / 'out.csv'}'",
            f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
            "INSTALL httpfs",
            "SET enable_external_access = true",
            f"SELECT * FROM glob('{tmp_path}/*')",
        ]:
            with pytest.raises(duckdb.Error):
                cur.execute(sql).fetchall()
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()


def test_the_parser_itself_runs_on_a_locked_database():
    con = sql_guard._parser()
    for sql in ["SET enable_external_access = true", "SET autoload_known_extensions = true", "SET threads = 1"]:
        with pytest.raises(duckdb.Error):
            con.execute(sql)


PROFILE = """
name = "hostile"
table = "contacts"
source = "vendor"
[match]
headers = ["Call ID", "Start"]
[fields]
source_key = "Call ID"
arrived_at = "Start"
channel = {{ value = "phone" }}
outcome = {{ expr = "{expr}" }}
"""


@pytest.mark.parametrize(
    "expr",
    [
        "(SELECT content FROM read_text('/etc/passwd'))",
        "(SELECT string_agg(file, ',') FROM glob('/*'))",
        "{Call ID}); DROP TABLE contacts_main; SELECT (1",
        "getenv('HOME')",
    ],
)
def test_a_profile_expression_that_reads_files_is_refused(tmp_path, expr):
    path = tmp_path / "hostile.toml"
    path.write_text(PROFILE.format(expr=expr.replace('"', '\\"')), encoding="utf-8")
    with pytest.raises(ImportError_, match="not valid"):
        profiles.load(path)


def test_an_invalid_profile_in_the_folder_does_not_block_imports(tmp_path, capsys):
    from kpidesk.cli import main

    db = tmp_path / "team.duckdb"
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "broken.toml").write_text("name = [unclosed", encoding="utf-8")
    (folder / "evil.toml").write_text(
        PROFILE.format(expr="(SELECT content FROM read_text('/etc/passwd'))"), encoding="utf-8"
    )
    csv = tmp_path / "calls.csv"
    csv.write_text("Call ID,Date,Queue\nC1,2024-03-01 08:00:00,Sales\nC2,2024-03-01 08:05:00,Sales\n", encoding="utf-8")
    assert main(["import", str(csv), "--db", str(db), "--profile", "generic_call_log"]) == 0
    err = capsys.readouterr().err
    assert "broken.toml cannot be read" in err and "evil.toml is not valid" in err
    assert _count(str(db)) == 2


def test_a_catastrophic_line_pattern_does_not_hang_the_import(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "redos.toml").write_text(
        'name = "redos"\ntable = "contacts"\ntransform = "asterisk_queue_log"\n[match]\nline = "^(a+)+$"\n',
        encoding="utf-8",
    )
    data = tmp_path / "lines.txt"
    data.write_text(("a" * 5000 + "!\n") * 20, encoding="utf-8")
    t0 = time.perf_counter()
    assert profiles.match_lines(data.read_text().splitlines(), profiles.all_profiles(tmp_path / "x.duckdb")) is None
    with open_database(tmp_path / "x.duckdb") as store, pytest.raises(ImportError_):
        import_file(store, data)
    assert time.perf_counter() - t0 < 10


def test_profile_reading_options_are_checked_when_loaded(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "bad"\ntable = "contacts"\n[read]\nencoding = "no-such-codec"\n[fields]\nsource_key = "id"\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportError_, match="not a known text encoding"):
        profiles.load(bad)
    bad.write_text('name = "bad"\ntable = "contacts"\ntransform = "vendor_common"\n', encoding="utf-8")
    with pytest.raises(ImportError_, match="not one of kpidesk's transforms"):
        profiles.load(bad)
    bad.write_text('name = "bad"\ntable = "contacts"\ntransform = "zendesk"\n[match]\nline = "(?<=a)b"\n')
    with pytest.raises(ImportError_, match="regular expression"):
        profiles.load(bad)


def test_parameters_are_named_in_any_case_like_duckdb_identifiers(tmp_path):
    from kpidesk.core.kpi import params

    sql_guard.check("$Foo + $foo + $FOO", frozenset({"foo"}))
    sql_guard.check("$foo", frozenset({"Foo"}))
    with pytest.raises(sql_guard.UnsafeSql, match="unknown parameter"):
        sql_guard.check("$Fooo", frozenset({"foo"}))
    assert params.names("$Foo + $foo + $bar") == ["foo", "bar"]
    assert params.bind("$Foo + $BAR", {"foo": 1, "Bar": 2, "baz": 3}) == {"foo": 1, "bar": 2}
    # A user KPI writing the threshold in another case: loaded, bound, computed like
    # the same KPI in lower case (its value: the threshold, 20 s by default).
    db = _db(tmp_path)
    folder = tmp_path / "kpis"
    folder.mkdir()
    for name, param in (("fast_upper", "$SL_Threshold_S"), ("fast_lower", "$sl_threshold_s")):
        (folder / f"{name}.toml").write_text(
            KPI.format(id=name).replace('"count(*)"', f'"max({param}) + 0 * count(*)"') + f'params = ["{param[1:]}"]\n',
            encoding="utf-8",
        )
    with open_database(db) as store:
        engine = Engine(store)
        assert engine.registry.errors == []
        assert engine.registry["fast_upper"].params == ("sl_threshold_s",)
        values = {v.kpi: v.value for v in engine.compute(["fast_upper", "fast_lower"])}
        assert values == {"fast_upper": 20, "fast_lower": 20}
        values = {v.kpi: v.value for v in engine.compute(["fast_upper"], params={"sl_threshold_s": 60})}
        assert values == {"fast_upper": 60}
