"""User SQL contained: each fragment of a KPI file or an import profile is ONE expression.

KPI files (``measure``, ``n``, ``basis``, ``extras``, ``stats``) and profile fields
(``expr``) hold SQL that the engine and the import paste into their own queries. A
file received from a colleague or a vendor must not run statements, read or write
files, attach databases or load extensions. :func:`check` is the gate every fragment
passes when its file is loaded (built-in files too):

* DuckDB's own parser reads ``SELECT <fragment> FROM t`` (``json_serialize_sql``: the
  text is parsed, never executed); the result must be one ``SELECT`` of exactly one
  expression over the table ``t`` with nothing else (no second statement, no other
  table, no ``WHERE``/``GROUP BY``, no alias, no CTE);
* the tokenizer finds no comment (a comment could hide the closing parenthesis the
  engine puts around the fragment);
* walking the parsed tree, every node is an expression of an allowed class (columns,
  constants, operators, ``CASE``, ``CAST``, aggregates, windows, lambdas), never a
  subquery; every function is on :data:`ALLOWED` (no table function, no setting, no
  file access); parameters (``$name``) only from the caller's list, in any case
  (``$Foo`` is ``$foo``, as DuckDB binds them); column names unqualified.

The parser runs on its own in-memory DuckDB with file access, extension loading and
configuration changes switched off (see :func:`_parser`): even the check itself has
nothing to reach.
"""

from __future__ import annotations

import functools
import json
import threading

import duckdb

# Scalar and aggregate functions a KPI or profile expression may call. Operators
# appear as functions in the parse tree (``+``, ``~~`` for LIKE…).
_OPERATORS = {
    "+", "-", "*", "/", "//", "%", "^", "**", "||", "~~", "!~~", "~~*", "!~~*", "~~~", "!~~~",
    "&", "|", "<<", ">>", "~", "!", "@", "->>", "->",
}  # fmt: skip
_AGGREGATES = {
    "count", "count_star", "sum", "avg", "mean", "min", "max", "median", "mode",
    "quantile", "quantile_cont", "quantile_disc", "stddev", "stddev_pop", "stddev_samp",
    "variance", "var_pop", "var_samp", "bool_and", "bool_or", "any_value", "first", "last",
    "arg_max", "arg_min", "argmax", "argmin", "max_by", "min_by", "list", "array_agg",
    "string_agg", "approx_count_distinct", "corr", "covar_pop", "covar_samp", "fsum",
    "favg", "sumkahan", "kahan_sum", "product", "entropy", "kurtosis", "skewness", "mad",
    "regr_slope", "regr_intercept", "regr_count", "regr_r2", "regr_avgx", "regr_avgy",
    "histogram", "bit_and", "bit_or", "bit_xor", "geomean", "geometric_mean",
}  # fmt: skip
_WINDOWS = {
    "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
    "first_value", "last_value", "nth_value",
}  # fmt: skip
_SCALARS = {
    # conditions, nulls, casts
    "coalesce", "nullif", "ifnull", "if", "greatest", "least", "try_cast", "typeof",
    "isnan", "isinf", "isfinite", "row", "struct_pack", "struct_extract",
    # numbers
    "abs", "round", "floor", "ceil", "ceiling", "trunc", "sign", "sqrt", "cbrt", "pow",
    "power", "exp", "ln", "log", "log10", "log2", "mod", "div", "divide", "multiply",
    "add", "subtract", "least_common_multiple", "greatest_common_divisor", "pi", "even",
    "round_even", "roundbankers",
    # text
    "lower", "upper", "lcase", "ucase", "trim", "ltrim", "rtrim", "length", "len",
    "strlen", "char_length", "character_length", "concat", "concat_ws", "substring",
    "substr", "left", "right", "replace", "reverse", "lpad", "rpad", "repeat", "strpos",
    "instr", "position", "contains", "starts_with", "ends_with", "prefix", "suffix",
    "like_escape", "ilike_escape", "split_part", "string_split", "str_split",
    "regexp_matches", "regexp_replace", "regexp_extract", "regexp_full_match",
    "translate", "chr", "ascii", "unicode", "md5", "hash", "format", "printf",
    "strip_accents", "nfc_normalize", "initcap", "array_to_string", "list_aggregate",
    # dates and times
    "date_trunc", "date_part", "datepart", "date_diff", "datediff", "date_sub", "datesub",
    "date_add", "extract", "epoch", "epoch_ms", "epoch_us", "make_date", "make_time",
    "make_timestamp", "make_timestamptz", "to_timestamp", "strptime", "try_strptime",
    "strftime", "time_bucket", "year", "month", "day", "hour", "minute", "second",
    "microsecond", "millisecond", "dayofweek", "dayofyear", "isodow", "dayofmonth",
    "week", "weekofyear", "yearweek", "quarter", "isoyear", "last_day", "age",
    "timezone", "to_seconds", "to_minutes", "to_hours", "to_days", "to_milliseconds",
    "to_microseconds", "to_weeks", "to_months", "to_years", "to_interval",
    # lists
    "list_value", "list_pack", "list_contains", "list_has", "array_contains",
    "list_position", "list_extract", "array_extract", "list_element", "list_count",
    "array_length", "list_filter", "list_transform", "list_apply", "array_apply",
    "list_reduce", "list_sum", "list_avg", "list_min", "list_max", "list_distinct",
    "list_unique", "list_sort", "list_has_any", "list_has_all",
    "list_slice", "array_slice", "list_concat", "array_concat", "list_cat", "flatten",
    "list_median", "list_stddev_samp", "list_first", "list_last", "list_any_value",
    # comparisons the parser writes as functions
    "in", "not_in", "between", "array_has",
    # the import's own cleaning macros (kpidesk.core.ingest.values)
    "kd_trimmed", "kd_clean", "kd_text", "kd_str", "kd_num", "kd_clock", "kd_dur",
    "kd_bool", "kd_pct", "kd_score", "kd_serial", "kd_clocktext",
}  # fmt: skip
ALLOWED = frozenset(_OPERATORS | _AGGREGATES | _WINDOWS | _SCALARS)

# Types a CAST may name (``name(…) 'text'`` also parses as a cast to a type ``name``).
TYPES = frozenset(
    {
        "BOOLEAN", "BOOL", "TINYINT", "SMALLINT", "INTEGER", "INT", "INT4", "INT8", "BIGINT", "HUGEINT",
        "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "REAL", "DOUBLE", "DECIMAL", "NUMERIC",
        "VARCHAR", "TEXT", "STRING", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE",
        "INTERVAL",
    }
)  # fmt: skip

_CLASSES = frozenset(
    {
        "COLUMN_REF",
        "CONSTANT",
        "FUNCTION",
        "AGGREGATE",
        "WINDOW",
        "CASE",
        "CAST",
        "COMPARISON",
        "CONJUNCTION",
        "OPERATOR",
        "BETWEEN",
        "PARAMETER",
        "STAR",
        "LAMBDA",
        "LAMBDA_REF",
        "COLLATE",
        "TYPE",
    }
)

_lock = threading.Lock()


class UnsafeSql(ValueError):
    """A fragment that is not one allowed expression; the message says why."""


@functools.cache
def _parser() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that can only parse: no file, no extension, config locked."""
    con = duckdb.connect(
        ":memory:", config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
    )
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


_primed: dict[str, str] = {}  # statement → its parse tree, from :func:`prime`


def _statement(fragment: str) -> str:
    """The one statement a fragment is checked as: an expression selected from ``t``."""
    return f"SELECT {fragment}\nFROM t"


def _parse(sql: str) -> str:
    primed = _primed.get(sql)
    return primed if primed is not None else _parse_one(sql)


@functools.lru_cache(maxsize=4096)
def _parse_one(sql: str) -> str:
    with _lock:
        row = _parser().execute("SELECT json_serialize_sql($q)", {"q": sql}).fetchone()
    return str(row[0]) if row else "{}"


def prime(fragments: list[str]) -> None:
    """Parse many fragments in one query before they are checked (each on its own
    costs a query: the 50 built-in KPI files' 100 fragments took ~0.5 s of every
    start, together ~0.04 s). The same parse trees; :func:`check` decides as before."""
    sqls = [
        q
        for q in dict.fromkeys(_statement(f) for f in fragments if isinstance(f, str) and f.strip())
        if q not in _primed and "\x00" not in q
    ]
    if not sqls:
        return
    try:
        with _lock:
            row = (
                _parser()
                .execute("SELECT list_transform($qs, lambda q: json_serialize_sql(q))", {"qs": sqls})
                .fetchone()
            )
    except duckdb.Error:
        return  # each is parsed on its own when checked
    if row and row[0] is not None and len(row[0]) == len(sqls):
        _primed.update((q, str(tree)) for q, tree in zip(sqls, row[0]))


def _comment_free(fragment: str) -> bool:
    try:
        tokens = duckdb.tokenize(fragment)
    except Exception:  # the parser below says what is wrong
        return True
    return all(kind != duckdb.token_type.comment for _, kind in tokens)


def check(fragment: str, params: frozenset[str] | set[str] = frozenset(), what: str = "expression") -> None:
    """Raise :class:`UnsafeSql` unless ``fragment`` is one allowed SQL expression."""
    if not isinstance(fragment, str) or not fragment.strip():
        raise UnsafeSql(f"{what} must be a SQL expression (text)")
    if "\x00" in fragment:
        raise UnsafeSql(f"{what} contains a NUL character")
    if not _comment_free(fragment):
        raise UnsafeSql(f"{what} must not contain SQL comments (-- or /* */)")
    tree = json.loads(_parse(_statement(fragment)))
    if tree.get("error"):
        first = str(tree.get("error_message", "")).splitlines()[0] if tree.get("error_message") else "syntax error"
        raise UnsafeSql(f"{what} is not one SQL expression: {first}")
    statements = tree.get("statements") or []
    if len(statements) != 1:
        raise UnsafeSql(f"{what} must be one SQL expression, not several statements")
    node = statements[0].get("node") or {}
    frm = node.get("from_table") or {}
    if (
        node.get("type") != "SELECT_NODE"
        or node.get("modifiers")
        or (node.get("cte_map") or {}).get("map")
        or len(node.get("select_list") or []) != 1
        or node.get("where_clause")
        or node.get("group_expressions")
        or node.get("group_sets")
        or node.get("having")
        or node.get("qualify")
        or node.get("sample")
        or frm.get("type") != "BASE_TABLE"
        or frm.get("table_name") != "t"
        or frm.get("schema_name")
        or frm.get("catalog_name")
        or frm.get("alias")
        or frm.get("sample")
        or frm.get("at_clause")
    ):
        raise UnsafeSql(f"{what} must be exactly one SQL expression (no query, clause or second column)")
    expr = node["select_list"][0]
    if expr.get("alias"):
        raise UnsafeSql(f"{what} must not name its result (AS …)")
    _walk(expr, params, what)


def _walk(node: object, params: frozenset[str] | set[str], what: str) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, params, what)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "SELECT_NODE" or "subquery" in node or "from_table" in node:
        raise UnsafeSql(f"{what} must not contain a query (SELECT …)")
    cls = node.get("class")
    if cls is not None:
        if cls not in _CLASSES:
            raise UnsafeSql(f"{what} uses a {cls.lower().replace('_', ' ')}, which is not allowed")
        if cls in ("FUNCTION", "WINDOW", "AGGREGATE"):
            name = str(node.get("function_name", "")).lower()
            if node.get("schema") or node.get("catalog") or name not in ALLOWED:
                raise UnsafeSql(f"{what} calls {node.get('function_name')!r}, which is not an allowed function")
        elif cls == "TYPE" and (
            node.get("schema") or node.get("catalog") or str(node.get("type_name", "")).upper() not in TYPES
        ):
            raise UnsafeSql(f"{what} names the type {node.get('type_name')!r}, which is not a built-in one")
        elif cls == "COLUMN_REF":
            names = node.get("column_names") or []
            if len(names) != 1:
                raise UnsafeSql(f"{what} names the column {'.'.join(names)!r}: use the column name alone")
        elif cls == "PARAMETER":  # case-insensitive, like DuckDB's own binding
            name = str(node.get("identifier", ""))
            if name.lower() not in {p.lower() for p in params}:
                allowed = ", ".join(f"${p}" for p in sorted(params)) or "none"
                raise UnsafeSql(f"{what} uses the unknown parameter ${name} (known: {allowed})")
    for key, value in node.items():
        if key in ("query_location", "query_location_length", "literal", "value"):
            continue
        _walk(value, params, what)


# -- regular expressions from files: RE2, linear time ---------------------------------
MAX_REGEX = 2000  # characters of a pattern
MAX_LINE = 65536  # characters of a line tested against one


def regex_problem(pattern: object) -> str | None:
    """Why ``pattern`` cannot be used (RE2 syntax, DuckDB's engine), or None."""
    if not isinstance(pattern, str) or not pattern:
        return "the pattern must be text"
    return _regex_problem(pattern)


@functools.lru_cache(maxsize=256)
def _regex_problem(pattern: str) -> str | None:
    """:func:`regex_problem` of a text pattern, asked of DuckDB once (every
    recognition tests the same profiles' line patterns)."""
    if len(pattern) > MAX_REGEX:
        return f"the pattern is longer than {MAX_REGEX} characters"
    try:
        with _lock:
            _parser().execute("SELECT regexp_matches('', $p)", {"p": pattern}).fetchone()
    except duckdb.Error as exc:
        return f"not a valid regular expression: {str(exc).splitlines()[0]}"
    return None


def regex_count(pattern: str, lines: list[str]) -> int | None:
    """How many of ``lines`` ``pattern`` finds a match in (None: unusable pattern).

    RE2 has no backtracking: matching time is linear in the line, whatever the
    pattern (``^(a+)+$`` included), so no file can make this hang."""
    if regex_problem(pattern):
        return None
    sql = "SELECT count(*) FILTER (WHERE regexp_matches(l, $p)) FROM unnest($lines) u(l)"
    with _lock:
        row = _parser().execute(sql, {"p": pattern, "lines": [ln[:MAX_LINE] for ln in lines]}).fetchone()
    return int(row[0]) if row else 0
