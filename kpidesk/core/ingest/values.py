"""Reading values the way exports write them, in SQL.

Ten million rows cannot go through a Python loop, so parsing is a handful of DuckDB
macros (installed on the import's cursor) composed by the builders below into one
``SELECT``. What the macros cannot know — is ``03/04/2024`` the 3rd of April or the
4th of March, is ``12,5`` a decimal — is decided once per column from a sample of
its values (:mod:`kpidesk.core.ingest.decide`) and passed in as bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb

NULL_TOKENS = ("", "null", "-", "--", "n/a", "#n/a", "none", "nan", "(null)", "#value!")
TRUE_WORDS = ("y", "yes", "oui", "o", "true", "vrai", "1", "x", "t", "ok")
FALSE_WORDS = ("n", "no", "non", "false", "faux", "0", "f")

_LIST = ", ".join


def _sql_list(words: Iterable[str]) -> str:
    return "[" + _LIST("'" + w + "'" for w in words) + "]"  # our own constants, not user data


MACROS = f"""
CREATE OR REPLACE TEMP MACRO kd_trimmed(s) AS
    list_filter([trim(s, ' ' || chr(9) || chr(13) || chr(10) || chr(160))],
                lambda t: coalesce(list_position({_sql_list(NULL_TOKENS)}, lower(t)), 0) = 0)[1];
CREATE OR REPLACE TEMP MACRO kd_clean(s) AS
    CASE WHEN strlen(s) <= 8 AND list_position({_sql_list(NULL_TOKENS)}, lower(s)) > 0 THEN NULL
         WHEN starts_with(s, ' ') OR suffix(s, ' ') OR suffix(s, chr(13)) THEN kd_trimmed(s)
         ELSE s END;
-- Every NULL token starts with a character coded 45 or less ('-' and below), or with
-- n/N: the cheap test (comparisons of the first bytes) lets most values through
-- untouched; this runs on every text field. A stray carriage return (a CRLF line in
-- an LF file) can only end the last field of a line: kd_text is kd_str without that
-- test, for the other fields.
CREATE OR REPLACE TEMP MACRO kd_text(s) AS
    CASE WHEN s < '.' OR (s >= 'N' AND s < 'O') OR (s >= 'n' AND s < 'o') OR suffix(s, ' ') THEN kd_clean(s)
         ELSE s END;
CREATE OR REPLACE TEMP MACRO kd_str(s) AS
    CASE WHEN s < '.' OR (s >= 'N' AND s < 'O') OR (s >= 'n' AND s < 'o') OR suffix(s, ' ') OR suffix(s, chr(13))
         THEN kd_clean(s) ELSE s END;
CREATE OR REPLACE TEMP MACRO kd_num(s, dc) AS
    CASE WHEN dc AND contains(s, ',') THEN
             TRY_CAST(replace(regexp_replace(s, '[\\s.\u00a0\u202f]', '', 'g'), ',', '.') AS DOUBLE)
         ELSE coalesce(TRY_CAST(s AS DOUBLE),
                       -- thousands grouped by threes (1,234.5  1 234); "4,5" is no number without a decimal comma
                       CASE WHEN regexp_full_match(s, '[+-]?\\d{{1,3}}([\\s,\u00a0\u202f]\\d{{3}})+(\\.\\d+)?') THEN
                           TRY_CAST(regexp_replace(s, '[\\s,\u00a0\u202f]', '', 'g') AS DOUBLE) END) END;
CREATE OR REPLACE TEMP MACRO kd_clock(s, two) AS
    CASE WHEN s LIKE '1899-12-3%' OR s LIKE '1900-01-0%' THEN
             date_diff('microsecond', TIMESTAMP '1899-12-31', TRY_CAST(s AS TIMESTAMP)) / 1e6
         WHEN regexp_full_match(s, '-?\\d+:\\d{{1,2}}:\\d{{1,2}}([.,]\\d+)?') THEN
             (abs(TRY_CAST(split_part(s, ':', 1) AS DOUBLE)) * 3600
              + TRY_CAST(split_part(s, ':', 2) AS DOUBLE) * 60
              + TRY_CAST(replace(split_part(s, ':', 3), ',', '.') AS DOUBLE))
             * CASE WHEN s LIKE '-%' THEN -1 ELSE 1 END
         WHEN regexp_full_match(s, '\\d+:\\d{{1,2}}([.,]\\d+)?') THEN
             TRY_CAST(split_part(s, ':', 1) AS DOUBLE) * two
             + TRY_CAST(replace(split_part(s, ':', 2), ',', '.') AS DOUBLE) * (two / 60) END;
CREATE OR REPLACE TEMP MACRO kd_dur(s, factor, dc, two) AS
    CASE WHEN contains(s, ':') THEN kd_clock(s, two) ELSE kd_num(s, dc) * factor END;
CREATE OR REPLACE TEMP MACRO kd_bool(s) AS
    CASE WHEN (list_position({_sql_list(TRUE_WORDS)}, lower(s)) > 0) THEN true
         WHEN (list_position({_sql_list(FALSE_WORDS)}, lower(s)) > 0) THEN false END;
CREATE OR REPLACE TEMP MACRO kd_pct(s, dc, scale) AS
    CASE WHEN ends_with(rtrim(s), '%') THEN kd_num(rtrim(s, ' %' || chr(160)), dc) / 100
         ELSE kd_num(s, dc) * scale END;
CREATE OR REPLACE TEMP MACRO kd_score(s, dc) AS
    coalesce(kd_num(s, dc),
             kd_num(regexp_extract(s, '^\\s*[<>=]?\\s*(-?\\d+(?:[.,]\\d+)?)', 1), dc));
CREATE OR REPLACE TEMP MACRO kd_serial(s, dc) AS
    TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(kd_num(s, dc) * 86400e6) AS BIGINT));
CREATE OR REPLACE TEMP MACRO kd_clocktext(s) AS
    coalesce(regexp_extract(s, '\\d{{1,2}}[:h]\\d\\d(:\\d\\d)?'), s);
"""

ZONE_RE = r"(Z|z|[+-]\d\d(:?\d\d)?)$"


def install(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute(MACROS)


class Params:
    """Bound parameters of one generated statement (``$p1``, ``$p2``…)."""

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self.values: dict[str, Any] = dict(initial or {})

    def bind(self, value: Any) -> str:
        name = f"p{len(self.values) + 1}"
        while name in self.values:
            name += "_"
        self.values[name] = value
        return "$" + name


@dataclass
class TimestampRule:
    """How one column writes its timestamps, decided from its values."""

    formats: list[str] = field(default_factory=list)
    zoned: bool = False
    serial: bool = False
    # day first or month first: the values cannot tell (no part above 12); read day first
    ambiguous: bool = False


def lit_bool(flag: bool) -> str:
    return "true" if flag else "false"


def timestamp(s: str, rule: TimestampRule, p: Params, *, source_tz: str | None, data_tz: str, dc: bool = False) -> str:
    """SQL for a naive local ``TIMESTAMP`` in ``data_tz`` from the text ``s``."""
    formats = rule.formats or ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]
    naive = f"try_strptime({s}, {p.bind(formats)})"
    if rule.formats == [] or any("%Y-%m-%d" in f for f in formats):
        naive = f"coalesce({naive}, TRY_CAST({s} AS TIMESTAMP))"
    if source_tz and source_tz != data_tz:
        naive = f"timezone({p.bind(data_tz)}, timezone({p.bind(source_tz)}, {naive}))"
    expr = naive
    if rule.zoned:
        zoned = f"timezone({p.bind(data_tz)}, TRY_CAST({s} AS TIMESTAMPTZ))"
        expr = f"CASE WHEN regexp_matches({s}, {p.bind(ZONE_RE)}) THEN {zoned} ELSE {naive} END"
    if rule.serial:
        expr = (
            f"CASE WHEN regexp_full_match({s}, '\\d+([.,]\\d+)?') THEN kd_serial({s}, {lit_bool(dc)}) ELSE {expr} END"
        )
    return expr


def mapped(s: str, mapping: dict[str, str], p: Params) -> str:
    """Recode text values (``Abandonné`` → ``abandoned``), case-insensitive; others kept.
    The key ``""`` recodes an empty value (a flag written ``x`` or left empty)."""
    keys = [str(k).lower() for k in mapping]
    vals = [str(v) for v in mapping.values()]
    if "" in keys:
        s = f"coalesce({s}, '')"
    return f"coalesce({p.bind(vals)}[list_position({p.bind(keys)}, lower({s}))], {s})"


def boolean(
    s: str, p: Params, true_values: Iterable[object] | None = None, false_values: Iterable[object] | None = None
) -> str:
    if not true_values and not false_values:
        return f"kd_bool({s})"
    # "true"/"false" always: what a column's own words are recoded to (a field's ``map``)
    t = [str(v).lower() for v in (true_values or TRUE_WORDS)] + ["true"]
    f = [str(v).lower() for v in (false_values or FALSE_WORDS)] + ["false"]
    return (
        f"CASE WHEN (list_position({p.bind(t)}, lower({s})) > 0) THEN true "
        f"WHEN (list_position({p.bind(f)}, lower({s})) > 0) THEN false END"
    )
