"""A team whose figures change under a weekday × hour filter, worked out by hand
(the coaching view, its contact lists and its PDF sheet under a heatmap cell).

Team "Lyon": A1, A2, A3 take answered phone calls, 2024-03-04 (Mon) … 2024-03-17,
no hold, no wrap-up, so each call's handle time is its talk time.

  Tuesdays 10h–11h (5 and 12 March): A1 two calls of 600 s, A2 two of 200 s, A3 two of 300 s.
  Elsewhere (Monday 14h, Tuesday 15h, Wednesday 10h): A1 two of 100 s, A2 two of 400 s,
  A3 two of 300 s.

Whole period: AHT A1 = 1400/4 = 350 s, A2 = 1200/4 = 300 s, A3 = 300 s; team median
300 s, team pooled 3800/12 = 316.7 s.
Tuesdays 10h–11h: A1 600 s, A2 200 s, A3 300 s; team median 300 s, team pooled
2200/6 = 366.7 s; A1's contacts behind AHT: the two 600-s calls (ids 1, 2).
A1's CSAT: call 1 (Tuesday 10h) rated 1/5 "Beaucoup trop long", call 7 (Monday 14h)
rated 2/5 "Bof": under the cell, only the first is what customers said.
``min_sample`` is 2, so every agent is ranked.
"""

from __future__ import annotations

from datetime import datetime

from kpidesk.core import settings
from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store
from tests.helpers.coaching_fixtures import insert_calls

AGENTS = [("A1", "Alice Martin", "Lyon"), ("A2", "Bruno Petit", "Lyon"), ("A3", "Chloé Durand", "Lyon")]
PERIOD = (datetime(2024, 3, 4).date(), datetime(2024, 3, 17).date())
TUESDAY = 2  # ISO weekday
HOUR = 10

# (contact_id, agent, arrived_at, talk)
CALLS = [
    (1, "A1", datetime(2024, 3, 5, 10, 10), 600.0),
    (2, "A1", datetime(2024, 3, 12, 10, 20), 600.0),
    (3, "A2", datetime(2024, 3, 5, 10, 30), 200.0),
    (4, "A2", datetime(2024, 3, 12, 10, 40), 200.0),
    (5, "A3", datetime(2024, 3, 5, 10, 50), 300.0),
    (6, "A3", datetime(2024, 3, 12, 10, 5), 300.0),
    (7, "A1", datetime(2024, 3, 4, 14, 0), 100.0),
    (8, "A1", datetime(2024, 3, 5, 15, 0), 100.0),
    (9, "A2", datetime(2024, 3, 6, 10, 0), 400.0),
    (10, "A2", datetime(2024, 3, 11, 14, 0), 400.0),
    (11, "A3", datetime(2024, 3, 4, 14, 30), 300.0),
    (12, "A3", datetime(2024, 3, 13, 10, 15), 300.0),
]
COMMENTS = {1: (1.0, "Beaucoup trop long"), 7: (2.0, "Bof")}


def build_store(path: str = ":memory:") -> Store:
    store = open_database(path)
    with store.write() as cur:
        cur.executemany("INSERT INTO agents (agent_id, name, team) VALUES (?, ?, ?)", AGENTS)
    rows = [
        (cid, "test", f"{agent}-{cid}", "phone", "inbound", "Support", agent, f"C{cid}", at, at, 10.0, talk, 0.0, 0.0)
        + ("answered",)
        for cid, agent, at, talk in CALLS
    ]
    insert_calls(store, rows)
    agent_of = {cid: agent for cid, agent, _at, _talk in CALLS}
    with store.write() as cur:
        for cid, (score, comment) in COMMENTS.items():
            cur.execute(
                "INSERT INTO surveys (source, source_key, survey_type, score, scale_min, scale_max, "
                "contact_ref, comment) VALUES ('test', ?, 'csat', ?, 1, 5, ?, ?)",
                [f"S{cid}", score, f"{agent_of[cid]}-{cid}", comment],
            )
        derive.refresh(cur)
    settings.set_value(store, "min_sample", 2)
    return store
