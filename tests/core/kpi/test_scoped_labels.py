"""A KPI computed over several channels says which ones its figure covers, so that
two different figures never share one label (AHT 4 min 26 s on the Phone tab, 5 min
09 s in the coaching view over every channel); out-of-hours contacts are labelled
for what they count, in both languages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kpidesk.core.db import derive
from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi.definitions import load_registry
from kpidesk.core.kpi.engine import Engine, Filters

REG = load_registry()


@pytest.mark.parametrize(
    ("kpi", "channels", "lang", "label"),
    [
        ("aht", ("phone",), "en", "Avg handle time (phone)"),
        ("aht", ("phone",), "fr", "Durée moyenne de traitement (téléphone)"),
        ("aht", (), "en", "Avg handle time (all channels)"),
        ("aht", (), "fr", "Durée moyenne de traitement (tous canaux)"),
        ("aht", ("chat", "bot"), "en", "Avg handle time (chat)"),  # the Chat / Bot tab: AHT is the chats'
        ("aht", ("email",), "fr", "Durée moyenne de traitement (e-mail)"),
        ("csat", ("chat", "bot"), "en", "CSAT (chat, bot)"),
        ("csat", ("phone", "email", "chat", "bot"), "en", "CSAT (all channels)"),
        ("chat_abandon_rate", ("chat", "bot"), "fr", "Abandon chat (chat, bot)"),  # the Chat / Bot tab
        ("asa", (), "en", "Average speed of answer"),  # one channel: nothing to say
        ("asa", ("phone",), "fr", "Durée moyenne d'attente"),
        ("out_of_hours_volume", (), "en", "Out-of-hours contacts (all channels)"),
        ("out_of_hours_volume", (), "fr", "Contacts en HNO (tous canaux)"),
        ("out_of_hours_volume", ("phone",), "en", "Out-of-hours contacts (phone)"),
        ("out_of_hours_volume", ("phone",), "fr", "Contacts en HNO (téléphone)"),
    ],
)
def test_scoped_label(kpi, channels, lang, label):
    assert REG[kpi].scoped_label(channels, lang) == label


def test_short_scoped_label():
    assert REG["aht"].scoped_label(("phone",), "en", short=True) == "AHT (phone)"
    assert REG["aht"].scoped_label((), "fr", short=True) == "DMT (tous canaux)"
    assert REG["asa"].scoped_label((), "fr", short=True) == "DMA"


def test_out_of_hours_counts_what_its_label_says():
    """Tuesday 2024-03-05, business hours Mon–Fri 09:00–18:00: two calls and one
    email at 20:00 (out of hours), one call at 10:00; an outbound call at 21:00 is
    nobody's out-of-hours contact. All channels: 3 out-of-hours contacts of 4
    inbound (75 %); the phone: 2 out-of-hours calls of 3 (66.7 %)."""
    evening, morning = datetime(2024, 3, 5, 20, 0), datetime(2024, 3, 5, 10, 0)
    rows = [
        (1, "phone", "inbound", evening, "answered"),
        (2, "phone", "inbound", evening, "abandoned"),
        (3, "email", "inbound", evening, "handled"),
        (4, "phone", "inbound", morning, "answered"),
        (5, "phone", "outbound", datetime(2024, 3, 5, 21, 0), "answered"),
    ]
    store = open_database(":memory:")
    with store.write() as cur:
        cur.executemany(
            "INSERT INTO contacts_main (contact_id, source, source_key, channel, direction, queue, arrived_at, "
            "wait_s, outcome) VALUES (?, 't', ?, ?, ?, 'Q', ?, 30, ?)",
            [(cid, f"k{cid}", ch, d, at, out) for cid, ch, d, at, out in rows],
        )
        derive.refresh(cur)
    engine = Engine(store)
    day = Filters(date_from=date(2024, 3, 5), date_to=date(2024, 3, 5))
    every = {v.kpi: v.value for v in engine.compute(["out_of_hours_volume", "out_of_hours_rate"], day)}
    assert every == {"out_of_hours_volume": 3.0, "out_of_hours_rate": 0.75}
    phone = day.narrowed(channels=("phone",))
    calls = {v.kpi: v.value for v in engine.compute(["out_of_hours_volume", "out_of_hours_rate"], phone)}
    assert calls["out_of_hours_volume"] == 2.0 and calls["out_of_hours_rate"] == pytest.approx(2 / 3)
    store.close()
