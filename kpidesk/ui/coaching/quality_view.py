"""Delivered vs perceived quality: QA scores per criterion next to what customers said.

Left, the QA grid per criterion (agent, team, number of scores) with the QA–CSAT gap;
right, the latest low-CSAT comments on the agent's contacts. Comments are free text,
so they go through the privacy rules (emails, phone numbers, other agents' names).
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kpidesk.core import formatting
from kpidesk.core.coaching.contacts import ContactLine
from kpidesk.core.coaching.quality import QualityView, criterion_name
from kpidesk.core.privacy import Privacy
from kpidesk.ui import theme
from kpidesk.ui.i18n import translate


def criterion_label(criterion: str, lang: str = "en") -> str:
    """A QA criterion in the user's words (core's one table, as the PDFs say it)."""
    return criterion_name(criterion, lang)


class QualityPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QLabel(wordWrap=True)
        self.said = QLabel(wordWrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.said, 1)

    def show_quality(self, desk, quality: QualityView, comments: list[ContactLine], privacy: Privacy) -> None:
        lang, t = desk.lang, theme.current()
        num = lambda v: "–" if v is None else formatting.number(v, 1, lang)
        if quality.reason and not quality.criteria:
            grid = "<b>{}</b><br><i>{}</i>".format(
                translate("CoachingQuality", "QA evaluation"),
                translate("CoachingQuality", "No QA evaluation imported for this period."),
            )
        else:
            rows = "".join(
                f"<tr><td>{html.escape(criterion_label(crit, lang))}</td><td align='right'><b>{num(a)}</b></td>"
                f"<td align='right' style='color:{t.muted}'>{num(team)}</td>"
                f"<td align='right' style='color:{t.muted}'>{'–' if n is None else int(n)}</td></tr>"
                for crit, a, team, n in quality.criteria
            )
            csat = desk.formatter("csat") if "csat" in desk.engine.registry else str
            tr_qa, tr_team = translate("CoachingQuality", "QA score"), translate("CoachingQuality", "team")
            summary = (
                f"{tr_qa}: <b>{num(quality.qa[0])}</b> ({tr_team} {num(quality.qa[1])}) · "
                f"CSAT: <b>{csat(quality.csat[0]) if quality.csat[0] is not None else '–'}</b> "
                f"({tr_team} {csat(quality.csat[1]) if quality.csat[1] is not None else '–'})"
            )
            grid = (
                "<b>{}</b><table cellspacing='3'><tr><th align='left'>{}</th><th>{}</th><th>{}</th><th>n</th></tr>".format(
                    translate("CoachingQuality", "QA evaluation per criterion"),
                    translate("CoachingQuality", "Criterion"),
                    translate("CoachingQuality", "Agent"),
                    translate("CoachingQuality", "Team"),
                )
                + f"{rows}</table>{summary}"
            )
        self.grid.setText(grid)
        if not comments:
            said = "<i>{}</i>".format(translate("CoachingQuality", "No survey comment on a low score in this period."))
        else:
            quote = "« {} »" if lang == "fr" else "“{}”"
            said = "<br>".join(
                f"<span style='color:{t.muted}'>{formatting.day(c.arrived_at, lang)} · "
                f"{formatting.number(c.figure or 0, 0, lang)}/5</span> "
                f"{html.escape(quote.format(privacy.text(c.comment)))}"
                for c in comments
            )
        self.said.setText("<b>{}</b><br>".format(translate("CoachingQuality", "What customers said")) + said)
