"""The comments dialog speaks each language's dates and plurals."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import QDate

from kpidesk.core import comments
from kpidesk.ui import i18n


@pytest.mark.parametrize(
    ("n", "en", "fr"),
    [(0, "0 comments", "0 commentaire"), (1, "1 comment", "1 commentaire"), (2, "2 comments", "2 commentaires")],
)
def test_plural_forms(n, en, fr):
    assert i18n.plural(n, "{n} comment", "{n} comments", "en") == en
    assert i18n.plural(n, "{n} commentaire", "{n} commentaires", "fr") == fr
    assert i18n.plural(1234, "{n} commentaire", "{n} commentaires", "fr") == "1\u202f234 commentaires"


@pytest.mark.parametrize(
    ("lang", "day", "one", "two"),
    [
        ("en", "2026-11-09", "1 comment", "2 comments"),  # not 09/11/2026: day or month first?
        ("fr", "09/11/2026", "1 commentaire", "2 commentaires"),
    ],
)
def test_dates_and_counts_in_the_users_language(store, make_window, qtbot, lang, day, one, two):
    comments.add(store, kpi="aht", date_from=date(2026, 11, 9), date_to=None, text="IVR outage")
    window = make_window(store, lang)
    dialog = window.service_menu.open_comments("aht", "phone")
    dialog.first.setDate(QDate(2026, 11, 9))
    assert dialog.first.text() == day
    qtbot.waitUntil(lambda: dialog.status.text() == one, timeout=5000)
    assert dialog.table.item(0, 2).text() == day
    comments.add(store, kpi="aht", date_from=date(2026, 11, 10), date_to=None, text="Storm")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.status.text() == two, timeout=5000)
    if shots := os.environ.get("KPIDESK_SHOTS"):
        dialog.grab().save(os.path.join(shots, f"comments_{lang}.png"))
    dialog.close()
