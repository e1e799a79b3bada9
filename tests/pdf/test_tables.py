"""The PDF's tables colour a value by the app's rule (kpi.targets.status)."""

from kpidesk.core.coaching.standings import AgentProfile, Standing
from kpidesk.core.kpi.engine import Filters
from kpidesk.pdf.style import AMBER, GREEN, RED, styles
from kpidesk.pdf.tables import standings_table


def _colours(*standings: Standing) -> list:
    profile = AgentProfile("A1", "Ana", None, ("phone",), Filters(), Filters(), ("A1",), list(standings))
    table = standings_table(profile, "en", styles())
    return [table._cellStyles[row][1].color for row in range(1, len(standings) + 1)]


def test_value_coloured_like_the_app():
    # AHT (lower is better), target 300 s, warning 360 s; CSAT (higher), target 80 %, no warning level
    aht = lambda v: Standing("aht", "AHT", "seconds", "lower", v, 100, False, target=300.0, warning=360.0)
    csat = lambda v: Standing("csat", "CSAT", "percent", "higher", v, 100, False, target=80.0)
    assert _colours(aht(290.0), aht(330.0), aht(400.0), csat(85.0), csat(79.0)) == [GREEN, AMBER, RED, GREEN, RED]
