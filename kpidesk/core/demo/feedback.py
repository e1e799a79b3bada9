"""What customers and the quality team said about the demo contacts.

Surveys are sent after most handled contacts and about one in five is answered, as
in real post-contact surveys. Satisfaction depends on the agent, on the wait and on
whether the problem came back (a repeat contact), so CSAT, FCR and ASA move
together in the demo as they do in life. A handful of comments contain an e-mail
address or a phone number on purpose: privacy mode must mask them. QA evaluations
score agents on five criteria; the low-CSAT agent is marked down on tone and
empathy but not on accuracy, so "delivered vs perceived" quality tells a story.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from kpidesk.core.demo.people import DAY, LOW_CSAT_IDX, NULL, Staff, obj, to_ts

SOURCE = "demo"
POSITIVE = [
    "Conseiller très aimable et efficace, merci !",
    "Problème réglé en quelques minutes.",
    "Très bonne écoute, je recommande.",
    "Réponse claire et rapide.",
    "Merci pour votre patience et vos explications.",
    "Enfin quelqu'un qui comprend ma demande.",
]
NEGATIVE = [
    "Attente beaucoup trop longue avant d'avoir quelqu'un.",
    "Toujours pas de solution après trois appels.",
    "On m'a transféré deux fois, c'est épuisant.",
    "Personne ne répond à mes mails depuis une semaine.",
    "Réponse correcte mais il a fallu insister.",
]
RUSHED = [
    "Réponse expéditive, je ne me suis pas senti écouté.",
    "Le conseiller m'a coupé la parole.",
    "Conversation bâclée, on voulait visiblement raccrocher vite.",
]
PRIVATE = [
    "Merci de me rappeler au {phone}, je ne suis joignable que le soir.",
    "Vous pouvez me répondre directement à {email}, je n'ai toujours rien reçu.",
    "Mon numéro a changé : {phone}. Mon adresse reste {email}.",
]
CRITERIA = {"tone": 2.0, "empathy": -2.0, "active listening": 0.0, "resolution": -4.0, "accuracy": 3.0}
EVALUATORS = np.array(["Nadia Roussel (qualité)", "Julien Garnier (superviseur)"], dtype=object)


def _repeated(f: dict[str, np.ndarray], window: float = 7 * DAY) -> np.ndarray:
    """Contacts followed by another from the same customer within the window."""
    cust, t = f["customer"], f["arrived"]
    order = np.lexsort((t, cust))
    gap = np.full(len(t), np.inf)
    same = cust[order][1:] == cust[order][:-1]
    gap[order[:-1]] = np.where(same, t[order][1:] - t[order][:-1], np.inf)
    repeated: np.ndarray = (cust >= 0) & (gap <= window)
    return repeated


def feedback(
    rng: np.random.Generator,
    f: dict[str, np.ndarray],
    staff: Staff,
    customers: dict[str, np.ndarray],
    first: date,
    export_at: float,
) -> dict[str, dict[str, np.ndarray]]:
    """Set ``f['surveyed']``; return the surveys, evaluations and messages tables."""
    n = len(f["arrived"])
    handled = f["agent"] >= 0
    f["surveyed"] = handled & (rng.random(n) < 0.7)
    done = np.where(np.isnan(f["ended"]), f["work_at"], f["ended"])
    answered_at = done + np.round(rng.lognormal(np.log(3 * 3600), 1.0, n))
    resp = np.flatnonzero(f["surveyed"] & (rng.random(n) < 0.2) & (answered_at < export_at))
    agent = f["agent"][resp]
    slow = np.where(
        f["channel"][resp] == "email",
        f["first_resp"][resp] - f["arrived"][resp] > DAY,
        np.nan_to_num(f["wait"][resp]) > 120,
    )
    p_sat = staff.csat_p[agent] - 0.15 * slow - 0.2 * _repeated(f)[resp]
    sat = rng.random(len(resp)) < p_sat
    unhappy = rng.choice([1, 2, 3], len(resp), p=[0.25, 0.25, 0.5])
    csat = np.where(sat, np.where(rng.random(len(resp)) < 0.55, 5, 4), unhappy)
    nps = np.where(
        csat == 5,
        rng.choice([8, 9, 10], len(resp), p=[0.15, 0.35, 0.5]),
        np.where(
            csat == 4, rng.choice([6, 7, 8, 9], len(resp), p=[0.15, 0.35, 0.35, 0.15]), rng.integers(0, 7, len(resp))
        ),
    )
    ces = np.clip(csat + 2 + rng.integers(-1, 2, len(resp)), 1, 7)
    comment = _comments(rng, sat, agent, f["customer"][resp], customers)
    kinds = [
        ("csat", csat, 1, 5, np.ones(len(resp), bool)),
        ("nps", nps, 0, 10, rng.random(len(resp)) < 0.6),
        ("ces", ces, 1, 7, rng.random(len(resp)) < 0.35),
    ]
    cols: dict[str, list[np.ndarray]] = {k: [] for k in ("i", "type", "score", "lo", "hi", "comment")}
    for kind, score, lo, hi, ask in kinds:
        cols["i"].append(resp[ask])
        cols["type"].append(np.full(ask.sum(), kind, dtype=object))
        cols["score"].append(score[ask].astype(float))
        cols["lo"].append(np.full(ask.sum(), float(lo)))
        cols["hi"].append(np.full(ask.sum(), float(hi)))
        cols["comment"].append(comment[ask] if kind == "csat" else np.full(ask.sum(), None, dtype=object))
    c = {k: np.concatenate(v) for k, v in cols.items()}
    i = c["i"]
    surveys = {
        "source": np.full(len(i), SOURCE, dtype=object),
        "source_key": np.array([f"survey-{k}-{t}" for k, t in zip(f["key"][i], c["type"])], dtype=object),
        "survey_type": c["type"],
        "score": c["score"],
        "scale_min": c["lo"],
        "scale_max": c["hi"],
        "higher_is_better": np.ones(len(i), bool),
        "answered_at": to_ts(first, answered_at[i]),
        "contact_ref": f["key"][i],
        "channel": f["channel"][i],
        "agent_id": staff.ids[f["agent"][i]],
        "queue": f["queue"][i],
        "customer_id": obj(customers["ids"][np.maximum(f["customer"][i], 0)], f["customer"][i] >= 0),
        "comment": c["comment"],
    }
    return {
        "surveys": surveys,
        "evaluations": _evaluations(rng, f, staff, first, export_at),
        "messages": _messages(f, first),
    }


def _comments(
    rng: np.random.Generator, sat: np.ndarray, agent: np.ndarray, cust: np.ndarray, customers: dict[str, np.ndarray]
) -> np.ndarray:
    m = len(sat)
    pos = np.array(POSITIVE, dtype=object)[rng.integers(0, len(POSITIVE), m)]
    neg = np.array(NEGATIVE, dtype=object)[rng.integers(0, len(NEGATIVE), m)]
    rushed = np.array(RUSHED, dtype=object)[rng.integers(0, len(RUSHED), m)]
    neg = np.where((agent == LOW_CSAT_IDX) & (rng.random(m) < 0.7), rushed, neg)
    text = np.where(sat, pos, neg)
    has = rng.random(m) < np.where(sat, 0.25, 0.5)
    out = np.where(has, text, NULL).astype(object)
    private = np.flatnonzero(cust >= 0)[:: max(1, (cust >= 0).sum() // 8)][:8]
    for j, k in enumerate(private):
        out[k] = PRIVATE[j % len(PRIVATE)].format(phone=customers["phone"][cust[k]], email=customers["email"][cust[k]])
    return out


def _evaluations(
    rng: np.random.Generator, f: dict[str, np.ndarray], staff: Staff, first: date, export_at: float
) -> dict[str, np.ndarray]:
    """Two evaluated calls per agent (four for the agent customers complain about), five criteria each."""
    calls = np.flatnonzero((f["channel"] == "phone") & (f["agent"] >= 0) & (f["ended"] < export_at - 5 * DAY))
    order = calls[np.lexsort((rng.random(len(calls)), f["agent"][calls]))]
    rank = np.arange(len(order)) - np.searchsorted(f["agent"][order], f["agent"][order])
    picked = order[rank < np.where(f["agent"][order] == LOW_CSAT_IDX, 4, 2)]
    names = list(CRITERIA)
    i = np.repeat(picked, len(names))
    crit = np.tile(np.array(names, dtype=object), len(picked))
    a = f["agent"][i]
    offset = np.tile(np.array(list(CRITERIA.values())), len(picked))
    low = a == LOW_CSAT_IDX
    offset = offset + np.where(low & np.isin(crit, ["tone", "empathy", "active listening"]), -28, 0)
    score = np.clip(np.round((staff.qa_base[a] + offset + rng.normal(0, 6, len(i))) / 5) * 5, 0, 100)
    when = np.repeat(f["ended"][picked] + rng.integers(1, 4, len(picked)) * DAY, len(names))
    ev = np.repeat(EVALUATORS[rng.integers(0, 2, len(picked))], len(names))
    return {
        "source": np.full(len(i), SOURCE, dtype=object),
        "source_key": np.array([f"qa-{f['key'][k]}-{c.replace(' ', '_')}" for k, c in zip(i, crit)], dtype=object),
        "contact_ref": f["key"][i],
        "agent_id": staff.ids[a],
        "evaluated_at": to_ts(first, when),
        "criterion": crit,
        "score": score,
        "evaluator": ev,
    }


def _messages(f: dict[str, np.ndarray], first: date) -> dict[str, np.ndarray]:
    """Customer message at creation and agent replies, for answered tickets."""
    mail = np.flatnonzero((f["channel"] == "email") & ~np.isnan(f["first_resp"]))
    multi = mail[(np.array(f["replies"][mail], dtype=float) >= 2) & ~np.isnan(f["solved"][mail])]
    mid = (f["first_resp"][multi] + f["solved"][multi]) / 2
    refs = np.concatenate([f["key"][mail], f["key"][mail], f["key"][multi], f["key"][multi]])
    kind = np.concatenate(
        [
            np.full(len(mail), "customer", object),
            np.full(len(mail), "agent", object),
            np.full(len(multi), "customer", object),
            np.full(len(multi), "agent", object),
        ]
    )
    when = np.concatenate([f["arrived"][mail], f["first_resp"][mail], np.round(mid), f["solved"][multi] - 60])
    return {
        "source": np.full(len(refs), SOURCE, dtype=object),
        "contact_ref": refs,
        "author_kind": kind,
        "sent_at": to_ts(first, when),
    }
