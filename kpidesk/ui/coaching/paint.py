"""Painting the coaching view from a loaded page: kept apart from the view's wiring
so each half stays readable. Every name shown here comes from the privacy rules of
the agent's screen (the agent keeps their name, everyone else is an alias while
privacy is on)."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from kpidesk.core import formatting
from kpidesk.core.coaching.charts import shown_measures
from kpidesk.core.kpi.engine import PER_PERIOD_ONLY
from kpidesk.ui.coaching.charts_view import legend_html, trend_legend_html
from kpidesk.ui.coaching.contacts_view import why_text
from kpidesk.ui.dashboard.filter_bar import FILTER_LABELS
from kpidesk.ui.desk import reason_text
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.field_labels import value_label


def paint_page(view) -> None:
    desk, data = view.desk, view.data
    profile, lang = data.profile, desk.lang
    priv = view.privacy.for_agent(profile.agent_id)
    name = priv.agent_name(profile.agent_id, profile.agent_name)
    view.title.setText(translate("CoachingView", "Coaching — {name}").format(name=name))
    view.setWindowTitle(translate("CoachingView", "Coaching — {name}").format(name=name) + " · kpidesk")
    start, end = desk.engine.period(profile.filters)
    period = f"{formatting.day(start, lang)} – {formatting.day(end - timedelta(days=1), lang)}"
    team = profile.team or translate("CoachingView", "all agents")
    # the agent's channels; none in the period: the channels the page is narrowed to
    channels = profile.channels or profile.filters.channels
    subtitle = translate("CoachingView", "{team} · {n} agents · {period} · channels: {channels}").format(
        team=team,
        n=len(profile.team_agents),
        period=period,
        channels=", ".join(value_label("channel", c) for c in channels) or "–",
    )
    narrowed = filters_text(profile.filters)
    view.subtitle.setText(subtitle + (" · " + narrowed if narrowed else ""))
    view.show_cell(profile.filters.cell_label(lang))
    agents = (
        view.privacy.agents_shown(list(desk.prefs.extent.agents))
        if not priv.enabled
        else sorted(
            ((aid, priv.agent_name(aid, n)) for aid, n in desk.prefs.extent.agents),
            key=lambda p: formatting.name_key(p[1]),
        )
    )
    view.picker.blockSignals(True)
    view.picker.clear()
    for aid, shown in agents:
        view.picker.addItem(shown, aid)
    view.picker.setCurrentIndex(max(view.picker.findData(profile.agent_id), 0))
    view.picker.setToolTip(translate("CoachingView", "Coach another agent"))
    view.picker.blockSignals(False)
    show_notice(view, name, period, narrowed)
    view.standings.source.set_rows(profile.standings)
    view.strengths.show_lists(data.strengths, data.gaps, lang)
    shown = shown_measures(data.distributions) if profile.standings else []
    for measure, chart in view.dist_charts.items():
        view.dist_cards[measure].setVisible(measure in shown)
        dist = data.distributions[measure]
        rest = translate("CoachingView", "rest of the team")
        chart.set_distribution(dist, lang, (name, rest))
        chart.legend.setText(legend_html(name, rest) + " · " + translate("CoachingView", "share of contacts"))
        # no contact of the agent nor of the team has this measure (a call log without
        # wrap-up times): say so rather than draw empty axes
        has_data = any(dist.shares("agent")) or any(dist.shares("team"))
        title = view.dist_cards[measure].title.text()
        empty = translate("ChannelView", "{kpi}: no data for this period").format(kpi=title)
        if not data.individual:  # an interval report: averages per period, no contact's own duration
            empty = translate("MainWindow", "{name}: {values}").format(name=title, values=reason_text(PER_PERIOD_ONLY))
        chart.show_empty(None if has_data else empty)
    view.quality.show_quality(desk, data.quality, data.comments, priv)
    kpis = [(s.kpi, s.label, s.unit) for s in profile.standings if s.better in ("higher", "lower")]
    view.notes.set_kpis(kpis, view.kpi)
    view.notes.show_history(data.history, priv)


def filters_text(filters) -> str:
    """The desk's filters the page counts within (queue, team, site, topic), in words
    as the desk's exports say them: ``Queue: Billing · Site: Lyon``; "" without any."""
    chosen = []
    for field, label in FILTER_LABELS.items():
        values = getattr(filters, field, ())
        if values and field not in ("agents", "channels"):  # the page's agent; channels: said apart
            chosen.append(
                translate("MainWindow", "{name}: {values}").format(
                    name=translate("FilterBar", label), values=", ".join(values)
                )
            )
    return " · ".join(chosen)


def show_notice(view, name: str, period: str, narrowed: str) -> None:
    """An agent without a figure in the period (no contact of theirs within the dates
    and filters): the page says so in place of empty tables and axes; the coaching
    notes and goals stay."""
    profile, lang = view.data.profile, view.desk.lang
    empty = not profile.standings
    view.notice_card.setVisible(empty)
    view.png_button.setVisible(not empty)  # no chart to export
    for card in (view.standings_card, view.strengths_card, view.trend_card, view.contacts_card):
        card.setVisible(not empty)
    quality = view.data.quality
    view.quality_card.setVisible(not empty or bool(quality.criteria) or bool(view.data.comments))
    if not empty:
        return
    channels = profile.channels or profile.filters.channels
    scope = period
    if channels:
        scope += " · " + translate("CoachingView", "channels: {channels}").format(
            channels=", ".join(value_label("channel", c) for c in channels)
        )
    if narrowed:
        scope += " · " + narrowed
    cell = profile.filters.cell_label(lang)
    if cell:
        scope += " · " + cell
    if profile.contacts:
        view.notice_card.title.setText(translate("CoachingView", "No figures for this agent in this period"))
        said = translate("CoachingView", "{name} has {n} contacts in this period, none with a figure to compare.")
        said = said.format(name=name, n=formatting.number(profile.contacts, 0, lang))
    else:
        view.notice_card.title.setText(translate("CoachingView", "No contacts in this period"))
        said = translate("CoachingView", "{name} has no contacts in this period.").format(name=name)
    hint = translate(
        "CoachingView",
        "Choose a longer period or other filters on the desk, or another agent in the list above.",
    )
    esc = lambda text: html.escape(text, quote=False)
    view.notice.setText(f"<p><b>{esc(said)}</b></p><p>{esc(scope)}</p><p>{esc(hint)}</p>")


def paint_detail(view) -> None:
    desk, detail = view.desk, view.detail
    if view.data is None or detail is None:
        return
    priv = view.privacy.for_agent(view.agent_id)
    standing = view.data.profile.standing(detail.kpi)
    label = standing.label if standing else desk.label(detail.kpi)
    name = priv.agent_name(view.data.profile.agent_id, view.data.profile.agent_name)
    series = detail.trend
    xs = [datetime.combine(p, datetime.min.time()) for p in series.periods]
    view.trend.set_series(
        xs,
        series.agent,
        series.team,
        standing.target if standing else None,
        desk.formatter(detail.kpi),
        desk.lang,
        False,
        n=series.agent_n,  # a day of 2 answers drawn faded, its n on hover (0 % ↔ 100 %)
        small=series.agent_small,
        grain=series.bucket,  # a month's report: "Mar 2024" under its one labelled dot
    )
    bucket = {
        "day": translate("CoachingView", "day"),
        "week": translate("CoachingView", "week"),
        "month": translate("CoachingView", "month"),
    }
    view.trend_card.title.setText(
        translate("CoachingView", "{kpi}: trend by {bucket}").format(
            kpi=label, bucket=bucket.get(series.bucket, series.bucket)
        )
    )
    view.trend_legend.setText(
        trend_legend_html(
            name,
            translate("CoachingView", "team"),
            translate("CoachingView", "target") if standing and standing.target is not None else None,
        )
    )
    view.contacts.source.set_lines(detail.contacts, priv)
    if detail.why is None:
        view.contacts_card.title.setText(translate("CoachingView", "{kpi}: no contact-level reading").format(kpi=label))
    elif not detail.individual:  # an interval report: counts per period, not an empty list
        view.contacts_card.title.setText(
            translate("CoachingView", "{kpi}: no contact to list (the data counts contacts per period)").format(
                kpi=label
            )
        )
    else:
        view.contacts_card.title.setText(
            translate("CoachingView", "{kpi}: {why} ({n})").format(
                kpi=label, why=why_text(detail.why), n=formatting.number(len(detail.contacts), 0, desk.lang)
            )
        )
