"""The drivers in the team lead's words, in English and French.

Core text meant for people is kept as ``{en, fr}`` pairs (like the KPI files'
labels), so the CLI, the PDF and the app say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from kpidesk.core import formatting
from kpidesk.core.explain.breakdown import Driver
from kpidesk.core.kpi.definitions import CHANNEL_NAMES
from kpidesk.core.kpi.time_filter import weekday_name

DIMENSION_NAMES: dict[str, dict[str, str]] = {
    "queue": {"en": "queue", "fr": "file"},
    "site": {"en": "site", "fr": "site"},
    "team": {"en": "team", "fr": "équipe"},
    "agent": {"en": "agent", "fr": "conseiller"},
    "topic": {"en": "topic", "fr": "motif"},
    "channel": {"en": "channel", "fr": "canal"},
    "kind": {"en": "kind", "fr": "nature"},  # call, ticket, chat, bot
    "hour_of_day": {"en": "hour", "fr": "heure"},
    "product": {"en": "product", "fr": "produit"},
    # the time buckets of a grouping (kpidesk kpis --by week: its export headers)
    "15min": {"en": "15 min", "fr": "15 min"},
    "hour": {"en": "hour", "fr": "heure"},
    "day": {"en": "day", "fr": "jour"},
    "week": {"en": "week", "fr": "semaine"},
    "month": {"en": "month", "fr": "mois"},
    "weekday": {"en": "weekday", "fr": "jour de la semaine"},
}
CHANNEL_VALUES = CHANNEL_NAMES  # one vocabulary for channels (kpi.definitions)
TEXT: dict[str, dict[str, str]] = {
    "none": {"en": "(none)", "fr": "(aucun)"},
    "up": {"en": "{what}: {kpi} from {before} to {after}", "fr": "{what} : {kpi} de {before} à {after}"},
    "new": {"en": "{what}: new, {after} ({n} contacts)", "fr": "{what} : nouveau, {after} ({n} contacts)"},
    "gone": {"en": "{what}: no contacts this period", "fr": "{what} : aucun contact sur la période"},
    "mix_only": {"en": "{what}: share of volume {w0} → {w1}", "fr": "{what} : part du volume {w0} → {w1}"},
    "small": {"en": "small sample", "fr": "petit échantillon"},
    "mix": {"en": "mix", "fr": "effet mix"},
    "rate": {"en": "rate", "fr": "effet taux"},
    "nothing": {"en": "Nothing to explain: {reason}", "fr": "Rien à expliquer : {reason}"},
    "not_split": {"en": "(not split by {dim}: {reason})", "fr": "(pas de répartition par {dim} : {reason})"},
    "driver": {"en": "driver", "fr": "facteur"},
    "part": {"en": "part", "fr": "part"},
    "before_after": {"en": "before → after", "fr": "avant → après"},
    "n_before_after": {"en": "n before → after", "fr": "n avant → après"},
    "approximate": {
        "en": "Approximate split: this KPI is not an average over its contacts (a median or a maximum).",
        "fr": "Répartition approchée : cet indicateur n'est pas une moyenne sur ses contacts (médiane ou maximum).",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    entry = TEXT[key]
    return (entry.get(lang) or entry["en"]).format(**values)


def dimension_name(dim: str, lang: str) -> str:
    return DIMENSION_NAMES.get(dim, {}).get(lang) or dim


def amount(change: float | None, unit: str, lang: str = "en") -> str:
    """A signed part of a change in the KPI's unit: points for rates and percentages,
    a duration for times, a number otherwise."""
    if change is None:
        return "–"
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    size = abs(change)
    if unit in ("rate", "percent"):
        pts = formatting.number(size * (100 if unit == "rate" else 1), 1, lang)
        return f"{sign}{pts}{formatting.NBSP}pt" if lang == "fr" else f"{sign}{pts} pts"
    if unit == "seconds":
        return f"{sign}{formatting.duration(size, lang)}"
    if unit == "count":
        return f"{sign}{formatting.number(size, 0, lang)}"
    return f"{sign}{formatting.number(size, formatting.score_decimals(size, unit), lang)}"


def group_name(driver: Driver, lang: str, name: Callable[[str], str] | None = None) -> str:
    """``file Billing``, ``heure 14 h``, ``conseiller Léa Dubois``; ``name`` maps an
    agent id to what may be shown (privacy)."""
    value = driver.value
    if value is None:
        shown = t("none", lang)
    elif driver.dimension == "agent":
        shown = name(value) if name else (driver.label or str(value))
    elif driver.dimension == "channel":
        shown = CHANNEL_VALUES.get(str(value), {}).get(lang) or str(value)
    elif driver.dimension == "hour_of_day":
        shown = f"{int(value)} h" if lang == "fr" else f"{int(value):02d}:00"
    elif driver.dimension == "weekday":
        shown = weekday_name(int(value), lang)
    else:
        shown = str(value)
    return f"{dimension_name(driver.dimension, lang)} {shown}"


def sentence(driver: Driver, kpi_label: str, unit: str, lang: str, name: Callable[[str], str] | None = None) -> str:
    """One driver as a team lead would say it."""
    what = group_name(driver, lang, name)
    if driver.before is None:
        text = t(
            "new",
            lang,
            what=what,
            after=formatting.value(driver.after, unit, lang),
            n=formatting.number(driver.n_after, 0, lang),
        )
    elif driver.after is None:
        text = t("gone", lang, what=what)
    else:
        text = t(
            "up",
            lang,
            what=what,
            kpi=kpi_label,
            before=formatting.value(driver.before, unit, lang),
            after=formatting.value(driver.after, unit, lang),
        )
    if driver.small_sample:
        text += f" ({t('small', lang)})"
    return text
