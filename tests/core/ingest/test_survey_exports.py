"""Survey exports imported as a team lead would (no flag), their figures against what
was worked out by hand (fixtures) or published in ../shared/data/SOURCES.md (real
files, skipped when absent)."""

from __future__ import annotations

import pytest

from kpidesk.core.ingest import import_file
from kpidesk.core.kpi.engine import Engine, Filters
from tests.helpers.paths import FIXTURES, SHARED_DATA

SALESFORCE_SURVEY = SHARED_DATA / "salesforce-service-cloud-premierbet" / "survey.csv"
NPS_SURVEY = SHARED_DATA / "nps-survey-saas" / "nps_survey.csv"
KPIS = ["csat", "csat_mean", "nps", "fcr_declared", "fcr"]


def _figures(store, channels=()):
    return {v.kpi: v for v in Engine(store).compute(KPIS, Filters(channels=channels))}


def test_salesforce_survey_report_feeds_csat_nps_and_declared_fcr(store):
    """5 takers (3 chat, 2 email), fixture survey_report.csv. Resolved: yes, no, yes on
    chat (2/3), no, yes on email (1/2): 3/5 = 60 %. NPS 10, 0, 9, 6, 8: (2 − 2)/5 = 0;
    chat (2 − 1)/3 = +33.3. CSAT 5, 1, 4, 2, 3: 2 of 5 in the top two = 40 %. The
    catalog's FCR (counted on contacts) has no contact here: no data, not 60 %."""
    report = import_file(store, FIXTURES / "vendors" / "salesforce" / "survey_report.csv")
    assert report.ok and report.profile == "salesforce_survey" and report.loaded == 15, report.summary()
    f = _figures(store)
    assert f["fcr_declared"].value == pytest.approx(0.6) and f["fcr_declared"].n == 5
    assert f["nps"].value == pytest.approx(0.0) and f["csat"].value == pytest.approx(40.0)
    assert f["fcr"].value is None
    chat = _figures(store, ("chat",))
    assert chat["fcr_declared"].value == pytest.approx(2 / 3) and chat["nps"].value == pytest.approx(100 / 3)
    assert _figures(store, ("email",))["fcr_declared"].value == pytest.approx(0.5)


@pytest.mark.skipif(not SALESFORCE_SURVEY.exists(), reason="shared sample data not available")
def test_real_salesforce_survey_matches_sources(store):
    """SOURCES.md §6: 2,620 takers × 3 questions; CSAT mean 2.48, top-2 32.86 %;
    NPS −18.78 (email −26.26); FCR yes 35.0 % (chat 36.52 %, email 27.79 %)."""
    report = import_file(store, SALESFORCE_SURVEY)
    assert report.ok and report.loaded == 7860, report.summary()
    f = _figures(store)
    assert f["csat_mean"].value == pytest.approx(2.48, abs=0.005)
    assert f["csat"].value == pytest.approx(32.86, abs=0.005)
    assert f["nps"].value == pytest.approx(-18.78, abs=0.005) and f["nps"].n == 2620
    assert f["fcr_declared"].value == pytest.approx(0.350, abs=0.0005)
    chat, email = _figures(store, ("chat",)), _figures(store, ("email",))
    assert chat["fcr_declared"].value == pytest.approx(0.3652, abs=0.00005)
    assert email["fcr_declared"].value == pytest.approx(0.2779, abs=0.00005)
    assert email["nps"].value == pytest.approx(-26.26, abs=0.005)


@pytest.mark.skipif(not NPS_SURVEY.exists(), reason="shared sample data not available")
def test_real_nps_survey_matches_sources(store):
    """SOURCES.md §7: 20,268 answers, NPS +10.86."""
    report = import_file(store, NPS_SURVEY)
    assert report.ok and report.loaded == 20268, report.summary()
    nps = _figures(store)["nps"]
    assert nps.value == pytest.approx(10.86, abs=0.005) and nps.n == 20268
