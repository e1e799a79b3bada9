"""The service report as a PDF: what a team lead brings to the production committee.

Page 1 the headline (satisfaction and service level first), each figure against its
target and the compare period, with its comment; then what changed and why, one
section per channel with its charts, the sites side by side, contact reasons,
customers' words, delivered vs perceived quality, the comments and actions, and the
definitions used. Figures come from ``core/service`` (the KPI engine); with privacy
on, agents are aliases and free text and customer details are masked (``Privacy``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kpidesk.core import formatting
from kpidesk.core.explain.words import amount, dimension_name, group_name, sentence
from kpidesk.core.explain.words import t as words
from kpidesk.core.kpi.engine import said_reason
from kpidesk.core.privacy import Privacy
from kpidesk.core.service.report import ServiceReport
from kpidesk.pdf.service_charts import WIDTH, heatmap_chart, histogram_chart, lines_chart, trend_chart, waterfall_chart
from kpidesk.pdf.service_text import channel_name, section_name, t
from kpidesk.pdf.style import MUTED, esc, register_fonts, safe, styles
from kpidesk.pdf.tables import _TARGET_COLOUR, _style

WATERFALL_STEPS = 6
DAGGER = "\u2020"  # beside a figure resting on too few contacts (or answers): a small sample


@dataclass
class ServiceResult:
    path: Path
    pages: int


def period_text(first: date, last: date, lang: str) -> str:
    return f"{formatting.day(first, lang)} – {formatting.day(last, lang)}"


def change_text(value: float | None, previous: float | None, unit: str, lang: str) -> str:
    """The change against the compare period: relative for counts, in the KPI's unit
    otherwise (points for rates and percentages)."""
    if value is None or previous is None:
        return "–"
    if unit == "count":
        return formatting.delta(value, previous, unit, lang) or amount(value - previous, unit, lang)
    return amount(value - previous, unit, lang)


def scope_text(c, priv: Privacy, lang: str) -> str:
    """``file Support``, ``canal téléphone``…, or the whole service."""
    parts = []
    for key, value in c.scope.items():
        shown = priv.agent_name(value) if key == "agent" else channel_name(value, lang) if key == "channel" else value
        parts.append(f"{dimension_name(key, lang)} {shown}")
    return ", ".join(parts) or t("scope_all", lang)


_SCOPE_FIELD = {"queue": "queue", "site": "site", "agent": "agent_id", "channel": "channel"}


def driver_comments(report: ServiceReport, kpi: str, driver) -> list:
    """The comments on this KPI narrowed to exactly this driver's queue, site, agent or
    channel: printed next to the driver they explain."""
    field = _SCOPE_FIELD.get(driver.dimension)
    if field is None or driver.value is None:
        return []
    return [c for c in report.comments if c.kpi == kpi and getattr(c, field) == driver.value and len(c.scope) == 1]


def comment_numbers(report: ServiceReport) -> dict[int, int]:
    """comment_id → the number printed on charts and in the comments list."""
    return {c.comment_id: i for i, c in enumerate(report.comments, start=1)}


def build_service_pdf(
    store, report: ServiceReport, out: str | Path, lang: str = "en", privacy: bool = False
) -> ServiceResult:
    registry_descriptions = _descriptions(store, report, lang)
    priv = Privacy.from_store(store, privacy, None, lang)
    st = styles()
    numbers = comment_numbers(report)
    story: list = []
    story += _header(report, priv, lang, st)
    story += _headline(report, priv, lang, st, numbers)
    story += _headline_trends(report, lang, st, numbers)
    story += _why(report, priv, lang, st, numbers)
    for section in report.channels:
        story += _channel(section, report, priv, lang, st, numbers)
    story += _sites(report, lang, st)
    story += _topics(report, lang, st)
    story += _words(report, priv, lang, st)
    story += _quality(report, lang, st)
    story += _comments(report, priv, lang, st, numbers)
    story += _definitions(report, registry_descriptions, lang, st)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pages = []
    title = f"{t('title', lang)} · {period_text(*report.period, lang)}"
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=safe(title),
        author="kpidesk",
    )

    def footer(canvas, doc_):
        pages.append(doc_.page)
        canvas.saveState()
        canvas.setFont(register_fonts()[0], 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(16 * mm, 9 * mm, safe(title))
        canvas.drawRightString(A4[0] - 16 * mm, 9 * mm, safe(t("page", lang, n=doc_.page)))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return ServiceResult(out, max(pages))


def _descriptions(store, report: ServiceReport, lang: str) -> dict[str, str]:
    from kpidesk.core.kpi.definitions import load_registry

    registry = load_registry(store.path)
    return {k: registry[k].description_for(lang) for k in report.definitions if k in registry}


def _label(report: ServiceReport, kpi: str, lang: str) -> str:
    label = report.labels.get(kpi) or {"en": kpi}
    return label.get(lang) or label["en"]


def _filters_text(report: ServiceReport, priv: Privacy, lang: str) -> str:
    f = report.filters
    parts = [
        f"{name}: {', '.join(vals)}"
        for name, vals in (
            ("channel", f.channels),
            ("queue", f.queues),
            ("team", f.teams),
            ("site", f.sites),
            ("topic", f.topics),
        )
        if vals
    ]
    if f.agents:
        parts.append("agent: " + ", ".join(priv.agent_name(a) for a in f.agents))
    cell = f.cell_label(lang)  # a heatmap cell: Tuesdays, 10:00–11:00
    if cell:
        parts.append(cell)
    return "; ".join(parts) or t("none", lang)


def _header(report: ServiceReport, priv, lang, st) -> list:
    sub = t(
        "subtitle",
        lang,
        start=formatting.day(report.period[0], lang),
        end=formatting.day(report.period[1], lang),
        cstart=formatting.day(report.compare[0], lang),
        cend=formatting.day(report.compare[1], lang),
    )
    out = [
        Paragraph(esc(t("title", lang)), st["title"]),
        Paragraph(esc(sub), st["body"]),
        Paragraph(f"<b>{esc(t('filters', lang))}</b> {esc(_filters_text(report, priv, lang))}", st["body"]),
        Paragraph(esc(t("generated", lang, day=formatting.day(date.today(), lang))), st["small"]),
    ]
    if priv.enabled:
        out.append(Paragraph(esc(t("privacy", lang)), st["banner"]))
    if report.empty:
        out.append(Paragraph(esc(t("empty", lang)), st["banner"]))
    return out


def _comment_text(comments, priv, lang, numbers) -> str:
    bits = []
    for c in comments:
        text = f"[{numbers.get(c.comment_id, '')}] {priv.text(c.text)}"
        if c.action:
            text += f" → {priv.text(c.action)}" + (f" ({priv.text(c.owner)})" if c.owner else "")
        bits.append(text)
    return " ".join(bits)


def _figure_table(figures, lang, st, priv, numbers, with_comments: bool = True) -> Table:
    head = [t(k, lang) for k in ("kpi", "value", "target", "previous", "change")] + (
        [t("comment", lang)] if with_comments else ["n"]
    )
    rows, style = [[safe(h) for h in head]], _style()
    for i, f in enumerate(figures, start=1):
        if f.value is None:
            reason = t("no_data", lang) if f.reason in (None, "no data") else said_reason(f.reason, lang)
            value = Paragraph(f"<font color='#616161'>{esc(reason)}</font>", st["cell"])
            style.append(("SPAN", (1, i), (4, i)))
            rows.append([Paragraph(esc(f.label_for(lang)), st["cell"]), value, "", "", "", ""])
            continue
        change = change_text(f.value, f.previous, f.unit, lang)
        if f.moved and not f.small_sample:
            change += " •"
        last = (
            Paragraph(esc(_comment_text(f.comments, priv, lang, numbers)), st["cell"])
            if with_comments
            else safe(formatting.number(f.n or 0, 0, lang))
        )
        label = esc(f.label_for(lang))
        if f.note:  # a figure over part of the contacts: what it left out, under its name
            label += f"<br/><font size='7' color='#616161'>{esc(f.note)}</font>"
        rows.append(
            [
                Paragraph(label, st["cell"]),
                safe(formatting.value(f.value, f.unit, lang) + (f" {DAGGER}" if f.small_sample else "")),
                safe(formatting.value(f.target, f.unit, lang, empty="")),
                safe(formatting.value(f.previous, f.unit, lang)),
                safe(change),
                last,
            ]
        )
        colour = _TARGET_COLOUR.get(f.status or "")
        if f.small_sample:  # too few to read: not coloured against the target (the app's grey)
            style.append(("TEXTCOLOR", (1, i), (1, i), MUTED))
        elif colour is not None:
            style += [("TEXTCOLOR", (1, i), (1, i), colour), ("FONTNAME", (1, i), (1, i), register_fonts()[1])]
    widths = [118, 58, 54, 58, 78, 150] if with_comments else [150, 70, 60, 80, 80, 78]
    style.append(("VALIGN", (0, 0), (-1, -1), "TOP"))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def small_note(figures, report: ServiceReport, lang: str) -> str | None:
    """The footnote of the figures marked † (a small sample): each one's n."""
    small = [f for f in figures if f.small_sample and f.value is not None]
    if not small:
        return None
    what = "; ".join(f"{f.label_for(lang)} n = {formatting.number(f.n or 0, 0, lang)}" for f in small)
    return t("small_note", lang, min=formatting.number(report.min_sample, 0, lang), what=what)


def _small_paragraph(figures, report: ServiceReport, lang: str, st) -> list:
    note = small_note(figures, report, lang)
    return [Paragraph(esc(note), st["small"])] if note else []


def _headline(report: ServiceReport, priv, lang, st, numbers) -> list:
    out = [Paragraph(esc(t("headline", lang)), st["h2"]), _figure_table(report.headline, lang, st, priv, numbers)]
    out += _small_paragraph(report.headline, report, lang, st)
    note = {
        "en": "• moved beyond its noise against the compare period (see “What changed and why”). "
        "Colour: green = target met, amber = between target and warning level, red = beyond.",
        "fr": "• a bougé au-delà du bruit par rapport à la période de comparaison (voir « Ce qui a changé »). "
        "Couleur : vert = objectif atteint, orange = entre objectif et seuil d'alerte, rouge = au-delà.",
    }[lang]
    out.append(Paragraph(esc(note), st["small"]))
    if report.missing or report.absent:
        out += [Paragraph(esc(t("missing_title", lang)), st["h2"])]
    if report.absent:
        names = ", ".join(channel_name(c, lang) for c in report.absent)
        out.append(Paragraph(esc(t("absent", lang, channels=names)), st["body"]))
    if report.missing:
        for kpi, reason in report.missing:
            reason = t("no_data", lang) if reason == "no data" else said_reason(reason, lang)
            out.append(
                Paragraph(esc(t("missing_line", lang, kpi=_label(report, kpi, lang), reason=reason)), st["body"])
            )
    return out


def _headline_trends(report: ServiceReport, lang, st, numbers) -> list:
    """The headline KPIs day by day (or week by week), two charts a row."""
    if not report.headline_trends:
        return []
    units = {f.kpi: f.unit for f in report.headline}
    return [
        CondPageBreak(50 * mm),
        Paragraph(esc(t("headline_trends", lang)), st["h2"]),
        *_trend_grid(report.headline_trends, units, report, lang, numbers),
        Paragraph(esc(t("trend_note", lang, min=formatting.number(report.min_sample, 0, lang))), st["small"]),
    ]


def _why(report: ServiceReport, priv, lang, st, numbers) -> list:
    out = [CondPageBreak(60 * mm), Paragraph(esc(t("why", lang)), st["h2"])]
    explained = [e for e in report.explanations if e.drivers]
    if not explained:
        return [*out, Paragraph(esc(t("why_none", lang)), st["body"])]
    name = lambda agent_id: priv.agent_name(agent_id)
    for e in explained:
        label = _label(report, e.kpi, lang)
        head = t(
            "why_total",
            lang,
            kpi=label,
            before=formatting.value(e.before, e.unit, lang),
            after=formatting.value(e.after, e.unit, lang),
            change=amount(e.change, e.unit, lang),
        )
        top = e.top(WATERFALL_STEPS)
        steps = [(group_name(d, lang, name), d.contribution, d.small_sample) for d in top]
        chart = waterfall_chart(
            e.before,
            e.after,
            _with_rest(steps, e, top, lang),
            e.unit,
            e.better,
            lang,
            t(
                "waterfall",
                lang,
                kpi=label,
                before=formatting.value(e.before, e.unit, lang),
                after=formatting.value(e.after, e.unit, lang),
            ),
            (period_text(*e.compare, lang), period_text(*e.period, lang)),
        )
        lines = [Paragraph(esc(head), st["body"])]
        for d in top[:3]:
            parts = (
                f" — {words('mix', lang)} {amount(d.mix, e.unit, lang)}, {words('rate', lang)} {amount(d.rate, e.unit, lang)}"
                if d.mix is not None
                else ""
            )
            said = driver_comments(report, e.kpi, d)
            if said:
                parts += " — " + _comment_text(said, priv, lang, numbers)
            lines.append(
                Paragraph(
                    f"• <b>{esc(amount(d.contribution, e.unit, lang))}</b> {esc(sentence(d, label, e.unit, lang, name))}{esc(parts)}",
                    st["body"],
                )
            )
        if e.method == "approximate":
            lines.append(Paragraph(esc(words("approximate", lang)), st["small"]))
        out.append(KeepTogether([*lines, Spacer(1, 3), chart]))
        out.append(Spacer(1, 6))
    out.append(Paragraph(esc(t("why_note", lang)), st["small"]))
    return out


def _with_rest(steps, e, top, lang):
    """The waterfall's steps: the top drivers, then what the rest of their dimension adds
    (the drivers of one dimension add up to the change; mixing dimensions would not)."""
    dim = top[0].dimension if top else None
    same = [s for s, d in zip(steps, top) if d.dimension == dim and abs(d.contribution) > 1e-12]
    shown = sum(part for _, part, _ in same)
    rest = (e.change or 0.0) - shown
    out = list(same)
    if abs(rest) > 1e-12:
        out.append((t("others", lang), rest, False))
    return out


def bucket_labels(periods: list[date], lang: str) -> list[str]:
    """Days as ``09/11`` (FR) or ``11-09`` (EN), the chart's x labels."""
    return [formatting.day(p, lang)[:5] if lang == "fr" else formatting.day(p, lang)[5:] for p in periods]


def _trend_drawing(tr, unit: str, report: ServiceReport, lang: str, numbers, width: float):
    index = {p: i for i, p in enumerate(tr.periods)}
    marks = [(index[slot], numbers[c.comment_id]) for slot, c in tr.marks if slot in index and c.comment_id in numbers]
    title = t("trend_short", lang, kpi=tr.label_for(lang), bucket=t(tr.bucket, lang))
    return trend_chart(
        bucket_labels(tr.periods, lang), tr.values, tr.target, unit, lang, title, marks, tr.small, width, 122, tr.n
    )


def _trend_grid(trends, units: dict[str, str], report: ServiceReport, lang: str, numbers) -> list:
    """The trends two by two, then what the charts mean (target, comments, small samples)."""
    half = WIDTH / 2
    drawings = [_trend_drawing(tr, units.get(tr.kpi, "rate"), report, lang, numbers, half) for tr in trends]
    rows = [drawings[i : i + 2] + [""] * (2 - len(drawings[i : i + 2])) for i in range(0, len(drawings), 2)]
    grid = Table(rows, colWidths=[half + 2, half + 2], hAlign="LEFT")
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [grid]


def _no_trend_text(kpis: list[str], figures, report: ServiceReport, lang: str) -> str:
    """Which key KPIs have no trend, and why: their input is missing, or too few points."""
    by = {f.kpi: f for f in figures}
    parts = []
    for kpi in kpis:
        f = by.get(kpi)
        if f is not None and f.value is None:
            reason = t("no_data", lang) if f.reason in (None, "no data") else said_reason(f.reason, lang)
        else:
            reason = t("one_point", lang)
        parts.append(t("missing_line", lang, kpi=_label(report, kpi, lang), reason=reason))
    return t("no_trend_for", lang, what="; ".join(parts))


def _channel(section, report: ServiceReport, priv, lang, st, numbers) -> list:
    out = [PageBreak(), Paragraph(esc(t("channel", lang, name=section_name(section.channel, lang))), st["title"])]
    out.append(_figure_table(section.figures, lang, st, priv, numbers))
    out += _small_paragraph(section.figures, report, lang, st)
    units = {f.kpi: f.unit for f in section.figures}
    if section.trends:
        out += [Spacer(1, 6), *_trend_grid(section.trends, units, report, lang, numbers)]
        out.append(
            Paragraph(esc(t("trend_note", lang, min=formatting.number(report.min_sample, 0, lang))), st["small"])
        )
    if section.no_trend:
        out.append(Paragraph(esc(_no_trend_text(section.no_trend, section.figures, report, lang)), st["small"]))
    first, last = report.period
    days = sorted({(first + timedelta(days=i)).weekday() for i in range(min((last - first).days + 1, 7))})
    if any(any(row) for row in section.heatmap):
        out += [Spacer(1, 6), heatmap_chart(section.heatmap, lang, t("heatmap", lang), days)]
    elif section.heatmap_reason:  # contacts, but none by hour (a month's counts per agent): said, not left out
        reason = _reason_text(section.heatmap_reason, lang)
        said = t("heat_none", lang, kpi=t("volume", lang), reason=reason)
        out += [Spacer(1, 4), Paragraph(esc(said), st["small"])]
    out += _key_heatmap(section, report, lang, st, days)
    h = section.histogram
    if h is not None:
        title = t(
            "histogram",
            lang,
            what=t(h.measure, lang),
            median=formatting.duration(h.median or 0, lang),
            p90=formatting.duration(h.p90 or 0, lang),
        )
        out += [Spacer(1, 6), histogram_chart(h.edges, h.counts, lang, title, [h.median, h.p90])]
    return out


def _key_heatmap(section, report: ServiceReport, lang, st, days: list[int]) -> list:
    """The channel's key KPI by hour and weekday, cells on too few contacts greyed
    with their n; without any value, the KPI's own reason ("no data" only for a
    period without rows)."""
    grid = section.key_heatmap
    if grid is None:
        return []
    # the KPI named as in the section's table (with the channels it covers there)
    label = next((f.label_for(lang) for f in section.figures if f.kpi == grid.kpi), _label(report, grid.kpi, lang))
    if grid.empty:
        reason = _reason_text(grid.reason, lang)
        return [Spacer(1, 4), Paragraph(esc(t("heat_none", lang, kpi=label, reason=reason)), st["small"])]
    least = formatting.number(report.min_sample, 0, lang)
    if grid.all_small:
        # not a grid of grey cells (a week of e-mails, ten an hour): one line says so
        return [Spacer(1, 4), Paragraph(esc(t("heat_all_small", lang, kpi=label, min=least)), st["small"])]
    unit, better = report_unit(report, grid.kpi), _better(report, grid.kpi)
    notes = (
        t("heat_worse" if better in ("higher", "lower") else "heat_more", lang),
        t("heat_small", lang, min=formatting.number(report.min_sample, 0, lang)) if grid.any_small else "",
    )
    chart = heatmap_chart(
        grid.cells,
        lang,
        t("heat_kpi", lang, kpi=label),
        days,
        fmt=lambda v: formatting.value(v, unit, lang),
        short=lambda v: _short(v, unit, lang),
        better=better,
        samples=grid.samples,
        notes=notes,
    )
    return [Spacer(1, 6), chart]


def _short(v: float, unit: str, lang: str) -> str:
    """A heatmap cell's value: a percentage without decimals (``56 %``), else as the tables say it."""
    if unit in ("rate", "percent"):
        return formatting.number(v * 100 if unit == "rate" else v, 0, lang) + ("\u00a0%" if lang == "fr" else "%")
    return formatting.value(v, unit, lang)


def _reason_text(reason: str | None, lang: str) -> str:
    """An engine reason as the report says it (its "no data" is the report's own words)."""
    return t("no_data", lang) if reason in (None, "no data") else said_reason(reason, lang)


def _better(report: ServiceReport, kpi: str) -> str | None:
    for f in report.headline + [f for s in report.channels for f in s.figures]:
        if f.kpi == kpi:
            return f.better
    return None


def _sites(report: ServiceReport, lang, st) -> list:
    out = [PageBreak(), Paragraph(esc(t("sites", lang)), st["h2"])]
    rows_in = report.sites["rows"]
    kpis = report.sites["kpis"]
    if not rows_in or all(site is None for site, _ in rows_in):
        return [*out, Paragraph(esc(t("no_sites", lang)), st["body"])]
    out.append(_site_table([(site, None, row) for site, row in rows_in], kpis, report, lang, st))
    if any(site is None for site, _ in rows_in):
        out.append(Paragraph(esc(t("no_site_note", lang)), st["small"]))
    days = [row for row in report.sites["days"] if row[0] is not None]
    if days:
        out += [Paragraph(esc(t("sites_by_day", lang)), st["h2"]), _site_table(days, kpis, report, lang, st)]
    marked = [v for *_, row in [*rows_in, *days] for v in row.values() if v.small_sample and v.value is not None]
    if marked:
        note = t("small_site_note", lang, min=formatting.number(report.min_sample, 0, lang))
        out.append(Paragraph(esc(note), st["small"]))
    return out


def _site_table(rows_in, kpis, report, lang, st) -> Table:
    by_day = rows_in and rows_in[0][1] is not None
    head = [t("site", lang)] + ([t("date", lang)] if by_day else []) + [_label(report, k, lang) for k in kpis]
    rows, style = [[Paragraph(f"<b>{esc(h)}</b>", st["cell"]) for h in head]], _style()
    for site, day, row in rows_in:
        cells = [safe(site if site is not None else t("no_site", lang))]
        if by_day:
            cells.append(safe(formatting.day(day, lang)))
        for k in kpis:
            v = row.get(k)
            text = formatting.value(v.value, report_unit(report, k), lang) if v is not None else "–"
            if v is not None and v.small_sample and v.value is not None:
                text += f" {DAGGER}"
            cells.append(safe(text))
        rows.append(cells)
    first = 130 if not by_day else 100
    rest = (480 - first - (70 if by_day else 0)) / len(kpis)
    widths = [first] + ([70] if by_day else []) + [rest] * len(kpis)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


_UNITS = {"volume": "count", "service_level": "rate", "aht": "seconds", "csat": "percent", "qa_score": "score"}


def report_unit(report: ServiceReport, kpi: str) -> str:
    for f in report.headline + [f for s in report.channels for f in s.figures]:
        if f.kpi == kpi:
            return f.unit
    return _UNITS.get(kpi, "score")


def _topics(report: ServiceReport, lang, st) -> list:
    out = [CondPageBreak(50 * mm), Paragraph(esc(t("topics", lang)), st["h2"])]
    if not report.topics:
        return [*out, Paragraph(esc(t("no_topics", lang)), st["body"])]
    rows, style = [[safe(t(k, lang)) for k in ("topic", "volume", "share", "previous", "change")]], _style()
    for r in report.topics:
        rows.append(
            [
                safe(r.topic),
                safe(formatting.number(r.volume, 0, lang)),
                safe(formatting.value(r.share, "rate", lang)),
                safe(formatting.number(r.previous, 0, lang) if r.previous is not None else "–"),
                safe(formatting.delta(r.volume, r.previous, "count", lang) or "–"),
            ]
        )
    table = Table(rows, colWidths=[180, 70, 60, 90, 70], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    out.append(table)
    tt = report.topic_trend
    if tt is not None:
        title = t("topic_trend", lang, n=len(tt.topics), bucket=t(tt.bucket, lang))
        series = [(topic, tt.volumes[topic]) for topic in tt.topics]
        out += [Spacer(1, 8), lines_chart(bucket_labels(tt.periods, lang), series, "count", lang, title)]
    else:
        out.append(Paragraph(esc(t("no_topic_trend", lang)), st["small"]))
    return [out[0], KeepTogether(out[1:])]  # the reasons and their trend on one page


def _words(report: ServiceReport, priv, lang, st) -> list:
    out = [CondPageBreak(50 * mm), Paragraph(esc(t("words", lang)), st["h2"])]
    if not report.lowest and not report.highest:
        return [*out, Paragraph(esc(t("no_words", lang)), st["body"])]
    for key, items in (("lowest", report.lowest), ("highest", report.highest)):
        out.append(Paragraph(f"<b>{esc(t(key, lang))}</b>", st["body"]))
        for v in items:
            who = [
                channel_name(v.channel, lang) if v.channel else None,
                priv.agent_name(v.agent_id) if v.agent_id else None,
                priv.customer(v.customer),
            ]
            head = f"{formatting.day(v.answered_at, lang)} · {formatting.number(v.score, 0, lang)}/5 · " + " · ".join(
                w for w in who if w
            )
            quote = f"« {priv.text(v.comment)} »" if lang == "fr" else f"“{priv.text(v.comment)}”"
            out.append(Paragraph(f"<font color='#616161'>{esc(head)}</font> — {esc(quote)}", st["body"]))
        out.append(Spacer(1, 4))
    return out


def _quality(report: ServiceReport, lang, st) -> list:
    out = [CondPageBreak(40 * mm), Paragraph(esc(t("quality", lang)), st["h2"])]
    if not report.quality:
        return [*out, Paragraph(esc(t("no_quality", lang)), st["body"])]
    rows, style = [[safe(t(k, lang)) for k in ("team", "qa", "csat", "surveys")]], _style()
    few = False  # a team's CSAT on fewer answers than the small-sample threshold: marked †
    for team, qa, csat, n in report.quality:
        small = csat is not None and (n or 0) < report.min_sample
        few = few or small
        rows.append(
            [
                safe(team or t("no_team", lang)),
                safe(formatting.value(qa, "score", lang)),
                safe(formatting.value(csat, "percent", lang) + (f" {DAGGER}" if small else "")),
                safe(formatting.number(n or 0, 0, lang)),
            ]
        )
    table = Table(rows, colWidths=[180, 80, 80, 60], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    note = {
        "en": "QA score: the quality team's evaluations (0–100); CSAT: the customers' answers. A team high on one and "
        "low on the other is where delivered and perceived quality part ways.",
        "fr": "Note qualité : évaluations de l'équipe qualité (0–100) ; satisfaction : réponses des clients. Une équipe "
        "haute sur l'une et basse sur l'autre montre un écart entre qualité délivrée et perçue.",
    }[lang]
    out += [table, Paragraph(esc(note), st["small"])]
    if few:
        small = t("small_site_note", lang, min=formatting.number(report.min_sample, 0, lang))
        out.append(Paragraph(esc(small), st["small"]))
    return out


def _comments(report: ServiceReport, priv, lang, st, numbers) -> list:
    out = [CondPageBreak(40 * mm), Paragraph(esc(t("comments", lang)), st["h2"])]
    if not report.comments:
        return [*out, Paragraph(esc(t("no_comments", lang)), st["body"])]
    rows = [
        [
            safe(h)
            for h in ("#", t("kpi", lang), t("period", lang), t("comment", lang), t("action", lang), t("owner", lang))
        ]
    ]
    style = _style() + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (-1, -1), "LEFT")]
    for c in report.comments:
        where = scope_text(c, priv, lang)
        period = formatting.day(c.date_from, lang) + (
            "" if c.date_to == c.date_from else f" – {formatting.day(c.date_to, lang)}"
        )
        rows.append(
            [
                safe(str(numbers[c.comment_id])),
                Paragraph(esc(f"{_label(report, c.kpi, lang)} ({where})"), st["cell"]),
                Paragraph(esc(period), st["cell"]),
                Paragraph(esc(priv.text(c.text) or ""), st["cell"]),
                Paragraph(esc(priv.text(c.action) or ""), st["cell"]),
                Paragraph(esc(priv.text(c.owner) or ""), st["cell"]),
            ]
        )
    table = Table(rows, colWidths=[16, 100, 68, 140, 100, 66], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return [*out, table]


def _definitions(report: ServiceReport, descriptions: dict[str, str], lang, st) -> list:
    out = [CondPageBreak(30 * mm), Paragraph(esc(t("definitions", lang)), st["h2"])]
    for kpi in report.definitions:
        out.append(
            Paragraph(f"<b>{esc(_label(report, kpi, lang))}</b> — {esc(descriptions.get(kpi, ''))}", st["small"])
        )
    return out
