"""One file, several tables: survey answers carried by a call log or a ticket list.

A call log or a ticket export often has a satisfaction score per row ("Satisfaction
rating", "CSAT_Score"). Those scores are survey answers about *that* contact: they
are loaded into ``surveys`` with the contact's own source and key (``contact_ref``),
so they link to the contact just imported and never to another import's tickets
that happen to share a number. A profile says which column holds the score in its
``[survey]`` section (``score``, and optionally ``type``/``scale``); rows without a
score are not answers and are not loaded (nor counted as rejects: the row itself
was loaded as a contact).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import duckdb

from kpidesk.core.ingest import decide, headers, loader, mapping
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.identifiers import quote
from kpidesk.core.ingest.profiles import Profile, resolve_field
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


def survey_profile(prof: Profile, rel: Relation, samples: dict[str, list[Any]]) -> tuple[Profile, str] | None:
    """The surveys profile a contacts profile's ``[survey]`` section describes on this
    file, and the score column; None when the file has no such column."""
    section = prof.section("survey")
    spec = section.get("score")
    if prof.table != "contacts" or not spec:
        return None
    resolved = resolve_field(spec, rel.columns)
    if resolved is None or "_column" not in resolved:
        return None
    col = resolved["_column"]
    kind = survey_kind(col, samples.get(col, []))
    if kind is None:
        return None
    survey_type, lo, hi = section.get("type"), section.get("scale_min"), section.get("scale_max")
    if survey_type is None:
        survey_type, lo, hi = kind
    fields = {
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
    data = {
        "name": prof.name + ":survey",
        "source": prof.source,
        "table": "surveys",
        "parse": prof.section("parse"),
        "key": prof.section("key"),
        "fields": fields,
    }
    return Profile(prof.name + ":survey", data), col


def load_linked(
    cur: duckdb.DuckDBPyConnection,
    ctx: TransformContext,
    prof: Profile,
    rel: Relation,
    timezone: str,
    widened: str | None = None,
) -> tuple[dict[str, int], dict[str, str]]:
    """Load the survey answers a contacts file carries: ({table: rows inserted},
    {column: the field it feeds})."""
    found = survey_profile(prof, rel, mapping.sample(cur, rel, 500))
    if found is None:
        return {}, {}
    sprof, col = found
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
        return {}, {}
    counts, _ = loader.load_plan(cur, ctx, plan, only, None, bulk=False)
    if "contact_ref" not in plan.names or widened or plan.key_widened:  # the contact's key is the answer's
        cur.execute(
            "UPDATE surveys SET contact_ref = source_key WHERE import_id = $id",
            {"id": ctx.import_id},
        )
    return {"surveys": counts.loaded}, {col: f"surveys.score ({sprof.fields['survey_type']['value']})"}
