"""Account for every column and every row of an import, and say so.

The report lists each source column with the field it feeds, how sure the match is
and how its values are read — or "not used" (and why, when its values did not fit
the field its name suggested). Ignored rows are counted per reason; a file where
every row is rejected is a failed import (nothing written), and above a few percent
of rejects the report carries a warning with the first reasons.
"""

from __future__ import annotations

from typing import Any

import duckdb

from kpidesk.core.ingest import errors, headers
from kpidesk.core.ingest.errors import ImportError_
from kpidesk.core.ingest.identifiers import normalize
from kpidesk.core.ingest.outcomes import OUTCOMES
from kpidesk.core.ingest.profiles import Profile, alternatives
from kpidesk.core.ingest.summary import ImportReport
from kpidesk.core.ingest.tables import value_kind

REJECT_WARNING = 0.03  # above this share of rejected rows, the summary warns
NOT_USED = "not used"


def _columns_of(spec: dict[str, Any]) -> list[str]:
    cols = [spec.get(k) for k in ("_column", "_date", "_time", "_average", "_count")]
    cols += list(spec.get("_placeholders", {}).values())
    return [str(c) for c in cols if c]


def _confidence(spec: dict[str, Any], col: str, given: float | None) -> float:
    if given is not None:
        return round(float(given), 2)
    names: list[str] = []
    for key in ("column", "date", "time", "average", "count"):
        if key in spec:
            names += alternatives(spec[key])
    for ph in spec.get("_placeholders", {}):
        names += ph.split("|")
    if normalize(col) in {normalize(n) for n in names}:
        return 1.0
    return 0.9  # matched by its name without the hints ("Wait (sec)" for "Wait")


def _rule(name: str, spec: dict[str, Any], types: dict[str, str]) -> str:
    kind = str(spec.get("type") or value_kind(name, types.get(name, "VARCHAR")))
    if "expr" in spec:
        return "expression: " + str(spec["expr"])
    if "_average" in spec:
        return f"average × count ({kind})"
    given = f" (format {spec['_format']})" if spec.get("_format") else ""  # a date format the user gave
    if "_date" in spec:
        return ("date + time of day" if spec.get("_time") else "date") + given
    if spec.get("map"):
        return "coded values: " + ", ".join(f"{k} → {v}" for k, v in list(spec["map"].items())[:6])
    if kind == "duration":
        hint = headers.read(spec.get("_column", "")).hint
        return f"duration in {spec.get('unit', 'seconds')}" + (" or clock time" if hint == "clock" else "")
    words = {"bool": "yes/no", "score": "score (leading number)", "timestamp": "date and time"}
    return words.get(kind, kind) + (given if kind in ("timestamp", "date") else "")


def column_report(
    columns: list[str],
    fields: dict[str, dict[str, Any]],
    types: dict[str, str],
    *,
    unfit: dict[str, str] | None = None,
    confidence: dict[str, float] | None = None,
    linked: dict[str, str] | None = None,
    transform: str | None = None,
) -> list[dict[str, Any]]:
    """One entry per source column, in file order."""
    used: dict[str, dict[str, Any]] = {}
    for name, spec in fields.items():
        if "value" in spec:
            continue
        for col in _columns_of(spec):
            used.setdefault(
                col,
                {
                    "column": col,
                    "field": name,
                    "confidence": _confidence(spec, col, (confidence or {}).get(name)),
                    "rule": _rule(name, spec, types),
                },
            )
    for col, field in (linked or {}).items():
        used.setdefault(col, {"column": col, "field": field, "confidence": 1.0, "rule": "score (leading number)"})
    out = []
    for col in columns:
        if col in used:
            out.append(used[col])
        elif transform:
            out.append({"column": col, "field": None, "confidence": None, "rule": f"read by the {transform} format"})
        else:
            why = [f for f, c in (unfit or {}).items() if c == col]
            rule = f"{NOT_USED} (its values do not fit {', '.join(why)})" if why else NOT_USED
            out.append({"column": col, "field": None, "confidence": None, "rule": rule})
    return out


def key_description(profile: Profile, fields: dict[str, dict[str, Any]], columns: list[str]) -> str:
    spec = fields.get("source_key")
    if spec and spec.get("_column"):
        return str(spec["_column"])
    if spec and "expr" in spec:
        return " + ".join(spec.get("_placeholders", {}).values())
    keys = [c for c in profile.section("key").get("columns") or [] if c in columns]
    said = " + ".join(keys) if keys else "the whole row (no id column)"
    period = profile.section("key").get("period")
    return f"{said} + the period {period}" if period else said


def note_date_only(report_columns: list[dict[str, Any]], spec: dict[str, Any] | None, every_row: bool) -> None:
    """Say, on the arrival column's line, that its values are days without a time of
    day (those contacts are left out of out-of-hours and hour-of-day figures)."""
    col = (spec or {}).get("_column") or (spec or {}).get("_date")
    for entry in report_columns:
        if entry["column"] == col:
            which = "date only" if every_row else "date only on some rows"
            entry["rule"] = f"{entry['rule']}; {which}: no time of day, left out of out-of-hours"


STAND_IN_DATES = "dates the records (no creation time), no duration measured from it"
STAND_IN_END = "no duration measured from it (no creation time)"


def note_stand_in(report_columns: list[dict[str, Any]], fields: dict[str, dict[str, Any]], use: str) -> None:
    """Say what the times of an export without a creation time were read as
    (:func:`.recognise.stand_ins`): the column standing in for the arrival feeds the
    field ``use`` (a first-response time) and dates the records; it and the other
    times a duration ends at (a resolution time…) are points in time, from which no
    duration is measured — "First Response Time" is not a first-response time."""
    ends = {use, "first_response_at", "solved_at", "closed_at", "answered_at", "ended_at"}
    dating = set(_columns_of(fields.get("arrived_at") or {}))
    for entry in report_columns:
        if entry["column"] in dating:
            entry["field"] = use
            entry["rule"] = f"{entry['rule']}; {STAND_IN_DATES}"
        elif entry["field"] in ends:
            entry["rule"] = f"{entry['rule']}; {STAND_IN_END}"


def summary_rows(cur: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """The summary rows ("Total", "Sous-total") the checks set aside: not records, so
    not rejects either. They leave the rejects (the count returned is ignored, with its
    reason)."""
    row = cur.execute(
        "SELECT count(*) FROM import_rejects WHERE import_id = $id AND reason = $r",
        {"id": import_id, "r": errors.SUMMARY_ROW},
    ).fetchone()
    n = int(row[0]) if row else 0
    if n:
        cur.execute(
            "DELETE FROM import_rejects WHERE import_id = $id AND reason = $r",
            {"id": import_id, "r": errors.SUMMARY_ROW},
        )
    return n


def ignored_reasons(
    cur: duckdb.DuckDBPyConnection, report: ImportReport, transform: str | None, known: dict[str, int] | None = None
) -> dict[str, int]:
    """Ignored rows per reason: the ones a transform named (``out_ignored``), those
    ``known`` gives (summary rows), the rest under one reason saying what the format
    does with such rows."""
    reasons: dict[str, int] = {k: n for k, n in (known or {}).items() if n}
    if report.ignored <= 0:
        return reasons
    named = cur.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'out_ignored' AND temporary"
    ).fetchone()
    if named and named[0]:
        for reason, n in cur.execute(
            "SELECT reason, count(DISTINCT _line) FROM out_ignored GROUP BY reason ORDER BY 2 DESC"
        ).fetchall():
            reasons[reason] = n
    rest = report.ignored - sum(reasons.values())
    if rest > 0:
        what = f"the {transform} format" if transform else "the profile"
        reasons[f"not a record of its own: folded into another row's record, or an event {what} does not count"] = rest
    return reasons


def check_outcome(report: ImportReport) -> None:
    """Refuse an import where nothing would load because every row is rejected; warn
    above a few percent of rejects."""
    if report.rows_read and report.loaded == 0 and report.duplicate == 0 and report.rejected:
        first = report.rejects[0][1] if report.rejects else "no row could be read"
        raise ImportError_.say(
            errors.EVERY_ROW_REJECTED, file=report.file, rejected=report.rejected, read=report.rows_read, reason=first
        )
    share = report.rejected_share()
    if share > REJECT_WARNING:
        reasons = list(dict.fromkeys(r for _, r in report.rejects))[:3]
        report.warnings.append(
            f"{report.rejected} of {report.rows_read} rows rejected ({share:.0%}): " + "; ".join(reasons)
        )


def check_outcome_words(cur: duckdb.DuckDBPyConnection, report: ImportReport, import_id: int) -> None:
    """Warn when contacts were loaded with an outcome no KPI knows ("Dissuadé", a code of
    the vendor's): they count in no answer or abandon rate, and the file would otherwise
    look read. The values are named, with what to do."""
    rows = cur.execute(
        "SELECT outcome, count(*) FROM contacts WHERE import_id = $id AND outcome IS NOT NULL"
        " AND NOT list_contains($known, outcome) GROUP BY 1 ORDER BY 2 DESC, 1",
        {"id": import_id, "known": list(OUTCOMES)},
    ).fetchall()
    if not rows:
        return
    total = sum(n for _, n in rows)
    said = ", ".join(f"{value} ({n})" for value, n in rows[:5]) + (", …" if len(rows) > 5 else "")
    report.warnings.append(
        f"{total} row(s) have an outcome kpidesk does not know: {said}. They count in no answer or abandon "
        "rate: map these values in the import dialog and import the file again."
    )


def ambiguous_dates_warning(columns: list[str]) -> str:
    """What an import says when its dates read day first and month first alike (no day
    above 12 in the rows looked at: a daily export of the 5th): they were read day
    first, and a file written month first must be imported again with its order said."""
    return (
        f"Dates in {', '.join(columns)} read day first or month first alike (no day above 12 in the rows "
        "looked at): they were read day first (01/02/2024 = 1 February 2024). If the export writes the month "
        "first, choose that date order in the import dialog and import the file again."
    )
