"""The weekday × hour filter in words (filter bar, coaching view, PDFs) and read from
a command line (``--weekday``, ``--hour``)."""

from __future__ import annotations

import pytest

from kpidesk.core.kpi.time_filter import cell_label, parse_hours, parse_weekdays


@pytest.mark.parametrize(
    ("weekdays", "hours", "lang", "expected"),
    [
        ((2,), (10,), "en", "Tuesdays, 10:00–11:00"),
        ((2,), (10,), "fr", "Tous les mardis, 10h–11h"),
        ((1,), (), "en", "Mondays"),
        ((), (14,), "en", "Every day, 14:00–15:00"),
        ((), (14,), "fr", "Tous les jours, 14h–15h"),
        ((1, 2, 3, 4, 5), (9, 10, 11), "en", "Monday to Friday, 09:00–12:00"),
        ((1, 2, 3, 4, 5), (9, 10, 11), "fr", "Du lundi au vendredi, 9h–12h"),
        ((1, 3), (9, 14), "en", "Mondays and Wednesdays, 09:00–10:00 and 14:00–15:00"),
        ((1, 3), (9, 14), "fr", "Les lundis et mercredis, 9h–10h et 14h–15h"),
        ((7,), (23,), "en", "Sundays, 23:00–24:00"),
        ((), (), "en", None),
    ],
)
def test_the_cell_in_words(weekdays, hours, lang, expected):
    assert cell_label(weekdays, hours, lang) == expected


def test_weekdays_and_hours_from_a_command_line():
    assert parse_weekdays(["tue"]) == (2,)
    assert parse_weekdays(["mon-fri"]) == (1, 2, 3, 4, 5)
    assert parse_weekdays(["lundi,mercredi", "7"]) == (1, 3, 7)
    assert parse_weekdays(None) == ()
    assert parse_hours(["10"]) == (10,)
    assert parse_hours(["9-11", "14h"]) == (9, 10, 11, 14)
    for bad in (["funday"], ["fri-mon"], ["8"]):
        with pytest.raises(ValueError):
            parse_weekdays(bad)
    for bad in (["24"], ["noon"], ["12-9"]):
        with pytest.raises(ValueError):
            parse_hours(bad)
