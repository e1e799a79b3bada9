"""The contacts of the demo database, one generator per channel, all vectorised.

Each generator returns a *frame*: a dict of equal-length numpy arrays whose times
are seconds since the first day 00:00 (NaN = no value). Agents are not chosen
here — the caller routes handled contacts to whoever is logged in at ``work_at``
and then applies the agent's own talk/wrap style — so the channel models only
describe the customers' side: when they arrive, how long they are prepared to
wait, how long their problem takes.

The deliberate patterns live in the parameters below (lunchtime waits, the Monday
morning peak, the billing incident that floods the email queue mid-period); they
are named so that a reader of a test failure can find them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kpidesk.core.demo.people import DAY, NULL, QUEUES, SLOT, H

# Relative phone arrivals per hour of an ordinary weekday (open 08:00–19:00).
PHONE_HOURS = {8: 0.45, 9: 1.25, 10: 1.3, 11: 1.05, 12: 0.8, 13: 0.85, 14: 1.05, 15: 1.0, 16: 0.9, 17: 0.75, 18: 0.4}
WEEKDAY_FACTOR = np.array([1.3, 1.05, 0.95, 0.95, 0.9, 0.0, 0.0])
MONDAY_MORNING_BOOST = 1.25  # Monday 09:00–11:00, on top of the Monday factor
LUNCH = (12, 14)
SHORT_ABANDON_SHARE = 0.025
QUEUE_TIMEOUT_S = 300  # then the call flows out to voicemail
TALK_MEDIAN = {"Facturation": 200.0, "Support technique": 290.0, "Commercial": 230.0}
TOPICS = {
    "Facturation": ["Contestation de facture", "Échéancier de paiement", "Remboursement", "Prélèvement rejeté"],
    "Support technique": ["Panne internet", "Configuration box", "Mot de passe", "Débit lent"],
    "Commercial": ["Changement d'offre", "Résiliation", "Nouvel abonnement", "Portabilité"],
}
PRODUCTS = np.array(["Fibre", "Mobile", "Box TV"], dtype=object)


def _slots(days: int, first_wd: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    s = np.arange(days * 96)
    day = s // 96
    return s, day, (first_wd + day) % 7, (s % 96) / 4.0


def _arrivals(rng: np.random.Generator, rate: np.ndarray) -> np.ndarray:
    """Poisson arrivals per quarter-hour slot, uniform within the slot, sorted."""
    counts = rng.poisson(rate)
    t = np.repeat(np.arange(len(rate)) * SLOT, counts) + rng.integers(0, SLOT, counts.sum())
    return np.sort(t).astype(float)


def _weekday_hour(t: np.ndarray, first_wd: int) -> tuple[np.ndarray, np.ndarray]:
    return ((first_wd + (t // DAY).astype(int)) % 7), (t % DAY) / H


def _pick(rng: np.random.Generator, choices: Sequence[str] | np.ndarray, p: list[float] | None, n: int) -> np.ndarray:
    return np.asarray(choices, dtype=object)[rng.choice(len(choices), n, p=p)]


def _topics(rng: np.random.Generator, queue: np.ndarray) -> np.ndarray:
    out = np.empty(len(queue), dtype=object)
    for q, names in TOPICS.items():
        m = queue == q
        out[m] = _pick(rng, names, None, m.sum())
    return out


def _lognormal(rng: np.random.Generator, median: float | np.ndarray, sigma: float, n: int) -> np.ndarray:
    return np.round(median * np.exp(rng.normal(0, sigma, n)))


def _frame(n: int, channel: str) -> dict[str, np.ndarray]:
    nan = np.full(n, np.nan)
    f = {
        k: nan.copy()
        for k in (
            "answered",
            "first_resp",
            "ended",
            "solved",
            "handoff",
            "wait",
            "talk",
            "hold",
            "wrap",
            "handoff_wait",
            "bot_resp",
            "work_at",
        )
    }
    f.update(
        channel=np.full(n, channel, dtype=object),
        outcome=np.full(n, None, dtype=object),
        status=np.full(n, None, dtype=object),
        priority=np.full(n, None, dtype=object),
        transferred=np.zeros(n, bool),
        resolved=np.full(n, None, dtype=object),
        reopened=np.full(n, None, dtype=object),
        replies=np.full(n, None, dtype=object),
    )
    return f


def incident_days(days: int) -> tuple[int, int, int, int]:
    """The billing incident, as day indexes: start, end of the mail surge, end of the
    reduced mail capacity (agents moved to the phones), end of the reinforcement.
    Two weeks of build-up in an eight-week demo; scaled for other lengths."""
    start = int(days * 0.35)
    return start, start + round(days * 10 / 56), start + round(days * 12 / 56), start + round(days * 22 / 56)


def phone(
    rng: np.random.Generator, days: int, first_wd: int, scale: float, incident: tuple[int, ...]
) -> dict[str, np.ndarray]:
    s, day, wd, hour = _slots(days, first_wd)
    h = np.floor(hour).astype(int)
    hourly = np.array([PHONE_HOURS.get(i, 0.0) for i in range(24)])
    rate = hourly[h] * WEEKDAY_FACTOR[wd]
    rate *= np.where((wd == 0) & (h >= 9) & (h < 11), MONDAY_MORNING_BOOST, 1.0)
    rate = np.where((wd == 5) & (h >= 9) & (h < 13), 0.35, rate)  # Saturday morning
    closed = np.where((wd < 5) & (h >= 19) & (h < 21), 0.06, np.where((wd >= 5) & (h >= 10) & (h < 18), 0.03, 0.0))
    rate = np.where(rate > 0, rate, closed)
    week_noise = np.exp(rng.normal(0, 0.04, days // 7 + 2))[(day + first_wd) // 7]
    in_incident = (day >= incident[0]) & (day < incident[2])
    rate *= week_noise * np.where(in_incident, 1.15, 1.0) * 500 * scale / (4 * sum(PHONE_HOURS.values()))
    t = _arrivals(rng, rate)
    n = len(t)
    f = _frame(n, "phone")
    f["arrived"] = t
    cwd, chour = _weekday_hour(t, first_wd)
    inc = (t // DAY >= incident[0]) & (t // DAY < incident[2])
    p_normal, p_incident = [0.42, 0.35, 0.23], [0.55, 0.27, 0.18]
    f["queue"] = np.where(inc, _pick(rng, QUEUES, p_incident, n), _pick(rng, QUEUES, p_normal, n))
    is_open = ((cwd < 5) & (chour >= 8) & (chour < 19)) | ((cwd == 5) & (chour >= 9) & (chour < 13))
    lunch = (chour >= LUNCH[0]) & (chour < LUNCH[1]) & (cwd < 5)
    monam = (cwd == 0) & (chour >= 9) & (chour < 11)
    p_now = np.where(lunch, 0.2, np.where(monam, 0.3, 0.5))
    mean_w = np.where(lunch, 110.0, np.where(monam, 60.0, 38.0))
    need = np.where(rng.random(n) < p_now, rng.integers(2, 9, n), 8 + np.round(rng.exponential(mean_w)))
    patience = np.round(rng.exponential(420.0, n)) + 1
    short = rng.random(n) < SHORT_ABANDON_SHARE
    patience = np.where(short, rng.integers(1, 5, n), patience)
    abandoned = is_open & (short | (patience < need))
    flowout = ~is_open | (~abandoned & (need > QUEUE_TIMEOUT_S))
    answered = ~abandoned & ~flowout
    f["outcome"] = np.where(answered, "answered", np.where(abandoned, "abandoned", "flowout")).astype(object)
    f["wait"] = np.where(
        abandoned, patience, np.where(is_open, np.minimum(need, QUEUE_TIMEOUT_S), rng.integers(10, 26, n))
    )
    f["answered"] = np.where(answered, t + f["wait"], np.nan)
    f["ended"] = np.where(answered, np.nan, t + f["wait"])  # answered: set once talk is known
    f["work_at"] = f["answered"]
    median = np.select([f["queue"] == q for q in TALK_MEDIAN], list(TALK_MEDIAN.values()))
    f["talk"] = np.where(answered, np.maximum(20, _lognormal(rng, median, 0.55, n)), np.nan)
    f["hold"] = np.where(answered, np.where(rng.random(n) < 0.25, 10 + np.round(rng.exponential(60, n)), 0.0), np.nan)
    f["wrap"] = np.where(answered, np.maximum(5, _lognormal(rng, 35.0, 0.45, n)), np.nan)
    p_transfer = np.where(f["queue"] == "Support technique", 0.08, 0.05)
    f["transferred"] = answered & (rng.random(n) < p_transfer)
    res = rng.random(n) < np.where(f["transferred"], 0.7, 0.86)
    f["resolved"] = np.where(answered, res, NULL).astype(object)
    f["skill"] = f["queue"]
    return f


def email(
    rng: np.random.Generator, days: int, first_wd: int, scale: float, incident: tuple[int, ...]
) -> dict[str, np.ndarray]:
    """Tickets, and their replies computed as a first-in-first-out queue.

    The team answers at a capacity per working minute; ticket k is replied when the
    cumulative capacity reaches k (Lindley's recursion in cumulative form, one
    ``maximum.accumulate``). During the billing incident arrivals jump and capacity
    drops, so the backlog builds for two weeks; a reinforcement then clears it.
    """
    s, day, wd, hour = _slots(days, first_wd)
    daytime = np.clip(1.0 - np.abs(hour - 13.0) / 9.0, 0.08, 1.0)
    rate = daytime * np.where(wd < 5, 1.0, 0.3)
    rate *= 5.0 * scale * 25 / daytime[:96].sum()
    surge = (day >= incident[0]) & (day < incident[1])
    t = _arrivals(rng, rate * np.where(surge, 1.5, 1.0))
    n = len(t)
    f = _frame(n, "email")
    f["arrived"] = t
    inc = (t // DAY >= incident[0]) & (t // DAY < incident[1])
    f["queue"] = np.where(inc, _pick(rng, QUEUES, [0.6, 0.25, 0.15], n), _pick(rng, QUEUES, [0.4, 0.35, 0.25], n))
    # Capacity per minute: weekdays 09:00–18:00, enough to clear a weekend's mail by Monday.
    minutes = np.arange((days + 40) * 1440)
    mday, mwd, mhour = minutes // 1440, (first_wd + minutes // 1440) % 7, (minutes % 1440) / 60
    working = (mwd < 5) & (mhour >= 9) & (mhour < 18)
    weekly = rate[: 7 * 96].sum() if days >= 7 else rate.sum() * 7 / max(days, 1)
    cap = working * 1.6 * weekly / 5 / 540
    cap *= np.where((mday >= incident[0]) & (mday < incident[2]), 0.65, 1.0)
    cap *= np.where((mday >= incident[2]) & (mday < incident[3]), 1.15, 1.0)
    cum = np.cumsum(cap)
    ready = t + np.round(rng.lognormal(np.log(40 * 60), 0.8, n))  # triage before work starts
    order = np.argsort(ready, kind="stable")
    r = ready[order]
    at_ready = cum[np.minimum((r // 60).astype(int), len(cum) - 1)]
    k = np.arange(n)
    need = np.maximum.accumulate(at_ready - k) + k + 1
    minute = np.searchsorted(cum, need)
    done = np.full(n, np.nan)
    done[order] = np.where(minute < len(cum), np.maximum(r, minute * 60.0 + rng.integers(0, 60, n)), np.nan)
    f["first_resp"] = done
    f["work_at"] = done
    f["talk"] = np.where(np.isnan(done), np.nan, np.maximum(60, _lognormal(rng, 330.0, 0.5, n)))
    # After the first reply: most are solved at once, some need the customer back.
    u = rng.random(n)
    later = np.round(rng.lognormal(np.log(1.5 * DAY), 0.6, n))
    f["solved"] = np.where(u < 0.62, done + rng.integers(60, 1800, n), done + later)
    f["replies"] = np.where(u < 0.62, 1, 2 + rng.poisson(0.6, n)).astype(object)
    f["talk"] = f["talk"] * np.where(u < 0.62, 1.0, 1.6)
    f["reopened"] = np.where(~np.isnan(f["solved"]), rng.random(n) < 0.04, NULL).astype(object)
    f["priority"] = np.where(rng.random(n) < 0.08, "high", "normal").astype(object)
    f["skill"] = np.full(n, "email", dtype=object)
    return f


def chat(rng: np.random.Generator, days: int, first_wd: int, scale: float) -> dict[str, np.ndarray]:
    """Customers who clicked "parler à un conseiller" (weekdays 09:00–18:00)."""
    s, day, wd, hour = _slots(days, first_wd)
    rate = np.where((wd < 5) & (hour >= 9) & (hour < 18), 1.0, 0.0) * 2.2 * scale * 25 / 36
    t = _arrivals(rng, rate)
    n = len(t)
    f = _frame(n, "chat")
    f["arrived"] = t
    f["queue"] = _pick(rng, QUEUES[1:], [0.6, 0.4], n)
    need = np.round(rng.lognormal(np.log(40), 0.7, n))
    patience = np.round(rng.exponential(600, n)) + 5
    ok = patience >= need
    f["wait"] = np.where(ok, need, patience)
    f["answered"] = np.where(ok, t + need, np.nan)
    f["first_resp"] = f["answered"]
    f["work_at"] = f["answered"]
    f["outcome"] = np.where(ok, "answered", "abandoned").astype(object)
    f["talk"] = np.where(ok, np.maximum(60, _lognormal(rng, 420.0, 0.5, n)), np.nan)
    f["wrap"] = np.where(ok, np.maximum(5, _lognormal(rng, 30.0, 0.4, n)), np.nan)
    f["ended"] = np.where(ok, np.nan, t + patience)
    f["resolved"] = np.where(ok, rng.random(n) < 0.82, NULL).astype(object)
    f["skill"] = np.full(n, "chat", dtype=object)
    return f


def bot(rng: np.random.Generator, days: int, first_wd: int, scale: float) -> dict[str, np.ndarray]:
    """Virtual-assistant conversations, around the clock; hand-offs only when advisers work."""
    s, day, wd, hour = _slots(days, first_wd)
    rate = np.clip(1.0 - np.abs(hour - 14.0) / 10.0, 0.05, 1.0) * np.where(wd < 5, 1.0, 0.6)
    rate *= 5.0 * scale * 25 / rate[:96].sum()
    t = _arrivals(rng, rate)
    n = len(t)
    f = _frame(n, "bot")
    f["arrived"] = t
    f["queue"] = _pick(rng, QUEUES, [0.3, 0.45, 0.25], n)
    cwd, chour = _weekday_hour(t, first_wd)
    staffed = (cwd < 5) & (chour >= 9) & (chour < 17.75)
    u = rng.random(n)
    contained = np.where(staffed, u < 0.45, u < 0.85)
    handoff = staffed & ~contained & (u < 0.93)
    abandoned = ~contained & ~handoff
    f["bot_resp"] = rng.integers(1, 5, n).astype(float)
    dur = np.round(rng.lognormal(np.log(120), 0.6, n))
    f["outcome"] = np.where(contained, "contained", np.where(handoff, "handoff", "abandoned")).astype(object)
    f["handoff"] = np.where(contained, np.nan, t + dur)
    hw = np.round(rng.lognormal(np.log(50), 0.7, n))
    f["handoff_wait"] = np.where(handoff, hw, np.nan)
    f["wait"] = np.where(handoff, hw, np.where(abandoned, np.round(rng.exponential(90, n)) + 5, np.nan))
    f["answered"] = np.where(handoff, f["handoff"] + hw, np.nan)
    f["work_at"] = f["answered"]
    f["talk"] = np.where(handoff, np.maximum(60, _lognormal(rng, 360.0, 0.5, n)), np.nan)
    f["wrap"] = np.where(handoff, np.maximum(5, _lognormal(rng, 30.0, 0.4, n)), np.nan)
    f["ended"] = np.where(contained, t + dur, np.where(abandoned, f["handoff"] + f["wait"], np.nan))
    fixed = rng.random(n) < np.where(contained, 0.9, 0.8)
    f["resolved"] = np.where(contained | handoff, fixed, NULL).astype(object)
    f["skill"] = np.full(n, "chat", dtype=object)
    return f


def concat(frames: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    keys = frames[0].keys()
    return {k: np.concatenate([f[k] for f in frames]) for k in keys}


def decorate(rng: np.random.Generator, f: dict[str, np.ndarray]) -> None:
    """Topic and product for every contact (they only depend on the queue)."""
    f["topic"] = _topics(rng, f["queue"])
    f["product"] = _pick(rng, PRODUCTS, [0.5, 0.3, 0.2], len(f["queue"]))
