"""A small team whose figures can be worked out by hand (used by the coaching,
privacy and report tests).

Team "Lyon": A1…A5 take 30 answered phone calls each, 2024-03-04 … 2024-03-17
(call j on day j % 14). Agent i talks 90·i s and wraps up 10·i s, so AHT is 100·i s
(100, 200, 300, 400, 500) and wrap-up 10·i s. Queue waits per agent are
40, 10, 20, 25, 30 s. A7 (Lyon) takes only 5 calls of 50 s: a small sample.
A6 is in team "Rabat" with 1000 s calls: never part of Lyon's figures.
A3's first two calls are from the same customer a day apart: one repeat.
A2 has three CSAT answers (1, 2, 5) with comments holding a phone number and an
email, and QA evaluations; A1 has QA evaluations too.
"""

from datetime import datetime, timedelta

from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store

AGENTS = [
    ("A1", "Alice Martin", "Lyon"),
    ("A2", "Bruno Petit", "Lyon"),
    ("A3", "Chloé Durand", "Lyon"),
    ("A4", "David Roux", "Lyon"),
    ("A5", "Emma Leroy", "Lyon"),
    ("A6", "Farid Tazi", "Rabat"),
    ("A7", "Gaëlle Simon", "Lyon"),
]
WAITS = {"A1": 40, "A2": 10, "A3": 20, "A4": 25, "A5": 30, "A6": 5, "A7": 5}
FIRST_DAY = datetime(2024, 3, 4, 10, 0)
CUSTOMERS = [
    ("C200", "Jeanne Dupont", "jeanne.dupont@exemple.fr", "06 12 34 56 78"),
    ("C201", "Marc Lefèvre", "marc.lefevre@courriel.example", "+33 6 98 76 54 32"),
    ("C202", "Sophie Bernard", "sophie@fai.example", "0611223344"),
]
COMMENTS = {
    200: "Très déçue, rappelez-moi au 06 12 34 56 78 svp",
    201: "Trop long. Écrivez à marc.lefevre@courriel.example",
    202: "Parfait, merci",
}

_COLS = (
    "contact_id, source, source_key, channel, direction, queue, agent_id, customer_id, arrived_at, "
    "answered_at, wait_s, talk_s, hold_s, wrap_s, outcome"
)


def calls(
    agent: str,
    n: int,
    talk: float,
    wrap: float,
    wait: float,
    base_id: int,
    customer=None,
    first_day: datetime = FIRST_DAY,
    every_days: int = 14,
):
    rows = []
    for j in range(n):
        at = first_day + timedelta(days=j % every_days, minutes=j)
        cust = customer(j) if customer else f"C{base_id + j}"
        rows.append(
            (
                base_id + j,
                "test",
                f"{agent}-{base_id + j}",
                "phone",
                "inbound",
                "Facturation",
                agent,
                cust,
                at,
                at + timedelta(seconds=wait),
                float(wait),
                float(talk),
                0.0,
                float(wrap),
                "answered",
            )
        )
    return rows


def insert_calls(store, rows) -> None:
    with store.write() as cur:
        cur.executemany(f"INSERT INTO contacts_main ({_COLS}) VALUES ({', '.join('?' * 15)})", rows)
        derive.refresh(cur)


def all_calls():
    rows = []
    for k, (aid, _, _) in enumerate(AGENTS[:5]):
        i = k + 1
        customer = (lambda j: "C300" if j == 1 else f"C{300 + j}") if aid == "A3" else None
        rows += calls(aid, 30, 90 * i, 10 * i, WAITS[aid], 100 * i, customer)
    rows += calls("A6", 30, 900, 100, WAITS["A6"], 600)
    rows += calls("A7", 5, 40, 10, WAITS["A7"], 700)
    return rows


def build_store(path=":memory:") -> Store:
    store = open_database(path)
    with store.write() as cur:
        cur.executemany("INSERT INTO agents (agent_id, name, team) VALUES (?, ?, ?)", AGENTS)
        cur.executemany("INSERT INTO customers (customer_id, name, email, phone) VALUES (?, ?, ?, ?)", CUSTOMERS)
    insert_calls(store, all_calls())
    with store.write() as cur:
        for cid, score in ((200, 1.0), (201, 2.0), (202, 5.0)):
            cur.execute(
                "INSERT INTO surveys (source, source_key, survey_type, score, scale_min, scale_max, "
                "contact_ref, comment) VALUES ('test', ?, 'csat', ?, 1, 5, ?, ?)",
                [f"S{cid}", score, f"A2-{cid}", COMMENTS[cid]],
            )
        for aid, cid, crit, score in (
            ("A2", 200, "empathie", 80.0),
            ("A2", 200, "ton", 60.0),
            ("A1", 100, "empathie", 90.0),
            ("A1", 100, "ton", 70.0),
        ):
            cur.execute(
                "INSERT INTO evaluations (source, source_key, contact_ref, evaluated_at, criterion, score) "
                "VALUES ('test', ?, ?, ?, ?, ?)",
                [f"E{cid}{crit}", f"{aid}-{cid}", FIRST_DAY, crit, score],
            )
        derive.refresh(cur)
    return store
