"""What every view of the desk shares: the store, the engine, the cached settings.

Settings and targets are read once, off the GUI thread
(:func:`kpidesk.core.workspace.load_prefs`), and kept here; a slot never asks DuckDB. :class:`Desk` also knows how to show a KPI —
its formatter, its target colour, its tooltip with the formula and the parameters
in force — so tiles, tables and charts agree.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from kpidesk.core import formatting, settings
from kpidesk.core.kpi import targets
from kpidesk.core.kpi.engine import AGENT_ONLY_FIELD, NOT_FOR_A_CELL, NOT_PER_AGENT, PER_PERIOD_ONLY, Engine
from kpidesk.core.workspace import Prefs
from kpidesk.ui.i18n import Language, translate

# KPI → the parameters its tooltip shows (the ones that change its value).
KPI_PARAMS = {
    "service_level": ("sl_threshold_s", "sl_abandon_policy", "short_abandon_s"),
    "offered": ("short_abandon_s",),
    "answered": ("short_abandon_s",),
    "answer_rate": ("short_abandon_s",),
    "abandon_rate": ("short_abandon_s",),
    "short_abandons": ("short_abandon_s",),
    "repeat_rate": ("repeat_window_days",),
    "fcr": ("repeat_window_days",),
    "response_sla": ("response_sla_h",),
    "out_of_hours_volume": ("business_hours",),
    "out_of_hours_rate": ("business_hours",),
}
PARAM_LABELS = {
    "sl_threshold_s": QT_TRANSLATE_NOOP("Params", "Service-level threshold (s)"),
    "sl_abandon_policy": QT_TRANSLATE_NOOP("Params", "Abandons within the threshold"),
    "short_abandon_s": QT_TRANSLATE_NOOP("Params", "Short-abandon limit (s)"),
    "repeat_window_days": QT_TRANSLATE_NOOP("Params", "Repeat window (days)"),
    "response_sla_h": QT_TRANSLATE_NOOP("Params", "Email response SLA (hours)"),
    "min_sample": QT_TRANSLATE_NOOP("Params", "Small sample below (contacts)"),
    "business_hours": QT_TRANSLATE_NOOP("Params", "Business hours"),
}
POLICY_LABELS = {
    "negative": QT_TRANSLATE_NOOP("Params", "count against the level"),
    "ignore": QT_TRANSLATE_NOOP("Params", "are left out"),
    "positive": QT_TRANSLATE_NOOP("Params", "count as met"),
}
CHANNEL_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Channels", "Phone"),
    "email": QT_TRANSLATE_NOOP("Channels", "Email"),
    "chat": QT_TRANSLATE_NOOP("Channels", "Chat"),
    "bot": QT_TRANSLATE_NOOP("Channels", "Bot"),
    "social": QT_TRANSLATE_NOOP("Channels", "Social media"),
    "web": QT_TRANSLATE_NOOP("Channels", "Web / portal"),
    "self-service": QT_TRANSLATE_NOOP("Channels", "Self-service"),
}


def channel_label(channel: str) -> str:
    """A channel code in the user's language (an unknown one as it is)."""
    return translate("Channels", CHANNEL_LABELS[channel]) if channel in CHANNEL_LABELS else channel


# The engine's own reasons for a missing value (the KPI files give theirs in both
# languages): English keys, said in the user's language here.
REASONS = {
    "no data": QT_TRANSLATE_NOOP("Reasons", "no data"),
    "not defined for this data": QT_TRANSLATE_NOOP("Reasons", "not defined for this data"),
    NOT_FOR_A_CELL: QT_TRANSLATE_NOOP("Reasons", "not available for one weekday or hour"),  # backlog, occupancy…
    NOT_PER_AGENT: QT_TRANSLATE_NOOP("Reasons", "a queue-level figure: not meaningful per agent or team"),
    PER_PERIOD_ONLY: QT_TRANSLATE_NOOP(
        "Reasons", "counted per period: the data gives averages, not each contact's duration"
    ),
    AGENT_ONLY_FIELD: QT_TRANSLATE_NOOP(
        "Reasons", "a queue-level figure: this export gives that field only to contacts an agent handled"
    ),
}


def reason_text(reason: str | None) -> str:
    """A KpiValue's reason in the user's language."""
    if not reason:
        return ""
    if reason in REASONS:
        return translate("Reasons", REASONS[reason])
    if reason.startswith("not available by "):
        return translate("Reasons", "not available at this grain")
    if reason.startswith("SQL error in "):
        return translate("Reasons", "could not be computed (see the KPI file)")
    return reason


class Desk(QObject):
    prefs_changed = Signal()

    def __init__(self, store, engine: Engine, prefs: Prefs, language: Language, parent=None):
        super().__init__(parent)
        self.store, self.engine, self.prefs, self.language = store, engine, prefs, language
        self.privacy = False

    @property
    def lang(self) -> str:
        return self.language.code

    def set_prefs(self, prefs: Prefs) -> None:
        self.prefs = prefs
        self.prefs_changed.emit()

    def label(self, kpi_id: str, channels: Sequence[str] | None = None, short: bool = False) -> str:
        """A KPI's name; given the channels its figure was computed over, said with
        them when the KPI spans several (``AHT (phone)``, ``AHT (all channels)``)."""
        kpi = self.engine.registry[kpi_id]
        if channels is None:
            return (kpi.short_for(self.lang) if short else "") or kpi.label_for(self.lang)
        return kpi.scoped_label(channels, self.lang, short)

    def short(self, kpi_id: str) -> str:
        kpi = self.engine.registry[kpi_id]
        return kpi.short.get(self.lang) or kpi.short.get("en") or ""

    def formatter(self, kpi_id: str) -> Callable[[float], str]:
        unit, lang = self.engine.registry[kpi_id].unit, self.lang
        return lambda v: formatting.value(v, unit, lang)

    def target(self, kpi_id: str, channel: str | None) -> targets.Target:
        return targets.resolve(self.prefs.targets, self.engine.registry[kpi_id], channel)

    def status(self, kpi_id: str, value: float | None, channel: str | None) -> str | None:
        t = self.target(kpi_id, channel)
        return targets.status(value, self.engine.registry[kpi_id].better, t.target, t.warning)

    def param_text(self, name: str) -> str:
        value = self.prefs.params.get(name, settings.SETTINGS[name].default)
        if name == "sl_abandon_policy":
            return translate("Params", POLICY_LABELS.get(value, value))
        if name == "business_hours":
            hours = self.prefs.business_hours or settings.DEFAULT_HOURS
            spans = sorted({"–".join(s) for spans in hours.values() for s in spans})
            return ", ".join(spans)
        if isinstance(value, float):
            return formatting.number(value, 0 if value.is_integer() else 1, self.lang)
        return str(value)

    def tooltip(self, kpi_id: str, channel: str | None) -> str:
        kpi = self.engine.registry[kpi_id]
        target, warning = translate("Tooltip", "Target"), translate("Tooltip", "warning")
        # The definition in the user's words; the SQL (with its $parameter names) is
        # for the KPI files and `kpidesk kpis --list`, not for a tile.
        parts = [
            f"<b>{html.escape(kpi.label_for(self.lang))}</b>",
            html.escape(kpi.description_for(self.lang)),
        ]
        t = self.target(kpi_id, channel)
        if t.target is not None:
            fmt = self.formatter(kpi_id)
            line = f"{target}: {fmt(t.target)}"
            if t.warning is not None:
                line += f" · {warning}: {fmt(t.warning)}"
            parts.append(line)
        for name in KPI_PARAMS.get(kpi_id, ()):
            parts.append(f"{translate('Params', PARAM_LABELS[name])}: {html.escape(self.param_text(name))}")
        return "<p style='white-space:pre-wrap; max-width:420px'>" + "<br>".join(parts) + "</p>"
