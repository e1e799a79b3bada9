"""Is this event log about calls or tickets? Told by its event names, not its headers.

A call event log and a ticket event log can carry the same headers ("Case ID",
"Timestamp", "Activity", "Resource"): what tells them apart is what happened. Each
event-log profile names its activities with regular expressions (``[activities]``,
over its transform's defaults); the share of the file's distinct activity names
(in the recognition sample) that a profile's expressions recognise is its evidence.
The kind that recognises clearly more names wins, and says so; when none recognises
half of them, or two come close, the file is refused with its readings (the app then
opens the mapping dialog), as for every weak win (:mod:`.recognise`): rebuilt from
events it cannot name, every call would have no outcome and every ticket stay open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import duckdb

from kpidesk.core.ingest import profiles
from kpidesk.core.ingest.errors import NoProfile
from kpidesk.core.ingest.identifiers import quote
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sniff import FileInfo
from kpidesk.core.ingest.transforms import call_event_log, event_log
from kpidesk.core.ingest.transforms.vendor_common import norm
from kpidesk.core.kpi import params as sql_params

# The transforms that rebuild contacts from event rows, and what their contacts are.
KINDS: dict[str, tuple[ModuleType, str]] = {
    "event_log": (event_log, "ticket"),
    "call_event_log": (call_event_log, "call"),
}
SURE = 0.5  # the winner recognises at least this share of the activity names…
MARGIN = 0.25  # …and this much more than the other kind
NAMES_SHOWN = 4
SAMPLE = 2000  # rows of the sample whose activity names are read (as mapping.SAMPLE_ROWS)


@dataclass
class Evidence:
    profile: profiles.Profile
    what: str  # "call" or "ticket"
    column: str | None  # the activity column
    known: list[str] = field(default_factory=list)  # activity names its expressions recognise
    names: int = 0  # distinct activity names in the sample

    @property
    def share(self) -> float:
        return len(self.known) / self.names if self.names else 0.0

    def said(self) -> str:
        shown = ", ".join(self.known[:NAMES_SHOWN]) + (" …" if len(self.known) > NAMES_SHOWN else "")
        return f"{len(self.known)} of {self.names} event names are {self.what} events" + (
            f" ({shown})" if self.known else ""
        )


def is_event_log(profile: profiles.Profile) -> bool:
    return profile.transform in KINDS


def _activity_column(profile: profiles.Profile, columns: list[str]) -> str | None:
    module, _ = KINDS[str(profile.transform)]
    chosen = (profile.data.get("columns") or {}).get("activity")
    by_norm = {norm(c): c for c in reversed(columns)}
    for name in ([chosen] if chosen else []) + list(module.FIELDS["activity"]):
        hit = by_norm.get(norm(str(name)))
        if hit is not None:
            return hit
    return None


def names_in(cur: duckdb.DuckDBPyConnection, rel: Relation, column: str) -> list[str]:
    """The distinct activity names of the recognition sample (read once per column)."""
    col = quote(column)
    sql = (
        f"SELECT DISTINCT trim({col}) AS a FROM (SELECT {col} FROM ({rel.sample_sql or rel.sql}) LIMIT {SAMPLE}) "
        f"WHERE trim({col}) <> '' ORDER BY a"
    )
    return [str(r[0]) for r in cur.execute(sql, sql_params.bind(sql, rel.params)).fetchall()]


def evidence(
    cur: duckdb.DuckDBPyConnection, rel: Relation, profile: profiles.Profile, read: dict[str, list[str]] | None = None
) -> Evidence:
    """How many of the sample's distinct activity names ``profile`` recognises
    (``read``: the names already read, by column)."""
    module, what = KINDS[str(profile.transform)]
    column = _activity_column(profile, rel.columns)
    out = Evidence(profile, what, column)
    if column is None:
        return out
    read = {} if read is None else read
    if column not in read:
        read[column] = names_in(cur, rel, column)
    names = read[column]
    mine = profile.section("activities")
    regexes = [str(mine.get(k) or v) for k, v in module.DEFAULT_ACTIVITIES.items()]
    known = " OR ".join(f"regexp_matches(a, $re{i})" for i in range(len(regexes)))
    try:
        rows = cur.execute(
            f"SELECT a, {known} FROM (SELECT unnest($names) AS a)",
            {"names": names, **{f"re{i}": r for i, r in enumerate(regexes)}},
        ).fetchall()
    except duckdb.Error:  # a user's expression DuckDB cannot read: it recognises nothing
        rows = [(a, False) for a in names]
    out.names = len(names)
    out.known = [str(a) for a, hit in rows if hit]
    return out


def decide(
    cur: duckdb.DuckDBPyConnection,
    info: FileInfo,
    rel: Relation,
    found: profiles.Match,
    known: list[profiles.Profile],
) -> profiles.Profile:
    """``found`` (an event-log profile the headers chose), or the event-log profile of
    the other kind that the event names say it is, with ``recognised`` saying why;
    raises :class:`NoProfile` when the names do not tell."""
    rivals = {found.profile.transform: found.profile}
    for p in known:
        if is_event_log(p) and p.transform not in rivals:
            m = profiles.match(rel.columns, info.kind, [p])
            if m is not None:
                rivals[p.transform] = p
    read: dict[str, list[str]] = {}
    ranked = sorted((evidence(cur, rel, p, read) for p in rivals.values()), key=lambda e: -e.share)
    best, other = ranked[0], (ranked[1] if len(ranked) > 1 else None)
    if best.share >= SURE and (other is None or best.share - other.share >= MARGIN):
        if other is None:  # only one kind of event log has these headers
            return _said(best.profile, f"recognised as a {best.what} event log: {best.said()}")
        return _said(
            best.profile,
            f"recognised as a {best.what} event log, not a {other.what} event log: {best.said()}; "
            f"{len(other.known)} of {other.names} are {other.what} events",
        )
    raise NoProfile(_ambiguous(info, ranked), info.path)


def _said(profile: profiles.Profile, why: str) -> profiles.Profile:
    return profiles.Profile(profile.name, {**profile.data, "recognised": why}, profile.path, profile.builtin)


def _ambiguous(info: FileInfo, ranked: list[Evidence]) -> str:
    name = Path(info.path).name
    if len(ranked) == 1:  # a call (ticket) event log by its headers, whose event names are not known ones
        what = ranked[0].what
        first = (
            f"{name} is not imported: it is a {what} event log by its headers, but most of its event names are unknown."
        )
    else:
        first = (
            f"{name} is not imported: it is an event log, but its event names do not say whether of calls or tickets."
        )
    lines = [first]
    for e in ranked:
        lines.append(f"As a {e.what} event log ({e.profile.label}): {e.said()}.")
    lines.append(
        "Pass --profile " + " or --profile ".join(e.profile.name for e in ranked) + ", or save a copy of one "
        "with your tool's event names in its [activities] table (docs/profiles.md), or map it in the import dialog."
    )
    return "\n".join(lines)
