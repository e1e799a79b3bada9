"""Freshdesk "Export tickets" CSV → tickets (and satisfaction answers when exported).

The export's columns are chosen by the user, so every field but ``Ticket ID`` and
``Created time`` is optional. Times are the helpdesk's local time without a zone
(kept as they are). Freshdesk's own metrics are used when exported:
``First response time (in hrs)`` / ``Resolution time (in hrs)`` (decimal hours or
``hh:mm[:ss]``), ``Agent interactions`` (agent replies), ``Time tracked`` (agent
handling time → ``talk_s``); otherwise they are computed from ``Initial response time``
and ``Resolved time`` / ``Closed time``.

Known quirks (docs/vendor-formats.md): ``Resolved time`` can be empty even on resolved
tickets (the ticket then counts as resolved with no resolution time); statuses can be
custom strings such as ``OpenPending`` (kept lower-cased, not resolved). Every ticket is
channel ``email`` (ticket semantics, whatever its ``Source``), except social sources
(``Twitter``, ``Facebook``…) → ``social``.
"""

from __future__ import annotations

import duckdb

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.transforms.vendor_common import (
    base_params,
    columns,
    create_rejects,
    hours_or_hms,
    num,
    pick,
    q,
    run,
    secs_between,
    ts,
)

# Freshdesk satisfaction answers: the 3-point classic survey and the 5-point one.
CSAT = {
    "awesome": (3, 3),
    "just okay": (2, 3),
    "not good": (1, 3),
    "extremely happy": (5, 5),
    "happy": (4, 5),
    "neutral": (3, 5),
    "unhappy": (2, 5),
    "extremely unhappy": (1, 5),
}


def transform(cur: duckdb.DuckDBPyConnection, staging: str, ctx: TransformContext) -> None:
    cols = columns(cur, staging)
    p = {
        k: pick(cols, *names)
        for k, names in {
            "id": ("Ticket ID", "Ticket Id", "id"),
            "created": ("Created time", "created_at"),
            "resolved_t": ("Resolved time", "resolved_at"),
            "closed_t": ("Closed time", "closed_at"),
            "first_t": ("Initial response time", "first_responded_at"),
            "frt_h": ("First response time (in hrs)",),
            "res_h": ("Resolution time (in hrs)",),
            "status": ("Status",),
            "priority": ("Priority",),
            "type": ("Type",),
            "source_ch": ("Source",),
            "agent": ("Agent", "Responder"),
            "group": ("Group",),
            "customer": ("Contact ID", "Email", "Full name", "Requester"),
            "replies": ("Agent interactions",),
            "tracked": ("Time tracked",),
            "survey": ("Survey results", "Satisfaction rating"),
            "product": ("Product",),
        }.items()
    }
    params = base_params(ctx)
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE _fd AS
        SELECT _line, {p["id"]} AS id, {p["created"]} AS raw_created, {ts(p["created"])} AS created,
               COALESCE({ts(p["resolved_t"])}, {ts(p["closed_t"])}) AS solved,
               {ts(p["first_t"])} AS first_at, {hours_or_hms(p["frt_h"])} AS frt_s,
               {hours_or_hms(p["res_h"])} AS res_s, lower({p["status"]}) AS status,
               {p["priority"]} AS priority, {p["type"]} AS type, lower({p["source_ch"]}) AS src,
               {p["agent"]} AS agent, {p["group"]} AS grp, {p["customer"]} AS customer,
               CAST({num(p["replies"])} AS INTEGER) AS replies,
               {hours_or_hms(p["tracked"])} AS tracked_s, lower({p["survey"]}) AS survey,
               {p["product"]} AS product
        FROM {q(staging)}
    """,
        params,
    )
    run(
        cur,
        f"""
        CREATE OR REPLACE TEMP TABLE out_contacts AS
        SELECT _line, $source AS source, id AS source_key,
               CASE WHEN src IN ('twitter', 'facebook', 'whatsapp', 'instagram') THEN 'social'
                    ELSE 'email' END AS channel, 'inbound' AS direction,
               grp AS queue, agent AS agent_id, customer AS customer_id, type AS topic, product,
               priority, status, created AS arrived_at, first_at AS first_response_at,
               solved AS solved_at,
               CAST(COALESCE(frt_s, {secs_between("created", "first_at")}) AS DOUBLE) AS first_response_s,
               CAST(COALESCE(res_s, {secs_between("created", "solved")}) AS DOUBLE) AS resolution_s,
               CAST(tracked_s AS DOUBLE) AS talk_s,
               CASE WHEN first_at IS NOT NULL OR frt_s IS NOT NULL OR replies > 0 THEN 'handled' END
                   AS outcome,
               status IN ('resolved', 'closed') AS resolved, replies,
               CAST($import_id AS INTEGER) AS import_id
        FROM _fd WHERE id IS NOT NULL AND created IS NOT NULL
    """,
        params,
    )
    run(
        cur,
        """
        CREATE OR REPLACE TEMP TABLE out_surveys AS
        SELECT f._line, $source AS source, 'csat:' || f.id AS source_key, 'csat' AS survey_type,
               CAST(m.score AS DOUBLE) AS score, CAST(1 AS DOUBLE) AS scale_min,
               CAST(m.scale AS DOUBLE) AS scale_max, true AS higher_is_better,
               f.id AS contact_ref, f.agent AS agent_id, f.grp AS queue, f.customer AS customer_id,
               CAST($import_id AS INTEGER) AS import_id
        FROM _fd f JOIN (SELECT unnest($labels) AS label, unnest($scores) AS score,
                                unnest($scales) AS scale) m ON m.label = f.survey
        WHERE f.id IS NOT NULL AND f.created IS NOT NULL
    """,
        {
            **params,
            "labels": list(CSAT),
            "scores": [v[0] for v in CSAT.values()],
            "scales": [v[1] for v in CSAT.values()],
        },
    )
    create_rejects(
        cur,
        [
            "SELECT _line, 'no ticket id' FROM _fd WHERE id IS NULL",
            "SELECT _line, 'unparseable creation time ' || COALESCE('''' || raw_created || '''', '(empty)')"
            " FROM _fd WHERE id IS NOT NULL AND created IS NULL",
        ],
    )
