"""Numbers typed and read back in the user's locale; gaps of percentages in points."""

from __future__ import annotations

import pytest

from kpidesk.core.formatting import NBSP, delta, parse_number


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
