"""Words both PDF reports print, in English and French: one entry each, so the
coaching sheet (:mod:`.text`) and the service report (:mod:`.service_text`) say them
the same way and a translator changes them once. Each report's own words stay in
its module."""

from __future__ import annotations

SHARED: dict[str, dict[str, str]] = {
    "period": {"en": "Period", "fr": "Période"},
    "team": {"en": "Team", "fr": "Équipe"},
    "agent": {"en": "Agent", "fr": "Conseiller"},
    "filters": {"en": "Filters", "fr": "Filtres"},
    "none": {"en": "none", "fr": "aucun"},
    "generated": {"en": "Generated on {day} by kpidesk", "fr": "Généré le {day} par kpidesk"},
    "kpi": {"en": "KPI", "fr": "Indicateur"},
    "target": {"en": "Target", "fr": "Objectif"},
    "small": {"en": "small sample", "fr": "petit échantillon"},
    "day": {"en": "day", "fr": "jour"},
    "week": {"en": "week", "fr": "semaine"},
    "handle": {"en": "Handle time", "fr": "Durée de traitement"},
    "wait": {"en": "Wait before answer", "fr": "Attente avant décroché"},
    "quality": {"en": "Delivered vs perceived quality", "fr": "Qualité délivrée et perçue"},
    "page": {"en": "Page {n}", "fr": "Page {n}"},
}


def say(table: dict[str, dict[str, str]], key: str, lang: str, **values: object) -> str:
    """The words of ``key`` in ``table`` in ``lang`` (English when missing), filled in."""
    entry = table[key]
    return (entry.get(lang) or entry["en"]).format(**values)
