"""The coaching figures, the contacts behind them, the distributions and the PDF
sheet show the same contacts for the same filters, and "handled" means one thing.

Agent A1 (team Lyon, site Lyon-1) in March 2024, every contact with its handle time
(talk + hold + wrap-up):

  id  channel  queue        topic     site (contact)  outcome   handle
  1   phone    Facturation  billing   (agent's)       answered  120 s
  2   phone    Facturation  billing   Outsourcer      answered  200 s
  3   phone    Facturation  delivery  (agent's)       answered  300 s
  4   email    Facturation  billing   (agent's)       handled   400 s
  5   phone    Support      billing   (agent's)       answered  500 s
  6   phone    Facturation  billing   (agent's)       answered  150 s
  7   bot      Facturation  billing   (agent's)       handoff, picked up by A1: 90 s

A2 (Lyon) has one call of 60 s, B1 (team Rabat, site Rabat) one of 999 s, both
phone / Facturation / billing.

Filtered to phone, Facturation, team Lyon, site Lyon-1, topic billing, A1 keeps
contacts 1 and 6: AHT (120 + 150) / 2 = 135 s over n = 2; the list of longest
handle times is 6 then 1; the distribution holds 2 of A1's values and 1 of the rest
of the team (A2; B1 is in Rabat). Without filters every one of the 7 contacts is
handled (the email an agent handled, the bot conversation an agent picked up):
AHT (120+200+300+400+500+150+90) / 7 = 1760 / 7 s, and the lists hold the same 7.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta

import pytest

from kpidesk.core.coaching.charts import distribution
from kpidesk.core.coaching.contacts import contacts_behind
from kpidesk.core.coaching.page import CoachingRequest, load_coaching
from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.engine import Engine, Filters

DAY = datetime(2024, 3, 5, 10, 0)
COLS = "contact_id, source, source_key, channel, direction, queue, agent_id, topic, site, arrived_at, answered_at, "
COLS += "talk_s, hold_s, wrap_s, outcome"
#       id, channel, queue, agent, topic, site, outcome, talk, wrap
CONTACTS = [
    (1, "phone", "Facturation", "A1", "billing", None, "answered", 100, 20),
    (2, "phone", "Facturation", "A1", "billing", "Outsourcer", "answered", 200, 0),
    (3, "phone", "Facturation", "A1", "delivery", None, "answered", 280, 20),
    (4, "email", "Facturation", "A1", "billing", None, "handled", 400, None),
    (5, "phone", "Support", "A1", "billing", None, "answered", 450, 50),
    (6, "phone", "Facturation", "A1", "billing", None, "answered", 140, 10),
    (7, "bot", "Facturation", "A1", "billing", None, "handoff", 80, 10),
    (8, "phone", "Facturation", "A2", "billing", None, "answered", 50, 10),
    (9, "phone", "Facturation", "B1", "billing", None, "answered", 999, 0),
]
FILTERS = Filters(
    date_from=DAY.date(),
    date_to=DAY.date() + timedelta(days=6),
    channels=("phone",),
    queues=("Facturation",),
    teams=("Lyon",),
    sites=("Lyon-1",),
    topics=("billing",),
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("same") / "same.duckdb"
    with open_database(path) as store, store.write() as cur:
        cur.executemany(
            "INSERT INTO agents (agent_id, name, team, site) VALUES (?, ?, ?, ?)",
            [
                ("A1", "Alice Martin", "Lyon", "Lyon-1"),
                ("A2", "Bruno Petit", "Lyon", "Lyon-1"),
                ("B1", "Bea", "Rabat", "Rabat"),
            ],
        )
        rows = []
        for cid, channel, queue, agent, topic, site, outcome, talk, wrap in CONTACTS:
            at = DAY + timedelta(hours=cid)
            direction = "inbound"
            rows.append(
                (cid, "t", f"k{cid}", channel, direction, queue, agent, topic, site, at, at, talk, 0.0, wrap, outcome)
            )
        cur.executemany(f"INSERT INTO contacts_main ({COLS}) VALUES ({', '.join('?' * 15)})", rows)
        derive.refresh(cur)
    return path


def aht_of(engine: Engine, agent: str, filters: Filters):
    (value,) = engine.compute(["aht"], filters.narrowed(agents=(agent,)))
    return value


def test_one_filter_set_gives_the_same_contacts_everywhere(db):
    with open_database(db, read_only=True) as store:
        engine = Engine(store)
        aht = aht_of(engine, "A1", FILTERS)
        assert (aht.value, aht.n) == (135.0, 2.0)
        data = load_coaching((engine, CoachingRequest("A1", FILTERS)))
        standing = data.profile.standing("aht")
        assert (standing.value, standing.n) == (135.0, 2.0)
        _why, lines = contacts_behind(engine, "A1", "aht", FILTERS, limit=100)
        assert [(line.contact_id, line.figure) for line in lines] == [(6, 150.0), (1, 120.0)]
        handle = data.distributions["handle"]
        assert (sum(handle.agent), sum(handle.team)) == (2, 1)
        again = distribution(store, engine, "handle", "A1", data.profile.team_filters)
        assert (sum(again.agent), sum(again.team)) == (2, 1)
        # the wrap-ups and waits read the same rows: 2 of A1's, 1 of A2's
        assert (sum(data.distributions["wrap"].agent), sum(data.distributions["wrap"].team)) == (2, 1)


def test_handled_means_the_same_contacts_in_the_tile_and_the_lists(db):
    """The email an agent handled and the bot conversation an agent picked up are
    handled contacts for AHT; the list and the distribution behind it hold them too."""
    with open_database(db, read_only=True) as store:
        engine = Engine(store)
        period = Filters(date_from=FILTERS.date_from, date_to=FILTERS.date_to)
        aht = aht_of(engine, "A1", period)
        assert aht.n == 7.0 and aht.value == pytest.approx(1760 / 7)
        _why, lines = contacts_behind(engine, "A1", "aht", period, limit=100)
        assert sorted(line.contact_id for line in lines) == [1, 2, 3, 4, 5, 6, 7]
        dist = distribution(store, engine, "handle", "A1", period)
        assert sum(dist.agent) == 7
        # wrap-up: the email has none, so 6 of A1's contacts (bot included)
        (wrap,) = engine.compute(["avg_wrap"], period.narrowed(agents=("A1",)))
        _why, wraps = contacts_behind(engine, "A1", "avg_wrap", period, limit=100)
        assert wrap.n == 6.0 and len(wraps) == 6 and 7 in {w.contact_id for w in wraps}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_the_pdf_sheet_counts_the_same_contacts(db, tmp_path):
    from kpidesk.pdf.coaching_sheet import build_report

    with open_database(db, read_only=True) as store:
        build_report(store, "A1", tmp_path / "a1.pdf", FILTERS, "en")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "a1.pdf"), "-"], capture_output=True, text=True)
    row = next(line for line in text.stdout.splitlines() if line.strip().startswith("Avg handle time (phone)"))
    # the agent's AHT, then the team median … and n = 2 at the end of the row
    assert "2 min 15 s" in row and re.search(r"\b2$", row.strip()), row
    # the header says every filter the figures were computed with
    head = text.stdout[: text.stdout.index("Avg handle time")]
    for value in ("Facturation", "Lyon-1", "billing", "Lyon"):
        assert value in head, value


def test_two_figures_of_one_kpi_never_share_a_label(db):
    """A1's AHT on the Phone tab is over calls: (120+200+300+500+150) / 5 = 254 s; in
    a coaching view over every channel it is 1760 / 7 = 251.4 s. Each says which."""
    period = Filters(date_from=FILTERS.date_from, date_to=FILTERS.date_to)
    with open_database(db, read_only=True) as store:
        engine = Engine(store)
        assert aht_of(engine, "A1", period.narrowed(channels=("phone",))).value == 254.0
        everything = load_coaching((engine, CoachingRequest("A1", period)))
        assert everything.profile.standing("aht").value == pytest.approx(1760 / 7)
        assert everything.profile.standing("aht").label == "Avg handle time (all channels)"
        phone = load_coaching((engine, CoachingRequest("A1", period.narrowed(channels=("phone",)), "fr")))
        assert phone.profile.standing("aht").label == "Durée moyenne de traitement (téléphone)"
        french = load_coaching((Engine(store, lang="fr"), CoachingRequest("A1", period, "fr")))
        assert french.profile.standing("aht").label == "Durée moyenne de traitement (tous canaux)"


def test_a_ticket_without_outcome_is_handled_when_an_agent_replied():
    """A generic ticket list says no outcome. A1's ticket 1 got a first response and
    is resolved, ticket 2 got two replies and is not resolved, ticket 3 got no reply;
    ticket 4 was answered by nobody's agent. Handled (catalog: a ticket with an agent
    reply): 1 and 2, so A1's FCR is 1 / 2 over n = 2, and the contacts listed behind
    it are ticket 2 alone."""
    store = open_database(":memory:")
    with store.write() as cur:
        cur.executemany(
            "INSERT INTO contacts_main (contact_id, source, source_key, channel, direction, agent_id, arrived_at, "
            "first_response_s, replies, resolved) VALUES (?, 't', ?, 'email', 'inbound', ?, ?, ?, ?, ?)",
            [
                (1, "k1", "A1", DAY, 600.0, None, True),
                (2, "k2", "A1", DAY, None, 2, False),
                (3, "k3", "A1", DAY, None, None, False),
                (4, "k4", None, DAY, 300.0, 1, False),
            ],
        )
        derive.refresh(cur)
    engine = Engine(store)
    period = Filters(date_from=DAY.date(), date_to=DAY.date())
    (fcr,) = engine.compute(["fcr"], period.narrowed(agents=("A1",)))
    assert (fcr.value, fcr.n) == (0.5, 2.0)
    _why, lines = contacts_behind(engine, "A1", "fcr", period)
    assert [line.contact_id for line in lines] == [2]
    store.close()
