"""The PDF coaching sheet: one agent against the team, ready to print or send.

A team lead prepares a one-to-one from it and may hand it to the agent, so it holds
what the session needs and nothing else: the period and filters it was computed on,
the agent's figures against the team, charts, strengths and areas to work on, what
customers said, the goals and the latest notes, and the definitions of every KPI it
shows. Other agents appear only through team figures; with privacy on, free text
(notes, comments) and customer details go through :class:`Privacy` as in the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from kpidesk.core import formatting
from kpidesk.core.coaching.charts import trend
from kpidesk.core.coaching.page import CoachingData, CoachingRequest, load_coaching, trend_kpis
from kpidesk.core.coaching.standings import AgentProfile
from kpidesk.core.dashboard import extent as extents
from kpidesk.core.explain.words import dimension_name
from kpidesk.core.kpi.definitions import channel_name
from kpidesk.core.kpi.engine import Engine, Filters
from kpidesk.core.privacy import Privacy
from kpidesk.pdf.charts import distribution_chart, percentile_chart, trend_chart
from kpidesk.pdf.style import MUTED, esc, register_fonts, safe, styles
from kpidesk.pdf.tables import goals_table, quality_table, standings_table
from kpidesk.pdf.text import gap_amount, t

SHEET_NOTES = 5  # the latest notes the sheet prints


@dataclass
class ReportResult:
    path: Path
    pages: int
    agent_name: str


def build_report(
    store,
    agent_id: str,
    out: str | Path,
    filters: Filters = Filters(),
    lang: str = "en",
    privacy: bool = False,
    today: date | None = None,
) -> ReportResult:
    engine = Engine(store, lang=lang)
    # the desk's one rule for the data's grain: a monthly report is trended by month
    grain = extents.extent(store).grain(today)
    data = load_coaching((engine, CoachingRequest(agent_id, filters, lang, today, data_grain=grain)))
    profile = data.profile
    priv = Privacy.from_store(store, privacy, agent_id, lang)
    st = styles()
    story: list = []
    story += _header(engine, profile, priv, lang, st)
    story += _standings(engine, profile, lang, st)
    story += _strengths(data, lang, st)
    story += _charts(engine, data, lang, st, priv, grain)
    story += _quality(data, priv, lang, st)
    story += _goals_and_notes(engine, data, priv, lang, st)
    story += _definitions(engine, profile, lang, st)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pages = []
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=safe(t("title", lang, name=profile.agent_name)),
        author="kpidesk",
    )

    def footer(canvas, doc_):
        pages.append(doc_.page)
        canvas.saveState()
        canvas.setFont(register_fonts()[0], 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(
            16 * mm,
            9 * mm,
            safe(f"{t('title', lang, name=profile.agent_name)} · {_period_text(engine, profile.filters, lang)}"),
        )
        canvas.drawRightString(A4[0] - 16 * mm, 9 * mm, safe(t("page", lang, n=doc_.page)))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return ReportResult(out, max(pages), profile.agent_name)


def _period_text(engine: Engine, filters: Filters, lang: str, cell: bool = True) -> str:
    """The period, and the weekday × hour it is narrowed to (``Tuesdays, 10:00–11:00``)."""
    start, end = engine.period(filters)
    text = f"{formatting.day(start, lang)} – {formatting.day(end - timedelta(days=1), lang)}"
    narrowed = filters.cell_label(lang) if cell else None
    return f"{text} · {narrowed}" if narrowed else text


def _header(engine, profile: AgentProfile, priv: Privacy, lang, st) -> list:
    f = profile.filters
    team = profile.team or t("all_teams", lang)
    ranked = len(profile.team_agents)
    channels = ", ".join(channel_name(c, lang) for c in profile.channels)
    shown = [(t("channels", lang), channels or t("none", lang))]
    # every filter the figures, lists and charts were computed with (the team is said above)
    extra = [
        f"{dimension_name(name, lang)}: {', '.join(vals)}"
        for name, vals in (("queue", f.queues), ("site", f.sites), ("topic", f.topics))
        if vals
    ]
    cell = f.cell_label(lang)  # a heatmap cell of the desk: Tuesdays, 10:00–11:00
    if cell:
        extra.append(cell)
    lines = [
        f"<b>{esc(t('period', lang))}</b> {esc(_period_text(engine, f, lang, cell=False))}",
        f"<b>{esc(t('team', lang))}</b> {esc(team)} ({esc(t('agents', lang, n=ranked))})",
        *[f"<b>{esc(k)}</b> {esc(v)}" for k, v in shown],
        f"<b>{esc(t('filters', lang))}</b> {esc('; '.join(extra) or t('none', lang))}",
    ]
    out = [
        Paragraph(esc(t("title", lang, name=priv.agent_name(profile.agent_id, profile.agent_name))), st["title"]),
        Paragraph(" · ".join(lines), st["body"]),
        Paragraph(esc(t("generated", lang, day=formatting.day(date.today(), lang))), st["small"]),
    ]
    if priv.enabled:
        out.append(Paragraph(esc(t("privacy", lang)), st["banner"]))
    return out


def _standings(engine, profile, lang, st) -> list:
    min_sample = engine.parameters()["min_sample"]
    return [
        Paragraph(esc(t("vs_team", lang)), st["h2"]),
        standings_table(profile, lang, st),
        Paragraph(esc(t("table_note", lang, min=min_sample)), st["small"]),
    ]


def _strengths(data: CoachingData, lang, st) -> list:
    out = [CondPageBreak(60 * mm)]
    for key, items, phrase in (("strengths", data.strengths, "gap_better"), ("to_work_on", data.gaps, "gap_worse")):
        out.append(Paragraph(esc(t(key, lang)), st["h2"]))
        if not items:
            out.append(Paragraph(esc(t("nothing", lang)), st["body"]))
        for s in items:
            text = t(
                phrase,
                lang,
                value=formatting.value(s.value, s.unit, lang),
                median=formatting.value(s.team_median, s.unit, lang),
                gap=gap_amount(s.gap, s.unit, lang),
                z=formatting.number(abs(s.z), 1, lang),
            )
            out.append(Paragraph(f"<b>{esc(s.label)}</b> — {esc(text)}", st["body"]))
    out.append(Paragraph(esc(t("gap_note", lang)), st["small"]))
    return out


def _period_label(day: date, bucket: str, lang: str) -> str:
    """A trend point's label: ``12/03`` (``03-12``) for a day or week, ``03/2024`` for a month."""
    if bucket == "month":
        return f"{day.month:02d}/{day.year}" if lang == "fr" else f"{day.year}-{day.month:02d}"
    return formatting.day(day, lang)[:5] if lang == "fr" else formatting.day(day, lang)[5:]


def _charts(engine, data: CoachingData, lang, st, priv, grain: str | None = None) -> list:
    profile = data.profile
    out = [CondPageBreak(90 * mm), Paragraph(esc(t("charts", lang)), st["h2"])]
    # KPIs on which the whole team ties (everyone answers every call) rank everyone first: left out
    ranked = [
        (s.label, s.percentile)
        for s in profile.standings
        if s.percentile is not None and s.rank and (s.team_q1 != s.team_q3 or s.value != s.team_median)
    ]
    if ranked:
        out.append(percentile_chart(ranked, t("percentiles", lang)))
    names = (priv.agent_name(profile.agent_id, profile.agent_name), t("team_series", lang))
    faded = False
    for kpi in trend_kpis(profile)[:2]:
        tr = trend(engine, kpi, profile.agent_id, profile.team_filters, data_grain=grain)
        if len(tr.periods) < 2:
            continue
        s = profile.standing(kpi)
        labels = [_period_label(p, tr.bucket, lang) for p in tr.periods]
        title = t("trend", lang, kpi=s.label, bucket=t(tr.bucket, lang))
        chart = trend_chart(labels, tr.agent, tr.team, s.unit, lang, title, names, tr.agent_small, tr.agent_n)
        out += [Spacer(1, 4), chart]
        faded = faded or any(tr.agent_small)
    if faded:  # what the hollow dots mean, with the one threshold (the engine's min_sample)
        min_sample = formatting.number(engine.parameters()["min_sample"], 0, lang)
        out.append(Paragraph(esc(t("small_points", lang, min=min_sample)), st["small"]))
    # one duration the agent's contacts have (a call's handle time, else a ticket's
    # resolution or first reply) and the CSAT scores; without scores, two durations
    dists = data.distributions
    durations = [m for m in ("handle", "resolution", "first_response") if sum(dists[m].agent)]
    for measure in durations[:1] + ["csat"] if sum(dists["csat"].agent) else durations[:2]:
        dist = dists[measure]
        what = t("csat_scores" if measure == "csat" else measure, lang)
        chart = distribution_chart(
            dist.edges,
            dist.shares("agent"),
            dist.shares("team"),
            dist.unit,
            lang,
            t("distribution", lang, what=what),
            names,
        )
        out += [Spacer(1, 4), KeepTogether([chart])]
    return out


def _quality(data: CoachingData, priv, lang, st) -> list:
    out = []
    q = data.quality
    if q.criteria:
        line = t(
            "qa_line",
            lang,
            qa=formatting.value(q.qa[0], "score", lang),
            tqa=formatting.value(q.qa[1], "score", lang),
            csat=formatting.value(q.csat[0], "percent", lang),
            tcsat=formatting.value(q.csat[1], "percent", lang),
        )
        out += [
            CondPageBreak(40 * mm),
            Paragraph(esc(t("quality", lang)), st["h2"]),
            Paragraph(esc(line), st["body"]),
            Spacer(1, 3),
            quality_table(q, lang, st),
        ]
    said = data.comments
    if said:
        out += [CondPageBreak(30 * mm), Paragraph(esc(t("said", lang)), st["h2"])]
        for c in said:
            who = priv.customer(c.customer_name) or ""
            head = f"{formatting.day(c.arrived_at, lang)} · {formatting.number(c.figure, 0, lang)}/5"
            head += f" · {who}" if who else ""
            out.append(
                Paragraph(
                    f"<b>{esc(head)}</b> — « {esc(priv.text(c.comment))} »"
                    if lang == "fr"
                    else f"<b>{esc(head)}</b> — “{esc(priv.text(c.comment))}”",
                    st["body"],
                )
            )
    return out


def _goals_and_notes(engine, data: CoachingData, priv, lang, st) -> list:
    progress = data.history.goals
    out = [CondPageBreak(40 * mm), Paragraph(esc(t("goals", lang)), st["h2"])]
    out.append(
        goals_table(engine, progress, priv, lang, st) if progress else Paragraph(esc(t("no_goals", lang)), st["body"])
    )
    out.append(Paragraph(esc(t("notes", lang)), st["h2"]))
    notes = data.history.notes[:SHEET_NOTES]
    if not notes:
        out.append(Paragraph(esc(t("no_notes", lang)), st["body"]))
    for n in notes:
        kpis = ", ".join(engine.registry[k].label_for(lang) for k in n.kpis if k in engine.registry)
        head = formatting.day(n.session_date, lang) + (f" · {kpis}" if kpis else "")
        out.append(Paragraph(f"<b>{esc(head)}</b> — {esc(priv.text(n.text))}", st["body"]))
        out.append(Spacer(1, 2))
    return out


def _definitions(engine, profile, lang, st) -> list:
    out = [CondPageBreak(30 * mm), Paragraph(esc(t("definitions", lang)), st["h2"])]
    for s in profile.standings:
        d = engine.registry[s.kpi]
        out.append(Paragraph(f"<b>{esc(d.label_for(lang))}</b> — {esc(d.description_for(lang))}", st["small"]))
    return out
