"""Import profiles: declarative TOML files that describe one export format.

A profile says how to recognise a file (header signature, file kind), how its
columns map onto a canonical table, how to read its values, its ``source`` name and
natural key — or names a built-in Python ``transform`` for formats that need event
reconstruction. The format is documented in ``docs/profiles.md``. Built-in profiles
ship in ``kpidesk/resources/profiles``; users' own live in a ``profiles`` folder
beside their database and win over built-ins of the same name.
"""

from __future__ import annotations

import codecs
import copy
import importlib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from kpidesk.core.db import contact_tables
from kpidesk.core.ingest import dateformat, errors, headers
from kpidesk.core.ingest.errors import ImportError_
from kpidesk.core.ingest.identifiers import normalize
from kpidesk.core.ingest.tables import DEFAULTS, TARGETS
from kpidesk.core.kpi import sql_guard

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "profiles"
# Required fields the mapping computes from another one (duration from start and end).
DERIVED = {"agent_sessions": {"duration_s": "ended_at"}}
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass
class Profile:
    name: str
    data: dict[str, Any]
    path: Path | None = None
    builtin: bool = False

    # -- accessors ------------------------------------------------------------
    @property
    def label(self) -> str:
        label: str = self.data.get("label", self.name)
        return label

    @property
    def source(self) -> str:
        source: str = self.data.get("source", "generic")
        return source

    @property
    def table(self) -> str:
        table: str = self.data.get("table", "contacts")
        return table

    @property
    def transform(self) -> str | None:
        return self.data.get("transform")

    @property
    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = self.data.get("fields", {})
        return fields

    def section(self, name: str) -> dict[str, Any]:
        section: dict[str, Any] = self.data.get(name, {})
        return section

    def required(self) -> list[str]:
        target = TARGETS[self.table]
        return list(dict.fromkeys(list(target.required) + list(self.data.get("required", []))))


@dataclass
class Match:
    profile: Profile
    score: tuple[float, ...]
    resolved: dict[str, Any] = field(default_factory=dict)


_LOADED: dict[tuple[str, int, int, bool], tuple[str, dict[str, Any]]] = {}


def load(path: str | Path, *, builtin: bool = False) -> Profile:
    """The profile in ``path``, checked; read again only when the file changed
    (every recognition lists every profile)."""
    path = Path(path)
    try:
        st = path.stat()
        stamp = (str(path.resolve()), st.st_mtime_ns, st.st_size, builtin)
    except OSError:
        stamp = None
    if stamp is not None and stamp in _LOADED:
        name, data = _LOADED[stamp]
        return Profile(name, copy.deepcopy(data), path, builtin)
    profile = _load(path, builtin)
    if stamp is not None:
        if len(_LOADED) > 256:
            _LOADED.clear()
        _LOADED[stamp] = (profile.name, copy.deepcopy(profile.data))
    return profile


def _load(path: Path, builtin: bool) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ImportError_.say(errors.PROFILE_UNREADABLE, file=path.name, detail=exc) from None
    name = data.get("name", path.stem)
    if not isinstance(name, str) or not name.strip():
        raise ImportError_.say(errors.PROFILE_INVALID, file=path.name, detail="its name must be text")
    profile = Profile(name, data, path, builtin)
    try:
        problem = validate(profile)
    except (TypeError, AttributeError, ValueError) as exc:
        problem = f"malformed ({exc})"
    if problem:
        raise ImportError_.say(errors.PROFILE_INVALID, file=path.name, detail=problem)
    return profile


_SECTIONS = ("match", "read", "parse", "fields", "options")


def validate(profile: Profile) -> str | None:
    for key in ("table", "source", "label"):
        if key in profile.data and not isinstance(profile.data[key], str):
            return f"{key} must be text"
    for key in _SECTIONS:
        if key in profile.data and not isinstance(profile.data[key], dict):
            return f"[{key}] must be a table"
    if profile.table not in TARGETS:
        return f"unknown table {profile.table!r} (one of {', '.join(TARGETS)})"
    kind = profile.data.get("record_kind")
    if kind is not None and (profile.table != "contacts" or kind not in contact_tables.FILE_KINDS):
        return f"record_kind must be one of {', '.join(contact_tables.FILE_KINDS)}, in a profile of contacts"
    if not profile.transform and not profile.fields:
        return "it has neither [fields] nor transform"
    if profile.transform is not None:
        problem = _transform_problem(profile.transform)
        if problem:
            return problem
    enc = profile.section("read").get("encoding")
    if enc is not None:
        try:
            codecs.lookup(str(enc))
        except LookupError:
            return f"[read] encoding {enc!r} is not a known text encoding (e.g. utf-8, cp1252, utf-16)"
    problem = _parse_problem(profile.section("parse"))
    if problem:
        return problem
    line = profile.section("match").get("line")
    if line is not None:
        problem = sql_guard.regex_problem(line)
        if problem:
            return f"[match] line: {problem}"
    for name, spec in profile.fields.items():
        for alt in spec if isinstance(spec, list) else [spec]:
            if isinstance(alt, dict) and "expr" in alt:
                expr = alt["expr"]
                if not isinstance(expr, str):
                    return f"field {name}: expr must be text"
                try:
                    sql_guard.check(PLACEHOLDER.sub("_c0", expr), frozenset(), f"field {name}")
                except sql_guard.UnsafeSql as exc:
                    return str(exc)
    return None


def _parse_problem(parse: dict[str, Any]) -> str | None:
    """What is wrong with ``[parse]`` formats a user may write or the mapping dialog saves."""
    if "date_format" in parse:
        problem = dateformat.valid(parse["date_format"])
        if problem:
            return f"[parse] date_format: {problem}"
    zone = parse.get("timezone")
    if zone is not None and zone not in available_timezones():
        return f"[parse] timezone {zone!r} is not a time zone (e.g. Europe/Paris, America/New_York, UTC)"
    if parse.get("decimal_comma", "auto") not in ("auto", True, False):
        return '[parse] decimal_comma must be true, false or "auto"'
    for key in ("true_values", "false_values"):
        if key in parse and not isinstance(parse[key], list):
            return f"[parse] {key} must be a list of words"
    return None


def _transform_problem(name: object) -> str | None:
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        return f"transform {name!r} is not a module name"
    try:
        module = importlib.import_module(f"kpidesk.core.ingest.transforms.{name}")
    except ImportError:
        module = None
    if not callable(getattr(module, "transform", None)):
        return f"transform {name!r} is not one of kpidesk's transforms"
    return None


def user_folder(db_path: str | Path | None) -> Path | None:
    if not db_path or str(db_path) == ":memory:":
        return None
    return Path(db_path).resolve().parent / "profiles"


def _folder(folder: Path | None, builtin: bool, problems: list[ImportError_] | None = None) -> list[Profile]:
    """The valid profiles of ``folder``; an invalid file is skipped, its reason kept
    in ``problems`` (one bad file must not block every import)."""
    if not folder or not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.toml")):
        try:
            out.append(load(path, builtin=builtin))
        except ImportError_ as exc:
            if builtin:
                raise
            if problems is not None:
                problems.append(exc)
    return out


def all_profiles(db_path: str | Path | None = None, problems: list[ImportError_] | None = None) -> list[Profile]:
    """User profiles first (they win over built-ins of the same name). Invalid user
    files are left out; their messages go to ``problems`` when given."""
    seen: dict[str, Profile] = {}
    for p in _folder(user_folder(db_path), False, problems) + _folder(BUILTIN_DIR, True):
        seen.setdefault(p.name, p)
    return list(seen.values())


def invalid_profiles(db_path: str | Path | None = None) -> list[ImportError_]:
    """Why each invalid file of the user's ``profiles`` folder was left out (``str()``
    in English; ``template`` and ``params`` for the user's language)."""
    problems: list[ImportError_] = []
    _folder(user_folder(db_path), False, problems)
    return problems


def find(name_or_path: str, db_path: str | Path | None = None) -> Profile:
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.is_file():
        return load(path)
    for p in all_profiles(db_path):
        if p.name == name_or_path:
            return p
    names = ", ".join(sorted(p.name for p in all_profiles(db_path)))
    raise ImportError_.say(errors.NO_SUCH_PROFILE, name=repr(name_or_path), names=names)


# -- resolving columns ---------------------------------------------------------
def alternatives(value: str | Iterable[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


_norm = lru_cache(maxsize=8192)(normalize)  # headers and vocabulary: compared again and again


def find_column(names: str | Iterable[str] | None, columns: list[str]) -> str | None:
    """The file column matching one of ``names`` (case, accents and punctuation ignored)."""
    index = {_norm(c): c for c in reversed(columns)}
    names = alternatives(names)
    for n in names:
        hit = index.get(_norm(n))
        if hit is not None:
            return hit
    # Then by the names without their hints: "Speed of answer in seconds" is a
    # "Speed of answer", "Answered (Y/N)" an "Answered". A name asking for an
    # average ("Avg talk time") only takes a column that says it is one.
    read = {c: headers.read(c) for c in columns}
    for n in names:
        want = headers.read(n)
        if not want.name:
            continue
        for c in columns:
            got = read[c]
            if got.name == want.name and (want.aggregate is None or want.aggregate == got.aggregate):
                return c
    return None


def resolve_field(spec: str | list[Any] | dict[str, Any], columns: list[str]) -> dict[str, Any] | None:
    """A field spec with its column names resolved against the file, or None.
    A list of tables is a list of alternatives: the first that resolves wins."""
    if isinstance(spec, list) and spec and all(isinstance(s, dict) for s in spec):
        return next((r for r in (resolve_field(s, columns) for s in spec) if r is not None), None)
    if isinstance(spec, (str, list)):
        spec = {"column": spec}
    spec = dict(spec)
    if "value" in spec:
        return spec
    if "expr" in spec:
        cols = {}
        for ph in PLACEHOLDER.findall(spec["expr"]):
            hit = find_column(ph.split("|"), columns)
            if hit is None:
                return None
            cols[ph] = hit
        spec["_placeholders"] = cols
        return spec
    for key in ("column", "average", "count", "date", "time"):
        if key in spec:
            hit = find_column(spec[key], columns)
            if hit is None and not (key == "time" and spec.get("time_optional")):
                return None
            spec["_" + key] = hit
            if key == "column" and hit is not None and "unit" not in spec and headers.read(hit).unit:
                spec["unit"] = headers.read(hit).unit  # "Wait (min)": the header says the unit
    return spec if any(k in spec for k in ("column", "average", "date")) else None


def resolve(profile: Profile, columns: list[str]) -> tuple[dict[str, Any], list[str]]:
    """(field → resolved spec, required fields left unresolved)."""
    resolved = {}
    for name, spec in profile.fields.items():
        r = resolve_field(spec, columns)
        if r is not None:
            resolved[name] = r
    defaults = DEFAULTS.get(profile.table, {})
    derived = DERIVED.get(profile.table, {})
    missing = [
        f
        for f in profile.required()
        if f not in resolved
        and f not in defaults
        and not (f == "source_key")
        and not (f in derived and derived[f] in resolved)
    ]
    return resolved, missing


def match(columns: list[str], kind: str, profiles: list[Profile]) -> Match | None:
    """The profile that fits the file best, or None.

    The most specific recognition wins: a vendor profile whose signature names two or
    more of the file's headers beats a generic one; among generic profiles, the one
    that explains more of the file's columns (a French call log with a "Satisfaction"
    column is a call log: its date, time, agent, wait and talk columns say so, not a
    survey file recognised by one header); then the more specific signature, the
    share of the profile's fields found; a user's profile beats a built-in one.
    """
    best = None
    for p in profiles:
        kinds = p.section("match").get("kinds")
        if kinds and kind not in kinds:
            continue
        signature = p.section("match").get("headers", [])
        if any(find_column(h, columns) is None for h in signature):
            continue
        if p.transform:
            if not signature:
                continue
            score = (len(signature) if len(signature) >= 2 else 0, len(signature), len(signature), 1.0, not p.builtin)
            resolved: dict[str, Any] = {}
        else:
            resolved, missing = resolve(p, columns)
            if missing:
                continue
            by_column = [n for n, s in p.fields.items() if not (isinstance(s, dict) and "value" in s)]
            hits = [n for n in by_column if n in resolved]
            if len(hits) < p.section("match").get("min_fields", 2):
                continue
            vendor = len(signature) if len(signature) >= 2 else 0
            explained = len(candidate(p, columns).used)
            score = (vendor, explained, len(signature), len(hits) / max(1, len(by_column)), not p.builtin)
        if best is None or score > best.score:
            best = Match(p, score, resolved)
    return best


@dataclass
class Candidate:
    """How well one profile explains a file: the columns it reads and what it lacks."""

    profile: Profile
    used: set[str]
    missing: list[str]

    def share(self, columns: list[str]) -> float:
        return len(self.used) / max(1, len(columns))


def used_columns(resolved: dict[str, Any]) -> set[str]:
    """The file columns resolved field specs read."""
    return _used_columns(resolved)


def _used_columns(resolved: dict[str, Any]) -> set[str]:
    used: set[str] = set()
    for spec in resolved.values():
        used |= {spec.get(k) for k in ("_column", "_date", "_time", "_average", "_count")} - {None}
        used |= set(spec.get("_placeholders", {}).values())
    return used


def score_columns(spec: Any, columns: list[str], taken: Iterable[str] = ()) -> list[str]:
    """The columns that may hold survey answers about each row, for a ``[survey]``
    ``score`` spec: the one the spec resolves to first (as every field), then every
    other column one of its names matches or whose header names a survey question
    ("Recommandation", "Likelihood to recommend", "Effort"), except the columns in
    ``taken`` (read by other fields). Whether their values are scores, and of which
    question, is :func:`.linked.survey_kind`'s to say."""
    first = resolve_field(spec, columns) if spec is not None else None
    out = [first["_column"]] if first and first.get("_column") else []
    if not out:
        return out
    names = alternatives(spec.get("column") if isinstance(spec, dict) else spec)
    skip = set(taken) | set(out)
    for col in columns:
        if col not in skip and (find_column(names, [col]) or headers.survey_question(col)):
            out.append(col)
    return out


def candidate(profile: Profile, columns: list[str]) -> Candidate:
    resolved, missing = resolve(profile, columns)
    used = _used_columns(resolved)
    score = profile.section("survey").get("score")
    if score is not None:  # a linked score column is explained too
        used |= set(score_columns(score, columns, used)[:1])
    for q in profile.section("survey").get("questions") or []:  # every question a user linked
        col = q.get("column") if isinstance(q, dict) else None
        found = resolve_field(col, columns) if isinstance(col, str) else None
        if found and found.get("_column"):
            used.add(found["_column"])
    return Candidate(profile, used, missing)


def rival(found: Match, columns: list[str], kind: str, profiles: list[Profile]) -> Candidate | None:
    """A profile of another kind of file that explains clearly more of the file than
    the one that matched, but lacks a required field: the match is then a weak win
    (a ticket list without a creation date is not a survey file because it has a
    satisfaction column). None when the match stands."""
    if found.profile.transform:
        return None
    mine = candidate(found.profile, columns)
    best = None
    for p in profiles:
        if p.transform or p.table == found.profile.table or not p.fields:
            continue
        kinds = p.section("match").get("kinds")
        if kinds and kind not in kinds:
            continue
        c = candidate(p, columns)
        if not c.missing:
            continue
        if len(c.used) >= 2 * len(mine.used) and len(c.used) >= len(mine.used) + 3:
            if best is None or len(c.used) > len(best.used):
                best = c
    return best


def match_lines(lines: list[str], profiles: list[Profile], share: float = 0.8) -> Profile | None:
    """The profile whose ``[match] line`` regex fits at least ``share`` of ``lines``
    (files without a header, such as Asterisk's raw queue_log), or None."""
    if not lines:
        return None
    for p in profiles:
        pattern = p.section("match").get("line")
        if not pattern:
            continue
        # RE2 (DuckDB's regex engine) runs in time linear in the text: a pattern such
        # as ^(a+)+$ cannot hang the import, as Python's backtracking engine would.
        hits = sql_guard.regex_count(pattern, lines)
        if hits is not None and hits >= share * len(lines):
            return p
    return None
