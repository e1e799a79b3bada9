"""Period presets say what they show when the data stops before today."""

from datetime import date

import pytest

from kpidesk.ui.main_window import MainWindow


def test_today_and_yesterday_name_the_latest_day_of_data(store, make_window):
    window: MainWindow = make_window(store, "fr")
    combo = window.filter_bar.period
    labels = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    if window.desk.prefs.extent.last_day >= date.today():  # the sample stops on 2026-11-22
        pytest.skip("the sample data reaches today")
    assert labels["today"] == "Dernier jour de données"
    assert labels["yesterday"] == "Veille du dernier jour"
