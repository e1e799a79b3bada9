"""A heatmap without any value says why, as its KPI's tile does: the KPI's own reason
(a missing input, a KPI not defined for the export), "not available for one weekday
or hour" when the period has a figure but none by hour, and "no data" only for a
period without rows. Its cells carry the engine's small-sample flag."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.core.dashboard.tabs import TABS, TabRequest, load_tab
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import import_file
from kpidesk.core.ingest.period import parse
from kpidesk.core.kpi import heatmap
from kpidesk.core.kpi.engine import NOT_FOR_A_CELL, Engine, Filters, KpiValue, said_reason
from tests.helpers.kinds import build
from tests.helpers.paths import SHARED_DATA


def _v(kpi, value, n=None, wd=None, hour=None, reason=None, small=False) -> KpiValue:
    group = {} if wd is None else {"weekday": wd, "hour_of_day": hour}
    return KpiValue(kpi, value, n, group, reason, small_sample=small)


def test_cells_samples_and_reasons_by_hand():
    values = [
        _v("asa", 12.0, 40, 1, 9),  # Monday 9h–10h: 40 answered calls
        _v("asa", 95.0, 2, 1, 10, small=True),  # Monday 10h: two calls, too few to read
        _v("asa", None, 0, 7, 23, reason="no data"),  # Sunday 23h: nothing
        _v("chat_abandon_rate", None, None, 2, 14, reason="missing input: abandoned chats"),
        _v("chat_abandon_rate", None, None, 3, 14, reason="missing input: abandoned chats"),
        _v("chat_abandon_rate", None, None, 4, 14, reason="no data"),
    ]
    whole = {
        "asa": _v("asa", 14.9, 42),
        "chat_abandon_rate": _v("chat_abandon_rate", None, reason="missing input: abandoned chats"),
        "volume": _v("volume", 1200.0, 1200),  # a month's count, no hour in the export
        "response_sla": _v("response_sla", None, reason="no data"),
        "abandon_rate": _v("abandon_rate", None, reason="not defined for this data"),
    }
    kpis = ["asa", "chat_abandon_rate", "volume", "response_sla", "abandon_rate"]
    grids = heatmap.grids(values + [_v("abandon_rate", None, None, 1, 9, reason="no data")], whole, kpis)
    asa = grids["asa"]
    assert asa.reason is None and not asa.empty and asa.any_small and not asa.all_small  # Monday 9h is read
    assert asa.cells[0][9] == 12.0 and asa.cells[0][10] == 95.0 and asa.cells[6][23] is None
    assert asa.samples[0][9] == (40, False) and asa.samples[0][10] == (2, True)
    assert asa.samples[6][23] == (0, False)  # no value: never "small", nothing to grey
    assert grids["chat_abandon_rate"].reason == "missing input: abandoned chats"  # the cells' own, not "no data"
    assert grids["volume"].reason == NOT_FOR_A_CELL
    assert grids["response_sla"].reason == "no data"
    assert grids["abandon_rate"].reason == "not defined for this data"  # the period's, under "no data" cells


CALLS_PER_REP = (
    "Incoming Calls,Answered Calls,Answer Rate,Abandoned Calls,Answer Speed (AVG),Talk Duration (AVG),"
    "Waiting Time (AVG),Service Level (20 Seconds),Sales Rep\n"
    "217,204,94.01%,13,00:00:17,00:02:14,00:02:45,76.28%,Rep09\n"
    "200,182,91.00%,18,00:00:20,00:02:22,00:06:55,72.73%,Rep02\n"
)


def test_a_months_counts_per_agent_have_no_hour(tmp_path):
    """A report of counts per agent for March: 417 calls offered, not one by hour; the
    phone tab's heatmap says so (in French too), not "no data"."""
    csv = tmp_path / "calls_per_rep.csv"
    csv.write_text(CALLS_PER_REP)
    with open_database(tmp_path / "rep.duckdb") as store:
        report = import_file(store, csv, period=parse("2024-03"))
        assert report.ok and report.loaded
        engine = Engine(store, lang="fr")
        flt = Filters(date_from=date(2024, 3, 1), date_to=date(2024, 3, 31))
        data = load_tab((engine, TabRequest("phone", flt)))
        assert data.tiles["offered"].value == 417
        assert data.heatmap_reasons["volume"] == NOT_FOR_A_CELL
        assert (
            said_reason(data.heatmap_reasons["volume"], "fr")
            == "non disponible pour un jour de la semaine ou une heure"
        )
        # its counts add up (offered = answered + abandoned): a rate for the month, none by the hour
        assert data.tiles["abandon_rate"].value == pytest.approx(31 / 417)
        assert data.heatmap_reasons["abandon_rate"] == NOT_FOR_A_CELL
        assert all(v is None for row in data.heatmaps["volume"] for v in row)


def test_an_interval_report_and_a_survey_file(tmp_path):
    """The interval report fixture counts calls by half hour: its volume and abandon
    rate heatmaps have cells (its counts add up: offered = answered + abandoned, no
    flow-out column needed). A survey file holds no call at all: the phone heatmaps say
    "no data", which is true."""
    store = open_database(build("intervals", tmp_path / "intervals.duckdb"))
    try:
        data = load_tab((Engine(store), TabRequest("phone", Filters())))
        assert "volume" not in data.heatmap_reasons and "abandon_rate" not in data.heatmap_reasons
        assert data.tiles["abandon_rate"].value == pytest.approx(7 / 88)  # 2 + 0 + 3 + 2 + 0 abandoned of 88
    finally:
        store.close()
    store = open_database(build("surveys", tmp_path / "surveys.duckdb"))
    try:
        data = load_tab((Engine(store), TabRequest("phone", Filters())))
        assert data.heatmap_reasons == dict.fromkeys(TABS["phone"].heatmaps, "no data")
    finally:
        store.close()


@pytest.mark.skipif(not (SHARED_DATA / "salesforce-service-cloud-premierbet").exists(), reason="shared data absent")
def test_salesforce_chat_transcripts_say_what_they_lack(tmp_path):
    """Salesforce lists served chats only: no abandon rate, no first reply time; the
    Chat / Bot heatmaps of those KPIs say the KPI files' reasons, the volume has cells."""
    with open_database(tmp_path / "chat.duckdb") as store:
        assert import_file(store, SHARED_DATA / "salesforce-service-cloud-premierbet" / "chat_transcripts.csv").ok
        data = load_tab((Engine(store, lang="fr"), TabRequest("chat", Filters())))
        assert "volume" not in data.heatmap_reasons
        for kpi in ("chat_abandon_rate", "chat_first_response_time"):
            assert data.heatmap_reasons[kpi] == data.tiles[kpi].reason
            assert data.heatmap_reasons[kpi].startswith("donnée manquante"), data.heatmap_reasons[kpi]
