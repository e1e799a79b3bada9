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


def survey_kind(header: str, sample_values: list[Any]) -> tuple[str, float, float] | None:
    """(survey_type, scale_min, scale_max) for a score column, from its header and
    values; None when the values are no scores."""
    nums = []
    for v in decide.present(sample_values):
        head = v.split(" ")[0].replace(",", ".").lstrip("<>=")
        try:
            nums.append(float(head))
        except ValueError:
            continue
    if not nums:
        return None
    lo, hi = min(nums), max(nums)
    question = headers.survey_question(header)  # the header first: "Recommandation" on 0–10 is NPS
    if question == "nps":
        return "nps", 0.0, 10.0
    if question == "ces":
        return "ces", 1.0, 7.0 if hi > 5 else 5.0
    if hi <= 5:
        return "csat", 0.0 if lo < 1 else 1.0, 5.0
    if hi <= 10:
        return "csat", 0.0 if lo < 1 else 1.0, 10.0
    if hi <= 100:
        return "csat", 0.0, 100.0
    return None


def survey_profiles(
    prof: Profile, rel: Relation, samples: dict[str, list[Any]], taken: Iterable[str] = ()
) -> list[tuple[Profile, str]]:
    """The surveys profiles a contacts profile's ``[survey]`` section describes on this
    file, one per question (its score column), the spec's own column first; empty when
    the file has no such column. ``taken``: columns other fields read."""
    if prof.table == "surveys":
        return other_questions(prof, rel, samples, taken)
    section = prof.section("survey")
    spec = section.get("score")
    if prof.table != "contacts" or not spec:
        return []
    out: list[tuple[Profile, str]] = []
    seen: set[str] = set()
    for col in profiles.score_columns(spec, rel.columns, taken):
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
    prof: Profile, rel: Relation, samples: dict[str, list[Any]], taken: Iterable[str] = ()
) -> list[tuple[Profile, str]]:
    """A survey file's answers to its other questions: each column no field reads
    whose header names another question than the profile's own ("How likely are you
    to recommend us? (0-10)" beside the satisfaction score) and whose values are
    scores, loaded as answers of that question about the same contact, each under a
    key of its own (its question's prefix + the answer's key)."""
    mine = (
        (prof.fields.get("survey_type") or {}).get("value")
        if isinstance(prof.fields.get("survey_type"), dict)
        else None
    )
    seen = {str(mine)} if mine else set()
    out: list[tuple[Profile, str]] = []
    for col in rel.columns:
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
    for sprof, col in survey_profiles(prof, rel, mapping.sample(cur, rel, 500), taken):
        # Only rows with a score are answers (a digit somewhere: "4", "4,5", "5 - Very good").
        keep = f"regexp_matches({quote(col)}, '[0-9]')"
        only = replace(
            rel,
            sql=f"SELECT * FROM ({rel.sql}) WHERE {keep}",
            fast_sql=f"SELECT * FROM ({rel.fast_sql}) WHERE {keep}" if rel.fast_sql else None,
            sample_sql=f"SELECT * FROM ({rel.sample_sql or rel.sql}) WHERE {keep}",
        )
        plan = mapping.plan(cur, sprof, only, timezone=timezone, source=prof.source)
        if plan.missing:
            continue
        counts, _ = loader.load_plan(cur, ctx, plan, only, None, bulk=False)
        survey_type = str(sprof.fields["survey_type"]["value"])
        if prof.table == "surveys":  # a survey file's other question: linked as its first one
            pass
        elif "contact_ref" not in plan.names or widened or plan.key_widened:  # the contact's key is the answer's
            start = len(sprof.section("key").get("prefix") or "") + 1  # less its question's prefix
            cur.execute(
                "UPDATE surveys SET contact_ref = substr(source_key, $start) WHERE import_id = $id AND survey_type = $t",
                {"id": ctx.import_id, "start": start, "t": survey_type},
            )
        loaded += counts.loaded
        said[col] = f"surveys.score ({survey_type})"
    return ({"surveys": loaded} if said else {}), said
