"""Tools › Settings: numbers read in the user's locale, wrong entries refused by name,
and only what the team lead changed is written (OK on an untouched dialog changes
nothing, in English as in French)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from kpidesk.core.kpi.targets import ANY_CHANNEL
from kpidesk.core.workspace import PrefsChange, load_prefs, save_prefs
from kpidesk.ui.settings_dialog import InvalidEntry, SettingsDialog


def _row(dialog, kpi, channel=ANY_CHANNEL):
    return dialog.rows.index((kpi, channel))


@pytest.fixture
def with_email_frt_target(store):
    """The case of the report: an email first-response target of 86,400 s (one day)
    and a rate target that shows rounded (83.33…%)."""
    save_prefs(
        (
            store,
            PrefsChange(
                targets={
                    ("first_response_time", ANY_CHANNEL): (86400.0, 100000.0),
                    ("answer_rate", ANY_CHANNEL): (0.8333333, 0.8),
                }
            ),
        )
    )
    return store


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ok_without_touching_anything_changes_nothing(qtbot, with_email_frt_target, make_window, lang):
    window = make_window(with_email_frt_target, lang)
    dialog = SettingsDialog(window.desk, window)
    qtbot.addWidget(dialog)
    r = _row(dialog, "first_response_time")
    assert dialog.targets_table.item(r, 2).text() == ("86\u202f400" if lang == "fr" else "86,400")
    change = dialog.change()
    assert change == PrefsChange(values={}, targets={}, holidays=None)


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [("en", "1,800", 1800.0), ("fr", "1 800", 1800.0), ("en", "90.5", 90.5), ("fr", "90,5", 90.5)],
)
def test_numbers_are_read_in_the_users_locale(qtbot, store, make_window, lang, typed, expected):
    window = make_window(store, lang)
    dialog = SettingsDialog(window.desk, window)
    qtbot.addWidget(dialog)
    r = _row(dialog, "first_response_time")
    dialog.targets_table.item(r, 2).setText(typed)
    assert dialog.change().targets == {
        ("first_response_time", ANY_CHANNEL): (expected, window.desk.target("first_response_time", None).warning)
    }


def test_a_wrong_entry_is_refused_by_name_and_the_dialog_stays(qtbot, store, make_window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    window = make_window(store, "fr")
    dialog = SettingsDialog(window.desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.targets_table.item(_row(dialog, "answer_rate"), 2).setText("neuf")
    with pytest.raises(InvalidEntry):
        dialog.change()
    dialog._try_accept()
    assert said == ["Taux de décroché : neuf n'est pas une valeur valide."]
    assert dialog.isVisible() and dialog.result() == 0
    dialog.targets_table.item(_row(dialog, "answer_rate"), 2).setText("120")  # a rate above 100 %
    with pytest.raises(InvalidEntry):
        dialog.change()


def test_a_changed_target_is_written_and_read_back(qtbot, store, make_window):
    window = make_window(store, "en")
    dialog = SettingsDialog(window.desk, window)
    qtbot.addWidget(dialog)
    dialog.targets_table.item(_row(dialog, "answer_rate"), 2).setText("92.5")
    prefs = save_prefs((store, dialog.change()))
    assert prefs.targets  # read back
    assert load_prefs(store).targets == prefs.targets
    window.desk.set_prefs(prefs)
    assert window.desk.target("answer_rate", None).target == pytest.approx(0.925)


def test_business_hours_are_checked(qtbot, store, make_window):
    window = make_window(store, "en")
    dialog = SettingsDialog(window.desk, window)
    qtbot.addWidget(dialog)
    dialog.hours["1"].setText("9:00-12:30, 13h30-18:00")
    assert dialog.change().values["business_hours"]["1"] == [["09:00", "12:30"], ["13:30", "18:00"]]
    dialog.hours["1"].setText("18:00-09:00")
    with pytest.raises(InvalidEntry, match="Mon: 18:00-09:00 is not a time range"):
        dialog.change()
