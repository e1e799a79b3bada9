"""What the mapping dialog shows, computed without Qt: the file as it will load.

``inspect`` reads a file with the reader options the user chose (encoding, separator,
header line, sheet) and proposes a mapping onto one table; ``preview`` runs a
mapping on the first rows through the same SQL the import uses, so the dialog shows
parsed values (dates, seconds, recoded outcomes) and why a row would be rejected,
not the raw text; ``profile_data`` turns the user's choices into the profile that
``save_profile`` writes and ``import_file`` takes. Each call opens its own in-memory
database: the UI runs them in a worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kpidesk.core.db.migrations import MIGRATIONS
from kpidesk.core.ingest import accounting, decide, event_kinds, mapping, profiles, recognise, values
from kpidesk.core.ingest import keys as natural_keys
from kpidesk.core.ingest import period as periods
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.errors import NoProfile
from kpidesk.core.ingest.identifiers import normalize, quote
from kpidesk.core.ingest.linked import answers_only, scales_for, survey_kind, survey_profiles
from kpidesk.core.ingest.outcomes import OUTCOMES
from kpidesk.core.ingest.period import Period
from kpidesk.core.ingest.profiles import Profile, resolve
from kpidesk.core.ingest.proposal import FieldGuess, Proposal, channel_words, completes, opened, propose_from
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sniff import first_lines
from kpidesk.core.ingest.synonyms import TABLE_HINTS
from kpidesk.core.ingest.tables import DEFAULTS, FRAMEWORK_COLUMNS, TARGETS, column_types
from kpidesk.core.ingest.transforms import call_event_log, event_log

TABLES = list(TABLE_HINTS) + [t for t in TARGETS if t not in TABLE_HINTS]
READ_KEYS = ("encoding", "delimiter", "header_line")
# The kinds of file a user chooses from: the table they feed, the channel of their
# contacts, and the built-in profile whose vocabulary reads their columns first.
KINDS: dict[str, dict[str, Any]] = {
    "calls": {"table": "contacts", "channel": "phone", "profile": "generic_call_log", "record_kind": "call"},
    "tickets": {"table": "contacts", "channel": "email", "profile": "generic_ticket_list", "record_kind": "ticket"},
    "chats": {"table": "contacts", "channel": "chat", "profile": "generic_chat_conversations", "record_kind": "chat"},
    "bots": {"table": "contacts", "channel": "bot", "profile": None, "record_kind": "bot"},
    "surveys": {"table": "surveys", "profile": None},
    "sessions": {"table": "agent_sessions", "profile": "generic_agent_sessions"},
    "intervals": {"table": "interval_stats", "profile": "generic_interval_report"},
    # one row per event of a ticket: rebuilt into tickets by the event_log transform
    "events": {"table": "contacts", "profile": "generic_event_log", "transform": "event_log", "record_kind": "ticket"},
    # one row per event of a call: rebuilt into calls by the call_event_log transform
    "call_events": {
        "table": "contacts",
        "profile": "generic_call_event_log",
        "transform": "call_event_log",
        "record_kind": "call",
    },
}
# The kinds whose rows are events, rebuilt into contacts by their transform
# (event_kinds.KINDS): their columns (the transform's FIELDS) and what their activities
# mean (its DEFAULT_ACTIVITIES roles, in the order an event takes the first that matches).
EVENT_TRANSFORMS = {"event_log": event_log, "call_event_log": call_event_log}
EVENT_KINDS = [k for k, spec in KINDS.items() if spec.get("transform") in EVENT_TRANSFORMS]
EVENT_REQUIRED = ["event.case", "event.at"]
ACTIVITY_ROLES = list(event_log.DEFAULT_ACTIVITIES)  # a ticket event log's


def event_transform(kind: str | None) -> str | None:
    """The transform that rebuilds a kind of file's events into contacts (None: the
    kind's rows are records, read by a mapping)."""
    transform = KINDS.get(kind or "", {}).get("transform")
    return transform if transform in EVENT_TRANSFORMS else None


def event_fields(kind: str | None) -> list[str]:
    """The columns an event log of ``kind`` names (``event.case``, ``event.at``…)."""
    module = EVENT_TRANSFORMS[event_transform(kind) or "event_log"]
    return [f"event.{role}" for role in module.FIELDS]


def activity_roles(kind: str | None) -> list[str]:
    """What an event of ``kind`` can mean (a ticket's: created, response…; a call's:
    queued, answered, hold…), in the order an event takes the first that matches."""
    return list(EVENT_TRANSFORMS[event_transform(kind) or "event_log"].DEFAULT_ACTIVITIES)


# Fields whose values are codes the user maps (the distinct values listed, a target each).
CODED = {
    "outcome": list(OUTCOMES),
    "status": ["open", "pending", "solved", "closed"],
    "channel": ["phone", "email", "chat", "bot", "social"],
    "direction": ["inbound", "outbound"],
    "state": ["logged_in", "pause"],
    "event.activity": ACTIVITY_ROLES,
}
# A score per contact, one field per question: survey answers linked to the contacts.
LINKED_FIELDS = {"survey.csat": "csat", "survey.nps": "nps", "survey.ces": "ces"}
PREVIEW_CAP = 200_000  # rows counted by the preview (the file's first ones)


@dataclass
class Preview:
    """The first rows as they will load: canonical columns, values, and per row the
    reason it would be rejected (None when it loads)."""

    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # Over the whole file (its first PREVIEW_CAP rows): what the import would do.
    total: int = 0
    loading: int = 0  # rows that load (duplicates inside the file counted once)
    rejected: int = 0
    duplicates: int = 0  # rows repeating another row's key in the file
    why: list[tuple[str, int, str]] = field(default_factory=list)  # (reason, rows, an example value)
    capped: bool = False
    ignored: int = 0  # rows that are no record of their own (an event folded into its ticket)
    ignored_why: list[tuple[str, int]] = field(default_factory=list)
    columns_report: list[dict[str, Any]] = field(default_factory=list)  # accounting.column_report
    key: str = ""
    # The survey answers linked to the contacts, one per question: {type, column,
    # scale_min, scale_max, scales (the ones its values fit), loading, rejected, duplicates,
    # outside (answers off the scale), why}.
    linked: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Inspection:
    """A file as the dialog first shows it: the proposal for one kind of file, and a
    few values of every column."""

    proposal: Proposal
    kind: str
    examples: dict[str, list[str]] = field(default_factory=dict)
    fields: list[str] = field(default_factory=list)  # every field of the kind's table
    flags: list[str] = field(default_factory=list)  # its yes/no fields (transferred, resolved…)
    period: Period | None = None  # the period the file's name or preamble says (reports without dates)


def inspect(
    path: str | Path, *, sheet: str | None = None, read: dict[str, Any] | None = None, table: str | None = None
) -> Proposal:
    """Reader options as detected (or as given), the target table and a mapping guess."""
    with opened(path, sheet=sheet, read=read) as (cur, info, rel):
        prop = propose_from(cur, info, rel, table)
        prop.reader = dict(info.describe(), delimiter_char=info.delimiter)
        return prop


@contextmanager
def _schema_opened(
    path: str | Path, *, sheet: str | None, read: dict[str, Any] | None
) -> Iterator[tuple[Any, Any, Any]]:
    """:func:`opened` with the canonical tables only (their schema, without the
    calendar a database opened for use builds): the dialog asks for a preview at
    every change, and this is most of its cost."""
    with opened(path, sheet=sheet, read=read, bare=True) as (cur, info, rel):
        for _name, sql in MIGRATIONS:
            cur.execute(sql)
        yield cur, info, rel


def kind_of(table: str, channel: str | None = None, profile: str | None = None) -> str:
    """The kind of file a table (and channel, or recognised profile) stands for."""
    for kind, spec in KINDS.items():
        if profile and spec.get("profile") == profile:
            return kind
    for kind, spec in KINDS.items():
        if spec["table"] == table and (channel is None or spec.get("channel", channel) == channel):
            return kind
    return "calls"


def inspect_kind(
    path: str | Path,
    *,
    sheet: str | None = None,
    read: dict[str, Any] | None = None,
    kind: str | None = None,
    db_path: str | Path | None = None,
) -> Inspection:
    """The mapping guess for one kind of file (None: the kind core's recognition
    finds best): the kind's built-in profile reads the columns it names, the proposal
    (names and values) the rest."""
    with _schema_opened(path, sheet=sheet, read=read) as (cur, info, rel):
        samples = mapping.sample(cur, rel, 500)
        if kind not in KINDS:
            kind = _best_kind(cur, info, rel, profiles.all_profiles(db_path))
        spec = KINDS[kind]
        prop = propose_from(cur, info, rel, spec["table"])
        prop.reader = dict(info.describe(), delimiter_char=info.delimiter)
        if event_transform(kind):
            prop.fields = _event_columns(rel.columns, kind)
            prop.constants = {}
        elif spec.get("profile"):
            base = profiles.find(spec["profile"])
            prop.fields = _with_profile(cur, base, rel.columns, samples, prop.fields)
            for name, value in base.fields.items():  # the kind's constants (an interval of 30 minutes)
                if isinstance(value, dict) and "value" in value and name not in prop.fields:
                    prop.constants.setdefault(name, value["value"])
        if spec.get("channel"):
            prop.constants["channel"] = spec["channel"]
        examples = {c: [str(v) for v in samples.get(c, []) if v not in (None, "")][:3] for c in rel.columns}
        types = column_types(cur, spec["table"])
        names = [c for c in types if c not in FRAMEWORK_COLUMNS and c != "source"]
        flags = [c for c in names if types[c].upper() == "BOOLEAN"]
        preamble = first_lines(path, 20)[: max(0, info.first_line - 1)] if info.kind == "csv" else []
        return Inspection(prop, kind, examples, names, flags, periods.from_file(Path(path).name, preamble))


def _best_kind(cur: Any, info: Any, rel: Any, known: list[Profile]) -> str:
    """The kind core's recognition reads the file as: the profile that matches (or the
    rival that explains clearly more of it), else the proposal's table."""
    bases = {spec["profile"]: kind for kind, spec in KINDS.items() if spec.get("profile")}
    found = profiles.match(rel.columns, info.kind, known)
    if found is not None:
        other = profiles.rival(found, rel.columns, info.kind, known)
        prof = other.profile if other is not None else found.profile
        if event_kinds.is_event_log(prof):  # a call or a ticket event log: its event names say which
            try:
                prof = event_kinds.decide(cur, info, rel, profiles.Match(prof, (0.0,)), known)
            except NoProfile:  # the names do not tell: the vocabulary's sure reading, else the headers' guess
                guess = propose_from(cur, info, rel)
                if guess.confident():
                    return kind_of(guess.table, guess.constants.get("channel"))
            by_transform = {spec.get("transform"): kind for kind, spec in KINDS.items() if spec.get("transform")}
            return by_transform.get(prof.transform, "events")
        if completes(prof):  # the vocabulary may read it as another kind, as the import does
            resolved = found.resolved if prof is found.profile else profiles.resolve(prof, rel.columns)[0]
            match = profiles.Match(prof, (0.0,), resolved)
            better = recognise.better_reading(match, propose_from(cur, info, rel), cur, rel)
            if better is not None:
                return kind_of(better.table, channel_words(list(rel.columns), Path(info.path).name))
        if prof.name in bases:
            return bases[prof.name]
        if prof.table != "contacts":
            return kind_of(prof.table)
    guess = propose_from(cur, info, rel)
    return kind_of(guess.table, guess.constants.get("channel"))


def _event_columns(columns: list[str], kind: str) -> dict[str, FieldGuess]:
    """The event log's columns found by its transform's own names."""
    fields: dict[str, FieldGuess] = {}
    for role, names in EVENT_TRANSFORMS[event_transform(kind) or "event_log"].FIELDS.items():
        col = profiles.find_column(list(names), columns)
        if col is not None and col not in {g.column for g in fields.values()}:
            conf = 1.0 if normalize(col) in {normalize(n) for n in names} else 0.9
            fields[f"event.{role}"] = FieldGuess(col, conf)
    return fields


def activity_role(value: str, kind: str | None = "events") -> str | None:
    """What an activity name means by the default names of ``kind``'s event log (a
    ticket's created, response, solved, reopen; a call's queued, answered, hold…), or
    None: another event."""
    if event_transform(kind) == "call_event_log":
        acts, order = call_event_log.DEFAULT_ACTIVITIES, call_event_log.ROLES
    else:
        acts, order = event_log.DEFAULT_ACTIVITIES, ["reopen", "created", "solved", "response"]
    for role in order:
        if re.search(acts[role], value):
            return role
    return None


_RE_SPECIAL = set("\\.^$|?*+()[]{}")
NOTHING = r"[^\s\S]"  # a pattern no activity matches (RE2 has no lookahead)


def activities(roles: dict[str, str], kind: str | None = "events") -> dict[str, str]:
    """``[activities]`` regular expressions from exact names: {activity: role}."""
    out = {}
    for role in activity_roles(kind):
        names = [v for v, r in roles.items() if r == role]
        words = "|".join("".join("\\" + ch if ch in _RE_SPECIAL else ch for ch in n) for n in names)
        out[role] = f"(?i)^\\s*({words})\\s*$" if names else NOTHING
    return out


def _linked_fields(
    prof: Profile, columns: list[str], samples: dict[str, list[Any]], taken: set[str]
) -> dict[str, dict[str, Any]]:
    """The linked survey questions a contacts profile reads on this file: {``survey.<type>``:
    its column resolved}, every question's (as the import loads them)."""
    if prof.table != "contacts":
        return {}
    by_type = {t: f for f, t in LINKED_FIELDS.items()}
    out: dict[str, dict[str, Any]] = {}
    for sprof, col in survey_profiles(prof, columns, samples, taken):
        out[by_type[str(sprof.fields["survey_type"]["value"])]] = {"_column": col, "column": col}
    return out


def _with_profile(
    cur: Any, prof: Profile, columns: list[str], samples: dict[str, list[Any]], guessed: dict[str, FieldGuess]
) -> dict[str, FieldGuess]:
    """The fields the profile's vocabulary finds (sure: the header is one of its names),
    then the proposal's guesses for columns still free."""
    resolved, _ = resolve(prof, columns)
    resolved, _ = mapping.fit_values(prof, resolved, samples, column_types(cur, prof.table))
    resolved.update(_linked_fields(prof, columns, samples, profiles.used_columns(resolved)))
    fields: dict[str, FieldGuess] = {}
    taken: set[str] = set()
    for name, r in resolved.items():
        col = r.get("_column") or r.get("_date") or r.get("_average")  # an average: × its count (the dialog)
        if not col or "value" in r or "expr" in r or col in taken or r.get("_time") in taken:
            continue
        names = [normalize(n) for k in ("column", "date", "average") for n in profiles.alternatives(r.get(k))]
        conf = 1.0 if normalize(col) in names else 0.9
        fields[name] = FieldGuess(col, conf, time=r.get("_time"), map=r.get("map"))
        taken |= {col, r.get("_time") or col}
    for name, g in guessed.items():
        if name not in fields and g.column not in taken and (g.time is None or g.time not in taken):
            fields[name] = g
            taken |= {g.column, g.time or g.column}
    return fields


def distinct_values(
    path: str | Path,
    columns: list[str],
    *,
    sheet: str | None = None,
    read: dict[str, Any] | None = None,
    limit: int = 40,
    empty: tuple[str, ...] = (),
) -> dict[str, tuple[list[tuple[str, int]], int]]:
    """Per column: its most frequent values with their rows (trimmed, empty left out)
    and how many distinct values it has in all. The columns named in ``empty`` (yes/no
    flags, where an empty cell may mean "no") also list ``("", rows)`` for their empty
    values, as the import reads them (blank, NULL, N/A…), when there are any."""
    out: dict[str, tuple[list[tuple[str, int]], int]] = {}
    with opened(path, sheet=sheet, read=read, bare=True) as (cur, _info, rel):
        for col in columns:
            if col not in rel.columns:
                continue
            v = f"nullif(trim(CAST({quote(col)} AS VARCHAR)), '')"
            res = cur.execute(
                f"SELECT {v} AS v, count(*) AS n, count(*) OVER () AS d FROM ({rel.sql}) "
                f"WHERE {v} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {int(limit)}",
                rel.params,
            ).fetchall()
            listed = [(str(r[0]), int(r[1])) for r in res]
            if col in empty:
                row = cur.execute(
                    f"SELECT count(*) FROM ({rel.sql}) WHERE kd_str(CAST({quote(col)} AS VARCHAR)) IS NULL",
                    rel.params,
                ).fetchone()
                blanks = int(row[0]) if row else 0
                if blanks:
                    listed.append(("", blanks))
            out[col] = (listed, int(res[0][2]) if res else 0)
    return out


def score_scale(
    path: str | Path, column: str, *, sheet: str | None = None, read: dict[str, Any] | None = None
) -> tuple[str, float, float] | None:
    """(survey type, scale min, scale max) of a score column, from its header and values
    (a survey file's score chosen by hand: its scale is that column's, not the guess's)."""
    with opened(path, sheet=sheet, read=read, bare=True) as (cur, _info, rel):
        if column not in rel.columns:
            return None
        return survey_kind(column, mapping.sample(cur, rel, 500).get(column, []))


def required_fields(table: str) -> list[str]:
    """Fields the user must map: required by the table, minus what the framework fills."""
    defaults = DEFAULTS.get(table, {})
    constants = {"channel"} if table == "contacts" else set()
    if table == "surveys":
        constants |= {"survey_type", "scale_min", "scale_max"}
    return [f for f in TARGETS[table].required if f != "source_key" and f not in defaults and f not in constants]


def profile_data(
    proposal: Proposal,
    fields: dict[str, Any],
    *,
    table: str | None = None,
    read: dict[str, Any] | None = None,
    name: str | None = None,
    kind: str | None = None,
    parse: dict[str, Any] | None = None,
    confidence: dict[str, float] | None = None,
) -> dict[str, Any]:
    """The profile for the user's choices; ``fields`` maps field → spec (a column name,
    ``{"date": …, "time": …}``, ``{"column": …, "map": {value: code}}`` or ``{"average": …,
    "count": …}`` for an interval report's averages), fields left
    out are not mapped; :data:`LINKED_FIELDS` name the score columns read as linked
    survey answers (``survey.csat``: the column, or ``{"column": …, "scale_min": …,
    "scale_max": …}``), one per question. ``kind`` gives the channel of contacts no column names; ``parse``
    the formats chosen (``date_order``, ``duration_unit``); ``confidence`` how sure
    each field's column is (said in the import report)."""
    table = table or (KINDS[kind]["table"] if kind in KINDS else proposal.table)
    if event_transform(kind):
        return _event_profile(proposal, fields, read=read, name=name, kind=str(kind))
    data: dict[str, Any] = {
        "name": name or proposal.path.stem,
        "label": f"Mapped from {proposal.path.name}",
        "source": "generic",
        "table": table,
    }
    specs = {f: v for f, v in fields.items() if f not in LINKED_FIELDS}
    if table == proposal.table:
        specs.update({f: {"value": v} for f, v in proposal.constants.items() if f not in specs})
    elif table == "contacts":
        specs.setdefault("channel", {"value": "phone"})
    channel = KINDS.get(kind or "", {}).get("channel")
    if channel and table == "contacts" and "value" in (specs.get("channel") or {"value": None}):
        specs["channel"] = {"value": channel}
    record_kind = KINDS.get(kind or "", {}).get("record_kind")
    if record_kind and table == "contacts":  # a ticket stays a ticket whatever its channel column says
        data["record_kind"] = record_kind
    read = {k: v for k, v in (read or {}).items() if k in READ_KEYS and v not in (None, "")}
    if read:
        data["read"] = read
    parse = {k: v for k, v in (parse or {}).items() if v not in (None, "", "auto")}
    if parse:
        data["parse"] = parse
    headers = []
    for spec in fields.values():
        cols = [spec] if isinstance(spec, str) else [spec.get(k) for k in ("column", "date", "time", "average")]
        headers += [c for c in cols if isinstance(c, str) and c not in headers]
    data["match"] = {"headers": headers}
    data["fields"] = specs
    questions = []
    for name, survey_type in LINKED_FIELDS.items():  # a question per column the user linked, with its scale
        spec = fields.get(name)
        if spec and table == "contacts":
            q = {"type": survey_type, "column": spec if isinstance(spec, str) else spec["column"]}
            if isinstance(spec, dict) and spec.get("scale_min") is not None and spec.get("scale_max") is not None:
                q.update(scale_min=float(spec["scale_min"]), scale_max=float(spec["scale_max"]))
            questions.append(q)
    if questions:
        data["survey"] = {"score": {"column": questions[0]["column"], "type": "score"}, "questions": questions}
    if confidence:
        data["confidence"] = {f: round(float(c), 2) for f, c in confidence.items() if f in specs}
    return data


def _event_profile(
    proposal: Proposal, fields: dict[str, Any], *, read: dict[str, Any] | None, name: str | None, kind: str
) -> dict[str, Any]:
    """An event log's profile: the columns named for the transform, and what each
    activity name means (``fields["event.activity"]``: ``{"column": …, "map": {name: role}}``)."""
    columns: dict[str, str] = {}
    roles: dict[str, str] | None = None
    transform = event_transform(kind)
    for key, spec in fields.items():
        if key in event_fields(kind):
            col = spec if isinstance(spec, str) else spec.get("column")
            if isinstance(col, str):
                columns[key.removeprefix("event.")] = col
            if key == "event.activity" and isinstance(spec, dict) and spec.get("map") is not None:
                roles = dict(spec["map"])
    data: dict[str, Any] = {
        "name": name or proposal.path.stem,
        "label": f"Mapped from {proposal.path.name}",
        "source": transform,
        "table": "contacts",
        "record_kind": KINDS[kind]["record_kind"],
        "transform": transform,
        "match": {"headers": list(columns.values())},
        "columns": columns,
    }
    read = {k: v for k, v in (read or {}).items() if k in READ_KEYS and v not in (None, "")}
    if read:
        data["read"] = read
    if roles is not None:
        data["activities"] = activities(roles, kind)
    return data


def preview(
    path: str | Path,
    data: dict[str, Any],
    *,
    sheet: str | None = None,
    timezone: str = "UTC",
    rows: int = 20,
    cap: int = PREVIEW_CAP,
    period: Period | None = None,
) -> Preview:
    """The first ``rows`` records mapped by the profile ``data``, and over the file's
    first ``cap`` rows how many would load and why the others would not. ``period``:
    the period a report without dates covers, placed as the import places it."""
    if data.get("transform") in EVENT_TRANSFORMS:
        return _preview_events(path, data, sheet=sheet, timezone=timezone, rows=rows, cap=cap)
    with _schema_opened(path, sheet=sheet, read=data.get("read")) as (cur, info, rel):
        prof = dated(Profile(data.get("name", "preview"), data), rel.columns, period)
        _, missing = resolve(prof, rel.columns)
        if missing:
            return Preview(missing=missing)
        plan = mapping.plan(cur, prof, rel, timezone=timezone)
        if plan.missing:
            return Preview(missing=plan.missing)
        head = f"SELECT * FROM ({rel.sql}) LIMIT {int(cap)}"
        plan_sql = plan.sql.replace(f"FROM ({rel.sql})", f"FROM ({head})", 1)
        cur.execute(plan_sql, plan.params)
        out = Preview(missing=[])
        total = cur.execute(f"SELECT count(*) FROM {plan.out}").fetchone()
        out.total = int(total[0]) if total else 0
        out.capped = out.total >= cap  # the file may hold more rows than were counted
        widened = natural_keys.widen_if_reused(cur, plan.out, plan.table)
        _count(cur, plan, out)
        res = cur.execute(f"SELECT * EXCLUDE (_raw, source) FROM {plan.out} ORDER BY _line LIMIT {int(rows)}")
        names = [d[0] for d in res.description]
        ir, il = names.index("_reason"), names.index("_line")
        keep = [i for i, n in enumerate(names) if n not in ("_reason", "_line", "source_key")]
        out.columns = [names[i] for i in keep]
        for row in res.fetchall():
            out.rows.append(tuple(row[i] for i in keep))
            out.reasons.append(row[ir])
            out.lines.append(row[il])
        samples = mapping.sample(cur, rel, 500)
        questions = survey_profiles(prof, rel.columns, samples, profiles.used_columns(plan.fields))
        linked = {col: f"surveys.score ({sp.fields['survey_type']['value']})" for sp, col in questions}
        head_rel = replace(rel, sql=head, fast_sql=None, sample_sql=rel.sample_sql or rel.sql)
        if prof.table == "contacts":  # the questions a call log or a ticket list carries (the dialog's to set)
            out.linked = [_linked_preview(cur, sp, col, head_rel, samples, timezone) for sp, col in questions]
        out.columns_report = accounting.column_report(
            rel.columns, plan.fields, plan.types, unfit=plan.unfit, confidence=prof.section("confidence"), linked=linked
        )
        out.key = accounting.key_description(prof, plan.fields, rel.columns)
        if widened:
            out.key += f" + {widened} (the id repeats for different records)"
        return out


def _preview_events(
    path: str | Path, data: dict[str, Any], *, sheet: str | None, timezone: str, rows: int, cap: int
) -> Preview:
    """An event log rebuilt into tickets (calls) by its transform, as the import does:
    the tickets (calls) that would load, the events folded into them, the rows rejected."""
    with _schema_opened(path, sheet=sheet, read=data.get("read")) as (cur, _info, rel):
        missing = [f for f in EVENT_REQUIRED if f.removeprefix("event.") not in (data.get("columns") or {})]
        if missing:
            return Preview(missing=missing)
        prof = Profile(data.get("name", "preview"), data)
        cols = ", ".join(quote(c) for c in rel.columns)
        cur.execute(
            f"CREATE OR REPLACE TEMP TABLE _kd_events AS SELECT {cols}, _line FROM ({rel.sql}) LIMIT {int(cap)}",
            rel.params,
        )
        out = Preview(missing=[])
        out.total = _one(cur, "SELECT count(*) FROM _kd_events")
        out.capped = out.total >= cap
        day_first = decide.day_first(mapping.sample(cur, rel, 500).values())
        cur.execute(f"SET VARIABLE kd_day_first = {values.lit_bool(day_first)}")
        transform = str(data["transform"])
        EVENT_TRANSFORMS[transform].transform(cur, "_kd_events", TransformContext(prof.source, timezone, 0, prof.data))
        out.loading = _one(cur, "SELECT count(DISTINCT source_key) FROM out_contacts")
        # "unreadable timestamp 'x'": one reason, its value as the example
        found = cur.execute(
            "SELECT regexp_replace(reason, ' ' || chr(39) || '.*$', ''), count(*), min(regexp_extract(reason, chr(39) || '(.*)' || chr(39), 1)) "
            "FROM out_rejects GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8"
        ).fetchall()
        out.why = [(str(r[0]), int(r[1]), str(r[2] or "")) for r in found]
        out.rejected = _one(cur, "SELECT count(*) FROM out_rejects")
        out.ignored_why = [
            (str(r[0]), int(r[1]))
            for r in cur.execute("SELECT reason, count(*) FROM out_ignored GROUP BY 1 ORDER BY 2 DESC").fetchall()
        ]
        out.ignored = sum(n for _r, n in out.ignored_why)
        res = cur.execute(f"SELECT * EXCLUDE (source, import_id) FROM out_contacts ORDER BY _line LIMIT {int(rows)}")
        names = [d[0] for d in res.description]
        il = names.index("_line")
        keep = [i for i, n in enumerate(names) if n not in ("_line", "source_key")]
        out.columns = [names[i] for i in keep]
        for row in res.fetchall():
            out.rows.append(tuple(row[i] for i in keep))
            out.reasons.append(None)
            out.lines.append(row[il])
        out.columns_report = accounting.column_report(rel.columns, {}, {}, transform=transform)
        out.key = "as the format defines it"
        return out


def _one(cur: Any, sql: str) -> int:
    row = cur.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _linked_preview(
    cur: Any, sprof: Profile, col: str, rel: Relation, samples: dict[str, list[Any]], timezone: str
) -> dict[str, Any]:
    """What one linked question would load from the file's first rows (``rel``): its
    answers that load, are rejected (and why), repeat another's key, or lie off its scale."""
    f = sprof.fields
    survey_type, lo, hi = str(f["survey_type"]["value"]), float(f["scale_min"]["value"]), float(f["scale_max"]["value"])
    said: dict[str, Any] = {
        "type": survey_type,
        "column": col,
        "scale_min": lo,
        "scale_max": hi,
        "scales": scales_for(survey_type, samples.get(col, [])),
        "loading": 0,
        "rejected": 0,
        "duplicates": 0,
        "outside": 0,
        "why": [],
    }
    only = answers_only(rel, col)
    plan = mapping.plan(cur, sprof, only, timezone=timezone, source=sprof.source)
    if plan.missing:
        said["why"] = [(f"missing {', '.join(plan.missing)}", 0, "")]
        return said
    cur.execute(plan.sql, plan.params)
    counted = Preview()
    _count(cur, plan, counted)
    off = cur.execute(
        f"SELECT count(*) FROM {plan.out} WHERE _reason IS NULL AND (score < $lo OR score > $hi)", {"lo": lo, "hi": hi}
    ).fetchone()
    said.update(
        loading=counted.loading,
        rejected=counted.rejected,
        duplicates=counted.duplicates,
        outside=int(off[0]) if off else 0,
        why=counted.why,
    )
    return said


def _count(cur: Any, plan: mapping.Plan, out: Preview) -> None:
    """Rows that load, rejected (per reason: a value that cannot be read is one reason
    per column, with an example), and repeats of a key inside the file."""
    key = plan.key_expr or "_line"
    row = cur.execute(
        f"SELECT count(*) FILTER (WHERE _reason IS NULL), count(DISTINCT CASE WHEN _reason IS NULL THEN {key} END), "
        f"count(_reason) FROM {plan.out}"
    ).fetchone()
    ok, distinct, out.rejected = int(row[0]), int(row[1]), int(row[2])
    out.loading, out.duplicates = distinct, ok - distinct
    why = (
        "CASE WHEN starts_with(_reason, 'cannot read the ') AND contains(_reason, ': ') "
        "THEN split_part(_reason, ': ', 1) ELSE _reason END"
    )
    example = "CASE WHEN starts_with(_reason, 'cannot read the ') THEN substr(_reason, strpos(_reason, ': ') + 2) END"
    out.why = [
        (str(r[0]), int(r[1]), str(r[2] or ""))
        for r in cur.execute(
            f"SELECT {why} AS why, count(*) AS n, min({example}) FROM {plan.out} WHERE _reason IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8"
        ).fetchall()
    ]


def missing_fields(data: dict[str, Any], columns: list[str], period: Period | None = None) -> list[str]:
    """Required fields the profile ``data`` leaves without a column (empty: it can import);
    ``period``: the period a report without dates covers."""
    if data.get("transform") in EVENT_TRANSFORMS:
        named = data.get("columns") or {}
        return [f for f in EVENT_REQUIRED if named.get(f.removeprefix("event.")) not in columns]
    return resolve(dated(Profile(data.get("name", "mapping"), data), columns, period), columns)[1]


def needs_period(data: dict[str, Any], columns: list[str]) -> bool:
    """Whether the profile ``data`` reads a report of counts that finds no column for
    the start of its rows' period: the user must say which period the file covers."""
    return periods.needs_period(Profile(data.get("name", "mapping"), data), columns)


def dated(prof: Profile, columns: list[str], period: Period | None) -> Profile:
    """``prof`` with its rows placed in ``period`` when it needs one (as the import does,
    :func:`.recognise.with_period`); unchanged otherwise."""
    return periods.applied(prof, period) if period is not None and periods.needs_period(prof, columns) else prof
