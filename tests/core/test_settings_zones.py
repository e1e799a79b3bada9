"""A time zone name is checked by its own file, with the answer listing every zone gives."""

from __future__ import annotations

import zoneinfo

from kpidesk.core import settings


def test_known_zone_is_available_timezones_for_one_name():
    zones = zoneinfo.available_timezones()
    names = set(sorted(zones)[::7]) | {"Europe/Paris", "UTC", "Etc/UTC", "America/Argentina/Buenos_Aires"}
    names |= {n.lower() for n in sorted(names)[:40]} | {n + "/" for n in sorted(names)[:10]}
    names |= {"", "Europe", "Europe/", "Europe//Paris", "./UTC", "Europe/../UTC", "/UTC", "posixrules"}
    names |= {"right/UTC", "posix/Europe/Paris", "zone.tab", "tzdata.zi", "Mars/Olympus_Mons"}
    for name in names:
        assert settings.known_zone(name) == (name in zones), name


def test_an_unknown_stored_zone_reads_as_utc(store):
    settings.set_value(store, "data_timezone", "Europe/Paris")
    assert settings.safe_timezone(store) == "Europe/Paris"
    with store.write(facts=False) as cur:
        cur.execute("UPDATE settings SET value = '\"Mars/Olympus_Mons\"' WHERE key = 'data_timezone'")
    assert settings.safe_timezone(store) == "UTC"
