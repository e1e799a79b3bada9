"""Target colours and overrides, from hand-worked cases."""

from kpidesk.core.db.startup import open_database
from kpidesk.core.kpi import targets
from kpidesk.core.kpi.definitions import load_registry


def test_status_higher_is_better():
    assert targets.status(0.92, "higher", 0.90, 0.85) == "green"
    assert targets.status(0.90, "higher", 0.90, 0.85) == "green"
    assert targets.status(0.87, "higher", 0.90, 0.85) == "amber"
    assert targets.status(0.80, "higher", 0.90, 0.85) == "red"


def test_status_lower_is_better():
    # abandon rate: target 5 %, worrying above 15 % (kpi-catalog)
    assert targets.status(0.04, "lower", 0.05, 0.15) == "green"
    assert targets.status(0.10, "lower", 0.05, 0.15) == "amber"
    assert targets.status(0.20, "lower", 0.05, 0.15) == "red"


def test_nothing_to_judge():
    assert targets.status(None, "higher", 0.9) is None
    assert targets.status(0.5, "higher", None) is None
    assert targets.status(0.5, "none", 0.4) is None
    assert targets.status(0.5, "higher", 0.9) == "red"  # no warning level: a miss is red


def test_overrides_beat_file_defaults_channel_first():
    registry = load_registry()
    with open_database() as store:
        kpi = registry["aht"]
        assert targets.resolve(targets.load(store), kpi, "phone").target is None
        targets.set_target(store, "aht", None, 400, 480)
        targets.set_target(store, "aht", "chat", 600, None)
        overrides = targets.load(store)
        assert targets.resolve(overrides, kpi, "phone") == targets.Target(400, 480)
        assert targets.resolve(overrides, kpi, "chat") == targets.Target(600, None)
        targets.set_target(store, "aht", "chat", None, None)  # removed
        assert ("aht", "chat") not in targets.load(store)
        assert targets.resolve(targets.load(store), registry["answer_rate"], "phone") == targets.Target(0.9, 0.85)


def test_good_change():
    assert targets.is_good_change(+0.01, "higher") is True
    assert targets.is_good_change(+3.0, "lower") is False
    assert targets.is_good_change(+3.0, "none") is None
