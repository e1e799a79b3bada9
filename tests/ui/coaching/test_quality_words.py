"""QA criteria in the user's words: the common English criteria of a QA grid are
said in French in the French window; a criterion of the team's own is shown as
imported."""

from __future__ import annotations

import pytest

from kpidesk.core.coaching.quality import QualityView
from kpidesk.core.privacy import Privacy
from kpidesk.ui import i18n
from kpidesk.ui.coaching.quality_view import QualityPanel, criterion_label
from kpidesk.ui.coaching.record_dialog import record_html


class _Desk:
    lang = "fr"
    engine = type("E", (), {"registry": {}})()


@pytest.fixture
def french():
    i18n.Language(None, "fr")
    yield
    i18n.Language(None, "en")


def test_criteria_are_translated_in_the_quality_panel(qtbot, french):
    panel = QualityPanel()
    qtbot.addWidget(panel)
    view = QualityView(
        criteria=[("empathy", 80.0, 75.0, 12), ("Active_Listening", 70.0, 72.0, 12), ("Upsell script", 60.0, 65.0, 12)],
        qa=(70.0, 71.0),
    )
    panel.show_quality(_Desk(), view, [], Privacy())
    text = panel.grid.text()
    assert "empathie" in text and "écoute active" in text
    assert "Upsell script" in text  # the team's own word, as imported
    assert "empathy" not in text and "Active_Listening" not in text


def test_english_keeps_the_words_as_imported():
    i18n.Language(None, "en")
    assert criterion_label("accuracy") == "accuracy"
    assert criterion_label("Tone") == "Tone"


def test_the_contact_record_says_criteria_in_french(french):
    record = {"contact_id": 7, "evaluations": [{"criterion": "accuracy", "score": 90, "comment": None}]}
    assert "exactitude" in record_html(record, Privacy(), "fr")


def test_the_contact_list_never_scrolls_sideways_for_a_long_comment(qtbot, french):
    """The survey comment column takes the width left; its header is shown whole."""
    from datetime import datetime

    from PySide6.QtCore import Qt

    from kpidesk.core.coaching.contacts import ContactLine
    from kpidesk.ui.coaching.contacts_view import ContactsView

    view = ContactsView(lambda: "fr")
    qtbot.addWidget(view)
    view.resize(640, 300)
    view.show()
    comment = "On m'a transféré deux fois, c'est épuisant, et personne ne m'a rappelé comme promis. " * 3
    line = ContactLine(
        1,
        datetime(2026, 11, 2, 8, 45),
        "phone",
        "Support technique",
        "answered",
        "C1",
        "Imane Laurent",
        1851.0,
        "seconds",
        comment,
    )
    view.source.set_lines([line] * 5, Privacy())
    qtbot.wait(20)
    assert view.horizontalScrollBar().maximum() == 0
    header = view.horizontalHeader()
    last = view.source.columnCount() - 1
    title = view.source.headerData(last, Qt.Orientation.Horizontal)
    assert title == "Commentaire"
    assert (
        view.source.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Commentaire d'enquête"
    )
    assert header.sectionSize(last) >= header.fontMetrics().horizontalAdvance(title)
    assert view.source.data(view.source.index(0, last), Qt.ItemDataRole.ToolTipRole) == comment
