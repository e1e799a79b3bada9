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
