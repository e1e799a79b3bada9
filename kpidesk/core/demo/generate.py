"""A realistic, seeded demo database: eight weeks of a French customer-service centre.

Why: a team lead trying kpidesk has no exports at hand, and the developers need data
on which every KPI and every chart shows something worth seeing. The demo is written
straight into the canonical tables (``source = 'demo'``), so it goes through the same
KPI queries as real imports.

It is deterministic: the same ``seed``, ``days``, ``agents`` and ``end`` give the same
database, whatever today's date (``end`` defaults to a fixed Friday). Everything is
generated as numpy arrays and inserted by DuckDB scanning them, in one transaction.

The data carries patterns a team lead should find (each one is asserted by
``tests/core/test_demo.py``): a lunchtime abandon spike, a Monday-morning peak,
out-of-hours calls (evenings, Saturday mornings), one agent with a very long wrap-up
and one with the lowest CSAT but a short handle time (see ``PATTERN_AGENTS``), repeat
callers, an email backlog that builds for two weeks mid-period and then recovers,
short abandons, flow-outs, transfers, holds and a bot with ~60 % containment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from kpidesk.core.db import contact_tables, derive
from kpidesk.core.db.store import Store
from kpidesk.core.demo import contacts as dc
from kpidesk.core.demo import feedback as fb
from kpidesk.core.demo.people import (
    DAY,
    LONG_WRAP_IDX,
    LOW_CSAT_IDX,
    NULL,
    SLOT,
    Roster,
    Staff,
    add_backoffice,
    day_ts,
    make_customers,
    make_roster,
    make_staff,
    obj,
    shift_of,
    to_ts,
)

SOURCE = "demo"
DEFAULT_END = date(2026, 11, 20)  # a Friday; fixed so the demo does not depend on today
PATTERN_AGENTS = {"long_wrap": f"A{LONG_WRAP_IDX + 1:02d}", "low_csat_good_aht": f"A{LOW_CSAT_IDX + 1:02d}"}
KEY_PREFIX = {"phone": "call", "email": "mail", "chat": "chat", "bot": "bot"}
TIME_FIELDS = ("arrived", "answered", "first_resp", "ended", "solved", "handoff")


class DemoError(ValueError):
    """The demo cannot be built with these arguments or into this database."""


def check_size(days: int, agents: int) -> None:
    """Sizes the patterns survive: two weeks for the backlog story; A12 plus an outsourced team."""
    if not 14 <= days <= 366:
        raise DemoError("The demo needs between 14 and 366 days.")
    if not 15 <= agents <= 500:
        raise DemoError("The demo needs between 15 and 500 agents.")


def build_demo(
    store: Store,
    seed: int = 7,
    days: int = 56,
    agents: int = 25,
    end: date | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> dict[str, int]:
    """Write the demo into ``store`` in one transaction; return the rows added per table.

    ``progress(fraction, message)`` is called a few times if given.
    """
    check_size(days, agents)
    if store.cursor().execute("SELECT count(*) FROM contacts WHERE source = ?", [SOURCE]).fetchall()[0][0]:
        raise DemoError("This database already holds demo data; build the demo into a new file.")
    report = progress or (lambda fraction, message: None)
    end = end or DEFAULT_END
    first = end - timedelta(days=days - 1)
    fwd = first.weekday()
    rng = np.random.default_rng(seed)
    scale = agents / 25

    report(0.05, "Agents and rosters")
    staff = make_staff(rng, agents)
    roster = make_roster(rng, staff, first, days)
    customers = make_customers(rng, 2400 * agents, days)

    report(0.2, "Contacts")
    incident = dc.incident_days(days)
    f = dc.concat(
        [
            dc.phone(rng, days, fwd, scale, incident),
            dc.email(rng, days, fwd, scale, incident),
            dc.chat(rng, days, fwd, scale),
            dc.bot(rng, days, fwd, scale),
        ]
    )
    order = np.argsort(f["arrived"], kind="stable")
    f = {k: v[order] for k, v in f.items()}
    dc.decorate(rng, f)
    _close_tickets(f, days * DAY)

    report(0.4, "Routing to agents")
    _route_all(rng, f, staff, roster, days)
    _link_customers(rng, f, customers, days)

    report(0.6, "Surveys and evaluations")
    _keys(f)
    feedback = fb.feedback(rng, f, staff, customers, first, days * DAY)
    tables = _tables(f, staff, roster, customers, first)
    tables.update(feedback)

    report(0.8, "Writing the database")
    with store.write() as cur:
        # (not derive.next_contact_id: its fetchone() leaves the result open, and DuckDB 2
        # then refuses register() on this cursor)
        base = cur.execute("SELECT coalesce(max(contact_id), 0) + 1 FROM contacts").fetchall()[0][0]
        tables["contacts"]["contact_id"] = base + np.arange(len(f["arrived"]), dtype=np.int64)
        for table, cols in tables.items():
            name = f"demo_rows_{table}"
            cur.register(name, cols)
            into = contact_tables.MAIN if table == contact_tables.VIEW else table
            cur.execute(f"INSERT INTO {into} BY NAME SELECT * FROM {name}")
            cur.unregister(name)
        cur.execute(
            "INSERT INTO settings SELECT 'data_timezone', '\"Europe/Paris\"' "
            "WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'data_timezone')"
        )
        derive.refresh(cur)
    report(1.0, "Done")
    return {t: len(next(iter(c.values()))) for t, c in tables.items()}


def _close_tickets(f: dict[str, np.ndarray], export_at: float) -> None:
    """The demo is an export taken at midnight after ``end``: later events are unknown."""
    for k in TIME_FIELDS:
        f[k] = np.where(f[k] > export_at, np.nan, f[k])
    mail = f["channel"] == "email"
    replied, solved = ~np.isnan(f["first_resp"]), ~np.isnan(f["solved"])
    f["solved"] = np.where(mail & ~replied, np.nan, f["solved"])
    solved &= replied
    f["work_at"] = np.where(mail & ~replied, np.nan, f["work_at"])
    f["talk"] = np.where(mail & ~replied, np.nan, f["talk"])
    f["replies"] = np.where(mail & ~replied, 0, f["replies"])
    f["reopened"] = np.where(mail & ~solved, NULL, f["reopened"])
    f["outcome"] = np.where(mail, np.where(replied, "handled", NULL), f["outcome"])
    f["status"] = np.where(
        mail, np.where(solved, "solved", np.where(replied, np.where(f["replies"] == 1, "open", "pending"), "new")), NULL
    ).astype(object)
    f["resolved"] = np.where(mail, solved, f["resolved"]).astype(object)
    f["ended"] = np.where(mail, f["solved"], f["ended"])


def _route(
    rng: np.random.Generator,
    f: dict[str, np.ndarray],
    idx: np.ndarray,
    staff: Staff,
    avail: np.ndarray,
    boost: np.ndarray,
) -> np.ndarray:
    """Pick, for each contact in ``idx``, an agent with the skill who is available then.

    Random choice weighted by skill (Gumbel-max trick, one matrix for all contacts);
    when nobody is available the skill weights alone decide. ``boost`` stands for
    the ACD's preference for idle agents (see ``_route_all``).
    """
    weights = np.zeros((len(idx), staff.n))
    skill = f["skill"][idx]
    for key, w in staff.skill.items():
        weights[skill == key] = w * boost
    slot = np.clip((f["work_at"][idx] // SLOT).astype(int), 0, avail.shape[1] - 1)
    ok = avail[:, slot].T & (weights > 0)
    with np.errstate(divide="ignore"):
        base = np.log(weights) + rng.gumbel(size=weights.shape)
    pick: np.ndarray = np.where(ok, base, -np.inf).argmax(axis=1)
    nobody = ~ok.any(axis=1)
    pick[nobody] = base[nobody].argmax(axis=1)
    return pick


def _apply_style(f: dict[str, np.ndarray], staff: Staff, handled: np.ndarray) -> np.ndarray:
    """Durations that depend on the agent; returns the handle time of every contact."""
    a = np.where(handled, f["agent"], 0)
    f["talk"] = np.where(handled, np.round(f["talk_base"] * staff.talk_mult[a]), f["talk_base"])
    f["wrap"] = np.where(handled, np.round(f["wrap_base"] * staff.wrap_mult[a]), f["wrap_base"])
    live = handled & (f["channel"] != "email")
    f["ended"] = np.where(live, f["answered"] + f["talk"] + np.nan_to_num(f["hold"]), f["ended"])
    return np.where(handled, f["talk"] + np.nan_to_num(f["hold"]) + np.nan_to_num(f["wrap"]), 0.0)


def _route_all(rng: np.random.Generator, f: dict[str, np.ndarray], staff: Staff, roster: Roster, days: int) -> None:
    """Route, size the back-office pauses from the resulting load, re-route what they hit.

    A real ACD offers the next call to the agent idle longest, which evens out the
    load; random routing does not, so it is repeated with each agent's weight scaled
    by how under-loaded they were (Lyon also answers mail and chat, Rabat does not).
    """
    assert roster.avail is not None  # make_roster always builds the grid
    f["talk_base"], f["wrap_base"] = f["talk"].copy(), f["wrap"].copy()
    handled = ~np.isnan(f["work_at"])
    idx = np.flatnonzero(handled)
    f["agent"] = np.full(len(handled), -1)
    boost = np.ones(staff.n)
    available = np.maximum(roster.avail.sum(axis=1) * SLOT, 1.0)
    for _ in range(4):
        f["agent"][idx] = _route(rng, f, idx, staff, roster.avail, boost)
        handle = _apply_style(f, staff, handled)
        ratio = np.bincount(f["agent"][idx], handle[idx], staff.n) / available
        boost *= ratio.mean() / np.maximum(ratio, 1e-3 * ratio.mean())
    n_slots = roster.avail.shape[1]
    slot = np.clip((f["work_at"][idx] // SLOT).astype(int), 0, n_slots - 1)
    load = np.bincount(f["agent"][idx] * n_slots + slot, handle[idx], staff.n * n_slots).reshape(staff.n, n_slots)
    shift = shift_of(roster, f["agent"][idx], f["work_at"][idx], days)
    per_shift = np.bincount(shift[shift >= 0], handle[idx][shift >= 0], len(roster.agent))
    add_backoffice(rng, roster, staff, per_shift, load)
    clash = idx[~roster.avail[f["agent"][idx], slot]]
    f["agent"][clash] = _route(rng, f, clash, staff, roster.avail, boost)
    _apply_style(f, staff, handled)


def _link_customers(
    rng: np.random.Generator, f: dict[str, np.ndarray], customers: dict[str, np.ndarray], days: int
) -> None:
    """Known customers on most contacts, plus repeat contacts about the same problem.

    A share of contacts are follow-ups: they get the customer of an earlier handled
    contact from the previous six days, whose ``resolved`` flag becomes false.
    """
    n = len(f["arrived"])
    known = rng.random(n) < np.select(
        [f["channel"] == "phone", f["channel"] == "email", f["channel"] == "chat"], [0.9, 0.97, 0.85], 0.55
    )
    day = (f["arrived"] // DAY).astype(int)
    cust = rng.integers(0, len(customers["ids"]), n)
    steady = np.flatnonzero((customers["start"] < 0) & (customers["end"] >= days))
    bad = (customers["start"][cust] > day) | (customers["end"][cust] < day)
    cust[bad] = steady[rng.integers(0, len(steady), bad.sum())]
    handled = ~np.isnan(f["work_at"])
    follow = known & (rng.random(n) < 0.05) & (f["channel"] != "bot")
    origins = np.flatnonzero(handled & known & ~follow)  # sorted by arrival, like f
    t0 = f["arrived"][origins]
    lo = np.searchsorted(t0, f["arrived"] - 6 * DAY)
    hi = np.searchsorted(t0, f["arrived"] - 2 * 3600)
    follow &= hi > lo
    pick = origins[(lo + np.floor(rng.random(n) * (hi - lo))).astype(int)[follow]]
    cust[follow] = cust[pick]
    f["resolved"][pick] = np.where(f["resolved"][pick] == None, NULL, False)  # noqa: E711
    f["customer"] = np.where(known, cust, -1)


def _keys(f: dict[str, np.ndarray]) -> None:
    """Stable natural keys, numbered per channel in arrival order: call-000001…"""
    seq = np.zeros(len(f["channel"]), dtype=np.int64)
    for ch in KEY_PREFIX:
        m = f["channel"] == ch
        seq[m] = np.arange(1, m.sum() + 1)
    f["key"] = np.array([f"{KEY_PREFIX[c]}-{s:06d}" for c, s in zip(f["channel"], seq)], dtype=object)


def _tables(
    f: dict[str, np.ndarray], staff: Staff, roster: Roster, customers: dict[str, np.ndarray], first: date
) -> dict[str, dict[str, np.ndarray]]:
    n = len(f["arrived"])
    agent, cust = f["agent"], f["customer"]
    has_agent = agent >= 0
    contacts = {
        "source": np.full(n, SOURCE, dtype=object),
        "source_key": f["key"],
        "channel": f["channel"],
        "direction": np.full(n, "inbound", dtype=object),
        "queue": f["queue"],
        "agent_id": obj(staff.ids[np.maximum(agent, 0)], has_agent),
        "customer_id": obj(customers["ids"][np.maximum(cust, 0)], cust >= 0),
        "topic": f["topic"],
        "product": f["product"],
        "site": obj(staff.site[np.maximum(agent, 0)], has_agent),
        "priority": f["priority"],
        "status": f["status"],
        "outcome": f["outcome"],
        "wait_s": f["wait"],
        "talk_s": f["talk"],
        "hold_s": f["hold"],
        "wrap_s": f["wrap"],
        "handoff_wait_s": f["handoff_wait"],
        "bot_response_s": f["bot_resp"],
        "first_response_s": f["first_resp"] - f["arrived"],
        "resolution_s": f["solved"] - f["arrived"],
        "transferred": obj(f["transferred"], f["channel"] == "phone"),
        "resolved": f["resolved"],
        "reopened": f["reopened"],
        "replies": np.array(f["replies"], dtype=object),
        "surveyed": f["surveyed"],
    }
    for k, col in zip(
        TIME_FIELDS, ("arrived_at", "answered_at", "first_response_at", "ended_at", "solved_at", "handoff_at")
    ):
        contacts[col] = to_ts(first, f[k])
    on = ~np.isnan(roster.login)
    ids = staff.ids
    p = roster.pauses
    sessions = {
        "source": np.full(on.sum() + len(p["shift"]), SOURCE, dtype=object),
        "source_key": np.array(
            [f"login-{i:06d}" for i in range(on.sum())] + [f"pause-{i:06d}" for i in range(len(p["shift"]))],
            dtype=object,
        ),
        "agent_id": np.concatenate([ids[roster.agent[on]], ids[roster.agent[p["shift"]]]]),
        "state": np.array(["logged_in"] * int(on.sum()) + ["pause"] * len(p["shift"]), dtype=object),
        "reason": np.concatenate([np.full(on.sum(), None, dtype=object), p["reason"]]),
        "started_at": to_ts(first, np.concatenate([roster.login[on], p["start"]])),
        "ended_at": to_ts(first, np.concatenate([roster.logout[on], p["start"] + p["dur"]])),
        "duration_s": np.concatenate([roster.logout[on] - roster.login[on], p["dur"]]),
    }
    schedules = {
        "source": np.full(len(roster.agent), SOURCE, dtype=object),
        "source_key": np.array([f"shift-{i:06d}" for i in range(len(roster.agent))], dtype=object),
        "agent_id": ids[roster.agent],
        "starts_at": to_ts(first, roster.start.astype(float)),
        "duration_s": roster.length.astype(float),
    }
    agents = {
        "agent_id": ids,
        "name": np.array(staff.names, dtype=object),
        "team": staff.team,
        "site": staff.site,
        "outsourced": staff.outsourced,
    }
    lost = customers["end"] < 10**6
    custs = {
        "customer_id": customers["ids"],
        "name": np.array(customers["name"], dtype=object),
        "email": np.array(customers["email"], dtype=object),
        "phone": np.array(customers["phone"], dtype=object),
        "started_on": day_ts(first, customers["start"]),
        "ended_on": np.where(lost, day_ts(first, np.where(lost, customers["end"], 0)), np.datetime64("NaT")),
        "purchases": customers["purchases"],
    }
    return {
        "agents": agents,
        "customers": custs,
        "contacts": contacts,
        "agent_sessions": sessions,
        "agent_schedules": schedules,
    }
