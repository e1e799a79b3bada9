"""Tables of the PDF coaching sheet: the standings, QA per criterion, the goals.

Kept apart from the page layout (``report.py``) because each table decides how a
number reads — its unit, its colour against the target, the small-sample flag —
and that is easier to review in one place.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from kpidesk.core import formatting
from kpidesk.core.coaching.quality import criterion_name
from kpidesk.core.coaching.standings import AgentProfile
from kpidesk.core.kpi import targets
from kpidesk.pdf.style import AMBER, GREEN, MUTED, RED, RULE, esc, register_fonts, safe
from kpidesk.pdf.text import t


def _style(header_rows: int = 1) -> list:
    regular, bold = register_fonts()
    return [
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), bold),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), MUTED),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, MUTED),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]


def standings_table(profile: AgentProfile, lang: str, st) -> Table:
    head = [t(k, lang) for k in ("kpi", "agent", "median", "quartiles", "rank", "target")] + ["n"]
    rows, style = [[safe(h) for h in head]], _style()
    # "petit échantillon" wraps in its column rather than running into the quartiles
    # (small samples are the rule under a heatmap cell)
    small = ParagraphStyle("small_rank", parent=st["cell"], alignment=TA_RIGHT, textColor=MUTED)
    for i, s in enumerate(profile.standings, start=1):
        value = formatting.value(s.value, s.unit, lang)
        rank: str | Paragraph = safe(t("rank_of", lang, rank=s.rank, of=s.ranked_agents) if s.rank else "")
        if s.small_sample:
            rank = Paragraph(esc(t("small", lang)), small)
        quart = ""
        if s.team_q1 is not None and s.team_q3 is not None:
            quart = f"{formatting.value(s.team_q1, s.unit, lang)} – {formatting.value(s.team_q3, s.unit, lang)}"
        target = formatting.value(s.target, s.unit, lang, empty="")
        rows.append(
            [
                Paragraph(esc(s.label), st["cell"]),
                safe(value),
                safe(formatting.value(s.team_median, s.unit, lang)),
                safe(quart),
                rank,
                safe(target),
                safe(formatting.number(s.n or 0, 0, lang)),
            ]
        )
        colour = _TARGET_COLOUR.get(targets.status(s.value, s.better, s.target, s.warning))
        if s.small_sample:  # too few to read: grey, not judged against the target (as the app's table)
            style.append(("TEXTCOLOR", (1, i), (1, i), MUTED))
        elif colour is not None:
            style.append(("TEXTCOLOR", (1, i), (1, i), colour))
            style.append(("FONTNAME", (1, i), (1, i), register_fonts()[1]))
    style.append(("LEFTPADDING", (3, 0), (3, -1), 2))  # "5 min 54 s – 6 min 42 s" clear of the median
    table = Table(rows, colWidths=[118, 54, 78, 100, 64, 54, 32], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def quality_table(q, lang: str, st) -> Table:
    rows = [[safe(t("criterion", lang)), safe(t("agent", lang)), safe(t("team_mean", lang)), "n"]]
    style = _style()
    for i, (crit, mine, team, n) in enumerate(q.criteria, start=1):
        rows.append(
            [
                safe(criterion_name(crit, lang)),
                safe(formatting.value(mine, "score", lang)),
                safe(formatting.value(team, "score", lang)),
                safe(formatting.number(n or 0, 0, lang)),
            ]
        )
        if mine is not None and team is not None:
            style.append(("TEXTCOLOR", (1, i), (1, i), GREEN if mine >= team else RED))
    table = Table(rows, colWidths=[170, 70, 70, 40], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


_STATUS_COLOUR = {"met": GREEN, "on_track": GREEN, "at_risk": AMBER, "missed": RED}
# the colour rule is the app's (targets.status): a missed target without a warning level is red
_TARGET_COLOUR = {targets.GREEN: GREEN, targets.AMBER: AMBER, targets.RED: RED}


def goals_table(engine, progress: list, priv, lang: str, st) -> Table:
    head = [t("kpi", lang), t("target", lang), t("due", lang), t("current", lang), t("status", lang)]
    rows, style = [[safe(h) for h in head]], _style()
    for i, p in enumerate(progress, start=1):
        g = p.goal
        d = engine.registry[g.kpi] if g.kpi in engine.registry else None
        unit = d.unit if d else "score"
        label = d.scoped_label((), lang) if d else g.kpi  # read over all the agent's channels (goals.progress)
        if g.note:
            label = f"{label} — {priv.text(g.note)}"
        rows.append(
            [
                Paragraph(esc(label), st["cell"]),
                safe(formatting.value(g.target, unit, lang)),
                safe(formatting.day(g.due_date, lang)),
                safe(formatting.value(p.value, unit, lang)),
                safe(t(p.status, lang)),
            ]
        )
        style.append(("TEXTCOLOR", (4, i), (4, i), _STATUS_COLOUR.get(p.status, MUTED)))
        style.append(("FONTNAME", (4, i), (4, i), register_fonts()[1]))
    table = Table(rows, colWidths=[210, 70, 70, 70, 70], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table
