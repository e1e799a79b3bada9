"""SQL building blocks shared by the vendor transforms.

Every vendor export spells times, numbers and optional columns its own way; these
helpers keep that parsing in one place so each transform reads as a mapping. They
only build SQL text from *identifiers* (quoted here) and named placeholders
(``$tz``…); values always travel as bound parameters through :func:`run`.

Time rule (docs/data-model.md): zoned values (``…Z``, ``+02:00``, epoch seconds) are
converted to the data's zone and stored naive; naive values are already local.
Durations between two local timestamps go through zone-aware instants
(:func:`secs_between`) so they stay right across DST changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.kpi import params as sql_params


def q(name: str) -> str:
    """Quote an identifier (a staging column named by a vendor header)."""
    return '"' + name.replace('"', '""') + '"'


def columns(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """Staging columns, keyed by a normalised form (lower case, no spaces/_/-/.)."""
    rows = cur.execute(f"SELECT * FROM {q(table)} LIMIT 0").description
    return {norm(r[0]): r[0] for r in rows}


def norm(name: str) -> str:
    return re.sub(r"[\s_\-./:()]+", "", name.lower())


def pick(cols: dict[str, str], *candidates: str) -> str:
    """SQL for the first candidate column present (by normalised name), else NULL.

    Vendors rename columns between versions and languages of an export; a transform
    lists the spellings it knows and gets ``NULL`` (not an error) when none is there.
    """
    for cand in candidates:
        real = cols.get(norm(cand))
        if real is not None:
            return f"NULLIF(TRIM({q(real)}), '')"
    return "CAST(NULL AS VARCHAR)"


def has(cols: dict[str, str], *candidates: str) -> bool:
    return any(norm(c) in cols for c in candidates)


def num(expr: str) -> str:
    """Text → DOUBLE; tolerates a decimal comma and blanks (→ NULL)."""
    return f"TRY_CAST(REPLACE(NULLIF(TRIM({expr}), ''), ',', '.') AS DOUBLE)"


_DMY = "['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y, %H:%M:%S', '%d/%m/%Y, %H:%M', '%d/%m/%Y']"


def ts(expr: str) -> str:
    """Text → naive local TIMESTAMP in ``$tz``.

    Accepts epoch seconds (Asterisk queue_log), ISO 8601 with ``Z`` or an offset
    (``+0200``, ``+02:00``, `` -0700`` with a space, `` UTC``), naive ISO text, and
    the US ``MM/DD/YYYY hh:mm[:ss] [AM|PM]`` that report exports use.
    """
    x = f"NULLIF(TRIM({expr}), '')"
    zoned = f"regexp_replace({x}, '\\s+([+-]\\d\\d:?\\d\\d)$', '\\1')"
    return (
        "(CASE"
        f" WHEN regexp_full_match({x}, '\\d{{9,11}}(\\.\\d+)?')"
        f" THEN timezone($tz, to_timestamp(CAST({x} AS DOUBLE)))"
        f" WHEN regexp_matches({x}, '(Z|UTC|GMT|[+-]\\d\\d(:?\\d\\d)?)$')"
        f" THEN timezone($tz, TRY_CAST({zoned} AS TIMESTAMPTZ))"
        f" ELSE COALESCE(TRY_CAST({x} AS TIMESTAMP),"
        # Day first when the import found the file's dates are (kd_day_first, set from
        # its values before the transform runs: 22/04/2026 cannot be month first).
        f" CASE WHEN coalesce(getvariable('kd_day_first'), false) THEN try_strptime({x}, {_DMY}) END,"
        f" try_strptime({x}, ['%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p',"
        f" '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%m/%d/%Y, %H:%M', '%m/%d/%Y, %I:%M %p']))"
        " END)"
    )


def instant(local: str) -> str:
    """Naive local timestamp → epoch seconds of that instant in ``$tz``."""
    return f"epoch(timezone($tz, {local}))"


def secs_between(start: str, end: str) -> str:
    """Seconds from ``start`` to ``end`` (both naive local), right across DST."""
    return f"({instant(end)} - {instant(start)})"


def plus_secs(local: str, secs: str) -> str:
    """Naive local timestamp + a duration, stepping through the instant (DST-safe)."""
    return f"timezone($tz, timezone($tz, {local}) + to_seconds(CAST({secs} AS DOUBLE)))"


def hours_or_hms(expr: str) -> str:
    """A duration in hours: ``2.5`` (decimal hours) or ``02:30[:00]`` → seconds."""
    x = f"NULLIF(TRIM({expr}), '')"
    h, m, sec = (num(f"split_part({x}, ':', {i})") for i in (1, 2, 3))
    return f"(CASE WHEN {x} LIKE '%:%' THEN {h} * 3600 + {m} * 60 + COALESCE({sec}, 0) ELSE {num(x)} * 3600 END)"


def truthy(expr: str) -> str:
    """Vendor booleans (true/false, yes/no, 1/0, y/n) → BOOLEAN, else NULL."""
    x = f"lower(NULLIF(TRIM({expr}), ''))"
    return (
        f"(CASE WHEN {x} IN ('true','t','yes','y','1','oui') THEN true"
        f" WHEN {x} IN ('false','f','no','n','0','non') THEN false END)"
    )


def run(cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> None:
    """Execute with only the named parameters the SQL uses (DuckDB refuses extras)."""
    cur.execute(sql, sql_params.bind(sql, params))


def base_params(ctx: TransformContext) -> dict[str, Any]:
    return {"tz": ctx.timezone, "source": ctx.source, "import_id": ctx.import_id}


def options(ctx: TransformContext, section: str) -> dict[str, Any]:
    """The profile's ``[options]`` table, overlaid with ``[<section>]`` if present."""
    prof = getattr(ctx, "profile", None) or {}
    opts = dict(prof.get("options") or {})
    opts.update(prof.get(section) or {})
    return opts


def create_rejects(
    cur: duckdb.DuckDBPyConnection, selects: Iterable[str] = (), params: dict[str, Any] | None = None
) -> None:
    """``out_rejects`` from ``SELECT _line, reason`` queries (none → empty table)."""
    parts = [s for s in selects if s]
    body = (
        " UNION ALL ".join(f"({s})" for s in parts)
        if parts
        else ("SELECT CAST(NULL AS BIGINT) AS _line, CAST(NULL AS VARCHAR) AS reason WHERE false")
    )
    run(
        cur,
        f"CREATE OR REPLACE TEMP TABLE out_rejects AS "
        f"SELECT CAST(l AS BIGINT) AS _line, CAST(r AS VARCHAR) AS reason FROM ({body}) AS t(l, r)",
        params or {},
    )
