"""A declarative profile turned into one SQL statement that builds ``out_<table>``.

The statement reads the file's text relation once and writes one row per record:
the canonical columns parsed, ``_line``, ``_reason`` (why the record is rejected,
NULL when it is fine) and ``_raw`` (the record's text, only for rejects). It is the
same ``out_*`` shape vendor transforms produce, so there is one loading path; for a
plain CSV it is also the whole fast path — read, parse and validate in one scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from kpidesk.core.db import contact_tables
from kpidesk.core.ingest import dateformat, decide, errors, headers, values
from kpidesk.core.ingest.identifiers import quote
from kpidesk.core.ingest.profiles import Profile, resolve
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.tables import DEFAULTS, FRAMEWORK_COLUMNS, TARGETS, column_types, value_kind
from kpidesk.core.kpi import params as sql_params

UNITS = {
    "seconds": 1,
    "s": 1,
    "minutes": 60,
    "min": 60,
    "hours": 3600,
    "h": 3600,
    "days": 86400,
    "milliseconds": 0.001,
    "ms": 0.001,
}
ENUM_COLUMNS = {"channel", "direction", "outcome", "state", "survey_type", "component", "author_kind"}
SUMMARY_WORDS = ["total", "totaux", "grand total", "sum", "somme", "moyenne", "average", "sous-total", "subtotal"]
SAMPLE_ROWS = 2000
FAST_KINDS = {"number", "integer", "duration", "timestamp", "bool"}
CLOCK_TEXT = re.compile(r"\d{1,2}[:h]\d\d(:\d\d)?")
FAST_MISS = 0.05  # a cast that misses more of the sample than this is not worth trying first


@dataclass
class Plan:
    """``sql`` builds ``out`` as a temp table; :meth:`select` is the same rows as a
    plain ``SELECT`` over any relation with the file's columns (the loader streams it
    into the canonical table instead of materialising it)."""

    sql: str
    params: dict[str, Any]
    out: str
    missing: list[str]
    table: str = ""
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)  # field → resolved spec (what feeds what)
    unfit: dict[str, str] = field(default_factory=dict)  # field → column whose values did not fit it
    types: dict[str, str] = field(default_factory=dict)  # canonical column → SQL type
    derived: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # duration → (start, end) fields it is computed from
    key_widened: str | None = None  # set by the loader when the id repeats for other records
    names: list[str] = field(default_factory=list)
    key_expr: str | None = None  # hash of the natural key, for the uniqueness test
    source: str | None = None
    # Columns with one value for every row: {column: (value, SQL type)}
    constants: dict[str, tuple[Any, str]] = field(default_factory=dict)
    # columns of dates read day first though month first would read them too (01/02/2024)
    ambiguous_dates: list[str] = field(default_factory=list)
    _build: Callable[[str], str] | None = field(default=None, repr=False)

    def select(self, rel_sql: str) -> str:
        if self._build is None:
            raise ValueError("this plan has no SQL builder: make plans with mapping.plan()")
        return self._build(rel_sql)


def sample(cur: duckdb.DuckDBPyConnection, rel: Relation, n: int = SAMPLE_ROWS) -> dict[str, list[Any]]:
    """The first ``n`` rows of ``rel``, column by column. Read once per relation (the
    ``SAMPLE_ROWS`` the mapping needs, or more): recognition, the mapping and the
    linked answers look at the same rows, and the file is not read again for them."""
    sql = rel.sample_sql or rel.sql
    said = repr(rel.params)
    kept = rel.sampled
    if kept is None or kept[0] != sql or kept[1] != said or kept[2] < n:
        query = f"SELECT * FROM ({sql}) LIMIT {int(max(n, SAMPLE_ROWS))}"
        res = cur.execute(query, used_params(query, rel.params))
        names = [d[0] for d in res.description]
        rows = res.fetchall()
        kept = rel.sampled = (
            sql,
            said,
            max(n, SAMPLE_ROWS),
            {name: [r[i] for r in rows] for i, name in enumerate(names)},
        )
    return {name: column[:n] for name, column in kept[3].items()}


def used_params(sql: str, params: dict[str, Any]) -> dict[str, Any]:
    """The bound parameters ``sql`` names (DuckDB refuses unused ones)."""
    return sql_params.bind(sql, params)


class _Builder:
    def __init__(
        self,
        profile: Profile,
        rel: Relation,
        samples: dict[str, list[Any]],
        timezone: str,
        source: str,
        cur: duckdb.DuckDBPyConnection | None = None,
    ) -> None:
        self.cur = cur
        self.profile, self.rel, self.samples = profile, rel, samples
        self.parse = profile.section("parse")
        self.p = values.Params(rel.params)
        self.tz, self.source = timezone, source
        dc = self.parse.get("decimal_comma", "auto")
        self.dc = decide.decimal_comma(samples.get(c, []) for c in rel.columns) if dc == "auto" else bool(dc)
        self.two = 3600 if self.parse.get("clock") == "hh:mm" else 60
        self.checks: list[str] = []
        self.used: set[int] = set()
        self.ambiguous: list[str] = []  # columns whose dates read day first or month first alike

    def text(self, col: str) -> str:
        """The cleaned text of ``col`` (computed once, in the first layer)."""
        i = self.rel.columns.index(col)
        self.used.add(i)
        return f"_c{i}"

    def rule(self, sample_values: Iterable[str | None]) -> values.TimestampRule:
        """How a column writes its dates: the format the user gave (``[parse]
        date_format``) when it reads the column's sample, else what its values say."""
        typed = self.typed_rule(sample_values)
        if typed is not None:
            return typed
        rule, _ = decide.timestamp_rule(sample_values, self.parse.get("date_order", "auto"), self.dc)
        return rule

    def typed_rule(self, sample_values: Iterable[str | None]) -> values.TimestampRule | None:
        typed = self.parse.get("date_format")
        return decide.typed_rule(sample_values, dateformat.strptime_of(typed)) if typed else None

    def _ts(self, s: str, sample_values: Iterable[str | None]) -> str:
        rule = self.rule(sample_values)
        return values.timestamp(s, rule, self.p, source_tz=self.parse.get("timezone"), data_tz=self.tz, dc=self.dc)

    def parsed(self, kind: str, s: str, spec: dict[str, Any], sample_values: Iterable[str | None]) -> str:
        dc = values.lit_bool(self.dc)
        if kind in ("timestamp", "date"):
            sample_values = list(sample_values)
            typed = self.typed_rule(sample_values)
            if typed is not None:  # said in the import report: the format the user gave reads it
                spec["_format"] = typed.formats[0]
            elif self.rule(sample_values).ambiguous:
                column = spec.get("_column") or spec.get("_date")
                if column and column not in self.ambiguous:
                    self.ambiguous.append(str(column))
        if kind == "timestamp":
            return self._ts(s, sample_values)
        if kind == "date":
            return f"CAST({self._ts(s, sample_values)} AS DATE)"
        if kind == "duration":
            unit = spec.get("unit", self.parse.get("duration_unit", "seconds"))
            return f"kd_dur({s}, {float(UNITS.get(unit, 1))}, {dc}, {self.two})"
        if kind in ("number", "integer"):
            return f"kd_num({s}, {dc})"
        if kind == "percent":
            scale = (
                0.01
                if any(
                    v and float(str(v).rstrip("% ").replace(",", ".") or 0) > 1.0
                    for v in decide.present(sample_values, 200)
                    if decide.NUMBER.match(str(v).rstrip("% "))
                )
                else 1.0
            )
            return f"kd_pct({s}, {dc}, {scale})"
        if kind == "score":
            return f"kd_score({s}, {dc})"
        if kind == "bool":
            return values.boolean(s, self.p, self.parse.get("true_values"), self.parse.get("false_values"))
        return s

    def field(self, name: str, spec: dict[str, Any], sql_type: str) -> str:
        kind = spec.get("type") or value_kind(name, sql_type)
        if "value" in spec:
            return f"CAST({self.p.bind(spec['value'])} AS {sql_type})"
        if "expr" in spec:
            expr = spec["expr"]
            for ph, col in spec["_placeholders"].items():
                expr = expr.replace("{" + ph + "}", self.text(col))
            return f"TRY_CAST(({expr}) AS {sql_type})"
        if "_average" in spec:
            avg, cnt = self.text(spec["_average"]), self.text(spec["_count"])
            avg_kind = spec.get("type") or ("duration" if name.endswith("_s") else "number")
            a = self.parsed(avg_kind, avg, spec, self.samples.get(spec["_average"], []))
            n = self.parsed("number", cnt, {}, [])
            self._check_parse(spec["_average"], avg, a, avg_kind)
            return f"({a}) * coalesce({n}, 0)"
        if "_date" in spec:
            d = f"regexp_extract({self.text(spec['_date'])}, '^[^ T]+')"
            s = d if not spec.get("_time") else f"concat_ws(' ', {d}, kd_clocktext({self.text(spec['_time'])}))"
            dates = self.samples.get(spec["_date"], [])
            time_col = spec.get("_time")
            times = (self.samples.get(time_col, []) if time_col is not None else []) or [None] * len(dates)
            sample_values = [f"{_date_part(a)} {_clock_part(b)}".strip() for a, b in zip(dates, times)]
            out = self.parsed(kind, s, spec, sample_values)
            self._check_parse(spec["_date"], s, quote("_f_" + name), kind)
            return out
        col = spec["_column"]
        if kind in FAST_KINDS and not spec.get("map"):
            return self._fast(name, col, kind, spec, sql_type)
        s = self.text(col)
        if name in ENUM_COLUMNS and kind == "text":
            s = f"lower({s})"
        if spec.get("map"):
            s = values.mapped(s, {str(k).lower(): v for k, v in spec["map"].items()}, self.p)
        out = self.parsed(kind, s, spec, self.samples.get(col, []))
        if kind in ("integer",):
            out = f"TRY_CAST(round({out}) AS {sql_type})"
        self._check_parse(col, self.text(col), quote("_f_" + name), kind)
        return out

    def _fast(self, name: str, col: str, kind: str, spec: dict[str, Any], sql_type: str) -> str:
        """Typed columns: a cheap cast of the raw text first; cleaning and the full
        parser run only for the rows the cast could not read (for columns whose
        sample the cast reads; the others are parsed in full on every row)."""
        i = self.rel.columns.index(col)
        raw = f"_o{i}"
        samples = self.samples.get(col, [])
        fast = None
        if kind in ("number", "integer", "duration"):
            unit = spec.get("unit", self.parse.get("duration_unit", "seconds")) if kind == "duration" else "s"
            text = f"replace({raw}, ',', '.')" if self.dc else raw
            fast = f"TRY_CAST({text} AS DOUBLE) * {float(UNITS.get(unit, 1))}"
        elif kind == "timestamp" and not self.parse.get("timezone"):
            rule = self.rule(samples)
            if rule.formats and not rule.zoned and not rule.serial:
                fast = f"try_strptime({raw}, {self.p.bind(rule.formats[0])})"
        elif kind == "bool" and not (self.parse.get("true_values") or self.parse.get("false_values")):
            fast = self._fast_bool(raw, samples)
        if fast is None or not self._fast_reads(fast, raw, i):
            s = self.text(col)
            out = self.parsed(kind, s, spec, samples)
            if kind == "integer":
                out = f"TRY_CAST(round({out}) AS {sql_type})"
            self._check_parse(col, s, quote("_f_" + name), kind)
            return out
        slow = self.parsed(kind, "_s", spec, samples)
        out = f"coalesce({fast}, CASE WHEN {raw} <> '' THEN list_transform([kd_str({raw})], lambda _s: {slow})[1] END)"
        if kind == "integer":
            out = f"TRY_CAST(round({out}) AS {sql_type})"
        self._check_parse(col, raw, quote("_f_" + name), kind, lazy=True)
        return out

    def _fast_bool(self, raw: str, samples: Iterable[object]) -> str:
        """Exact spellings seen in the sample (``Y``/``N``) compared as they are."""
        words = values.TRUE_WORDS + values.FALSE_WORDS
        seen = sorted({v for v in samples if isinstance(v, str) and v.lower() in words})
        if not seen or len(seen) > 8:
            return f"kd_bool({raw})"
        whens = " ".join(f"WHEN {self.p.bind(v)} THEN {values.lit_bool(v.lower() in values.TRUE_WORDS)}" for v in seen)
        return f"CASE {raw} {whens} END"

    def _fast_reads(self, fast: str, raw: str, i: int) -> bool:
        """Whether the cheap cast reads (nearly) every present value of the sample."""
        sample = [v for v in self.samples.get(self.rel.columns[i], []) if v is not None]
        if self.cur is None or not sample:
            return True
        sql = (
            f"SELECT count(*) FILTER (WHERE ({fast}) IS NULL AND kd_str({raw}) IS NOT NULL), count(kd_str({raw})) "
            f"FROM (SELECT unnest($_sample::VARCHAR[]) AS {raw})"
        )
        params = used_params(sql, {**self.p.values, "_sample": sample})
        row = self.cur.execute(sql, params).fetchone()
        assert row is not None  # aggregates without GROUP BY always return one row
        missed, present = row
        return bool(missed <= FAST_MISS * present)

    def _check_parse(self, col: str, raw: str, parsed: str, kind: str, lazy: bool = False) -> None:
        """A reject reason for values that do not parse (NULL when the value is fine).

        Each check is its own ``CASE``, chained with ``coalesce`` (evaluated only for
        rows without a reason yet), and names a costly expression once: DuckDB hoists
        repeated subexpressions out of ``CASE`` branches and would run them on every row.
        """
        if kind == "text":
            return
        label = {"timestamp": "date", "bool": "yes/no value"}.get(kind, kind)
        template = errors.UNREADABLE_VALUE.get(label, f"cannot read the {label} in column {{column}}: {{value}}")
        msg = self.p.bind(template.format(column=col, value=""))
        if lazy:  # ``raw`` is the file's text: cleaned only for the rows the cast could not read
            self.checks.append(f"CASE WHEN ({parsed}) IS NULL AND {raw} <> '' THEN {msg} || kd_str({raw}) END")
        else:
            self.checks.append(f"CASE WHEN {raw} IS NOT NULL AND ({parsed}) IS NULL THEN {msg} || {raw} END")


NUMERIC_KINDS = {"duration", "number", "integer"}
# Durations a file gives as two timestamps (docs/data-model.md): duration → (end, starts
# tried in turn). Talk time of a chat may start at its arrival: ``[parse] talk_from``.
DERIVED_DURATIONS = {
    "contacts": {
        "first_response_s": ("first_response_at", ("arrived_at",)),
        "resolution_s": ("solved_at", ("arrived_at",)),
        "handoff_wait_s": ("answered_at", ("handoff_at",)),
        "talk_s": ("ended_at", ("answered_at",)),
        "wait_s": ("answered_at", ("arrived_at",)),  # a chat's wait for a human, a call's in queue
    }
}


def _chats(profile: Profile) -> bool:
    """Whether the profile reads chat conversations (its kind, or its channel given as a constant)."""
    channel = profile.fields.get("channel")
    return profile.data.get("record_kind") == "chat" or (isinstance(channel, dict) and channel.get("value") == "chat")


def fit_values(
    profile: Profile,
    resolved: dict[str, dict[str, Any]],
    samples: dict[str, list[Any]],
    types: dict[str, str],
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Fields whose column's values cannot be what the field holds are left out: a
    "First Response Time" holding timestamps is no duration, a "Wrap-up Code" holding
    codes is no wrap time, a column whose header gives a unit is no timestamp, a
    "Resolved" holding times is no yes/no.
    Returns (the fields kept, {field left out: its column})."""
    kept: dict[str, dict[str, Any]] = {}
    unfit: dict[str, str] = {}
    for name, spec in resolved.items():
        col = spec.get("_column")
        if col is None or spec.get("map") or name not in types:
            kept[name] = spec
            continue
        kind = spec.get("type") or value_kind(name, types[name])
        shape, share = decide.shape(samples.get(col, []))
        bad = False
        if kind in NUMERIC_KINDS and (shape == "timestamp" or (shape == "text" and not _numeric_text(samples, col))):
            bad = True
        if kind in ("timestamp", "date") and (headers.read(col).unit or shape in ("duration", "percent", "bool")):
            bad = True
        if kind == "bool" and shape in ("timestamp", "duration", "percent", "score"):
            bad = True  # a "Resolved" holding the time of resolution is no yes/no
        if bad:
            unfit[name] = col
        else:
            kept[name] = spec
    return kept, unfit


def _numeric_text(samples: dict[str, list[Any]], col: str) -> bool:
    """Whether most present values of a text-shaped column still start with a number
    ("12 min", "3,5 h")."""
    vals = decide.present(samples.get(col, []), 300)
    return bool(vals) and sum(bool(re.match(r"^\s*[+-]?\d", v)) for v in vals) >= 0.5 * len(vals)


# Values no export means: rejected with their reason rather than loaded, where one
# would turn a team's average into Infinity or put a call in the year 1.
MAX_SECONDS = 10 * 366 * 86400  # a duration over ten years
MAX_NUMBER = 1e15
YEARS = (1970, 2100)


def range_checks(bind: Callable[[Any], str], fields: dict[str, tuple[str, str]]) -> list[str]:
    """``CASE`` expressions giving a field's reason to reject its row (NaN, infinity,
    a negative or ten-year duration, a number over 1e15, a date outside 1970-2100, a NUL
    in text), or NULL. ``fields``: name → (SQL of its value, its canonical type);
    ``bind`` binds a message as a parameter. Declarative profiles (:func:`plan`) and
    vendor transforms' outputs (``loader``) are checked by these same rules."""
    out: list[str] = []
    for name, (col, typ) in fields.items():
        if typ in ("DOUBLE", "FLOAT", "REAL") or typ.startswith("DECIMAL"):
            msg = bind(errors.NOT_FINITE.format(field=name))
            out.append(f"CASE WHEN NOT isfinite({col}) THEN {msg} END")
            if name.endswith("_s"):
                neg = bind(errors.NEGATIVE_DURATION.format(field=name))
                big = bind(errors.DURATION_OVER_TEN_YEARS.format(field=name))
                out.append(f"CASE WHEN {col} < 0 THEN {neg} WHEN {col} > {MAX_SECONDS} THEN {big} END")
            else:
                big = bind(errors.NUMBER_TOO_LARGE.format(field=name, limit=f"{MAX_NUMBER:.0e}"))
                out.append(f"CASE WHEN abs({col}) > {MAX_NUMBER} THEN {big} END")
        elif typ in ("TIMESTAMP", "DATE", "TIMESTAMP WITH TIME ZONE"):
            msg = bind(errors.DATE_OUT_OF_RANGE.format(field=name, start=YEARS[0], end=YEARS[1]))
            out.append(f"CASE WHEN NOT (year({col}) BETWEEN {YEARS[0]} AND {YEARS[1]}) THEN {msg} END")
        elif typ == "VARCHAR":
            msg = bind(errors.NUL_IN_TEXT.format(field=name))
            out.append(f"CASE WHEN contains({col}, chr(0)) THEN {msg} END")
    return out


def _range_checks(b: _Builder, exprs: dict[str, str], types: dict[str, str], constants: dict[str, Any]) -> list[str]:
    fields = {
        name: (quote("_f_" + name), types.get(name, ""))
        for name in exprs
        if name not in constants and name not in ("source_key",)
    }
    return range_checks(b.p.bind, fields)


# A time of day written in a timestamp's text: 09:12, 9h12, an Excel serial with a
# fraction of a day, a compact 202401311530.
_TIME_TEXT = r"\d[:h]\d\d|^\d{5}[.,]\d+$|^\d{12,14}$"
_MIDNIGHT = re.compile(r"[ T]00:00(:00(\.0+)?)?$")


def _time_known(b: _Builder, spec: dict[str, Any]) -> str | None:
    """SQL for ``arrived_time_known`` when the arrival column gives days without their
    time (``2024-09-01``): false on those rows, NULL (known) on the others; None when
    every sampled arrival has its time (or a separate time column gives it)."""
    col = spec.get("_column") or (spec.get("_date") if not spec.get("_time") else None)
    if not col or "value" in spec or "expr" in spec:
        return None
    vals = decide.present(str(v) for v in b.samples.get(col, []) if v is not None)
    if not vals:
        return None
    typed = b.typed_rule(vals)
    if typed is not None and dateformat.has_time(typed.formats[0]):  # the user's format gives the time
        return None
    timed = [v for v in vals if re.search(_TIME_TEXT, v)]
    # a workbook's date cells read as "2024-03-01 00:00:00": all at midnight is no time
    if not timed or all(_MIDNIGHT.search(v) for v in timed):
        return "CAST(false AS BOOLEAN)"
    if len(timed) == len(vals):
        return None
    return f"CASE WHEN NOT regexp_matches(coalesce({b.text(col)}, ''), {b.p.bind(_TIME_TEXT)}) THEN false END"


def _date_part(text: str | None) -> str:
    return re.split(r"[ T]", (text or "").strip(), maxsplit=1)[0]


def _clock_part(text: str | None) -> str:
    m = CLOCK_TEXT.search(text or "")
    return m.group(0) if m else (text or "")


# What a file's fields say it is, when its mapping does not (a user's mapping saved
# before records had a kind): ticket fields and none of a call's or a chat's make a
# ticket list. Migration 013 reads the rows of older imports by the same lists.
TICKET_FIELDS = frozenset(
    {"status", "solved_at", "first_response_at", "resolution_s", "reopened", "replies", "priority"}
    | {"response_sla_met", "resolution_sla_met"}
)
CALL_OR_CHAT_FIELDS = frozenset(
    {"wait_s", "talk_s", "hold_s", "wrap_s", "answered_at", "ended_at", "handoff_at", "outcome"}
)


def kind_of_fields(fields: Iterable[str]) -> str | None:
    """'ticket' when ``fields`` (a file's mapped fields) are a ticket list's and none
    of a call's or a chat's; None when they do not say (each row's channel then does)."""
    mapped = set(fields)
    return "ticket" if mapped & TICKET_FIELDS and not mapped & CALL_OR_CHAT_FIELDS else None


def _record_kind(b: _Builder, profile: Profile, exprs: dict[str, str], constants: dict[str, tuple[Any, str]]) -> None:
    """``record_kind`` of the rows: the kind of file the profile reads (a ticket list's
    tickets stay tickets whatever their channel); a user's mapping that does not say
    it (saved before records had a kind) by its fields (:func:`kind_of_fields`); else
    what each row's channel meant (contact_tables.record_kind_sql). A constant when it
    is one for every row."""
    kind = profile.data.get("record_kind")
    if kind is None and not profile.builtin and not profile.transform:
        kind = kind_of_fields(f for f, e in exprs.items() if f not in constants)
    exprs["record_kind"] = contact_tables.record_kind_sql(kind, f"({exprs['channel']})")
    if kind in ("call", "ticket"):
        constants["record_kind"] = (kind, "VARCHAR")
    elif "channel" in constants and b.cur is not None:
        row = b.cur.execute(
            "SELECT " + contact_tables.record_kind_sql(kind, "CAST($c AS VARCHAR)"), {"c": constants["channel"][0]}
        ).fetchone()
        if row is not None:
            constants["record_kind"] = (row[0], "VARCHAR")
            exprs["record_kind"] = f"CAST({b.p.bind(row[0])} AS VARCHAR)"


def plan(
    cur: duckdb.DuckDBPyConnection, profile: Profile, rel: Relation, *, timezone: str, source: str | None = None
) -> Plan:
    """The ``CREATE TEMP TABLE out_<table> AS …`` statement for ``profile`` on ``rel``."""
    target = TARGETS[profile.table]
    types = {c: t for c, t in column_types(cur, profile.table).items() if c not in FRAMEWORK_COLUMNS}
    resolved, missing = resolve(profile, rel.columns)
    b = _Builder(profile, rel, sample(cur, rel), timezone, source or profile.source, cur)
    resolved, unfit = fit_values(profile, resolved, b.samples, types)
    missing += [f for f in unfit if f in profile.required() and f not in missing]
    exprs: dict[str, str] = {}
    constants: dict[str, tuple[Any, str]] = {}
    derived: dict[str, tuple[str, str]] = {}  # duration → (start, end) fields it is computed from
    for name, sql_type in types.items():
        if name == "source" and target.has_source:
            exprs[name] = f"CAST({b.p.bind(b.source)} AS VARCHAR)"
            constants[name] = (b.source, sql_type)
        elif name in resolved:
            exprs[name] = b.field(name, resolved[name], sql_type)
            if "value" in resolved[name]:
                constants[name] = (resolved[name]["value"], sql_type)
        elif name in DEFAULTS.get(profile.table, {}):
            exprs[name] = f"CAST({b.p.bind(DEFAULTS[profile.table][name])} AS {sql_type})"
            constants[name] = (DEFAULTS[profile.table][name], sql_type)
    if "record_kind" in types and "record_kind" not in resolved and "channel" in exprs:
        _record_kind(b, profile, exprs, constants)
    stand_in = profile.section("parse").get("arrival_from")  # no creation time: dated by another time
    if "arrived_time_known" in types and "arrived_time_known" not in resolved and "arrived_at" in resolved:
        known = "CAST(false AS BOOLEAN)" if stand_in else _time_known(b, resolved["arrived_at"])
        if known is not None:
            exprs["arrived_time_known"] = known
            if known == "CAST(false AS BOOLEAN)":
                constants["arrived_time_known"] = (False, "BOOLEAN")
    if "source_key" in types and "source_key" not in resolved:
        keys = profile.section("key").get("columns") or rel.columns
        parts = ", ".join(f"coalesce(_o{rel.columns.index(c)}, '')" for c in keys if c in rel.columns)
        if profile.section("key").get("period"):  # rows placed in a period the user gave (ingest.period)
            parts += f", {b.p.bind(str(profile.section('key')['period']))}"
        exprs["source_key"] = f"md5(concat_ws(chr(31), {parts}))"
    prefix = profile.section("key").get("prefix")  # a contact's answer to a second question (ingest.linked)
    if prefix and "source_key" in exprs:
        exprs["source_key"] = f"({b.p.bind(str(prefix))} || ({exprs['source_key']}))"
    if profile.table == "agent_sessions" and "duration_s" not in resolved and "ended_at" in exprs:
        exprs["duration_s"] = f"date_diff('microsecond', ({exprs['started_at']}), ({exprs['ended_at']})) / 1e6"
    for name, (end, starts) in DERIVED_DURATIONS.get(profile.table, {}).items():
        if name == "talk_s":
            starts = tuple(dict.fromkeys([*starts, *profile.section("parse").get("talk_from", [])]))
        # an arrival that stands in for the unknown creation time measures nothing
        usable = [s for s in starts if not (s == "arrived_at" and stand_in)]
        start = next((s for s in usable if s in resolved and s in exprs), None)
        if name in types and name not in resolved and end in resolved and start:
            exprs[name] = f"date_diff('microsecond', ({exprs[start]}), ({exprs[end]})) / 1e6"
            derived[name] = (start, end)
    if _chats(profile) and "first_response_s" in types and "first_response_s" not in exprs and "wait_s" in derived:
        # a chat's first human reply is its wait (docs/data-model.md): measured from the same two times
        exprs["first_response_s"] = exprs["wait_s"]
        derived["first_response_s"] = derived["wait_s"]
    checks = []
    last = len(rel.columns) - 1
    if rel.has_extra:
        checks.append(f"CASE WHEN _extra IS NOT NULL THEN {b.p.bind(errors.MORE_FIELDS)} END")
        if not rel.ragged:
            fewer = b.p.bind(errors.FEWER_FIELDS)
            checks.append(f"CASE WHEN _o{last} IS NULL THEN {fewer} END")
    first = b.text(rel.columns[0])
    longest = max(len(w.encode()) for w in SUMMARY_WORDS)
    summary = f"strlen({first}) <= {longest} AND list_position({b.p.bind(SUMMARY_WORDS)}, lower({first})) > 0"
    checks.append(f"CASE WHEN {summary} THEN {b.p.bind(errors.SUMMARY_ROW)} END")
    checks += b.checks
    checks += _range_checks(b, exprs, types, constants)
    for f in profile.required():
        if f in exprs:
            checks.append(
                f"CASE WHEN {quote('_f_' + f)} IS NULL THEN {b.p.bind(errors.MISSING_REQUIRED.format(field=f))} END"
            )
    # The first check that finds a problem gives the reason (coalesce stops there).
    reason = f"coalesce({', '.join(checks)})"
    originals = [f"{quote(c)} AS _o{i}" for i, c in enumerate(rel.columns)]
    # In a CSV only the last field of a line can end with a stray carriage return.
    crlf = [i for i in range(len(rel.columns)) if i == last or rel.ragged or not rel.delimiter]
    cleaned = [f"{'kd_str' if i in crlf else 'kd_text'}({quote(rel.columns[i])}) AS _c{i}" for i in sorted(b.used)]
    extra = ["_extra"] if rel.has_extra else []
    parsed = ", ".join(f"{e} AS {quote('_f_' + c)}" for c, e in exprs.items())
    outer = ", ".join(f"{quote('_f_' + c)} AS {quote(c)}" for c in exprs)
    keep = ", ".join(f"_o{i}" for i in range(len(rel.columns)))
    raw = f"concat_ws({b.p.bind(rel.delimiter or ',')}, {keep})"
    names = ", ".join(quote(c) for c in exprs)

    def build(rel_sql: str) -> str:
        layer1 = f"SELECT {', '.join(originals + cleaned + extra)}, _line FROM ({rel_sql})"
        layer2 = f"SELECT *, {parsed} FROM ({layer1})"
        layer3 = f"SELECT {outer}, _line, {reason} AS _reason, {keep} FROM ({layer2})"
        return f"SELECT {names}, _line, _reason, CASE WHEN _reason IS NOT NULL THEN {raw} END AS _raw FROM ({layer3})"

    sql = f"CREATE OR REPLACE TEMP TABLE {target.out} AS {build(rel.sql)}"
    keys = [k for k in target.key if k in exprs]
    varying = [k for k in keys if k != "source"] or keys  # one source per import: it cannot tell keys apart
    key_expr = f"hash({', '.join(quote(k) for k in varying)})" if keys else None
    return Plan(
        sql,
        used_params(sql, b.p.values),
        target.out,
        missing,
        table=profile.table,
        fields=resolved,
        unfit=unfit,
        derived=derived,
        types=types,
        names=list(exprs),
        key_expr=key_expr,
        source=b.source,
        constants=constants,
        ambiguous_dates=b.ambiguous,
        _build=build,
    )
