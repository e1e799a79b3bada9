"""A mapping proposed for a file no profile recognises.

Header names are matched against English and French synonyms of each canonical
field, then checked against the shape of the values (a "Date" column whose values
do not read as dates loses its confidence). The result is what the import dialog
shows — reader options, target table, field → column with a confidence, and a
preview of the first rows as they will load — and what ``save_profile`` writes.
"""

from __future__ import annotations

import atexit
import re
import threading
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import lock, private_folder, remove_private_folder
from kpidesk.core.ingest import decide, encoding, headers, mapping, profiles, readers, sheets, values
from kpidesk.core.ingest.identifiers import normalize
from kpidesk.core.ingest.linked import survey_kind
from kpidesk.core.ingest.profiles import BUILTIN_DIR, Profile, load
from kpidesk.core.ingest.relation import Relation
from kpidesk.core.ingest.sniff import FileInfo, sniff
from kpidesk.core.ingest.synonyms import CHANNEL_WORDS, CONSTANTS, EXPECTED_SHAPE, SYNONYMS, TABLE_HINTS

CONFIDENT = 0.7
RECOGNITION_ROWS = 5000  # rows of a sheet read to recognise it


@dataclass
class FieldGuess:
    column: str
    confidence: float
    time: str | None = None  # a separate time-of-day column completing a date column
    map: dict[str, str] | None = None  # recoding of the values (``Oui`` → ``answered``)

    def spec(self) -> str | dict[str, Any]:
        """The ``[fields]`` entry this guess writes into a profile."""
        if self.time:
            return {"date": self.column, "time": self.time}
        if self.map:
            return {"column": self.column, "map": dict(self.map)}
        return self.column


@dataclass
class Proposal:
    path: Path
    reader: dict[str, Any]
    table: str
    fields: dict[str, FieldGuess] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)
    constants: dict[str, Any] = field(default_factory=dict)
    # columns of survey answers about each contact (a call log's "Note client"): its
    # ``[survey]`` section, loaded by linked.py as answers linked to these contacts
    survey: list[str] = field(default_factory=list)
    # columns of times no field reads (a schedule's "Début de service" 08:00)
    unplaced_times: list[str] = field(default_factory=list)

    def missing_required(self) -> list[str]:
        prof = self.to_profile()
        return [
            f
            for f in prof.required()
            if f not in self.fields
            and f not in self.constants
            and f != "source_key"
            and not (self.table == "surveys" and f in ("scale_min", "scale_max"))
            and not (self.table == "agent_sessions" and f == "duration_s" and "ended_at" in self.fields)
        ] + (["score"] if self.table == "surveys" and "score" not in self.fields else [])

    def confident(self) -> bool:
        required = [f for f in self.to_profile().required() if f in self.fields]
        return (
            not self.missing_required()
            and not self.too_thin()
            and all(self.fields[f].confidence >= CONFIDENT for f in required)
        )

    def explained(self) -> set[str]:
        """The file's columns this mapping reads."""
        used = {g.column for g in self.fields.values()} | {g.time for g in self.fields.values() if g.time}
        return used | set(self.survey)

    def too_thin(self) -> bool:
        """Contacts of which little but a date would be read: no wait, talk time,
        outcome, status or other measure, and either no agent, queue, topic or customer
        either, or columns of times left unplaced (a shift plan's "Début de service").
        Not a contact log read right (a survey file whose scores were missed reads that
        way): asked, not loaded."""
        if self.table != "contacts" or self.survey or set(self.fields) & MEASURES:
            return False
        return not (set(self.fields) & CONTACT_FACTS) or bool(self.unplaced_times)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.path.stem,
            "label": f"Proposed for {self.path.name}",
            "source": "generic",
            "table": self.table,
            "fields": {f: g.spec() for f, g in self.fields.items()},
        }
        data["fields"].update({f: {"value": v} for f, v in self.constants.items() if f not in self.fields})
        data["confidence"] = {f: g.confidence for f, g in self.fields.items()}  # said in the import report
        if self.survey:
            data["survey"] = {"score": {"column": list(self.survey), "type": "score"}}
        return data

    def to_profile(self) -> Profile:
        return Profile(f"proposed:{self.path.name}", self.to_dict())


# What a contact log says of each contact beyond its date (one is enough to read it).
MEASURES = frozenset(
    {
        "wait_s", "talk_s", "hold_s", "wrap_s", "outcome", "status", "solved_at", "first_response_at",
        "first_response_s", "resolution_s", "priority", "ended_at", "answered_at",
    }
)  # fmt: skip
CONTACT_FACTS = MEASURES | {"agent_id", "queue", "topic", "customer_id"}
# Fields one word names in two tables: a contact's answer time is not a survey's.
VOCABULARY_OF = {
    ("contacts", "answered_at"): "contact_answered_at",
    ("contacts", "ended_at"): "contact_ended_at",
    ("surveys", "source_key"): "survey_source_key",
}
MIN_GUESS = 0.3  # below this a column is not proposed for a field at all
FUZZY = 0.84  # similarity of two names (after their hints are set aside) taken as a likely match
# Words that make a column something else than the field its other words name: a
# "Wrap-up Code" is no wrap time, an "Agent ID" of a survey is still an agent.
OTHER_THING = {
    "code",
    "codes",
    "reason",
    "motif",
    "type",
    "rate",
    "taux",
    "level",
    "niveau",
    "count",
    "nombre",
    "target",
    "cible",
    "due",
    "echeance",
    "modified",
    "modification",
    "birth",
    "naissance",
    "purchase",
    "achat",
}


BY_WORDS = {"by", "par"}


@lru_cache(maxsize=4096)
def _vocabulary(fieldname: str) -> tuple[tuple[str, str], ...]:
    """(normalised, comparable name) of each synonym of ``fieldname``, read once."""
    return tuple((normalize(syn), headers.base(syn) or normalize(syn)) for syn in SYNONYMS.get(fieldname, []))


@lru_cache(maxsize=16384)
def _score(col: str, fieldname: str) -> float:
    """How likely ``col`` holds ``fieldname``: its name (without units and hints, in
    any case and accents) against the EN/FR vocabulary, exactly, as a phrase inside
    it, or nearly (a misspelling, a plural, a word order). Asked again and again for
    the same headers: kept."""
    full = normalize(col)
    name = headers.read(col).name or full
    best = 0.0
    words = set(name.split())
    if words & BY_WORDS and len(words) > 1:  # "Traité par", "Answered By": a person
        return 0.75 if fieldname == "agent_id" else 0.0
    for s, b in _vocabulary(fieldname):
        if full == s and full != name:  # the whole header, its brackets too: "duration (in call)"
            return 0.95
        if full == s or name == b:
            return 0.9
        if _abbreviates(name, b):  # "Durée comm." is "durée de communication"
            best = max(best, 0.75)
            continue
        if b and (f" {b} " in f" {name} " or (len(name) > 3 and f" {name} " in f" {b} ")):
            extra = set(name.split()) - set(b.split())
            best = max(best, 0.35 if extra & OTHER_THING else 0.6)
        elif len(b) > 3 and len(name) > 3 and 2 * min(len(b), len(name)) / (len(b) + len(name)) >= FUZZY:
            ratio = headers.similarity(name, b, at_least=FUZZY)
            if ratio >= FUZZY:
                best = max(best, round(0.8 * ratio, 2))
    return best


LINK_WORDS = {"de", "d", "du", "des", "la", "le", "l", "of", "the", "a", "en", "in"}


def _abbreviates(name: str, phrase: str) -> bool:
    """Whether ``name`` is ``phrase`` written short, word for word (link words aside):
    each word the phrase's or its first three letters or more, one at least shortened
    (``duree comm`` ↔ ``duree de communication``, ``tps attente`` is not matched)."""
    mine = [w for w in name.split() if w not in LINK_WORDS]
    theirs = [w for w in phrase.split() if w not in LINK_WORDS]
    if len(mine) < 2 or len(mine) != len(theirs):
        return False
    pairs = list(zip(mine, theirs))
    return all(a == b or (len(a) >= 3 and b.startswith(a)) for a, b in pairs) and any(a != b for a, b in pairs)


TIME_COLUMNS = {"heure", "time", "hour", "heure d appel", "heure appel", "call hour"}
PRIMARY_TIME = {"contacts": "arrived_at", "surveys": "answered_at", "agent_sessions": "started_at"}
OUTCOME_YES_NO = {
    "oui": "answered",
    "non": "abandoned",
    "yes": "answered",
    "no": "abandoned",
    "y": "answered",
    "n": "abandoned",
    "o": "answered",
    "true": "answered",
    "false": "abandoned",
    "vrai": "answered",
    "faux": "abandoned",
    "1": "answered",
    "0": "abandoned",
}


HANDOFF_WORDS = {"escalated", "escalade", "handoff", "handed", "transfere", "transferred"}
ABANDON_WORDS = {"abandoned", "abandon", "abandonne", "perdu", "lost", "missed", "raccroche"}


def guess_for(
    table: str,
    columns: list[str],
    shapes: dict[str, tuple[str, float]],
    samples: dict[str, list[Any]] | None = None,
) -> dict[str, FieldGuess]:
    """Field → column for one table: the best-scoring (field, column) pairs first, so
    that ``Durée`` goes to talk time (exact synonym) rather than to the wait time
    (partial one) that happens to come earlier in the list."""
    hint = TABLE_HINTS.get(table, {"fields": list(SYNONYMS)})
    pairs = []
    for fname in hint["fields"]:
        for col in columns:
            conf = raw = _score(col, VOCABULARY_OF.get((table, fname), fname))
            if not conf:
                continue
            want = EXPECTED_SHAPE.get(fname)
            kind, share = shapes[col]
            if want and kind != "empty" and kind not in want:
                conf *= 0.4
            elif want and kind in want:
                conf = min(1.0, conf + 0.1 * share)
            if conf >= MIN_GUESS:
                pairs.append((round(conf, 2), raw, -hint["fields"].index(fname), fname, col))
    if table == "surveys":  # "How satisfied were you? (1-5)": a score, whatever its words
        for col in columns:
            if SCALE.search(col) and shapes[col][0] in ("number", "score"):
                pairs.append((0.85, 0.85, -hint["fields"].index("score"), "score", col))
    fields: dict[str, FieldGuess] = {}
    taken: set[str] = set()
    for conf, _, _, fname, col in sorted(pairs, reverse=True):  # the surer first, then the name's own score
        if fname not in fields and col not in taken:
            fields[fname] = FieldGuess(col, conf)
            taken.add(col)
    _date_and_time(fields, PRIMARY_TIME.get(table), columns, shapes)
    chan = fields.get("channel")
    if chan and not chan.map and shapes[chan.column][0] == "text":
        chan.map = dict(CHANNEL_WORDS)
    state = fields.get("state")
    if state and table == "agent_sessions" and shapes[state.column][0] == "text" and not state.map:
        state.map = _state_map()  # "Disponible", "En pause": the presence log's words
    status = fields.get("status")
    if (
        table == "contacts"
        and status
        and "outcome" not in fields
        and not {"solved_at", "first_response_at"} & set(fields)
    ):
        words = _outcome_map()  # a call's "status" of done / missed / answered is its outcome
        vals = [str(v).strip().lower() for v in decide.present((samples or {}).get(status.column, []), 200)]
        if vals and sum(v in words for v in vals) >= 0.8 * len(vals):
            fields["outcome"] = fields.pop("status")
    out = fields.get("outcome")
    if out and table == "contacts" and shapes[out.column][0] == "text" and not out.map:
        out.map = _outcome_map()  # "Répondu", "Perdu", "Débordé": the call log's words
    if out and shapes[out.column][0] == "bool":
        out.map = dict(OUTCOME_YES_NO)
        said = set(headers.read(out.column).name.split())
        if said & ABANDON_WORDS:  # "Abandoned? (Y/N)": yes = abandoned
            out.map = {k: ("abandoned" if v == "answered" else "answered") for k, v in OUTCOME_YES_NO.items()}
        elif said & HANDOFF_WORDS:  # a bot's "Escalated to agent": yes = handed off, no = kept by the bot
            out.map = {k: ("handoff" if v == "answered" else "contained") for k, v in OUTCOME_YES_NO.items()}
        elif said & BOT_WORDS:  # "Resolved by bot": yes = contained
            out.map = {k: ("contained" if v == "answered" else "handoff") for k, v in OUTCOME_YES_NO.items()}
    return fields


def _date_and_time(
    fields: dict[str, FieldGuess], primary: str | None, columns: list[str], shapes: dict[str, tuple[str, float]]
) -> None:
    """``Date`` + ``Heure`` columns: one timestamp read from both."""
    taken = {g.column for g in fields.values()}
    clock = [c for c in columns if normalize(c) in TIME_COLUMNS and shapes[c][0] in ("duration", "timestamp")]
    if not primary or not clock:
        return
    g = fields.get(primary)
    if g is None or g.column == clock[0]:
        dates = [c for c in columns if shapes[c][0] == "timestamp" and c not in taken and c != clock[0]]
        if not dates:
            return
        fields[primary] = g = FieldGuess(dates[0], 0.6)
    if g.column not in clock and shapes[g.column][0] == "timestamp":
        g.time = clock[0]
        for name, other in list(fields.items()):
            if other.column == clock[0] and name != primary:
                del fields[name]


def guess(
    columns: list[str], samples: dict[str, list[Any]], table: str | None = None
) -> tuple[str, dict[str, FieldGuess]]:
    shapes = {c: decide.shape(samples.get(c, [])) for c in columns}
    best_table, best_fields, best_score = "contacts", {}, -1.0
    survey_fields: dict[str, FieldGuess] = {}
    for name, hint in TABLE_HINTS.items():
        if table and name != table:
            continue
        fields = guess_for(name, columns, shapes, samples)
        if name == "surveys":
            survey_fields = fields
        score = sum(g.confidence for f, g in fields.items() if f in hint["signature"]) + 0.1 * len(fields)
        if name == "contacts" and channel_words(columns) and set(fields) & CONTACT_FACTS:
            score += 3.0  # conversations or tickets, not agent time (a survey's "Case Number" is no ticket)
        if name == "contacts" and _phone_words(columns) and set(fields) & MEASURES:
            score += 1.0  # "missed_call_reason", "Caller": calls, whatever else their times look like
        if (
            name == "agent_sessions"
            and "state" in fields
            and not _state_values(samples.get(fields["state"].column, []))
        ):
            score -= fields["state"].confidence  # a "status" of done / missed is no agent's state
        if score > best_score:
            best_table, best_fields, best_score = name, fields, score
    if table and table not in TABLE_HINTS:
        return table, guess_for(table, columns, shapes, samples)
    if not table and best_table == "contacts" and _answers_only(best_fields, survey_fields, columns):
        best_table, best_fields = "surveys", survey_fields
    _from_values(best_table, best_fields, columns, samples, shapes)
    return best_table, best_fields


def _phone_words(columns: list[str]) -> bool:
    words = set(normalize(" ".join(columns)).split())
    return bool(words & PHONE_WORDS)


def _state_values(values: list[Any]) -> bool:
    """Whether a column's values are agents' states (available, pause, lunch…) for the
    most part."""
    vals = [normalize(str(v)) for v in decide.present(values, 200)]
    return bool(vals) and sum(v in STATE_WORDS for v in vals) >= 0.5 * len(vals)


def _answers_only(contact: dict[str, FieldGuess], survey: dict[str, FieldGuess], columns: list[str]) -> bool:
    """An id, a date and the answer to a recommendation or effort question, nothing a
    contact has (a wait, a talk time, an outcome, a solve time, a channel): survey
    answers, not contacts. (A CSAT column stays the ticket's or call's: see linked.py.)"""
    score = survey.get("score")
    if score is None or headers.survey_question(score.column) not in ("nps", "ces") or channel_words(columns):
        return False
    return set(contact) & set(TABLE_HINTS["contacts"]["signature"]) <= {"source_key", "arrived_at"}


SCALE = re.compile(r"[(\[]\s*(0|1)\s*(?:-|–|à|a|to)\s*(5|7|10)\s*[)\]]|/\s*(5|7|10)\b|\bsur\s+(5|7|10)\b")
# Values that say what a column holds, whatever its header.
STATE_WORDS = {
    "available", "disponible", "ready", "pret", "logged in", "connected", "connecte", "lunch", "repas", "break",
    "pause", "away", "absent", "not ready", "busy", "occupe", "offline", "training", "formation", "meeting", "reunion",
}  # fmt: skip
CHANNEL_VALUES = {"email", "e-mail", "mail", "courriel", "chat", "phone", "telephone", "web", "social", "sms", "voice"}


CHAT_WORDS = {
    "chat",
    "chats",
    "tchat",
    "discussion",
    "discussions",
    "conversation",
    "visitor",
    "visiteur",
    "transcript",
}
PHONE_WORDS = {"call", "calls", "caller", "appel", "appels", "appelant", "telephone", "phone", "dial", "numero appele"}
BOT_WORDS = {"bot", "chatbot", "callbot", "voicebot", "intent", "intents", "intention", "intentions"}
TICKET_WORDS = {
    "ticket",
    "tickets",
    "case",
    "cases",
    "dossier",
    "incident",
    "demande",
    "request",
    "severity",
    "gravite",
}


def channel_words(columns: list[str], name: str = "") -> str | None:
    """``chat`` or ``email`` (tickets) when the headers or the file name say so."""
    words = set(normalize(" ".join([*columns, name.rsplit(".", 1)[0].replace("_", " ")])).split())
    if words & PHONE_WORDS:  # a call's "conversation length" is no chat
        return None
    if words & BOT_WORDS:  # "Resolved by bot", "Intent": a bot's conversations
        return "bot"
    if words & CHAT_WORDS:
        return "chat"
    if words & TICKET_WORDS:
        return "email"
    return None


def _distinct_share(values: list[str]) -> float:
    return len(set(values)) / len(values) if values else 0.0


def _from_values(
    table: str,
    fields: dict[str, FieldGuess],
    columns: list[str],
    samples: dict[str, list[Any]],
    shapes: dict[str, tuple[str, float]],
) -> None:
    """What the values say when the headers did not: a weak id guess kept only when
    its values are all different (else the whole row is the key), the time of each
    record from the one column of timestamps (or start and end from two, by their
    order), an agent state from state words, a channel from channel names."""
    taken = {g.column for g in fields.values()}
    present = {
        c: [normalize(v) for v in decide.present(samples.get(c, [])[:200])] if shapes[c][0] == "text" else []
        for c in columns
    }
    present.update({c: decide.present(samples.get(c, [])[:200]) for c in columns if not present[c]})
    key = fields.get("source_key")
    if key and key.confidence < CONFIDENT:
        if _distinct_share(present[key.column]) == 1.0 and shapes[key.column][0] != "timestamp":
            key.confidence = CONFIDENT
        else:
            del fields["source_key"]
            taken.discard(key.column)
    chan = fields.get("channel")
    if (
        chan
        and present[chan.column]
        and not any(v in CHANNEL_VALUES or v in CHANNEL_WORDS for v in present[chan.column])
    ):
        del fields["channel"]  # "Case #" holds numbers, not channels
        taken.discard(chan.column)
    stamps = [c for c in columns if shapes[c][0] == "timestamp" and c not in taken]
    primary = PRIMARY_TIME.get(table)
    if primary and primary not in fields and stamps:
        kind = channel_words(columns)
        end = {"agent_sessions": "ended_at", "contacts": {"chat": "ended_at", "email": "solved_at"}.get(kind or "")}
        if len(stamps) == 1:
            fields[primary] = FieldGuess(stamps[0], CONFIDENT)
        elif len(stamps) == 2 and end.get(table) and _ordered(samples, *stamps):
            fields[primary] = FieldGuess(stamps[0], CONFIDENT)  # start, then end
            fields.setdefault(str(end[table]), FieldGuess(stamps[1], CONFIDENT))
        else:
            fields[primary] = FieldGuess(stamps[0], 0.5)  # a guess: said, not imported
    if table == "agent_sessions" and "state" not in fields:
        for c in columns:
            vals = present[c]
            if c not in taken and vals and sum(v in STATE_WORDS for v in vals) >= 0.8 * len(vals):
                fields["state"] = FieldGuess(c, 0.8, map=_state_map())
                break
    if table == "contacts" and "channel" not in fields:
        for c in columns:
            vals = present[c]
            if c not in taken and vals and sum(v in CHANNEL_VALUES for v in vals) >= 0.8 * len(vals):
                fields["channel"] = FieldGuess(c, 0.8, map=dict(CHANNEL_WORDS))
                break


def _builtin_map(profile: str, fieldname: str) -> dict[str, str]:
    """The value map a built-in profile gives ``fieldname`` (its first alternative's):
    the words of a kind of file, kept in one list, its profile's."""
    spec = load(BUILTIN_DIR / f"{profile}.toml", builtin=True).fields.get(fieldname, {})
    first = spec[0] if isinstance(spec, list) and spec else spec
    return dict(first.get("map", {})) if isinstance(first, dict) else {}


def _outcome_map() -> dict[str, str]:
    """The generic call log's reading of outcome words."""
    return _builtin_map("generic_call_log", "outcome")


def _state_map() -> dict[str, str]:
    """The generic presence profile's reading of state words."""
    return _builtin_map("generic_agent_sessions", "state")


def _ordered(samples: dict[str, list[Any]], first: str, second: str) -> bool:
    """Whether ``first`` is never after ``second`` where both are given (ISO-like text
    compares as time only when written the same way: parsed here)."""
    pairs = [(a, b) for a, b in zip(samples.get(first, []), samples.get(second, [])) if a and b]
    rule, _ = decide.timestamp_rule([a for a, _ in pairs] + [b for _, b in pairs])
    seen = 0
    for a, b in pairs[:200]:
        ta, tb = _parse_with(rule.formats, str(a)), _parse_with(rule.formats, str(b))
        if ta is None or tb is None:
            continue
        if ta > tb:
            return False
        seen += 1
    return seen > 0


def _parse_with(formats: list[str], text: str) -> datetime | None:
    for fmt in formats[:6]:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    return None


def propose_from(cur: duckdb.DuckDBPyConnection, info: FileInfo, rel: Relation, table: str | None = None) -> Proposal:
    samples = mapping.sample(cur, rel, 500)
    table, fields = guess(rel.columns, samples, table)
    prop = Proposal(
        info.path, info.describe(), table, fields, list(rel.columns), constants=dict(CONSTANTS.get(table, {}))
    )
    kind = channel_words(list(rel.columns), Path(info.path).name)
    if table == "contacts" and kind:
        prop.constants["channel"] = kind  # when no column gives it
    if table == "contacts":
        prop.survey = _answer_columns(prop.fields, list(rel.columns), samples)
        read = prop.explained()
        prop.unplaced_times = [
            c for c in rel.columns if c not in read and decide.shape(samples.get(c, []))[0] in ("timestamp", "duration")
        ]
    if table == "surveys":
        _survey_scale(prop, samples)
    return prop


def _answer_columns(fields: dict[str, FieldGuess], columns: list[str], samples: dict[str, list[Any]]) -> list[str]:
    """The columns of a contact log that hold survey answers about each contact: a
    header naming a question, a scale or a score ("Note client", "Satisfaction (1-5)",
    "Recommandation") over values that read as scores. A weak guess that took such a
    column for something else ("client" → the customer) lets it go."""
    out = []
    for col in columns:
        named = headers.survey_question(col) or SCALE.search(col) or _score(col, "score") >= 0.6
        if not named or decide.shape(samples.get(col, []))[0] not in ("number", "score"):
            continue
        if survey_kind(col, samples.get(col, [])) is None:
            continue
        other = next((f for f, g in fields.items() if col in (g.column, g.time)), None)
        if other is not None and fields[other].confidence >= 0.9:
            continue  # an exact name for another field
        if other is not None:
            del fields[other]
        out.append(col)
    return out


def completes(prof: Profile) -> bool:
    """Whether the vocabulary may complete ``prof`` (or read its file as another kind):
    a built-in generic profile. Vendor and user profiles are kept as they are (their
    columns are known, or the user chose)."""
    return prof.builtin and prof.name.startswith("generic_") and not prof.transform and prof.table in TABLE_HINTS


def complete(prof: Profile, resolved: Mapping[str, Any], prop: Proposal) -> Profile:
    """A generic profile (:func:`completes`) completed by ``prop``, the vocabulary's
    reading of the file as the profile's table: the columns its lists of names did not
    find ("First Reply", "State") read as the proposal reads them, when it is sure of
    them, so that a ticket list's first reply and status are not left out because the
    profile spells them otherwise."""
    used = profiles.used_columns(dict(resolved))
    extra = {
        f: g
        for f, g in prop.fields.items()
        if f not in resolved and g.column not in used and g.time not in used and g.confidence >= CONFIDENT
    }
    survey = [c for c in prop.survey if c not in used and c not in {g.column for g in extra.values()}]
    if not extra and not (survey and not prof.section("survey")):
        return prof
    data = dict(prof.data)
    data["fields"] = {**prof.fields, **{f: g.spec() for f, g in extra.items()}}
    data["confidence"] = {**prof.section("confidence"), **{f: g.confidence for f, g in extra.items()}}
    if survey and not prof.section("survey"):
        data["survey"] = {"score": {"column": survey, "type": "score"}}
    return Profile(prof.name, data, prof.path, prof.builtin)


def _survey_scale(prop: Proposal, samples: dict[str, list[Any]]) -> None:
    g = prop.fields.get("score")
    nums = []
    for v in decide.present(samples.get(g.column, [])) if g else []:
        head = v.split(" ")[0].replace(",", ".").lstrip("<>=")
        try:
            nums.append(float(head))
        except ValueError:
            pass
    top = max(nums) if nums else 5
    found = survey_kind(g.column, samples.get(g.column, [])) if g and headers.survey_question(g.column) else None
    if found is not None:  # the header says which question: "Probabilité de recommander" is NPS
        kind, lo, hi = found
    else:
        kind, lo, hi = ("nps", 0, 10) if top > 7 else ("ces", 1, 7) if top > 5 else ("csat", 1, 5)
    prop.constants.update({"survey_type": kind, "scale_min": lo, "scale_max": hi})
    if g:
        prop.fields["score"] = g


@contextmanager
def opened(
    path: str | Path,
    *,
    sheet: str | None = None,
    read: dict[str, Any] | None = None,
    bare: bool = False,
    sample: bool = False,
) -> Iterator[tuple[duckdb.DuckDBPyConnection, FileInfo, Relation]]:
    """(cursor, FileInfo, Relation) over ``path`` in a throwaway in-memory database
    (``bare``: without the canonical tables, enough to read and recognise the file).
    ``sample`` (recognition): a sheet's first rows only, in the bare database this
    thread keeps (nothing may be created in it but what one recognition drops)."""
    read = {k: v for k, v in (read or {}).items() if v not in (None, "")}
    info: FileInfo = sniff(
        path,
        delimiter=read.get("delimiter"),
        encoding_name=read.get("encoding"),
        header_line=read.get("header_line"),
        header=read.get("header"),
        columns=read.get("columns"),
    )
    info.sheet = sheet
    if sample:  # recognition: a sample, whatever the size of the workbook
        info.sample_rows = RECOGNITION_ROWS
    store = (_Bare.mine() if sample else _Bare()) if bare or sample else open_database(":memory:")
    try:
        info.read_path = encoding.readable_copy(Path(path), info.kind, info.encoding, store.staging_dir())
        cur = store.cursor()
        if not sample:  # the bare database this thread keeps has them already
            values.install(cur)
        yield cur, info, readers.relation(cur, info)
    finally:
        if sample and isinstance(store, _Bare):
            _Bare.done_with(store)
        else:
            store.close()
        if info.read_path:
            info.read_path.unlink(missing_ok=True)


class _Bare:
    """An in-memory DuckDB without migrations (the calendar alone takes a second).

    Recognition opens one per thread and keeps it (:meth:`mine`): connecting and
    installing the parsing macros cost more than reading a file's sample."""

    _local = threading.local()

    @classmethod
    def mine(cls) -> _Bare:
        bare: _Bare | None = getattr(cls._local, "bare", None)
        if bare is None:
            bare = cls._local.bare = cls()
            values.install(bare.con)
            atexit.register(bare.close)
        return bare

    @classmethod
    def done_with(cls, bare: _Bare) -> None:
        """Forget what one recognition left (a sheet, rejected lines); on an error
        inside DuckDB, start again with a new database."""
        try:
            bare.con.execute(f"DROP TABLE IF EXISTS {sheets.SHEET_TABLE}")
            readers.drop_csv_rejects(bare.con)
        except duckdb.Error:
            bare.close()
            cls._local.bare = None

    def __init__(self) -> None:
        self.con = duckdb.connect(
            ":memory:",
            config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false", "threads": 1},
        )
        # contained like a database opened for use (Store.contain): files from its
        # staging folder only, configuration locked
        self._owner: int | None
        self._staging, self._owner = private_folder()  # swept on a later start if this process is killed
        lock(self.con, self._staging)

    def staging_dir(self) -> Path:
        return self._staging

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con

    def close(self) -> None:  # once or more (at exit too): the owner file closed once
        self.con.close()
        remove_private_folder(self._staging, self._owner)
        self._owner = None


def propose_mapping(
    path: str | Path, sheet: str | None = None, *, timezone: str = "UTC", preview_rows: int = 20
) -> Proposal:
    """Reader options, target table, field → column with confidence, and a preview."""
    with opened(path, sheet=sheet) as (cur, info, rel):
        prop = propose_from(cur, info, rel)
        if not prop.missing_required():
            plan = mapping.plan(cur, prop.to_profile(), rel, timezone=timezone)
            cur.execute(plan.sql, plan.params)
            res = cur.execute(f"SELECT * EXCLUDE (_raw) FROM {plan.out} ORDER BY _line LIMIT {int(preview_rows)}")
            names = [d[0] for d in res.description]
            prop.preview = [dict(zip(names, row)) for row in res.fetchall()]
        return prop


def _toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{s}"'


def _toml_key(k: str) -> str:
    return k if k.replace("_", "").isalnum() and k.isascii() else _toml_value(k)


def save_profile(proposal_or_mapping: Proposal | Mapping[str, Any], name: str, folder: str | Path) -> Path:
    """Write a TOML profile named ``name`` into ``folder``; returns its path."""
    data = proposal_or_mapping.to_dict() if isinstance(proposal_or_mapping, Proposal) else dict(proposal_or_mapping)
    data["name"] = name
    data.setdefault("table", "contacts")
    data.setdefault("source", "generic")
    fields = data.pop("fields", {})
    lines = ["# Import profile saved by kpidesk (format: docs/profiles.md)"]
    for k, v in data.items():
        if not isinstance(v, dict):
            lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
    for k, v in data.items():
        if isinstance(v, dict):
            lines += ["", f"[{_toml_key(k)}]"] + [f"{_toml_key(a)} = {_toml_value(b)}" for a, b in v.items()]
    lines += ["", "[fields]"] + [f"{_toml_key(f)} = {_toml_value(v)}" for f, v in fields.items()]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
    path = folder / f"{safe}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    load(path)
    return path
