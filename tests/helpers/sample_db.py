"""A small, deterministic kpidesk database for UI tests (and, scaled up, the bench).

Rows are generated in DuckDB SQL from ``range(n)`` with hash-based pseudo-random
draws, so 3,000 rows take milliseconds and 10 M rows a few seconds, and every run
gives the same figures.
"""

from __future__ import annotations

from datetime import date, timedelta

from kpidesk.core.db import derive

AGENTS = [
    ("A01", "Alice Martin", "Équipe Nord", "Lyon"),
    ("A02", "Bruno Petit", "Équipe Nord", "Lyon"),
    ("A03", "Chloé Durand", "Équipe Nord", "Lyon"),
    ("A04", "David Leroy", "Équipe Nord", "Lyon"),
    ("A05", "Emma Moreau", "Équipe Sud", "Rabat"),
    ("A06", "Farid Benali", "Équipe Sud", "Rabat"),
    ("A07", "Gaëlle Roux", "Équipe Sud", "Rabat"),
    ("A08", "Hugo Faure", "Équipe Sud", "Rabat"),
]
FIRST = [
    "Inès",
    "Jules",
    "Karim",
    "Léa",
    "Manon",
    "Nathan",
    "Océane",
    "Paul",
    "Quentin",
    "Rose",
    "Samir",
    "Tom",
    "Ugo",
    "Victor",
    "Yasmine",
    "Zoé",
]
LAST = [
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Simon",
    "Laurent",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Vincent",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
]
LAST_DAY = date(2026, 11, 22)

_CONTACTS = """
WITH d AS (
    SELECT i,
        (hash(i, 1) % 1000003) / 1000003.0 AS u1, (hash(i, 2) % 1000003) / 1000003.0 AS u2,
        (hash(i, 3) % 1000003) / 1000003.0 AS u3, (hash(i, 4) % 1000003) / 1000003.0 AS u4,
        (hash(i, 5) % 1000003) / 1000003.0 AS u5, (hash(i, 6) % 1000003) / 1000003.0 AS u6,
        (hash(i, 7) % 1000003) / 1000003.0 AS u7, (hash(i, 8) % 1000003) / 1000003.0 AS u8,
        (hash(i, 9) % 1000003) / 1000003.0 AS u9
    FROM range($first, $first + $rows) r(i)
), b AS (
    SELECT *,
        CASE WHEN u1 < 0.6 THEN 'phone' WHEN u1 < 0.8 THEN 'email' WHEN u1 < 0.92 THEN 'chat' ELSE 'bot' END AS ch,
        $start + to_days(CAST(floor(u2 * $days) AS INTEGER))
            + to_minutes(CAST(480 + floor(pow(u3, 1.2) * 660) AS INTEGER)) AS ts,
        printf('A%02d', CAST(1 + floor(u6 * $agents) AS INTEGER)) AS ag
    FROM d
)
SELECT i AS contact_id, 'test' AS source, CAST(i AS VARCHAR) AS source_key, ch AS channel,
    'inbound' AS direction,
    CASE ch WHEN 'phone' THEN ['Facturation', 'Support technique', 'Commercial'][1 + CAST(floor(u5 * 3) AS INTEGER)]
            WHEN 'email' THEN 'Email' ELSE 'Chat' END AS queue,
    CASE WHEN ch = 'bot' AND u7 < 0.55 THEN NULL
         WHEN ch = 'phone' AND u7 < 0.13 THEN NULL ELSE ag END AS agent_id,
    'C' || CAST(floor(u9 * 800) AS INTEGER) AS customer_id,
    ['Facture', 'Panne', 'Offre', 'Résiliation'][1 + CAST(floor(u8 * 4) AS INTEGER)] AS topic,
    ts AS arrived_at,
    CASE WHEN ch IN ('phone', 'chat') AND u7 >= 0.13 THEN ts + to_seconds(CAST(u8 * 60 AS INTEGER)) END AS answered_at,
    CASE WHEN ch = 'email' AND u7 < 0.9 THEN ts + to_seconds(CAST(u8 * 100000 AS INTEGER))
         WHEN ch = 'chat' AND u7 >= 0.13 THEN ts + to_seconds(CAST(u8 * 60 AS INTEGER)) END AS first_response_at,
    CASE WHEN ch = 'email' AND u5 < 0.8 THEN ts + to_seconds(CAST(u8 * 100000 + u9 * 200000 AS INTEGER)) END AS solved_at,
    CASE WHEN ch = 'bot' AND u7 >= 0.55 THEN ts + INTERVAL 40 SECOND END AS handoff_at,
    CASE WHEN ch = 'phone' AND u7 < 0.03 THEN 2.0
         WHEN ch = 'phone' AND u7 < 0.13 THEN 20 + u8 * 120
         WHEN ch IN ('phone', 'chat') THEN u8 * u8 * 60 + CASE WHEN hour(ts) IN (12, 13) THEN 35 ELSE 0 END END AS wait_s,
    CASE WHEN ch IN ('phone', 'chat') AND u7 >= 0.13 THEN 120 + u4 * 300 + CAST(right(ag, 1) AS INTEGER) * 12 END AS talk_s,
    CASE WHEN ch = 'phone' AND u7 >= 0.13 THEN u9 * 30 END AS hold_s,
    CASE WHEN ch IN ('phone', 'chat') AND u7 >= 0.13 THEN 20 + u5 * 60 END AS wrap_s,
    CASE WHEN ch = 'email' AND u7 < 0.9 THEN u8 * 100000
         WHEN ch = 'chat' AND u7 >= 0.13 THEN u8 * 60 END AS first_response_s,
    CASE WHEN ch = 'email' AND u5 < 0.8 THEN u8 * 100000 + u9 * 200000 END AS resolution_s,
    CASE WHEN ch = 'bot' AND u7 >= 0.55 THEN 20 + u8 * 90 END AS handoff_wait_s,
    CASE WHEN ch = 'bot' THEN 1 + u8 * 4 END AS bot_response_s,
    CASE WHEN ch = 'phone' THEN (CASE WHEN u7 < 0.11 THEN 'abandoned' WHEN u7 < 0.13 THEN 'flowout' ELSE 'answered' END)
         WHEN ch = 'email' THEN (CASE WHEN u7 < 0.9 THEN 'handled' END)
         WHEN ch = 'chat' THEN (CASE WHEN u7 < 0.13 THEN 'abandoned' ELSE 'answered' END)
         ELSE (CASE WHEN u7 < 0.55 THEN 'contained' WHEN u7 < 0.93 THEN 'handoff' ELSE 'abandoned' END) END AS outcome,
    (ch = 'phone' AND u4 < 0.06) AS transferred,
    u3 < 0.75 AS resolved,
    (ch = 'email' AND u4 < 0.05) AS reopened,
    CASE WHEN ch = 'email' THEN 1 + CAST(floor(u9 * 3) AS INTEGER) END AS replies,
    u4 < 0.3 AS surveyed
FROM b
"""

_SURVEYS = """
INSERT INTO surveys (source, source_key, survey_type, score, scale_min, scale_max, answered_at,
                     contact_ref, contact_id, channel, agent_id, queue)
SELECT 'test', source_key, 'csat',
    least(5, 1 + floor(pow((hash(contact_id, 11) % 1000003) / 1000003.0, 0.45) * 5
                       - CAST(right(agent_id, 1) AS INTEGER) * 0.06)),
    1, 5, arrived_at + INTERVAL 1 HOUR, source_key, contact_id, channel, agent_id, queue
FROM contacts WHERE surveyed AND agent_id IS NOT NULL AND (hash(contact_id, 12) % 10) < 5
"""


def roster(agents: int = 8) -> list[tuple[str, str, str, str]]:
    """The eight named agents, then as many more as asked (a large outsourced team)."""
    extra = [
        (
            f"A{i:02d}",
            f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}",
            f"Équipe {1 + i // 12}",
            ("Lyon", "Rabat", "Dakar")[i % 3],
        )
        for i in range(len(AGENTS) + 1, agents + 1)
    ]
    return (AGENTS + extra)[:agents]


def fill(store, rows: int = 3000, days: int = 28, last_day: date = LAST_DAY, agents: int = 8) -> None:
    """Insert ``rows`` contacts over the ``days`` days ending ``last_day``, the
    ``agents`` agents (eight by default), and CSAT answers for some of the surveyed
    contacts."""
    start = last_day - timedelta(days=days - 1)
    with store.write() as cur:
        cur.executemany("INSERT INTO agents (agent_id, name, team, site) VALUES (?, ?, ?, ?)", roster(agents))
        cur.execute(
            f"INSERT INTO contacts_main BY NAME ({_CONTACTS})",
            {"first": 1, "rows": rows, "start": start, "days": days, "agents": agents},
        )
        cur.execute(_SURVEYS)
        cur.execute("UPDATE contacts_main SET survey_answered = contact_id IN (SELECT contact_id FROM surveys)")
        derive.refresh(cur)
