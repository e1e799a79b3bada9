"""The figures of the service report, gathered once for the PDF, the XLSX and the app.

The trade's advice for a production-committee report, followed in this order:
satisfaction and service level first, then each channel on its own; the qualitative
side (contact reasons, customers' words, quality evaluations); a comment on every
result that gives the why and names the action. Every figure comes from the KPI
engine (grouped SQL); a KPI whose inputs are missing carries the engine's reason,
never a made-up value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kpidesk.core import comments as figure_comments
from kpidesk.core.explain import Explanation, beyond_noise, explain
from kpidesk.core.kpi import heatmap as heat
from kpidesk.core.kpi import targets
from kpidesk.core.kpi.definitions import KpiDefinition, scope_codes
from kpidesk.core.kpi.distribution import Histogram, histogram
from kpidesk.core.kpi.engine import SAMPLED_UNITS, Engine, Filters, KpiValue

HEADLINE = ("csat", "service_level", "answer_rate", "first_response_time", "fcr", "volume")
CHANNEL_KPIS: dict[str, tuple[str, ...]] = {
    "phone": ("volume", "service_level", "answer_rate", "abandon_rate", "asa", "aht", "csat", "fcr"),
    "email": ("volume", "first_response_time", "response_sla", "resolution_time", "backlog", "aht", "csat", "fcr"),
    "chat": ("volume", "chat_first_response_time", "chat_abandon_rate", "aht", "csat", "fcr"),
    "bot": ("volume", "containment_rate", "handoff_rate", "csat"),
}
CHANNEL_ORDER = ("phone", "email", "chat", "bot")
# The records each section counts: the e-mail section is every ticket, whatever its
# channel (a ticket opened by phone is not in the phone section: calls are).
SECTION_KINDS = {"phone": "call", "email": "ticket", "chat": "chat", "bot": "bot"}
# Each channel's key KPIs, drawn as trends (target, comment markers) in its section.
TREND_KPIS: dict[str, tuple[str, ...]] = {
    "phone": ("service_level", "abandon_rate", "volume", "aht"),
    "email": ("first_response_time", "response_sla", "volume", "resolution_time"),
    "chat": ("chat_first_response_time", "chat_abandon_rate", "volume", "aht"),
    "bot": ("containment_rate", "handoff_rate", "volume"),
}
TOP_TOPICS = 5  # contact reasons drawn over time
HISTOGRAM = {"phone": "wait", "email": "first_response", "chat": "first_response", "bot": "handle"}
SITE_KPIS = ("volume", "service_level", "aht", "csat", "qa_score")
QUALITY_KPIS = ("qa_score", "csat")
EXPLAIN_BY = ("queue", "site", "team", "topic", "channel", "hour_of_day")
SHORT_PERIOD_DAYS = 7  # up to a week, the sites table also goes day by day


@dataclass
class Figure:
    """One KPI over the period, against its target and the compare period."""

    kpi: str
    label: dict[str, str]
    unit: str
    better: str
    value: float | None
    n: float | None
    previous: float | None
    n_previous: float | None
    target: float | None
    warning: float | None
    status: str | None  # green | amber | red | None
    reason: str | None  # why there is no value (missing input…)
    small_sample: bool = False
    moved: bool = False  # beyond its noise
    comments: list[figure_comments.Comment] = field(default_factory=list)
    note: str | None = None  # what a figure over part of the rows left out (KpiValue.note)

    def label_for(self, lang: str) -> str:
        return self.label.get(lang) or self.label["en"]


@dataclass
class Trend:
    kpi: str
    bucket: str  # day | week
    periods: list[date]
    values: list[float | None]
    target: float | None
    marks: list[tuple[date, figure_comments.Comment]]  # comments placed on the bucket holding their first day
    small: list[bool] = field(default_factory=list)  # per point: a small sample
    label: dict[str, str] = field(default_factory=dict)  # per language, with the channels it covers
    n: list[float | None] = field(default_factory=list)  # per point: the contacts (or answers) behind it

    def label_for(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.kpi


@dataclass
class ChannelSection:
    channel: str
    figures: list[Figure]
    trends: list[Trend]  # the channel's key KPIs that have at least two points, in TREND_KPIS order
    heatmap: list[list[float]]  # 7 weekdays × 24 hours: contacts
    histogram: Histogram | None
    no_trend: list[str] = field(default_factory=list)  # key KPIs without a trend (no data, or one point)
    # the channel's key KPI (its first trend's) by weekday and hour: each cell's value,
    # n and small-sample flag, or why it has none
    key_heatmap: heat.HeatGrid | None = None
    heatmap_reason: str | None = None  # why the contacts have no cell (a month's counts: no hour)

    @property
    def trend(self) -> Trend | None:
        """The first key KPI's trend."""
        return self.trends[0] if self.trends else None


@dataclass
class TopicTrend:
    """The top contact reasons over the period, contacts per day or week (0: none that bucket)."""

    bucket: str  # day | week
    periods: list[date]
    topics: list[str]  # the period's top topics, largest first
    volumes: dict[str, list[float]]  # topic → contacts per bucket


@dataclass
class TopicRow:
    topic: str | None
    volume: float
    previous: float | None
    share: float


@dataclass
class Verbatim:
    answered_at: datetime
    score: float  # on a 1–5 scale
    comment: str
    channel: str | None
    agent_id: str | None
    customer: str | None


@dataclass
class ServiceReport:
    period: tuple[date, date]
    compare: tuple[date, date]
    filters: Filters
    headline: list[Figure]
    channels: list[ChannelSection]
    explanations: list[Explanation]
    sites: dict[str, list[Any]]  # "kpis": [ids], "rows": [(site, {kpi: KpiValue})], "days": [(site, day, {kpi: value})]
    topics: list[TopicRow]
    topic_trend: TopicTrend | None
    headline_trends: list[Trend]  # the headline KPIs with at least two points, in HEADLINE order
    lowest: list[Verbatim]
    highest: list[Verbatim]
    quality: list[tuple[str | None, float | None, float | None, float | None]]  # team, QA, CSAT, n surveys
    definitions: list[str]  # KPI ids shown
    missing: list[tuple[str, str]]  # (kpi, reason) for headline/channel KPIs without a value
    comments: list[figure_comments.Comment]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # kpi → label per language
    absent: list[str] = field(default_factory=list)  # channels of CHANNEL_ORDER with no contact in the period
    min_sample: float = 30.0  # figures resting on fewer contacts (or answers) are small samples (the engine's rule)

    @property
    def empty(self) -> bool:
        return all(f.value is None for f in self.headline)


LANGS = ("en", "fr")


def scoped_label(kpi: KpiDefinition, filters: Filters) -> dict[str, str]:
    """The KPI's label in each language said with the channels its figure covers, as
    the tiles say it: ``AHT (phone)`` in the phone section, ``AHT (chat, bot)`` under a
    Chat / Bot filter, ``AHT (all channels)`` over every channel."""
    scope = scope_codes(filters.channels, filters.kinds)  # tickets, the channels, or the kinds of record
    return {lang: kpi.scoped_label(scope, lang) for lang in LANGS}


def _figures(
    engine: Engine,
    ids: tuple[str, ...],
    current: Filters,
    previous: Filters,
    channel: str | None,
    overrides: dict[tuple[str, str], targets.Target],
    notes: list[figure_comments.Comment],
) -> list[Figure]:
    ids = tuple(k for k in ids if k in engine.registry)
    now = {v.kpi: v for v in engine.compute(ids, current)}
    then = {v.kpi: v for v in engine.compute(ids, previous)}
    min_sample = engine.parameters()["min_sample"]
    out = []
    for kpi_id in ids:
        kpi = engine.registry[kpi_id]
        v, p = now[kpi_id], then[kpi_id]
        goal = targets.resolve(overrides, kpi, channel)
        mine = [
            c
            for c in notes
            if c.kpi == kpi_id and (c.channel or None) == channel and not (c.queue or c.site or c.agent_id)
        ]
        small = kpi.unit in SAMPLED_UNITS and v.value is not None and v.n is not None and v.n < min_sample
        out.append(
            Figure(
                kpi_id,
                scoped_label(kpi, current),
                kpi.unit,
                kpi.better,
                v.value,
                v.n,
                p.value,
                p.n,
                goal.target,
                goal.warning,
                targets.status(v.value, kpi.better, goal.target, goal.warning),
                v.reason,
                small,
                beyond_noise(kpi.unit, p.value, v.value, p.n, v.n, min_sample),
                mine,
                v.note if v.value is not None else None,
            )
        )
    return out


def _bucket(engine: Engine, filters: Filters) -> str:
    start, end = engine.period(filters)
    return "day" if (end - start).days <= 45 else "week"


def _trends(
    engine: Engine,
    kpi_ids: tuple[str, ...],
    filters: Filters,
    channel: str | None,
    overrides: dict[tuple[str, str], targets.Target],
    notes: list[figure_comments.Comment],
) -> dict[str, Trend]:
    """Each KPI by day (or week, past 45 days) in one grouped query; a KPI with fewer
    than two points has no trend (left out). Comments sit on the bucket of their first day."""
    ids = tuple(k for k in kpi_ids if k in engine.registry)
    if not ids:
        return {}
    bucket = _bucket(engine, filters)
    rows: dict[str, list[KpiValue]] = {}
    for v in engine.compute(ids, filters, (bucket,)):
        if v.value is not None and v.group and v.group.get(bucket) is not None:
            rows.setdefault(v.kpi, []).append(v)
    out = {}
    for kpi_id in ids:
        points = sorted(rows.get(kpi_id, []), key=lambda v: v.group[bucket])
        if len(points) < 2:
            continue
        periods = [v.group[bucket] for v in points]
        marks = []
        for c in notes:
            if c.kpi != kpi_id:
                continue
            first = max(c.date_from, periods[0])
            slot = max((p for p in periods if p <= first), default=periods[0])
            marks.append((slot, c))
        goal = targets.resolve(overrides, engine.registry[kpi_id], channel)
        out[kpi_id] = Trend(
            kpi_id,
            bucket,
            periods,
            [v.value for v in points],
            goal.target,
            marks,
            [v.small_sample for v in points],
            scoped_label(engine.registry[kpi_id], filters),
            [v.n for v in points],
        )
    return out


def _topic_trend(engine: Engine, filters: Filters, top: list[str]) -> TopicTrend | None:
    """Contacts per bucket of the ``top`` topics (one grouped query); none with fewer than two buckets."""
    if not top:
        return None
    bucket = _bucket(engine, filters)
    counts: dict[tuple[str, date], float] = {}
    for v in engine.compute(["volume"], filters.narrowed(topics=tuple(top)), ("topic", bucket)):
        if v.value and v.group and v.group.get("topic") in top and v.group.get(bucket) is not None:
            counts[(v.group["topic"], v.group[bucket])] = v.value
    periods = sorted({day for _, day in counts})
    if len(periods) < 2:
        return None
    return TopicTrend(bucket, periods, top, {t: [counts.get((t, p), 0.0) for p in periods] for t in top})


def _verbatims(engine: Engine, filters: Filters, lowest: bool, limit: int = 5) -> list[Verbatim]:
    """CSAT answers with a comment, the lowest (or highest) scores first, on 1–5: the
    answers the CSAT figure counts, within every filter (a heatmap cell too), through
    the engine's own WHERE."""
    order = "figure ASC" if lowest else "figure DESC"
    cur = engine.store.cursor()
    try:
        scope, bind = engine.rows_sql("surveys", filters, cur)
        sql = (
            "SELECT coalesce(k.answered_at, k.t), (k.score - k.scale_min) / nullif(k.scale_max - k.scale_min, 0) * 4 + 1 "
            "AS figure, k.comment, k.channel, k.agent_id, coalesce(cu.name, cu.email, k.survey_customer_id) "
            f"FROM ({scope}) k LEFT JOIN contacts c ON c.contact_id = k.contact_id "
            "LEFT JOIN customers cu ON cu.customer_id = coalesce(k.survey_customer_id, c.customer_id) "
            "WHERE k.survey_type = 'csat' AND k.score IS NOT NULL AND nullif(trim(k.comment), '') IS NOT NULL "
            f"ORDER BY {order}, k.answered_at DESC NULLS LAST LIMIT $limit"
        )
        rows = cur.execute(sql, {**bind, "limit": limit}).fetchall()
    finally:
        cur.close()
    return [Verbatim(*row) for row in rows if row[1] is not None]


def build(
    engine: Engine,
    filters: Filters,
    compare_from: date,
    compare_to: date,
    channels: tuple[str, ...] | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> ServiceReport:
    """Everything the report shows, for the period of ``filters`` against [compare_from, compare_to]."""
    step = progress or (lambda fraction, message: None)
    current = filters
    previous = filters.narrowed(date_from=compare_from, date_to=compare_to)
    start, end = engine.period(current)
    period = (start.date(), (end - timedelta(days=1)).date())
    overrides = targets.load(engine.store)
    notes = figure_comments.find(engine.store, date_from=period[0], date_to=period[1])
    step(0.05, "headline")
    headline = _figures(engine, HEADLINE, current, previous, None, overrides, notes)
    drawn = _trends(engine, HEADLINE, current, None, overrides, notes)
    headline_trends = [drawn[k] for k in HEADLINE if k in drawn]
    step(0.2, "what changed")
    explanations = [explain(engine, f.kpi, current, compare_from, compare_to, EXPLAIN_BY) for f in headline if f.moved]
    step(0.45, "channels")
    sections_of = {k: s for s, k in SECTION_KINDS.items()}
    volumes = {
        sections_of.get(v.group["kind"], v.group["kind"]): v.value
        for v in engine.compute(["volume"], current, ("kind",))
        if v.value and v.group
    }
    wanted = channels if channels is not None else tuple(c for c in CHANNEL_ORDER if c in volumes)
    wanted += tuple(c for c in volumes if c not in CHANNEL_ORDER and channels is None and c is not None)
    sections = []
    for channel in wanted:
        if channel in SECTION_KINDS:
            here = current.narrowed(kinds=(SECTION_KINDS[channel],))
            there = previous.narrowed(kinds=(SECTION_KINDS[channel],))
        else:
            here, there = current.narrowed(channels=(channel,)), previous.narrowed(channels=(channel,))
        kpis = CHANNEL_KPIS.get(channel, ("volume", "aht", "csat", "fcr"))
        kpis = tuple(
            k for k in kpis if k in engine.registry and (channel in engine.registry[k].channels or k == "volume")
        )
        chan_notes = [c for c in notes if c.channel == channel]
        figures = _figures(engine, kpis, here, there, channel, overrides, chan_notes)
        key = tuple(k for k in TREND_KPIS.get(channel, ("volume",)) if k in kpis)
        drawn = _trends(engine, key, here, channel, overrides, chan_notes)
        hist = histogram(engine, HISTOGRAM.get(channel, "handle"), here, bins=24)
        # contacts, and the key KPI (a rate or a time: contacts are drawn already), in one query
        key_kpi = next((k for k in key[:1] if k != "volume"), None)
        grids = heat.compute(engine, ("volume", key_kpi) if key_kpi else ("volume",), here)
        contacts = grids["volume"]
        sections.append(
            ChannelSection(
                channel,
                figures,
                [drawn[k] for k in key if k in drawn],
                [[v or 0.0 for v in row] for row in contacts.cells],
                None if hist.empty else hist,
                [k for k in key if k not in drawn],
                grids.get(key_kpi) if key_kpi else None,
                contacts.reason,
            )
        )
    step(0.7, "sites")
    site_kpis = tuple(k for k in SITE_KPIS if k in engine.registry)
    by_site: dict[Any, dict[str, KpiValue]] = {}
    for v in engine.compute(site_kpis, current, ("site",)):
        if "site" not in v.group:  # the KPI's input is missing: reported in the headline
            continue
        by_site.setdefault(v.group["site"], {})[v.kpi] = v
    site_rows = [(s, row) for s, row in by_site.items() if any(x.value is not None for x in row.values())]
    days: list[tuple[Any, date, dict[str, KpiValue]]] = []
    if period[1] - period[0] < timedelta(days=SHORT_PERIOD_DAYS) and len(site_rows) > 1:
        per_day: dict[tuple[Any, date], dict[str, KpiValue]] = {}
        for v in engine.compute(site_kpis, current, ("site", "day")):
            if "day" not in v.group:
                continue
            per_day.setdefault((v.group["site"], v.group["day"]), {})[v.kpi] = v
        days = [(s, d, row) for (s, d), row in sorted(per_day.items(), key=lambda x: (str(x[0][0]), x[0][1]))]
    step(0.8, "topics")
    now_topics = {v.group["topic"]: v.value or 0.0 for v in engine.compute(["volume"], current, ("topic",)) if v.group}
    then_topics = {v.group["topic"]: v.value for v in engine.compute(["volume"], previous, ("topic",)) if v.group}
    total = sum(now_topics.values()) or 1.0
    topics = sorted(
        (TopicRow(t, vol, then_topics.get(t), vol / total) for t, vol in now_topics.items() if t is not None and vol),
        key=lambda r: -r.volume,
    )[:10]
    topic_trend = _topic_trend(engine, current, [str(r.topic) for r in topics[:TOP_TOPICS]])
    step(0.9, "customers' words")
    quality = []
    by_team: dict[Any, dict[str, KpiValue]] = {}
    for v in engine.compute(list(QUALITY_KPIS), current, ("team",)):
        if "team" not in v.group:
            continue
        by_team.setdefault(v.group["team"], {})[v.kpi] = v
    for team, row in sorted(by_team.items(), key=lambda x: str(x[0])):
        qa, csat = row.get("qa_score"), row.get("csat")
        if (qa and qa.value is not None) or (csat and csat.value is not None):
            quality.append((team, qa.value if qa else None, csat.value if csat else None, csat.n if csat else None))
    shown = list(dict.fromkeys([*HEADLINE, *(f.kpi for s in sections for f in s.figures), *site_kpis, *QUALITY_KPIS]))
    shown = [k for k in shown if k in engine.registry]
    missing = list(
        dict.fromkeys(
            (f.kpi, f.reason)
            for f in [*headline, *(f for s in sections for f in s.figures)]
            if f.value is None and f.reason
        )
    )
    step(1.0, "done")
    return ServiceReport(
        period=period,
        compare=(compare_from, compare_to),
        filters=filters,
        headline=headline,
        channels=sections,
        explanations=explanations,
        sites={"kpis": list(site_kpis), "rows": site_rows, "days": days},
        topics=topics,
        topic_trend=topic_trend,
        headline_trends=headline_trends,
        lowest=_verbatims(engine, current, True),
        highest=_verbatims(engine, current, False),
        quality=quality,
        definitions=shown,
        missing=missing,
        comments=notes,
        labels={k: scoped_label(engine.registry[k], filters) for k in shown},  # as the headline's
        absent=[c for c in CHANNEL_ORDER if c not in wanted],
        min_sample=float(engine.parameters()["min_sample"]),
    )
