"""What kind of file is this, and which profile reads it? Decided once, the same way
for the import, the CLI and the bench.

Headerless files are recognised by the shape of their lines; files with a header by
the profile that explains most of their columns (a vendor's signature first); a win
that another kind of file would explain clearly better, but for a missing required
field, is refused with both readings; no profile at all: the proposed mapping, when
it is sure enough. Only a sample of the file is read, whatever its size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from kpidesk.core.ingest import decide, event_kinds, mapping, profiles
from kpidesk.core.ingest import period as periods
from kpidesk.core.ingest.errors import NeedsPeriod, NoProfile
from kpidesk.core.ingest.period import Period
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sniff import FileInfo, first_lines

if TYPE_CHECKING:
    from kpidesk.core.ingest.proposal import Proposal


@dataclass
class Recognition:
    """The profile chosen, or why none was (``refused``: the message for the user)."""

    profile: profiles.Profile | None
    refused: str = ""
    candidates: list[tuple[str, int, list[str]]] = field(
        default_factory=list
    )  # (profile name, columns used, missing fields)


def choose(
    cur: duckdb.DuckDBPyConnection,
    info: FileInfo,
    rel: Relation,
    known: list[profiles.Profile],
    period: Period | None = None,
) -> profiles.Profile:
    """The profile that reads the file; raises :class:`NoProfile` (with the candidates
    and what is missing) when none is sure. ``period``: the period an interval report
    without dates covers (else the one its preamble or name says, if any)."""
    known = by_day(cur, rel, known)
    known = stand_ins(rel.columns, with_period(info, rel.columns, known, period))
    found = profiles.match(rel.columns, info.kind, known)
    if found and event_kinds.is_event_log(found.profile):  # calls or tickets: the event names tell
        return event_kinds.decide(cur, info, rel, found, known)
    from kpidesk.core.ingest.proposal import propose_from

    if found:
        other = profiles.rival(found, rel.columns, info.kind, known)
        if other is None:
            return _with_vocabulary(found, cur, info, rel)
        raise NoProfile(ambiguous_message(info, found, other), info.path)

    undated = _undated_report(info, rel.columns, known)
    if undated is not None:
        raise undated
    proposal = propose_from(cur, info, rel)
    if proposal.confident():
        return proposal.to_profile()
    raise NoProfile(missing_message(info, None, proposal.missing_required(), proposal), info.path)


def _with_vocabulary(
    found: profiles.Match, cur: duckdb.DuckDBPyConnection, info: FileInfo, rel: Relation
) -> profiles.Profile:
    """The generic profile that matched, completed by the vocabulary, or the
    vocabulary's reading of the file as another kind when it explains clearly more."""
    from kpidesk.core.ingest.proposal import complete, completes, propose_from

    prof = found.profile
    if not completes(prof):
        return prof
    prop = propose_from(cur, info, rel)
    better = better_reading(found, prop, cur, rel)
    if better is not None:
        return better
    own = prop if prop.table == prof.table else propose_from(cur, info, rel, table=prof.table)
    return complete(prof, found.resolved, own)


def better_reading(
    found: profiles.Match, prop: Proposal, cur: duckdb.DuckDBPyConnection, rel: Relation
) -> profiles.Profile | None:
    """``prop``, the vocabulary's reading of the file, when it reads it as another kind
    and explains clearly more of it than ``found``, a generic profile that matched
    (``proposal.completes``): a ticket list with a "Satisfaction (/5)" column is tickets
    (its creation, first reply, closing, status and category say so), not survey
    answers recognised by one header; a presence log whose "Statut" holds Disponible /
    En pause is agent time, not calls whose outcome no value says."""
    if prop.table == found.profile.table or not prop.confident():
        return None
    fit, misfit = _fitting(found.resolved, mapping.sample(cur, rel, 500))
    return prop.to_profile() if len(prop.explained()) > len(fit) + (0 if misfit else 1) else None


def _fitting(resolved: dict[str, Any], samples: dict[str, list[Any]]) -> tuple[set[str], bool]:
    """(the columns a profile's fields read whose values fit them, whether a coded
    field's column holds none of its codes): "Statut" read as a call's outcome where
    no value is an outcome word does not explain the column."""
    fit: set[str] = set()
    misfit = False
    for spec in resolved.values():
        cols = profiles.used_columns({"x": spec})
        col = spec.get("_column")
        if col and isinstance(spec.get("map"), dict):
            seen = {str(v).strip().lower() for v in decide.present(samples.get(col, []))}
            if seen and not seen & {str(k).lower() for k in spec["map"]}:
                misfit = True
                continue
        fit |= cols
    return fit, misfit


DAY_COLUMNS = ("Date", "Jour", "Day", "Journée", "Date du jour", "Jour de l'activité")


def by_day(cur: duckdb.DuckDBPyConnection, rel: Relation, known: list[profiles.Profile]) -> list[profiles.Profile]:
    """``known``, with each interval-report profile that finds no interval column but a
    column of dates without a time ("Jour": 01/10/2026) reading one row per day: the
    day is the interval (an outsourcer's daily sheet per agent)."""
    if not any(periods.needs_period(p, rel.columns) for p in known):
        return known
    col = profiles.find_column(list(DAY_COLUMNS), rel.columns)
    if col is None:
        return known
    sample = decide.present(mapping.sample(cur, rel, 200).get(col, []))
    midnight = re.compile(r"[ T]00:00(:00(\.0+)?)?$")  # a workbook's dates come with a zero time
    if not sample or any(":" in midnight.sub("", v) for v in sample):  # a time of day: not one row per day
        return known
    out = []
    for p in known:
        if not periods.needs_period(p, rel.columns):
            out.append(p)
            continue
        data = dict(p.data)
        data["fields"] = {**p.fields, "interval_start": {"column": col}, "interval_s": {"value": 86400}}
        data["match"] = {
            **p.section("match"),
            "headers": [h for h in p.section("match").get("headers", []) if not periods.is_interval_header(h)],
        }
        data["label"] = f"{p.label}, one row per day"
        out.append(profiles.Profile(p.name, data, p.path, p.builtin))
    return out


def with_period(
    info: FileInfo, columns: list[str], known: list[profiles.Profile], period: Period | None
) -> list[profiles.Profile]:
    """``known``, with the interval-report profiles that find no date column placed in
    ``period`` (or the period the file's preamble or name says; unchanged without one)."""
    if not any(periods.needs_period(p, columns) for p in known):
        return known
    if period is None:
        preamble = first_lines(info.path, 20)[: max(0, info.first_line - 1)] if info.kind == "csv" else []
        period = periods.from_file(Path(info.path).name, preamble)
    if period is None:
        return known
    return [periods.applied(p, period) if periods.needs_period(p, columns) else p for p in known]


# Times that date a ticket whose export has no creation time, best first.
ARRIVAL_STAND_INS = ("first_response_at",)


def stand_ins(columns: list[str], known: list[profiles.Profile]) -> list[profiles.Profile]:
    """``known``, with each contact profile that finds every required column but the
    creation time, and finds a first-response time, dated by that time instead: the
    tickets are counted on the day they were first answered, their time of arrival is
    unknown (out of the out-of-hours figures), and no duration is measured from it.
    The import says so (``[parse] arrival_from``)."""
    out = []
    for p in known:
        if p.transform or p.table != "contacts" or "arrival_from" in p.section("parse"):
            out.append(p)
            continue
        resolved, missing = profiles.resolve(p, columns)
        use = next((f for f in ARRIVAL_STAND_INS if f in resolved), None) if missing == ["arrived_at"] else None
        if use is None:
            out.append(p)
            continue
        data = dict(p.data)
        data["fields"] = {**p.fields, "arrived_at": p.fields[use]}
        data["parse"] = {**p.section("parse"), "arrival_from": use}
        data["label"] = f"{p.label}, dated by {use}"
        out.append(profiles.Profile(p.name, data, p.path, p.builtin))
    return out


def stand_in_warning(prof: profiles.Profile, fields: dict[str, Any]) -> str | None:
    """What the report says of a file dated by a stand-in for its creation time."""
    use = prof.section("parse").get("arrival_from")
    if not use:
        return None
    spec = fields.get("arrived_at") or {}
    col = spec.get("_column") or spec.get("_date") or use
    return (
        f"No column says when each record was created: they are dated by {col} ({use}). Their time of "
        "arrival is unknown (left out of the out-of-hours figures), and first-response and resolution "
        "times, which need it, are not measured."
    )


def _undated_report(info: FileInfo, columns: list[str], known: list[profiles.Profile]) -> NeedsPeriod | None:
    """The question to ask when the file is an interval report but for its dates."""
    probe = periods.Period(date(2000, 1, 1), date(2000, 1, 1))
    dated = [periods.applied(p, probe) if periods.needs_period(p, columns) else p for p in known]
    found = profiles.match(columns, info.kind, dated)
    if found is None or found.profile.table != "interval_stats":
        return None
    if not any(found.profile is d and d is not k for d, k in zip(dated, known)):
        return None
    used = profiles.candidate(found.profile, columns).used
    return NeedsPeriod(Path(info.path), found.profile.name, [c for c in columns if c in used])


def recognise(
    path: str | Path, *, sheet: str | None = None, db_path: str | Path | None = None, period: Period | None = None
) -> Recognition:
    """Recognise ``path`` without importing it (a sample is read, nothing is written)."""
    from kpidesk.core.ingest.proposal import opened

    known = profiles.all_profiles(db_path)
    by_lines = profiles.match_lines(first_lines(path), known)
    read = by_lines.section("read") if by_lines else None
    with opened(path, sheet=sheet, read=read, sample=True) as (cur, info, rel):
        cands = [
            (c.profile.name, len(c.used), c.missing)
            for c in sorted(
                (profiles.candidate(p, rel.columns) for p in known if p.fields), key=lambda c: -len(c.used)
            )[:3]
        ]
        if by_lines:
            return Recognition(by_lines, candidates=cands)
        try:
            return Recognition(choose(cur, info, rel, known, period), candidates=cands)
        except NoProfile as exc:
            return Recognition(None, str(exc), cands)


def ambiguous_message(info: FileInfo, found: profiles.Match, other: profiles.Candidate) -> str:
    """A weak win, said as such: both readings, what each explains and what is missing."""
    cols = info.columns
    mine = profiles.candidate(found.profile, cols)
    return "\n".join(
        [
            f"{Path(info.path).name} is not imported: it is not clear what kind of file it is.",
            f"As {other.profile.label}, it would use {len(other.used)} of {len(cols)} columns, "
            f"but no column was found for {said(other.missing)}.",
            f"As {found.profile.label}, it would use only {len(mine.used)} of {len(cols)} columns "
            f"({', '.join(c for c in cols if c in mine.used)}).",
            f"Pass --profile {other.profile.name} with a profile that names the missing column, "
            f"or --profile {found.profile.name} to read it that way, or map the columns in the import dialog.",
        ]
    )


# What a missing field is, in the user's words (the CLI says both).
FIELD_WORDS = {
    "arrived_at": "when each contact arrived or was created (date and time)",
    "interval_start": "the period each row covers (a date or interval column)",
    "interval_s": "the length of that period",
    "agent_id": "the agent",
    "state": "the agent's state",
    "started_at": "when each period started",
    "duration_s": "its duration",
    "score": "the score",
}


def said(fields: list[str]) -> str:
    return ", ".join(f"{f} ({FIELD_WORDS[f]})" if f in FIELD_WORDS else f for f in fields)


def missing_message(
    info: FileInfo, prof: profiles.Profile | None, missing: list[str], proposal: Proposal | None = None
) -> str:
    what = f"with the profile {prof.name!r}" if prof else "automatically"
    if missing:
        problem = f"no column found for {said(missing)}"
    elif proposal is not None and proposal.too_thin():
        problem = (
            "read as contacts, nothing but their date would be known (no agent, queue, wait, talk time, "
            "outcome or status column found)"
        )
    else:  # every required field has a column, but not a sure one
        weak = [f for f in proposal.to_profile().required() if f in proposal.fields] if proposal else []
        problem = "the columns found for " + (", ".join(weak) or "the required fields") + " are only guesses"
    lines = [
        f"{Path(info.path).name} cannot be imported {what}: {problem}.",
        f"Columns in the file: {', '.join(info.columns)}.",
    ]
    if proposal is not None and proposal.fields:
        guessed = ", ".join(f"{f} ← {m.column} ({m.confidence:.0%})" for f, m in proposal.fields.items())
        lines.append(f"Best guess ({proposal.table}): {guessed}.")
    lines.append(
        "Pass --profile NAME or --profile path/to/profile.toml (see docs/profiles.md), "
        "or map the columns in the import dialog and save the mapping as a profile."
    )
    return "\n".join(lines)
