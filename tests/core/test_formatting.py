"""Numbers typed and read back in the user's locale; gaps of percentages in points."""

from __future__ import annotations

import pytest

from kpidesk.core.formatting import NBSP, delta, duration, export_value, parse_number, value


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("86,400", "en", 86400.0),  # the English thousands separator, not a decimal comma
        ("86400", "en", 86400.0),
        ("1,234.5", "en", 1234.5),
        ("92.5", "en", 92.5),
        (f"86{NBSP}400", "fr", 86400.0),  # as kpidesk writes it in French
        ("86 400", "fr", 86400.0),
        ("92,5", "fr", 92.5),
        ("92.5", "fr", 92.5),
        ("  ", "en", None),
    ],
)
def test_parse_number_in_the_users_locale(text, lang, expected):
    assert parse_number(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [("1,5", "en"), ("86,40", "en"), ("neuf", "fr"), ("1,2,3", "fr")])
def test_parse_number_refuses_what_it_cannot_read_for_sure(text, lang):
    with pytest.raises(ValueError):
        parse_number(text, lang)


def test_a_change_of_csat_0_100_is_in_points():
    assert delta(42.0, 90.0, "percent", "en") == "−48.0 pts"
    assert delta(42.0, 90.0, "percent", "fr") == f"−48,0{NBSP}pt"
    assert delta(0.42, 0.90, "rate", "en") == "−48.0 pts"


@pytest.mark.parametrize(
    ("seconds", "en", "fr"),
    [
        (0, "0 s", "0 s"),
        (45.4, "45 s", "45 s"),
        (59.6, "1 min", "1 min"),  # rounded to 60 s first
        (125, "2 min 05 s", "2 min 05 s"),
        (300, "5 min", "5 min"),  # not "5 min 00 s"
        (3600, "1 h", "1 h"),
        (3900, "1 h 05 min", "1 h 05 min"),  # 3,600 + 300
        (3959, "1 h 05 min", "1 h 05 min"),  # the 59 s are cut at this size
        (30 * 3600 + 15 * 60, "30 h 15 min", "30 h 15 min"),  # under 48 h: hours
        (48 * 3600, "2 d", "2 j"),  # not "2 d 0 h"
        (48 * 3600 + 59 * 60, "2 d", "2 j"),
        (2 * 86400 + 3 * 3600, "2 d 3 h", "2 j 3 h"),
        (5 * 86400 + 15 * 3600 + 40 * 60, "5 d 15 h", "5 j 15 h"),
        (-125, "-2 min 05 s", "-2 min 05 s"),
        (-48 * 3600, "-2 d", "-2 j"),
    ],
)
def test_durations_leave_out_zero_parts(seconds, en, fr):
    assert duration(seconds, "en") == en
    assert duration(seconds, "fr") == fr


def test_a_change_of_duration_reads_like_the_duration():
    assert delta(420.0, 300.0, "seconds", "en") == "+2 min"
    assert delta(300.0, 3900.0, "seconds", "fr") == "−1 h"
    assert delta(300.2, 300.0, "seconds", "en") == "±0 s"


@pytest.mark.parametrize(
    ("val", "en", "fr"),
    [
        (9.9, "+9.9", "+9,9"),  # was "9.90" beside "13.6": one decimal whatever the size
        (13.6, "+13.6", "+13,6"),
        (100 * (4 - 3) / 11, "+9.1", "+9,1"),
        (-18.78, "−18.8", "−18,8"),
        (0.0, "0.0", "0,0"),
        (-0.04, "0.0", "0,0"),  # rounds to nothing: no sign
        (100.0, "+100.0", "+100,0"),
    ],
)
def test_an_index_reads_signed_to_one_decimal(val, en, fr):
    """NPS is an index from −100 to +100: +9.9 and +13.6 alike."""
    assert value(val, "index", "en") == en
    assert value(val, "index", "fr") == fr


def test_scores_on_a_small_scale_keep_two_decimals():
    assert value(3.4036, "score", "en") == "3.40"  # CSAT on 1-5: agents 3.33 and 3.47 apart
    assert value(82.46, "score", "fr") == "82,5"  # QA out of 100
    assert delta(9.9, 8.6, "index", "fr") == "+1,3"
    assert export_value(9.0909, "index") == 9.1 and export_value(3.4036, "score") == 3.4


def test_names_sort_as_a_person_sorts_them():
    from kpidesk.core.formatting import name_key

    names = ["Agent_10", "agent_2", "Agent_1", "Rep10", "Rep9", "Émile", "Zoé", "Agent_11"]
    expected = ["Agent_1", "agent_2", "Agent_10", "Agent_11", "Émile", "Rep9", "Rep10", "Zoé"]
    assert sorted(names, key=name_key) == expected
