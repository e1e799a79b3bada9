"""One agent against their team: the figures a coaching session starts from.

A team lead does not coach on a number alone but on where the agent stands: the
team's median and spread, the agent's rank, the target, and whether the gap is
closing. Everything comes from the KPI engine grouped by agent; the team statistics
(median, quartiles, rank, percentile) are computed in DuckDB over those per-agent
values. Agents whose sample is small are shown but neither ranked nor counted in the
team's spread: a rank built on six calls would be a verdict on luck.

"The team" is the agents of the focus agent's own team (``agents.team``) within the
filters, or every agent in the filters when the agent has no team or a team filter
is already set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpidesk.core.db.contact_tables import kind, kind_of_channel
from kpidesk.core.db.store import Store
from kpidesk.core.kpi import targets
from kpidesk.core.kpi.engine import Engine, Filters, KpiValue

# How many spreads away from the median a gap is: IQR / 1.349 estimates the standard
# deviation of a normal spread without letting one outlier agent widen it.
IQR_TO_SIGMA = 1.349
# What "stands out": at least half a robust spread from the median, and a gap the
# team lead can see at the precision shown (half a point of a rate, 1 % of the median
# otherwise): 3.37 against a median of 3.38 is not "to work on", however tight the team.
MIN_Z = 0.5
MIN_RATE_GAP = 0.005
MIN_RELATIVE_GAP = 0.01


@dataclass
class Standing:
    """One KPI: where the agent stands in the team."""

    kpi: str
    label: str
    unit: str
    better: str  # higher | lower | none
    value: float | None
    n: float | None
    small_sample: bool = False
    reason: str | None = None
    team_median: float | None = None
    team_q1: float | None = None
    team_q3: float | None = None
    team_value: float | None = None  # the team's contacts pooled
    ranked_agents: int = 0  # agents with enough sample
    rank: int | None = None  # 1 = best; None when small sample or no direction
    percentile: float | None = None  # 100 = best of the team, 0 = last
    target: float | None = None
    warning: float | None = None

    @property
    def gap(self) -> float | None:
        """Agent − team median, signed so that a positive gap is better."""
        if self.value is None or self.team_median is None or self.better not in ("higher", "lower"):
            return None
        raw = self.value - self.team_median
        return raw if self.better == "higher" else -raw

    @property
    def z(self) -> float | None:
        """The gap in robust spreads (IQR / 1.349): comparable across KPIs."""
        if self.gap is None or self.team_q1 is None or self.team_q3 is None:
            return None
        spread = (self.team_q3 - self.team_q1) / IQR_TO_SIGMA
        return self.gap / spread if spread > 0 else None


@dataclass
class AgentProfile:
    agent_id: str
    agent_name: str
    team: str | None
    channels: tuple[str, ...]
    filters: Filters
    team_filters: Filters
    team_agents: tuple[str, ...]
    standings: list[Standing] = field(default_factory=list)
    # the agent's inbound contacts in the filters (an interval report's offered calls
    # count): 0 when the period holds none of theirs, which the page says plainly
    contacts: float = 0.0

    def standing(self, kpi_id: str) -> Standing | None:
        return next((s for s in self.standings if s.kpi == kpi_id), None)


def agent_info(store: Store, agent_id: str) -> tuple[str, str | None, tuple[str, ...]]:
    """(name, team, the sections of the catalog (phone, email, chat, bot) of the records
    the agent handled: a ticket is the email section's whatever its channel, a ticket
    opened by phone does not make its agent a phone agent)."""
    cur = store.cursor()
    row = cur.execute("SELECT coalesce(name, agent_id), team FROM agents WHERE agent_id = ?", [agent_id]).fetchone()
    section = "CASE {k} WHEN 'call' THEN 'phone' WHEN 'ticket' THEN 'email' ELSE {k} END"
    channels = cur.execute(
        f"SELECT DISTINCT {section.format(k=kind())} FROM contacts WHERE agent_id = ? "
        f"UNION SELECT DISTINCT {section.format(k=kind_of_channel('channel'))} FROM interval_stats "
        "WHERE agent_id = ? ORDER BY 1",
        [agent_id, agent_id],
    ).fetchall()
    name, team = row if row else (agent_id, None)
    return name, team, tuple(c[0] for c in channels)


def team_filters(filters: Filters, team: str | None) -> Filters:
    """The agent's peers: the same filters, any agent, narrowed to the agent's team."""
    teams = filters.teams or ((team,) if team else ())
    return filters.narrowed(agents=(), teams=teams)


def profile_kpis(engine: Engine, channels: tuple[str, ...]) -> list[str]:
    """KPIs of the agent's channels that mean something for one agent (not the
    queue-grain ones: an agent's answer rate is 100 % by construction)."""
    return [
        k.id for k in engine.registry if set(k.channels) & set(channels) and k.relation != "customers" and k.per_agent
    ]


def agent_profile(
    engine: Engine, agent_id: str, filters: Filters = Filters(), lang: str = "en", params: dict[str, Any] | None = None
) -> AgentProfile:
    name, team, channels = agent_info(engine.store, agent_id)
    if filters.channels:
        channels = tuple(c for c in channels if c in filters.channels)
    peers = team_filters(filters, team)
    kpis = profile_kpis(engine, channels)
    per_agent = engine.compute(kpis, peers, by=("agent",), params=params)
    pooled = {v.kpi: v for v in engine.compute(kpis, peers, params=params)}
    better = {k: engine.registry[k].better for k in kpis}
    stats = team_stats(engine.store, per_agent, better, agent_id)
    counted = per_agent if "volume" in kpis else engine.compute(["volume"], peers, by=("agent",), params=params)
    volumes = {v.group.get("agent"): v.value or 0.0 for v in counted if v.kpi == "volume"}
    team_agents = tuple(
        sorted(
            {v.group["agent"] for v in per_agent if v.group.get("agent")} | {a for a, n in volumes.items() if a and n}
        )
    )
    profile = AgentProfile(agent_id, name, team, channels, filters, peers, team_agents)
    profile.contacts = float(volumes.get(agent_id) or 0.0)
    mine = {v.kpi: v for v in per_agent if v.group.get("agent") == agent_id}
    overrides = targets.load(engine.store)
    channel = channels[0] if len(channels) == 1 else None  # several channels: the all-channel target
    for kpi_id in kpis:
        d = engine.registry[kpi_id]
        v = mine.get(kpi_id)
        if v is None or v.value is None:
            continue  # nothing for this agent (e.g. abandon rate: abandons have no agent)
        target = targets.resolve(overrides, d, channel)
        s = Standing(
            kpi_id,
            d.scoped_label(peers.channels, lang),  # AHT (all channels) unless a channel filter says
            d.unit,
            d.better,
            v.value,
            v.n,
            v.small_sample,
            v.reason,
            target=target.target,
            warning=target.warning,
        )
        s.team_value = pooled[kpi_id].value if kpi_id in pooled else None
        st = stats.get(kpi_id, {})
        s.team_median, s.team_q1, s.team_q3 = st.get("median"), st.get("q1"), st.get("q3")
        s.ranked_agents = st.get("ranked", 0)
        if not v.small_sample and d.better in ("higher", "lower"):
            s.rank, s.percentile = st.get("rank"), st.get("percentile")
        profile.standings.append(s)
    return profile


_STATS_SQL = """
WITH v AS (SELECT unnest($kpi) AS kpi, unnest($agent) AS agent, unnest($value) AS value,
                  unnest($sign) AS sign),
r AS (SELECT *, rank() OVER w AS rank, percent_rank() OVER w AS pr, count(*) OVER (PARTITION BY kpi) AS ranked
      FROM v WINDOW w AS (PARTITION BY kpi ORDER BY value * sign DESC))
SELECT kpi, quantile_cont(value, 0.25), quantile_cont(value, 0.5), quantile_cont(value, 0.75),
       any_value(ranked), any_value(rank) FILTER (WHERE agent = $focus),
       any_value(100 * (1 - pr)) FILTER (WHERE agent = $focus AND ranked > 1)
FROM r GROUP BY kpi
"""


def team_stats(
    store: Store, values: list[KpiValue], better: dict[str, str], agent_id: str
) -> dict[str, dict[str, Any]]:
    """Median, quartiles, rank and percentile among agents with enough sample, in SQL.

    The per-agent values are bound as lists. Ranks follow each KPI's direction (1 =
    best; ties share a rank); the percentile is 100 × (1 − DuckDB's ``percent_rank``):
    100 for the best agent, 0 for the last, the share of the other ranked agents the
    agent does at least as well as. KPIs without a direction get quartiles, no rank.
    """
    rows = [v for v in values if v.value is not None and not v.small_sample and v.group.get("agent")]
    if not rows:
        return {}
    sign = {"higher": 1.0, "lower": -1.0}
    bind = {
        "kpi": [v.kpi for v in rows],
        "agent": [v.group["agent"] for v in rows],
        "value": [float(v.value) for v in rows if v.value is not None],  # all of rows (filtered above)
        "sign": [sign.get(better.get(v.kpi, ""), 1.0) for v in rows],
        "focus": agent_id,
    }
    out: dict[str, dict[str, Any]] = {}
    for kpi, q1, med, q3, ranked, rank, pct in store.cursor().execute(_STATS_SQL, bind).fetchall():
        out[kpi] = {"q1": q1, "median": med, "q3": q3, "ranked": ranked, "rank": rank, "percentile": pct}
    return out


def _visible(s: Standing) -> bool:
    gap, median = abs(s.gap or 0.0), abs(s.team_median or 0.0)
    if s.unit == "rate":
        return gap >= MIN_RATE_GAP
    return gap >= MIN_RELATIVE_GAP * median


def strengths_and_gaps(profile: AgentProfile, k: int = 3) -> tuple[list[Standing], list[Standing]]:
    """The KPIs where the agent stands best and worst against the team.

    Computed, not hand-picked: each directed KPI with a solid sample and a team spread
    is scored by its standardised gap (agent − median, in robust spreads, signed so
    that positive is better). Strengths are the ``k`` highest positive gaps, "to work
    on" the ``k`` most negative; a KPI near the median (see ``MIN_Z``) is neither.
    """
    scored = [
        (z, s)
        for s in profile.standings
        if not s.small_sample and (z := s.z) is not None and abs(z) >= MIN_Z and _visible(s)
    ]
    strengths = [s for _, s in sorted((p for p in scored if p[0] > 0), key=lambda p: -p[0])[:k]]
    gaps = [s for _, s in sorted((p for p in scored if p[0] < 0), key=lambda p: p[0])[:k]]
    return strengths, gaps
