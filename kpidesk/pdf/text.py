"""The words of the PDF coaching sheet, in English and French.

KPI labels and definitions come from the KPI files; the words the service report
prints too are in :mod:`.words`; this holds only the sheet's own headings and phrases,
so a translator finds them in one place.
"""

from __future__ import annotations

from kpidesk.core import formatting
from kpidesk.pdf.words import SHARED, say

TEXT: dict[str, dict[str, str]] = {
    **SHARED,
    "title": {"en": "Coaching sheet — {name}", "fr": "Fiche de coaching — {name}"},
    "all_teams": {"en": "all agents", "fr": "tous les conseillers"},
    "agents": {"en": "{n} agents", "fr": "{n} conseillers"},
    "channels": {"en": "Channels", "fr": "Canaux"},
    "privacy": {
        "en": "Privacy mode: other agents are shown as aliases and customer details are masked.",
        "fr": "Mode confidentialité : les autres conseillers sont anonymisés et les données clients masquées.",
    },
    "vs_team": {"en": "The agent against the team", "fr": "Le conseiller face à l'équipe"},
    "median": {"en": "Team median", "fr": "Médiane équipe"},
    "quartiles": {"en": "Q1 – Q3", "fr": "Q1 – Q3"},
    "rank": {"en": "Rank", "fr": "Rang"},
    "rank_of": {"en": "{rank} / {of}", "fr": "{rank} / {of}"},
    "table_note": {
        "en": "Team median and quartiles over agents with at least {min} contacts; rank 1 = best. "
        "n = contacts (or answers) behind the agent's value.",
        "fr": "Médiane et quartiles de l'équipe sur les conseillers ayant au moins {min} contacts ; "
        "rang 1 = le meilleur. n = contacts (ou réponses) derrière la valeur du conseiller.",
    },
    "strengths": {"en": "Strengths", "fr": "Points forts"},
    "to_work_on": {"en": "To work on", "fr": "Axes de progrès"},
    "gap_better": {
        "en": "{value} vs team {median}: better by {gap} ({z} spreads)",
        "fr": "{value} contre {median} pour l'équipe : mieux de {gap} ({z} écarts)",
    },
    "gap_worse": {
        "en": "{value} vs team {median}: worse by {gap} ({z} spreads)",
        "fr": "{value} contre {median} pour l'équipe : moins bien de {gap} ({z} écarts)",
    },
    "nothing": {"en": "Nothing stands out against the team.", "fr": "Rien ne se détache face à l'équipe."},
    "gap_note": {
        "en": "Computed: the gap to the team median in robust spreads ((Q3 − Q1) / 1.349).",
        "fr": "Calculé : l'écart à la médiane de l'équipe en écarts robustes ((Q3 − Q1) / 1,349).",
    },
    "charts": {"en": "Charts", "fr": "Graphiques"},
    "percentiles": {
        "en": "Standing in the team (percentile, 100 = best)",
        "fr": "Position dans l'équipe (percentile, 100 = le meilleur)",
    },
    "trend": {"en": "{kpi} by {bucket}: agent vs team", "fr": "{kpi} par {bucket} : conseiller et équipe"},
    "small_points": {
        "en": "Pale hollow dot: fewer than {min} of the agent's contacts (or answers) that day, too few to read "
        "(n beside it).",
        "fr": "Point creux pâle : moins de {min} contacts (ou réponses) du conseiller ce jour-là, trop peu pour "
        "conclure (n à côté).",
    },
    "distribution": {
        "en": "{what}: share of contacts, agent vs rest of the team",
        "fr": "{what} : part des contacts, conseiller et reste de l'équipe",
    },
    "wrap": {"en": "Wrap-up", "fr": "Post-appel"},
    "first_response": {"en": "First response time", "fr": "Délai de première réponse"},
    "resolution": {"en": "Resolution time", "fr": "Temps de résolution"},
    "csat_scores": {"en": "CSAT scores", "fr": "Notes de satisfaction"},
    "team_series": SHARED["team"],
    "criterion": {"en": "QA criterion", "fr": "Critère qualité"},
    "team_mean": SHARED["team"],
    "qa_line": {
        "en": "QA score {qa} (team {tqa}) · CSAT {csat} (team {tcsat})",
        "fr": "Note qualité {qa} (équipe {tqa}) · Satisfaction {csat} (équipe {tcsat})",
    },
    "said": {"en": "What customers said (lowest CSAT)", "fr": "Ce que disent les clients (CSAT les plus bas)"},
    "goals": {"en": "Goals", "fr": "Objectifs"},
    "due": {"en": "Due", "fr": "Échéance"},
    "current": {"en": "Current", "fr": "Actuel"},
    "status": {"en": "Status", "fr": "Statut"},
    "no_goals": {"en": "No goals set.", "fr": "Aucun objectif fixé."},
    "met": {"en": "met", "fr": "atteint"},
    "missed": {"en": "missed", "fr": "manqué"},
    "on_track": {"en": "on track", "fr": "en bonne voie"},
    "at_risk": {"en": "at risk", "fr": "à risque"},
    "no_data": {"en": "no data yet", "fr": "pas encore de données"},
    "notes": {"en": "Latest coaching notes", "fr": "Dernières notes de coaching"},
    "no_notes": {"en": "No coaching notes yet.", "fr": "Pas encore de note de coaching."},
    "definitions": {"en": "KPI definitions used", "fr": "Définitions des indicateurs utilisés"},
}


def t(key: str, lang: str, **values: object) -> str:
    return say(TEXT, key, lang, **values)


def gap_amount(gap: float, unit: str, lang: str) -> str:
    """A gap in the KPI's own unit: seconds as a duration, rates in points."""
    gap = abs(gap)
    if unit in ("rate", "percent"):  # CSAT 0-100 too: points, not percent
        pts = formatting.number(gap * 100 if unit == "rate" else gap, 1, lang)
        return f"{pts}{formatting.NBSP}pts" if lang == "fr" else f"{pts} pts"
    return formatting.value(gap, unit, lang)
