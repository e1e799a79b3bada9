"""The people of the demo database: agents, customers, and the agents' working days.

Kept apart from the contact generator because the roster is what makes the
productivity KPIs believable: calls are only given to agents who are logged in and
not on a break, lunches are staggered around 12:00–14:00 (which is *why* the demo's
lunchtime abandon rate is high), and the "Back-office" pauses are sized afterwards so
that occupancy lands where real centres sit (0.75–0.85) instead of wherever the random
draws fell. Everything is numpy arrays; times are seconds since the first day 00:00.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

import numpy as np

SLOT = 900  # a quarter of an hour, the roster's resolution
DAY = 86400
H = 3600
# "No value" in np.where: numpy's stubs read a literal None there as an argument left out.
NULL = np.array(None, dtype=object)

QUEUES = ("Facturation", "Support technique", "Commercial")
TEAMS = (("Équipe Lyon", "Lyon", False), ("Équipe Rabat", "Outsourcer Rabat", True))
# Index in the agent list of the agents who carry a coaching pattern (A07, A12).
LONG_WRAP_IDX, LOW_CSAT_IDX = 6, 11

_FIRST_FR = [
    "Camille",
    "Julien",
    "Léa",
    "Thomas",
    "Manon",
    "Nicolas",
    "Chloé",
    "Maxime",
    "Sarah",
    "Antoine",
    "Emma",
    "Hugo",
    "Inès",
    "Lucas",
    "Pauline",
    "Romain",
    "Clara",
    "Mathieu",
    "Élodie",
    "Quentin",
    "Margaux",
    "Baptiste",
    "Anaïs",
    "Florian",
]
_LAST_FR = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "Roux",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Chevalier",
    "Mercier",
]
_FIRST_MA = [
    "Yasmine",
    "Karim",
    "Salma",
    "Mehdi",
    "Imane",
    "Youssef",
    "Nadia",
    "Omar",
    "Sofia",
    "Amine",
    "Leïla",
    "Hamza",
    "Rania",
    "Anas",
    "Meryem",
    "Ilyas",
]
_LAST_MA = [
    "Benali",
    "El Idrissi",
    "Alaoui",
    "Bennani",
    "Tazi",
    "Chraibi",
    "Berrada",
    "El Amrani",
    "Lahlou",
    "Sqalli",
    "Fassi",
    "Kettani",
    "Ouazzani",
    "Bouzidi",
]
_DOMAINS = ["exemple.fr", "courriel.example", "mail.example", "fai.example"]


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "").replace("'", "")


def _names(rng: np.random.Generator, firsts: list[str], lasts: list[str], n: int) -> list[str]:
    picks = rng.permutation(len(firsts) * len(lasts))[:n]
    return [f"{firsts[i % len(firsts)]} {lasts[i // len(firsts)]}" for i in picks]


@dataclass
class Staff:
    """One entry per agent; the multipliers are each agent's personal style."""

    ids: np.ndarray
    names: list[str]
    team: np.ndarray
    site: np.ndarray
    outsourced: np.ndarray
    skill: dict[str, np.ndarray]  # phone queue / "email" / "chat" -> routing weight per agent
    talk_mult: np.ndarray
    wrap_mult: np.ndarray
    csat_p: np.ndarray  # probability that a respondent is satisfied (4–5)
    qa_base: np.ndarray
    occ_target: np.ndarray

    @property
    def n(self) -> int:
        return len(self.ids)


def make_staff(rng: np.random.Generator, n: int) -> Staff:
    n_lyon = max(LOW_CSAT_IDX + 1, int(round(n * 0.6)))
    lyon = np.arange(n) < n_lyon
    names = _names(rng, _FIRST_FR, _LAST_FR, n_lyon) + _names(rng, _FIRST_MA, _LAST_MA, n - n_lyon)
    team = np.where(lyon, TEAMS[0][0], TEAMS[1][0]).astype(object)
    site = np.where(lyon, TEAMS[0][1], TEAMS[1][1]).astype(object)
    # Rabat (outsourced) takes calls only, mostly billing and sales; Lyon also mail and chat.
    skill = {
        "Facturation": np.where(lyon, 0.8, 1.3),
        "Support technique": np.where(lyon, 1.0, 0.6),
        "Commercial": np.where(lyon, 0.7, 1.2),
        "email": np.where(lyon, 1.0, 0.0),
        "chat": np.where(lyon, 1.0, 0.0),
    }
    talk = np.exp(rng.normal(0, 0.1, n))
    wrap = np.exp(rng.normal(0, 0.15, n))
    csat = rng.uniform(0.8, 0.93, n)
    qa = rng.normal(80, 5, n)
    # The two coaching stories a team lead should find in the demo.
    wrap[LONG_WRAP_IDX] = 4.0
    for key in ("Facturation", "Support technique", "Commercial"):
        skill[key][LONG_WRAP_IDX] *= 0.7  # busy in wrap-up, so the ACD offers fewer calls
    talk[LOW_CSAT_IDX] = 0.72
    csat[LOW_CSAT_IDX] = 0.42
    qa[LOW_CSAT_IDX] = 80.0  # a solid agent on paper: the gap is in tone and empathy
    return Staff(
        ids=np.array([f"A{i + 1:02d}" for i in range(n)], dtype=object),
        names=names,
        team=team,
        site=site,
        outsourced=~lyon,
        skill=skill,
        talk_mult=talk,
        wrap_mult=wrap,
        csat_p=csat,
        qa_base=qa,
        occ_target=rng.uniform(0.76, 0.84, n),
    )


def make_customers(rng: np.random.Generator, n: int, days: int) -> dict[str, np.ndarray]:
    """Customers with a start day (negative: before the period) and maybe an end day.

    About 10 % join during the period and 4 % leave, so retention and churn are not
    trivially 100 % / 0 %.
    """
    firsts, lasts = _FIRST_FR + _FIRST_MA[:6], _LAST_FR + _LAST_MA[:6]
    fi = rng.integers(0, len(firsts), n)
    la = rng.integers(0, len(lasts), n)
    names = [f"{firsts[a]} {lasts[b]}" for a, b in zip(fi, la)]
    dom = rng.integers(0, len(_DOMAINS), n)
    emails = [
        f"{ascii_slug(firsts[a])}.{ascii_slug(lasts[b])}{k % 97}@{_DOMAINS[d]}"
        for k, (a, b, d) in enumerate(zip(fi, la, dom))
    ]
    digits = rng.integers(0, 100, (n, 4))
    pref = rng.choice([6, 7], n, p=[0.8, 0.2])
    phones = [f"0{p} {d[0]:02d} {d[1]:02d} {d[2]:02d} {d[3]:02d}" for p, d in zip(pref, digits)]
    new = rng.random(n) < 0.10
    start = np.where(new, rng.integers(0, days, n), -rng.integers(30, 3000, n))
    lost = rng.random(n) < 0.04
    end = np.where(lost, rng.integers(0, days, n), 10**6)
    end = np.where(lost & (end <= start), np.minimum(start + 7, days - 1), end)
    purchases = 1 + rng.poisson(np.where(new, 0.3, 1.1))
    return {
        "ids": np.array([f"C{i + 1:06d}" for i in range(n)], dtype=object),
        "name": np.array(names, dtype=object),
        "email": np.array(emails, dtype=object),
        "phone": np.array(phones, dtype=object),
        "start": start,
        "end": end,
        "purchases": purchases,
    }


@dataclass
class Roster:
    """One row per scheduled agent-day, plus the pauses and a slot availability grid."""

    agent: np.ndarray
    day: np.ndarray
    start: np.ndarray  # scheduled (paid) start, seconds
    length: np.ndarray  # scheduled duration, seconds
    login: np.ndarray  # NaN when the agent was off sick
    logout: np.ndarray
    pauses: dict[str, np.ndarray] = field(default_factory=dict)
    avail: np.ndarray | None = None  # bool [agents, slots]: logged in and not paused


_STARTS_H = np.array([8.0, 8.5, 9.0, 9.5, 10.0, 11.0])


def make_roster(rng: np.random.Generator, staff: Staff, first_day: date, days: int) -> Roster:
    n = staff.n
    grid_a, grid_d = np.meshgrid(np.arange(n), np.arange(days), indexing="ij")
    a, d = grid_a.ravel(), grid_d.ravel()
    wd = (first_day.weekday() + d) % 7
    week = (d + first_day.weekday()) // 7
    # Part-timers (80 %): off on Wednesdays, as many French parents are, or on Fridays.
    off_day = np.select([np.arange(n) % 5 == 3, np.arange(n) % 5 == 4], [2, 4], -1)[a]
    holiday_week = np.where(rng.random(n) < 0.25, rng.integers(0, max(1, days // 7), n), -1)[a]
    weekday_on = (wd < 5) & (wd != off_day) & (week != holiday_week)
    saturday_on = (wd == 5) & ((a + week) % max(2, -(-n // 4)) == 0)
    keep = weekday_on | saturday_on
    a, d, wd, week, sat = a[keep], d[keep], wd[keep], week[keep], saturday_on[keep]
    start_h = np.where(sat, 9.0, _STARTS_H[(a + week) % len(_STARTS_H)])
    start = d * DAY + start_h * H
    length = np.where(sat, 4 * H, 8 * H)
    m = len(a)
    present = rng.random(m) >= 0.035
    login = np.where(present, start + rng.integers(-60, 300, m), np.nan)
    logout = np.where(present, start + length + rng.integers(-120, 420, m), np.nan)
    # Pauses: lunch (weekdays), a break in the morning and one in the afternoon.
    lunch_h = np.minimum(start_h + 4.0, 14.0)
    rows = [
        (~sat, d * DAY + lunch_h * H + rng.integers(0, 180, m), rng.integers(50 * 60, 62 * 60, m), "Déjeuner"),
        (np.ones(m, bool), start + 2 * H + rng.integers(0, 600, m), rng.integers(12 * 60, 17 * 60, m), "Pause"),
        (~sat, d * DAY + (lunch_h + 3) * H + rng.integers(0, 600, m), rng.integers(12 * 60, 17 * 60, m), "Pause"),
    ]
    shift = np.concatenate([np.flatnonzero(ok & present) for ok, *_ in rows])
    pauses = {
        "shift": shift,
        "start": np.concatenate([s[ok & present] for ok, s, *_ in rows]).astype(float),
        "dur": np.concatenate([u[ok & present] for ok, _, u, _ in rows]).astype(float),
        "reason": np.concatenate([np.full((ok & present).sum(), r, object) for ok, _, _, r in rows]),
    }
    roster = Roster(a, d, start, length, login, logout, pauses)
    roster.avail = availability(roster, n, days)
    return roster


def availability(roster: Roster, n_agents: int, days: int) -> np.ndarray:
    """Slots where each agent is logged in and not paused (a slot touched by a pause is lost)."""
    n_slots = days * 96
    grid = np.zeros((n_agents, n_slots + 2), np.int32)
    on = ~np.isnan(roster.login)
    ag = roster.agent[on]
    np.add.at(grid, (ag, np.ceil(roster.login[on] / SLOT).astype(int)), 1)
    np.add.at(grid, (ag, np.floor(roster.logout[on] / SLOT).astype(int)), -1)
    p = roster.pauses
    pa = roster.agent[p["shift"]]
    np.add.at(grid, (pa, np.floor(p["start"] / SLOT).astype(int)), -1)
    np.add.at(grid, (pa, np.ceil((p["start"] + p["dur"]) / SLOT).astype(int)), 1)
    return np.cumsum(grid, axis=1)[:, :n_slots] > 0


def shift_of(roster: Roster, agent: np.ndarray, t: np.ndarray, days: int) -> np.ndarray:
    """Index of the roster row of (agent, day of t); -1 if the agent had no shift that day."""
    lookup = np.full((int(roster.agent.max(initial=0)) + 1, days), -1)
    lookup[roster.agent, roster.day] = np.arange(len(roster.agent))
    day = np.clip((t // DAY).astype(int), 0, days - 1)
    rows: np.ndarray = lookup[agent, day]
    return rows


def add_backoffice(
    rng: np.random.Generator, roster: Roster, staff: Staff, handle: np.ndarray, load: np.ndarray
) -> None:
    """Give each worked shift a back-office pause so its occupancy meets the agent's target.

    ``handle`` is the handle time per roster row, ``load`` the handle time per
    [agent, slot]. The pause goes where the agent's own load is lowest, so few
    contacts fall inside it (those are re-routed by the caller).
    """
    assert roster.avail is not None  # make_roster always builds the grid
    on = ~np.isnan(roster.login)
    paused = np.bincount(roster.pauses["shift"], roster.pauses["dur"], len(roster.agent))
    free = np.where(on, roster.logout - roster.login - paused, 0.0)
    target = np.clip(staff.occ_target[roster.agent] + rng.normal(0, 0.03, len(free)), 0.7, 0.9)
    need = np.where(on, free - handle / target, 0.0)
    rows, starts, durs = [], [], []
    for i in np.flatnonzero(need >= SLOT):
        k = int(np.ceil(need[i] / SLOT))
        s0, s1 = int(np.ceil(roster.login[i] / SLOT)), int(np.floor(roster.logout[i] / SLOT))
        free_slots = roster.avail[roster.agent[i], s0:s1]
        if free_slots.sum() <= k:
            continue
        # The quietest quarter-hours, smoothed so the pause comes in a few blocks.
        quiet = np.convolve(load[roster.agent[i], s0:s1], np.ones(5), "same") + rng.random(s1 - s0)
        chosen = np.zeros(s1 - s0, bool)
        chosen[np.argsort(np.where(free_slots, quiet, np.inf), kind="stable")[:k]] = True
        edges = np.diff(np.concatenate([[0], chosen.view(np.int8), [0]]))
        run_start, run_end = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        run_dur = (run_end - run_start) * float(SLOT)
        run_dur[-1] -= k * SLOT - need[i] // 60 * 60  # trim to whole minutes of need
        keep = run_dur >= 60
        rows += [i] * int(keep.sum())
        starts += list((s0 + run_start[keep]) * float(SLOT))
        durs += list(run_dur[keep])
    if not rows:
        return
    dur_s = np.array(durs)
    p = roster.pauses
    roster.pauses = {
        "shift": np.concatenate([p["shift"], rows]),
        "start": np.concatenate([p["start"], starts]),
        "dur": np.concatenate([p["dur"], dur_s]),
        "reason": np.concatenate([p["reason"], np.where(dur_s > 100 * 60, "Formation", "Back-office").astype(object)]),
    }
    roster.avail = availability(roster, staff.n, roster.avail.shape[1] // 96)


def to_ts(first: date, secs: np.ndarray) -> np.ndarray:
    """Seconds since ``first`` 00:00 → naive local timestamps (NaN → NULL)."""
    ok = ~np.isnan(secs)
    out = np.full(len(secs), np.datetime64("NaT"), dtype="datetime64[s]")
    out[ok] = np.datetime64(first, "s") + secs[ok].astype(np.int64).astype("timedelta64[s]")
    return out


def day_ts(first: date, offsets: np.ndarray) -> np.ndarray:
    return np.datetime64(first, "s") + (offsets.astype(np.int64) * DAY).astype("timedelta64[s]")


def obj(values: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    out = np.asarray(values, dtype=object).copy()
    if mask is not None:
        out[~mask] = None
    return out
