"""What each tab of the team lead's desktop shows, and the one job that loads it.

A tab is data (:class:`TabSpec`): its channels, tiles, heatmap KPIs, duration
distribution and agent-table columns. :func:`load_tab` is a plain ``run(inputs,
state)`` function — the UI runs it off the GUI thread, tests call it directly — that
asks the engine for everything the tab draws, a handful of grouped queries, and
returns plain data the views only have to paint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kpidesk.core import comments as figure_comments
from kpidesk.core.dashboard import periods
from kpidesk.core.dashboard.extent import dated_range
from kpidesk.core.jobs import NULL, JobState, check
from kpidesk.core.kpi import distribution, heatmap
from kpidesk.core.kpi.definitions import scope_codes
from kpidesk.core.kpi.engine import Engine, Filters, KpiValue


@dataclass(frozen=True)
class TabSpec:
    """``channels``: the section of the KPI catalog the tab is (its targets, comments
    and the channels its figures are said to cover); ``kinds``: the records it counts
    (calls, tickets, chats and bots), whatever their channel: the tickets tab holds the
    tickets opened by phone or chat, the phone tab no ticket."""

    key: str
    channels: tuple[str, ...]
    tiles: tuple[str, ...]
    heatmaps: tuple[str, ...] = ()
    durations: tuple[str, ...] = ()
    table: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    # Tiles shown only where the database holds their answers for the tab's channels
    # (at any date): few surveys ask about effort or first-contact resolution.
    optional: tuple[str, ...] = ()


# What the customers said, beside each tab's own figures: answers linked to a contact
# count on its channel's tab, every answer on the Overview.
SATISFACTION = ("csat", "nps", "ces", "fcr_declared")
# Questions few surveys ask: their tiles only where the database holds such answers.
RARE_QUESTIONS = ("ces", "fcr_declared")

TABS: dict[str, TabSpec] = {
    s.key: s
    for s in [
        TabSpec(
            "overview",
            (),
            (
                *SATISFACTION,
                "answer_rate",
                "volume",
                "service_level",
                "first_response_time",
                "chat_first_response_time",
                "containment_rate",
                "fcr",
            ),
            optional=RARE_QUESTIONS,
        ),
        TabSpec(
            "phone",
            ("phone",),
            ("offered", "answer_rate", "abandon_rate", "service_level", "asa", "aht", "transfer_rate") + SATISFACTION,
            ("abandon_rate", "volume", "service_level", "asa"),
            ("handle", "wait"),
            ("answered", "aht", "avg_talk", "avg_hold", "avg_wrap", "transfer_rate", "fcr", "csat"),
            ("call",),
            optional=RARE_QUESTIONS,
        ),
        TabSpec(
            "email",
            ("email",),
            (
                "volume",
                "first_response_time",
                "response_sla",
                "resolution_time",
                "resolution_rate",
                "backlog",
                "reopen_rate",
                *SATISFACTION,
            ),
            ("volume", "first_response_time", "response_sla"),
            ("first_response", "resolution"),
            ("volume", "first_response_time", "resolution_time", "reopen_rate", "aht", "fcr", "csat"),
            ("ticket",),
            optional=RARE_QUESTIONS,
        ),
        TabSpec(
            "chat",
            ("chat", "bot"),
            (
                "volume",
                "chat_first_response_time",
                "chat_abandon_rate",
                "containment_rate",
                "handoff_rate",
                "handoff_wait",
                "bot_response_time",
                *SATISFACTION,
            ),
            ("volume", "chat_abandon_rate", "chat_first_response_time"),
            ("first_response", "handle"),
            ("volume", "chat_first_response_time", "aht", "avg_wrap", "fcr", "csat"),
            ("chat", "bot"),
            optional=RARE_QUESTIONS,
        ),
        TabSpec(
            "agents",
            (),
            (),
            (),
            (),
            ("volume", "aht", "fcr", "repeat_rate", "csat", "occupancy", "contacts_per_hour", "qa_score"),
        ),
    ]
}
# The channel whose target a tile of the overview uses (else the all-channel target).
HEADLINE_CHANNEL = {
    "answer_rate": "phone",
    "service_level": "phone",
    "first_response_time": "email",
    "chat_first_response_time": "chat",
    "containment_rate": "bot",
}


@dataclass(frozen=True)
class TabRequest:
    tab: str
    filters: Filters
    compare: Filters | None = None
    granularity: str = "day"
    duration: str | None = None


@dataclass
class AgentRow:
    agent_id: str
    name: str
    values: dict[str, KpiValue] = field(default_factory=dict)


@dataclass
class TabData:
    request: TabRequest
    tiles: dict[str, KpiValue] = field(default_factory=dict)
    compare_tiles: dict[str, KpiValue] = field(default_factory=dict)
    trend: dict[str, list[tuple[datetime, float | None]]] = field(default_factory=dict)
    # Beside each trend point: its sample size and whether it is too small to read.
    trend_samples: dict[str, list[tuple[float | None, bool]]] = field(default_factory=dict)
    compare_trend: dict[str, list[tuple[datetime, float | None]]] = field(default_factory=dict)
    heatmaps: dict[str, list[list[float | None]]] = field(default_factory=dict)  # [weekday 0-6][hour]
    # Beside each heatmap cell: its sample size and whether it is too small to read.
    heatmap_samples: dict[str, list[list[tuple[float | None, bool]]]] = field(default_factory=dict)
    # A heatmap without any value: why (its KPI's own reason; "no data" only when the
    # period holds no rows).
    heatmap_reasons: dict[str, str] = field(default_factory=dict)
    distribution: distribution.Histogram | None = None
    agents: list[AgentRow] = field(default_factory=list)
    channel_mix: dict[str, float | None] = field(default_factory=dict)
    comments: list[figure_comments.Comment] = field(default_factory=list)  # the team lead's, on this period
    hidden: frozenset[str] = frozenset()  # optional tiles with no answer at all in the tab's channels

    def failures(self) -> list[str]:
        """Why figures of this tab could not be computed (a query failed), if any."""
        values = [*self.tiles.values(), *self.compare_tiles.values()]
        values += [v for row in self.agents for v in row.values.values()]
        return list(dict.fromkeys(f"{v.kpi}: {v.reason}" for v in values if v.failed))


def with_channels(filters: Filters, spec: TabSpec) -> Filters:
    """The filters of a tab's figures: its kinds of record (a channel filter still
    applies: the tickets of one channel)."""
    return filters.narrowed(kinds=spec.kinds) if spec.kinds else filters


def scope(filters: Filters, spec: TabSpec) -> tuple[str, ...]:
    """The channels a tab's figures are said to cover: the channel filter's, else the
    tab's records ("AHT (tickets)"), else the tab's channels (none: every channel)."""
    return scope_codes(filters.channels, spec.kinds) or spec.channels


def _series(values: list[KpiValue], dim: str, shift: timedelta) -> dict[str, list[tuple[datetime, float | None]]]:
    out: dict[str, list[tuple[datetime, float | None]]] = {}
    for v in values:
        t = v.group.get(dim)
        if t is None:  # a KPI whose inputs are missing: one value, no group (its reason)
            continue
        if isinstance(t, date) and not isinstance(t, datetime):
            t = datetime.combine(t, datetime.min.time())
        out.setdefault(v.kpi, []).append((t + shift, v.value))
    return out


def _samples(values: list[KpiValue], dim: str) -> dict[str, list[tuple[float | None, bool]]]:
    """Each point of :func:`_series`: its n and its small-sample flag, in the same order."""
    out: dict[str, list[tuple[float | None, bool]]] = {}
    for v in values:
        if v.group.get(dim) is not None:
            out.setdefault(v.kpi, []).append((v.n, v.small_sample))
    return out


def _absent(engine: Engine, spec: TabSpec, tiles: dict[str, KpiValue], flt: Filters) -> frozenset[str]:
    """The optional tiles of ``spec`` with nothing to show in the tab's channels at any
    date (a tile with figures in the period is never asked about)."""
    unsure = [k for k in spec.optional if k in tiles and not tiles[k].n and not tiles[k].failed]
    if not unsure:
        return frozenset()
    anywhen = Filters(channels=flt.channels, kinds=flt.kinds)  # the tab's records, at any date
    return frozenset(v.kpi for v in engine.compute(unsure, anywhen) if not v.n and not v.failed)


def _before_the_data(engine: Engine, flt: Filters) -> bool:
    """Whether a period begins before the first day of data (its counts would be short)."""
    if flt.date_from is None:
        return False
    cur = engine.store.cursor()
    try:
        first = dated_range(cur)[0]
    finally:
        cur.close()
    return first is not None and flt.date_from < first


def load_tab(inputs: tuple[Engine, TabRequest], state: JobState = NULL) -> TabData:
    """Everything a tab draws, for one request. Raises :class:`Cancelled` when a
    newer request made this one pointless."""
    engine, req = inputs
    spec = TABS[req.tab]
    data = TabData(req)
    flt = with_channels(req.filters, spec)
    cmp = with_channels(req.compare, spec) if req.compare is not None else None
    steps = 1 + bool(spec.tiles) * 3 + bool(spec.heatmaps) + bool(spec.durations) + bool(spec.table)
    done = 0

    def step() -> None:
        nonlocal done
        check(state)
        done += 1
        state.set_progress(done / steps)

    if spec.tiles:
        data.tiles = {v.kpi: v for v in engine.compute(spec.tiles, flt)}
        data.hidden = _absent(engine, spec, data.tiles, flt)
        step()
        trend = engine.compute(spec.tiles, flt, (req.granularity,))
        data.trend = _series(trend, req.granularity, timedelta())
        data.trend_samples = _samples(trend, req.granularity)
        step()
        if cmp is not None:
            # a compare period the data covers only in part holds fewer contacts: its
            # counts are not compared (the tile says "no comparison"), its rates are
            short = _before_the_data(engine, cmp)
            data.compare_tiles = {
                v.kpi: v
                for v in engine.compute(spec.tiles, cmp)
                if not (short and engine.registry[v.kpi].unit == "count")
            }
            shift = timedelta()
            if flt.date_from and cmp.date_from:  # weekday under weekday (see periods.aligned_shift)
                shift = periods.aligned_shift(
                    periods.Period(flt.date_from, flt.date_to or flt.date_from),
                    periods.Period(cmp.date_from, cmp.date_to or cmp.date_from),
                    req.granularity,
                )
            data.compare_trend = _series(engine.compute(spec.tiles, cmp, (req.granularity,)), req.granularity, shift)
        step()
    data.comments = figure_comments.find(
        engine.store, date_from=flt.date_from, date_to=flt.date_to, channels=spec.channels or None
    )
    if req.tab == "overview":
        mix = engine.compute(["volume_share"], flt, ("channel",))
        data.channel_mix = {str(v.group["channel"]): v.value for v in mix if "channel" in v.group}
    if spec.heatmaps:
        grids = heatmap.compute(engine, spec.heatmaps, flt, data.tiles)
        data.heatmaps = {k: g.cells for k, g in grids.items()}
        data.heatmap_samples = {k: g.samples for k, g in grids.items()}
        data.heatmap_reasons = {k: g.reason for k, g in grids.items() if g.reason}
        step()
    if spec.durations:
        data.distribution = distribution.histogram(engine, req.duration or spec.durations[0], flt)
        step()
    table = [k for k in spec.table if k in engine.registry and engine.registry[k].per_agent]
    if table:
        rows: dict[str, AgentRow] = {}
        for v in engine.compute(table, flt, ("agent",)):
            agent = v.group.get("agent")
            if agent is None:
                continue
            row = rows.setdefault(agent, AgentRow(agent, str(v.group.get("agent_name") or agent)))
            row.values[v.kpi] = v
        data.agents = sorted(rows.values(), key=lambda r: r.name.lower())
    step()
    return data
