"""One file, several tables: survey answers carried by a call log or a ticket list.

A call log or a ticket export often has a satisfaction score per row ("Satisfaction
rating", "CSAT_Score"). Those scores are survey answers about *that* contact: they
are loaded into ``surveys`` with the contact's own source and key (``contact_ref``),
so they link to the contact just imported and never to another import's tickets
that happen to share a number. A profile says which column holds the score in its
``[survey]`` section (``score``, and optionally ``type``/``scale``); rows without a
score are not answers and are not loaded (nor counted as rejects: the row itself
was loaded as a contact).

A row can carry the answers of several questions: a satisfaction score and a
recommendation (0–10) are a CSAT and an NPS answer about the same contact. Every
column the ``score`` spec names, or whose header names a survey question, whose
values are scores is one question (:func:`survey_profiles`; one column per kind of
question, the spec's own column first). The first keeps the contact's key as its
answers' key; the others' keys are prefixed with their question (``nps:`` + the
key), so that a contact's two answers are two records, both linked to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import duckdb

from kpidesk.core.ingest import decide, headers, loader, mapping, profiles
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.identifiers import quote
from kpidesk.core.ingest.profiles import Profile
from kpidesk.core.ingest.relation import Relation

QUESTIONS = ("csat", "nps", "ces")
# The scales each question is answered on (min, max), the usual one first.
SCALES: dict[str, tuple[tuple[float, float], ...]] = {
    "csat": ((1.0, 5.0), (0.0, 5.0), (1.0, 10.0), (0.0, 10.0), (0.0, 100.0)),
    "nps": ((0.0, 10.0),),
    "ces": ((1.0, 7.0), (1.0, 5.0)),
}


def _numbers(sample_values: list[Any]) -> list[float]:
    nums = []
    for v in decide.present(sample_values):
        head = v.split(" ")[0].replace(",", ".").lstrip("<>=")
        try:
            nums.append(float(head))
        except ValueError:
            continue
    return nums


def survey_kind(header: str, sample_values: list[Any]) -> tuple[str, float, float] | None:
    """(survey_type, scale_min, scale_max) for a score column, from its header and
    values; None when the values are no scores."""
    nums = _numbers(sample_values)
    if not nums:
        return None
    question = headers.survey_question(header)  # the header first: "Recommandation" on 0–10 is NPS
    if question in ("nps", "ces"):
        found = scale_of(question, nums)
        return (question, *found) if found else None
    found = scale_of("csat", nums)
    return ("csat", *found) if found else None


def scale_of(survey_type: str, sample_values: list[Any]) -> tuple[float, float] | None:
    """The scale (min, max) answers of ``survey_type`` with these values are on: the
    smallest usual one that holds them all; None when no scale does (or no value is a
    number)."""
    scales = scales_for(survey_type, sample_values)
    if not scales:
        return None
    if survey_type == "ces":  # 1–7 is the CES question; a file whose answers stop at 5 is on 1–5
        nums = _numbers([str(v) for v in sample_values])
        return (1.0, 7.0) if max(nums) > 5 else (1.0, 5.0)
    return scales[0]


def scales_for(survey_type: str, sample_values: list[Any]) -> list[tuple[float, float]]:
    """The scales of ``survey_type`` that hold every one of these values (the smallest
    first): what a user may choose for the column."""
    nums = _numbers([str(v) for v in sample_values])
    if not nums:
        return []
    lo, hi = min(nums), max(nums)
    fits = [(a, b) for a, b in SCALES.get(survey_type, ()) if a <= lo and hi <= b]
    return sorted(fits, key=lambda s: (s[1] - s[0], -s[0]))


def survey_profiles(
    prof: Profile, columns: list[str], samples: dict[str, list[Any]], taken: Iterable[str] = ()
) -> list[tuple[Profile, str]]:
    """The surveys profiles a contacts profile's ``[survey]`` section describes on this
    file, one per question (its score column), the spec's own column first; empty when
    the file has no such column. ``taken``: columns other fields read."""
    if prof.table == "surveys":
        return other_questions(prof, columns, samples, taken)
    section = prof.section("survey")
    spec = section.get("score")
    if prof.table != "contacts" or not (spec or section.get("questions")):
        return []
    out: list[tuple[Profile, str]] = []
    seen: set[str] = set()
    if section.get("questions"):  # the questions a user linked, each to its column (the mapping dialog)
        return _linked_questions(prof, section["questions"], columns, samples)
    for col in profiles.score_columns(spec, columns, taken):
        kind = survey_kind(col, samples.get(col, []))
        if kind is None:
            continue
        survey_type, lo, hi = (
            (section.get("type"), section.get("scale_min"), section.get("scale_max")) if not out else (None, None, None)
        )
        if survey_type is None:
            survey_type, lo, hi = kind
        if survey_type in seen:  # one column per question
            continue
        seen.add(survey_type)
        out.append((_question(prof, col, str(survey_type), lo, hi, kind, first=not out), col))
    return out


def other_questions(
    prof: Profile, columns: list[str], samples: dict[str, list[Any]], taken: Iterable[str] = ()
) -> list[tuple[Profile, str]]:
    """A survey file's answers to its other questions: each column no field reads
    whose header names another question than the profile's own ("How likely are you
    to recommend us? (0-10)" beside the satisfaction score) and whose values are
    scores, loaded as answers of that question about the same contact, each under a
    key of its own (its question's prefix + the answer's key)."""
    own = prof.fields.get("survey_type")
    seen = {str(own["value"])} if isinstance(own, dict) and own.get("value") else set()
    out: list[tuple[Profile, str]] = []
    for col in columns:
        question = headers.survey_question(col)
        if col in set(taken) or question is None or question in seen:
            continue
        kind = survey_kind(col, samples.get(col, []))
        if kind is None or kind[0] != question:
            continue
        seen.add(question)
        fields = {
            f: spec for f, spec in prof.fields.items() if f not in ("score", "survey_type", "scale_min", "scale_max")
        }
        fields.update(
            {
                "score": {"column": col, "type": "score"},
                "survey_type": {"value": question},
                "scale_min": {"value": float(kind[1])},
                "scale_max": {"value": float(kind[2])},
            }
        )
        key = {**prof.section("key"), "prefix": prefix(question)}
        name = f"{prof.name}:{question}"
        data = {
            "name": name,
            "source": prof.source,
            "table": "surveys",
            "parse": prof.section("parse"),
            "key": key,
            "fields": fields,
        }
        out.append((Profile(name, data), col))
    return out


def _linked_questions(
    prof: Profile, questions: list[Any], columns: list[str], samples: dict[str, list[Any]]
) -> list[tuple[Profile, str]]:
    """The profiles of the questions a ``[survey]`` section lists (``questions = [{type,
    column, scale_min, scale_max}]``), in its order: a column the file lacks is skipped;
    a question without its scale takes the one its values fit."""
    out: list[tuple[Profile, str]] = []
    seen: set[str] = set()
    for q in questions:
        named = q.get("column") if isinstance(q, dict) else None
        found = profiles.resolve_field(named, columns) if isinstance(named, str) else None
        col = found.get("_column") if found else None
        survey_type = str(q.get("type", "")) if isinstance(q, dict) else ""
        if not col or survey_type not in QUESTIONS or survey_type in seen:
            continue
        scale = (q.get("scale_min"), q.get("scale_max"))
        if scale[0] is None or scale[1] is None:
            scale = scale_of(survey_type, samples.get(col, [])) or SCALES[survey_type][0]
        lo, hi = float(scale[0]), float(scale[1])
        seen.add(survey_type)
        out.append((_question(prof, str(col), survey_type, lo, hi, (survey_type, lo, hi), first=not out), str(col)))
    return out


def _question(
    prof: Profile, col: str, survey_type: str, lo: Any, hi: Any, kind: tuple[str, float, float], *, first: bool
) -> Profile:
    fields: dict[str, Any] = {
        "score": {"column": col, "type": "score"},
        "survey_type": {"value": survey_type},
        "scale_min": {"value": float(lo if lo is not None else kind[1])},
        "scale_max": {"value": float(hi if hi is not None else kind[2])},
    }
    for mine, theirs in (
        ("source_key", "source_key"),
        ("contact_ref", "source_key"),
        ("answered_at", "arrived_at"),
        ("agent_id", "agent_id"),
        ("queue", "queue"),
        ("customer_id", "customer_id"),
        ("channel", "channel"),
    ):
        if theirs in prof.fields:
            fields[mine] = prof.fields[theirs]
    key = dict(prof.section("key"))
    if not first:  # the contact's second answer: a record of its own, under its question
        key["prefix"] = prefix(survey_type)
    name = prof.name + ":survey" + ("" if first else f":{survey_type}")
    data = {
        "name": name,
        "source": prof.source,
        "table": "surveys",
        "parse": prof.section("parse"),
        "key": key,
        "fields": fields,
    }
    return Profile(name, data)


def prefix(survey_type: str) -> str:
    """What the key of a contact's answer to another question than the first starts with."""
    return f"{survey_type}:"


def answers_only(rel: Relation, col: str) -> Relation:
    """The rows of ``rel`` that answer the question of column ``col``: only rows with a
    score are answers (a digit somewhere: "4", "4,5", "5 - Very good")."""
    keep = f"regexp_matches({quote(col)}, '[0-9]')"
    return replace(
        rel,
        sql=f"SELECT * FROM ({rel.sql}) WHERE {keep}",
        fast_sql=f"SELECT * FROM ({rel.fast_sql}) WHERE {keep}" if rel.fast_sql else None,
        sample_sql=f"SELECT * FROM ({rel.sample_sql or rel.sql}) WHERE {keep}",
    )


def load_linked(
    cur: duckdb.DuckDBPyConnection,
    ctx: TransformContext,
    prof: Profile,
    rel: Relation,
    timezone: str,
    widened: str | None = None,
    taken: Iterable[str] = (),
) -> tuple[dict[str, int], dict[str, str]]:
    """Load the survey answers a contacts file carries, every question's: ({table: rows
    inserted}, {column: the field it feeds}). ``taken``: columns the contacts read."""
    loaded, said = 0, {}
    for sprof, col in survey_profiles(prof, rel.columns, mapping.sample(cur, rel, 500), taken):
        only = answers_only(rel, col)
        plan = mapping.plan(cur, sprof, only, timezone=timezone, source=prof.source)
        if plan.missing:
            continue
        counts, _ = loader.load_plan(cur, ctx, plan, only, None, bulk=False)
        survey_type = str(sprof.fields["survey_type"]["value"])
        # a contact file's answers take the contact's key as their contact (a survey file's
        # other question is linked as its first one, by its own contact column)
        if prof.table != "surveys" and ("contact_ref" not in plan.names or widened or plan.key_widened):
            start = len(sprof.section("key").get("prefix") or "") + 1  # less its question's prefix
            cur.execute(
                "UPDATE surveys SET contact_ref = substr(source_key, $start) WHERE import_id = $id AND survey_type = $t",
                {"id": ctx.import_id, "start": start, "t": survey_type},
            )
        loaded += counts.loaded
        said[col] = f"surveys.score ({survey_type})"
    return ({"surveys": loaded} if said else {}), said
