"""Delivered vs perceived quality: QA scores per criterion next to what customers said.

A QA grid says how the contact was handled by the book; CSAT says how it felt to the
customer. Side by side, per criterion and against the team, they tell a coach whether
to work on technique or on the customer's experience. All figures come from the
engine (``qa_score`` grouped by criterion, ``csat``, ``qa_vs_csat_gap``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpidesk.core.kpi.engine import Engine, Filters

# QA criteria are the team's own words from the imported grid; the common English ones
# are said in the reader's language (the app and both PDFs), any other as imported.
CRITERIA: dict[str, str] = {
    "tone": "ton",
    "empathy": "empathie",
    "active listening": "écoute active",
    "resolution": "résolution",
    "accuracy": "exactitude",
    "courtesy": "courtoisie",
    "compliance": "conformité",
    "knowledge": "connaissances",
    "greeting": "accueil",
    "closing": "prise de congé",
    "professionalism": "professionnalisme",
    "process": "respect des procédures",
}


def criterion_name(name: str, lang: str) -> str:
    """A QA criterion in the reader's words; in English, or one the project does not
    know, as imported."""
    key = name.strip().lower().replace("_", " ")
    if lang != "fr" or key not in CRITERIA:
        return name
    return CRITERIA[key]


@dataclass
class QualityView:
    criteria: list[tuple[str, float | None, float | None, float | None]] = field(default_factory=list)
    # (criterion, agent's mean score, team's mean score, agent's number of scores)
    qa: tuple[float | None, float | None] = (None, None)  # agent, team
    csat: tuple[float | None, float | None] = (None, None)  # agent, team
    gap: tuple[float | None, float | None] = (None, None)  # qa − csat on the same contacts
    reason: str | None = None  # why there is nothing to show (no evaluations imported)


def qa_by_criterion(engine: Engine, agent_id: str, team_filters: Filters) -> QualityView:
    mine_f = team_filters.narrowed(agents=(agent_id,))
    mine = engine.compute(["qa_score"], mine_f, by=("criterion",))
    if mine and mine[0].reason and not mine[0].group:
        return QualityView(reason=mine[0].reason)
    team = {v.group["criterion"]: v.value for v in engine.compute(["qa_score"], team_filters, by=("criterion",))}
    view = QualityView()
    for v in mine:
        view.criteria.append((v.group["criterion"], v.value, team.get(v.group["criterion"]), v.n))
    for crit, value in sorted(team.items()):
        if crit not in {c[0] for c in view.criteria}:
            view.criteria.append((crit, None, value, 0))
    view.criteria.sort(key=lambda c: c[0])

    def pair(kpi: str) -> tuple[float | None, float | None]:
        a = engine.compute([kpi], mine_f)[0].value
        t = engine.compute([kpi], team_filters)[0].value
        return a, t

    view.qa, view.csat, view.gap = pair("qa_score"), pair("csat"), pair("qa_vs_csat_gap")
    return view
