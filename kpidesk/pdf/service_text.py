"""The words of the service report (PDF and XLSX), in English and French.

KPI labels and definitions come from the KPI files, drivers' phrasing from
``core/explain/words``, the words the coaching sheet prints too from :mod:`.words`;
this holds only the report's own headings and phrases.
"""

from __future__ import annotations

from kpidesk.pdf.words import SHARED, say

TEXT: dict[str, dict[str, str]] = {
    **SHARED,
    "title": {"en": "Service report", "fr": "Rapport de service"},
    "subtitle": {
        "en": "{start} – {end}, compared with {cstart} – {cend}",
        "fr": "{start} – {end}, comparé au {cstart} – {cend}",
    },
    "filters_line": {"en": "Filters: {what}", "fr": "Filtres : {what}"},
    "driver": {"en": "Driver", "fr": "Facteur"},
    "unit": {"en": "Unit", "fr": "Unité"},
    "n_before": {"en": "n before", "fr": "n avant"},
    "n_now": {"en": "n", "fr": "n"},
    "channel_col": {"en": "Channel", "fr": "Canal"},
    "agent_col": SHARED["agent"],
    "customer": {"en": "Customer", "fr": "Client"},
    "score5": {"en": "Score /5", "fr": "Note /5"},
    "from": {"en": "From", "fr": "Du"},
    "to": {"en": "To", "fr": "Au"},
    "scope": {"en": "Scope", "fr": "Périmètre"},
    "definition": {"en": "Definition", "fr": "Définition"},
    "privacy": {
        "en": "Privacy mode: agents are shown as aliases and customer details are masked.",
        "fr": "Mode confidentialité : les conseillers sont anonymisés et les données clients masquées.",
    },
    "headline": {"en": "Headline", "fr": "L'essentiel"},
    "value": {"en": "Value", "fr": "Valeur"},
    "previous": {"en": "Before", "fr": "Avant"},
    "change": {"en": "Change", "fr": "Évolution"},
    "comment": {"en": "Comment", "fr": "Commentaire"},
    "n": {"en": "n", "fr": "n"},
    "noise": {"en": "beyond noise", "fr": "significatif"},
    "missing_title": {"en": "What this report cannot show", "fr": "Ce que ce rapport ne peut pas montrer"},
    "no_data": {"en": "no data in this period", "fr": "aucune donnée sur la période"},
    "missing_line": {"en": "{kpi}: {reason}", "fr": "{kpi} : {reason}"},
    "why": {"en": "What changed and why", "fr": "Ce qui a changé, et pourquoi"},
    "why_none": {
        "en": "No headline KPI moved beyond its noise against the compare period.",
        "fr": "Aucun indicateur de l'essentiel n'a bougé au-delà du bruit par rapport à la période de comparaison.",
    },
    "why_total": {
        "en": "{kpi}: {before} → {after} ({change}). Largest drivers:",
        "fr": "{kpi} : {before} → {after} ({change}). Principaux facteurs :",
    },
    "why_note": {
        "en": "Part of each group in the change; for a rate, mix (volume moved towards groups with a worse or better "
        "rate) plus rate (the group's own rate moved). Each dimension adds up to the total change. Small samples are "
        "listed last.",
        "fr": "Part de chaque groupe dans l'évolution ; pour un taux, effet mix (le volume s'est déplacé vers des groupes "
        "au taux moins bon ou meilleur) plus effet taux (le taux du groupe lui-même a bougé). Chaque dimension "
        "s'additionne à l'évolution totale. Les petits échantillons sont listés en dernier.",
    },
    "waterfall": {"en": "{kpi}: from {before} to {after}", "fr": "{kpi} : de {before} à {after}"},
    "others": {"en": "others", "fr": "autres"},
    "channel": {"en": "Channel: {name}", "fr": "Canal : {name}"},
    "trend": {
        "en": "{kpi} by {bucket} (target dashed, comments numbered, hollow point = small sample)",
        "fr": "{kpi} par {bucket} (objectif en pointillés, commentaires numérotés, point creux = petit échantillon)",
    },
    "trend_short": {"en": "{kpi} by {bucket}", "fr": "{kpi} par {bucket}"},
    "trend_note": {
        "en": "Dashed green line: the target; red numbered dots: the comments listed under “Comments and actions”; "
        "pale hollow point: fewer than {min} contacts (or answers) behind it, too few to read (n beside it).",
        "fr": "Ligne verte en pointillés : l'objectif ; points rouges numérotés : les commentaires listés dans "
        "« Commentaires et actions » ; point creux pâle : moins de {min} contacts (ou réponses), trop peu pour "
        "conclure (n à côté).",
    },
    "small_note": {
        "en": "† Fewer than {min} contacts (or answers) behind the figure, too few to read: {what}.",
        "fr": "† Moins de {min} contacts (ou réponses) derrière le chiffre, trop peu pour conclure : {what}.",
    },
    "small_site_note": {
        "en": "† Fewer than {min} contacts (or answers) behind the figure: too few to read.",
        "fr": "† Moins de {min} contacts (ou réponses) derrière le chiffre : trop peu pour conclure.",
    },
    "heat_kpi": {"en": "{kpi} by hour and weekday", "fr": "{kpi} par heure et jour de la semaine"},
    "heat_none": {
        "en": "{kpi} by hour and weekday: {reason}.",
        "fr": "{kpi} par heure et jour de la semaine : {reason}.",
    },
    "heat_all_small": {
        "en": "{kpi} by hour and weekday: every hour holds fewer than {min} contacts, too few to read.",
        "fr": "{kpi} par heure et jour de la semaine : chaque heure compte moins de {min} contacts, trop peu pour "
        "conclure.",
    },
    "heat_worse": {"en": "darker: worse", "fr": "plus foncé : moins bon"},
    "heat_more": {"en": "darker: higher", "fr": "plus foncé : plus élevé"},
    "heat_small": {
        "en": "grey: fewer than {min} contacts, too few to read (n in the cell)",
        "fr": "gris : moins de {min} contacts, trop peu pour conclure (n dans la case)",
    },
    "one_point": {"en": "a single point in this period", "fr": "un seul point sur la période"},
    "no_trend_for": {"en": "No trend for {what}.", "fr": "Pas de tendance pour {what}."},
    "topic_trend": {
        "en": "Top {n} contact reasons: contacts by {bucket}",
        "fr": "Les {n} premiers motifs : contacts par {bucket}",
    },
    "no_topic_trend": {
        "en": "Not enough days with contact reasons for a trend.",
        "fr": "Pas assez de jours avec des motifs de contact pour une tendance.",
    },
    "absent": {
        "en": "No contacts on {channels} in this period: no section for them.",
        "fr": "Aucun contact sur {channels} pendant la période : pas de section pour ces canaux.",
    },
    "headline_trends": {"en": "The headline over the period", "fr": "L'essentiel sur la période"},
    "trends_by": {"en": "Trends by {bucket}", "fr": "Tendances par {bucket}"},
    "no_team": {"en": "(no team)", "fr": "(sans équipe)"},
    "heatmap": {"en": "Contacts by hour and weekday", "fr": "Contacts par heure et jour de la semaine"},
    "histogram": {
        "en": "{what}: contacts per duration (median {median}, p90 {p90})",
        "fr": "{what} : contacts par durée (médiane {median}, p90 {p90})",
    },
    "first_response": {"en": "First response time", "fr": "Délai de première réponse"},
    "resolution": {"en": "Resolution time", "fr": "Délai de résolution"},
    "no_trend": {"en": "Not enough data for a trend.", "fr": "Pas assez de données pour une tendance."},
    "sites": {"en": "Sites side by side", "fr": "Les sites côte à côte"},
    "site": {"en": "Site", "fr": "Site"},
    "no_site": {"en": "(no site)", "fr": "(sans site)"},
    "no_site_note": {
        "en": "“(no site)”: contacts that never reached an agent of a known site (abandoned calls, bot conversations…).",
        "fr": "« (sans site) » : contacts qui n'ont atteint aucun conseiller d'un site connu (appels abandonnés, bot…).",
    },
    "sites_by_day": {"en": "Sites day by day", "fr": "Les sites jour par jour"},
    "date": {"en": "Day", "fr": "Jour"},
    "no_sites": {"en": "The data holds no site.", "fr": "Les données ne comportent aucun site."},
    "topics": {"en": "Contact reasons", "fr": "Motifs de contact"},
    "topic": {"en": "Topic", "fr": "Motif"},
    "volume": {"en": "Contacts", "fr": "Contacts"},
    "share": {"en": "Share", "fr": "Part"},
    "no_topics": {"en": "The data holds no contact reason.", "fr": "Les données ne comportent aucun motif de contact."},
    "words": {"en": "Customers' words", "fr": "La parole des clients"},
    "lowest": {"en": "Lowest scores", "fr": "Notes les plus basses"},
    "highest": {"en": "Highest scores", "fr": "Notes les plus hautes"},
    "no_words": {"en": "No survey comments in this period.", "fr": "Aucun commentaire d'enquête sur la période."},
    "qa": {"en": "QA score", "fr": "Note qualité"},
    "csat": {"en": "CSAT", "fr": "Satisfaction"},
    "surveys": {"en": "Surveys", "fr": "Enquêtes"},
    "no_quality": {
        "en": "No quality evaluations or surveys in this period.",
        "fr": "Aucune évaluation qualité ni enquête sur la période.",
    },
    "comments": {"en": "Comments and actions", "fr": "Commentaires et actions"},
    "action": {"en": "Action", "fr": "Action"},
    "owner": {"en": "Owner", "fr": "Responsable"},
    "no_comments": {"en": "No comment on this period yet.", "fr": "Pas encore de commentaire sur cette période."},
    "definitions": {"en": "Definitions used", "fr": "Définitions utilisées"},
    "scope_all": {"en": "whole service", "fr": "tout le service"},
    "empty": {
        "en": "The database holds no data for this period: nothing to report.",
        "fr": "La base ne contient aucune donnée sur cette période : rien à présenter.",
    },
}

CHANNEL_NAMES: dict[str, dict[str, str]] = {
    "phone": {"en": "Phone", "fr": "Téléphone"},
    "email": {"en": "Email", "fr": "E-mail"},
    "chat": {"en": "Chat", "fr": "Chat"},
    "bot": {"en": "Bot", "fr": "Bot"},
    "social": {"en": "Social media", "fr": "Réseaux sociaux"},
    "web": {"en": "Web / portal", "fr": "Web / portail"},
    "self-service": {"en": "Self-service", "fr": "Selfcare"},
}


def t(key: str, lang: str, **values: object) -> str:
    return say(TEXT, key, lang, **values)


def channel_name(channel: str | None, lang: str) -> str:
    return CHANNEL_NAMES.get(channel or "", {}).get(lang) or str(channel)


# A channel's section, named as the app's tab: the e-mail section holds every ticket,
# whatever its channel (a ticket opened by phone is a ticket, not a call).
SECTION_NAMES: dict[str, dict[str, str]] = {"email": {"en": "Email / Tickets", "fr": "E-mail / Tickets"}}


def section_name(channel: str | None, lang: str) -> str:
    return SECTION_NAMES.get(channel or "", {}).get(lang) or channel_name(channel, lang)
