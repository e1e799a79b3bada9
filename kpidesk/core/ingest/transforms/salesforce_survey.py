"""Salesforce survey responses (one row per answered question) → surveys.

Reads a ``SurveyQuestionResponse`` export or a survey-response report: the question
(``Question.Name`` / ``Question Name``), its type (``Question.QuestionType``), the
numeric answer (``NumberValue``, else a numeric ``ResponseValue``), when it was given,
and the record it rates (``Related Record`` / ``Case Number``). Only score questions
become rows; free-text questions are ignored.

The survey type is read from the question's type or name: NPS / "recommend" → ``nps``
(0–10); effort / CES → ``ces`` (1–7, higher is easier); satisfaction / CSAT / rating →
``csat`` (1–5); a yes/no "was your issue resolved (on first contact)?" → ``fcr``
(yes = 1 on 0–1: first-contact resolution as the customer declared it, the
``fcr_declared`` KPI). The survey's name (``Premier Bet Chat EN``) gives the channel
(chat, email, phone) when it says one. Scales other than these defaults are profile options (``csat_scale``,
``ces_scale``, ``ces_higher_is_better``) because the export does not carry them.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    num,
    options,
    pick,
    q,
    run,
    ts,
)

FIELDS = {
    "id": ("Id", "Survey Question Response ID", "Survey Question Response Name", "Name"),
    "response": (
        "ResponseId",
        "Survey Response ID",
        "Survey Response: Survey Response Name",
        "Survey Taker: ID",
        "Survey Taker: Survey Response",
    ),
    "question": (
        "Question.Name",
        "Question Name",
        "Question: Question Name",
        "Survey Question: Question Title",
        "Question Title",
        "Question",
    ),
    "qtype": ("Question.QuestionType", "Question Type", "QuestionType"),
    "number": ("NumberValue", "Number Value", "Score"),
    "value": ("ResponseValue", "Response Value", "Response"),
    "answered": (
        "Response.CompletionDateTime",
        "Completion Date",
        "Completed Date",
        "CreatedDate",
        "Created Date",
        "Survey Taker: Created Date",
    ),
    "ref": ("SurveySubject", "Related Record", "Related Record ID", "Case Number", "CaseNumber"),
    "agent": ("Agent", "Case Owner", "Owner: Full Name"),
    "form": ("Survey Question: Survey", "Survey.Name", "Survey Name", "Survey"),
    "comment": ("Comment",),
}


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    f = {k: pick(cols, *v) for k, v in FIELDS.items()}
    opts = options(ctx, "salesforce")
    csat, ces = opts.get("csat_scale", [1, 5]), opts.get("ces_scale", [1, 7])
    params = {
        **base_params(ctx),
        "csat_min": csat[0],
        "csat_max": csat[1],
        "ces_min": ces[0],
        "ces_max": ces[1],
        "ces_hib": bool(opts.get("ces_higher_is_better", True)),
    }
    # Answers written as labels: "1 - <Not Satisfied", "10 - Very Likely >": the leading number.
    label_score = num("regexp_extract(" + f["value"] + r", '^\s*(\d+(?:[.,]\d+)?)\s*-', 1)")
    # A yes/no answer ("was the issue resolved by the agent?"): 1 for yes, 0 for no.
    yes_no = (
        f"CASE WHEN lower(trim({f['value']})) IN ('yes', 'y', 'oui', 'o', 'true', 'vrai') THEN 1.0"
        f" WHEN lower(trim({f['value']})) IN ('no', 'n', 'non', 'false', 'faux') THEN 0.0 END"
    )
    said = f"lower(COALESCE({f['qtype']}, '') || ' ' || COALESCE({f['question']}, ''))"
    form = f"lower(COALESCE({f['form']}, ''))"
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _sfs AS
        SELECT _line, COALESCE({f["id"]}, {f["response"]} || ':' || {f["question"]}) AS id,
               COALESCE({num(f["number"])}, {num(f["value"])},
                        {label_score}, {yes_no}) AS score,
               CASE WHEN regexp_matches({form}, '\\bchat\\b') THEN 'chat'
                    WHEN regexp_matches({form}, 'e-?mail') THEN 'email'
                    WHEN regexp_matches({form}, '\\b(phone|call|voice|t[ée]l[ée]phone|appel)\\b') THEN 'phone' END
                   AS channel,
               {f["answered"]} AS raw_answered, {ts(f["answered"])} AS answered,
               {f["ref"]} AS ref, {f["agent"]} AS agent, {f["comment"]} AS comment,
               CASE WHEN regexp_matches(lower(COALESCE({f["qtype"]}, '') || ' ' || COALESCE({f["question"]}, '')),
                                        'nps|net promoter|recommend') THEN 'nps'
                    WHEN regexp_matches(lower(COALESCE({f["qtype"]}, '') || ' ' || COALESCE({f["question"]}, '')),
                                        'effort|\\bces\\b|easy') THEN 'ces'
                    WHEN regexp_matches(lower(COALESCE({f["qtype"]}, '') || ' ' || COALESCE({f["question"]}, '')),
                                        'csat|satisf|rating|score') THEN 'csat'
                    WHEN {yes_no} IS NOT NULL AND regexp_matches({said},
                         'resolved|solved|r[ée]solu|first contact|premier contact|fcr') THEN 'fcr' END AS kind
        FROM {q(staging)}
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_surveys AS
        SELECT _line, $source AS source, id AS source_key, kind AS survey_type,
               CAST(score AS DOUBLE) AS score,
               CAST(CASE kind WHEN 'nps' THEN 0 WHEN 'ces' THEN $ces_min WHEN 'fcr' THEN 0 ELSE $csat_min END
                    AS DOUBLE) AS scale_min,
               CAST(CASE kind WHEN 'nps' THEN 10 WHEN 'ces' THEN $ces_max WHEN 'fcr' THEN 1 ELSE $csat_max END
                    AS DOUBLE) AS scale_max,
               CASE WHEN kind = 'ces' THEN $ces_hib ELSE true END AS higher_is_better,
               answered AS answered_at, ref AS contact_ref, agent AS agent_id, channel, comment,
               CAST($import_id AS INTEGER) AS import_id
        FROM _sfs WHERE kind IS NOT NULL AND score IS NOT NULL AND id IS NOT NULL
    """,
        params,
    )
    # Why the other rows load nothing (the import report counts them per reason).
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_ignored AS
        SELECT _line, CASE WHEN kind IS NULL THEN 'not a CSAT, NPS, CES or first-contact resolution question'
                           ELSE 'no score in the answer' END AS reason
        FROM _sfs WHERE kind IS NULL OR score IS NULL OR id IS NULL
    """,
        {},
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'score ' || score || ' outside the ' || survey_type || ' scale' FROM out_surveys"
            " WHERE score < scale_min OR score > scale_max",
        ],
    )
    run(cur, "DELETE FROM out_surveys WHERE score < scale_min OR score > scale_max", {})
