"""KPI definition files: one TOML file per KPI, loaded into a typed registry.

A definition is data — an aggregate SQL expression over one relation plus metadata —
so team leads can read and change it, and add their own in a ``kpis/`` folder beside
their database. A broken file is reported with its name and reason; the others load.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kpidesk.core import settings
from kpidesk.core.kpi import params, sql_guard
from kpidesk.core.kpi.relations import RELATIONS

# "index": a score on −100…+100 read with its sign (NPS: +9.9), "score" any other scale
UNITS = ("rate", "seconds", "count", "score", "percent", "index")
BETTER = ("higher", "lower", "none")
# Where a KPI means something: for a queue (the service the customer met: answer
# rate, service level, self-service…), for one agent (handle time, FCR…), or both.
# Agent views (coaching view, agent tables, the PDF sheet) show only agent-grain KPIs:
# an agent's "answer rate" is 100 % by construction.
GRAINS = ("queue", "agent", "both")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# Channels in the team lead's words (a figure's scope, a driver's name…).
CHANNEL_NAMES: dict[str, dict[str, str]] = {
    "phone": {"en": "phone", "fr": "téléphone"},
    "email": {"en": "email", "fr": "e-mail"},
    "chat": {"en": "chat", "fr": "chat"},
    "bot": {"en": "bot", "fr": "bot"},
    "social": {"en": "social media", "fr": "réseaux sociaux"},
    "web": {"en": "web", "fr": "web"},
    "self-service": {"en": "self-service", "fr": "selfcare"},
    # records of a ticket list, whatever their channel (the tickets tab's scope)
    "ticket": {"en": "tickets", "fr": "tickets"},
}
ALL_CHANNELS = {"en": "all channels", "fr": "tous canaux"}
# How a kind of record is said in a figure's scope: calls are the phone's, tickets are
# tickets whatever their channel ("AHT (tickets)" on the tickets tab).
KIND_SCOPE = {"call": "phone", "ticket": "ticket", "chat": "chat", "bot": "bot"}


def scope_codes(channels: Sequence[str], kinds: Sequence[str] = ()) -> tuple[str, ...]:
    """What a figure covers, for :meth:`KpiDefinition.scope_for`: tickets (and the
    channels they are narrowed to), else the channel filter, else the kinds of record
    (none: every channel)."""
    said = tuple(dict.fromkeys(KIND_SCOPE.get(k, k) for k in kinds))
    if "ticket" in said:
        return ("ticket", *channels)
    return tuple(channels) or said


class DefinitionError(ValueError):
    pass


@dataclass(frozen=True)
class KpiDefinition:
    id: str
    relation: str
    measure: str
    n: str
    unit: str
    better: str
    label: dict[str, str]
    description: dict[str, str]
    channels: tuple[str, ...] = ()
    short: dict[str, str] = field(default_factory=dict)
    target: float | None = None
    warning: float | None = None
    requires: tuple[str, ...] = ()  # any of these tables must hold rows
    requires_reason: dict[str, str] = field(default_factory=dict)
    # and any of these too (occupancy: time logged AND contacts handled in it)
    requires_also: tuple[str, ...] = ()
    requires_also_reason: dict[str, str] = field(default_factory=dict)
    # an extra counting the rows the measure had to leave out (a date without its
    # time…): when it is the only reason for no value, ``unknown_reason`` says why
    unknown_extra: str | None = None
    unknown_reason: dict[str, str] = field(default_factory=dict)
    # …and when there is a value all the same, what it left out: said as its basis,
    # ``{n}`` the count of rows left out ("left out: {n} chats of exports that…")
    unknown_note: dict[str, str] = field(default_factory=dict)
    # Other inputs whose absence in any row leaves the figure unknown (a call whose end
    # the export does not give): extra → its reason, checked first, in order.
    unknown_when: dict[str, dict[str, str]] = field(default_factory=dict)
    basis: str | None = None  # SQL giving a note on how the value was computed
    extras: dict[str, str] = field(default_factory=dict)  # named extra figures, always computed
    stats: dict[str, str] = field(default_factory=dict)  # median, p90…: computed on request
    share_over: str | None = None  # "channel": measure is a share of all channels
    grain: str = "both"  # queue, agent or both: see GRAINS
    declared_params: tuple[str, ...] = ()  # the parameters that change this KPI
    source: str = "builtin"  # builtin, or the user file's path

    @property
    def per_agent(self) -> bool:
        """Meaningful for one agent (shown in agent views)."""
        return self.grain != "queue" and self.share_over is None

    def label_for(self, lang: str) -> str:
        return self.label.get(lang) or self.label["en"]

    def short_for(self, lang: str) -> str:
        """The acronym team leads say (DMT, AHT…), or ""."""
        return self.short.get(lang) or self.short.get("en") or ""

    def scope_for(self, channels: Sequence[str], lang: str) -> str | None:
        """The channels a figure of this KPI covers, in words, when the KPI is
        computed over several channels (AHT, CSAT, FCR, volume…): ``phone`` under a
        phone filter, ``all channels`` without one. None for a one-channel KPI
        (ASA is phone's whatever the filter): there is nothing to say."""
        if len(self.channels) < 2:
            return None
        # "all channels" without a channel filter, or under one naming every channel; a
        # filter of some channels (the Chat / Bot tab) names them, even when they are
        # all this KPI's: "Chat abandon (chat, bot)", not "(all channels)" on that tab
        if "ticket" in channels:  # tickets, whatever their channel, or those of some channels
            rest = [channel_name(c, lang) for c in channels if c != "ticket"]
            return channel_name("ticket", lang) + (" – " + ", ".join(rest) if rest else "")
        if not channels or set(channels) >= {"phone", "email", "chat"}:
            return ALL_CHANNELS.get(lang) or ALL_CHANNELS["en"]
        covered = [c for c in self.channels if c in channels] or list(channels)
        return ", ".join(channel_name(c, lang) for c in covered)

    def scoped_label(self, channels: Sequence[str], lang: str, short: bool = False) -> str:
        """The label said with the channels its figure covers: ``AHT (phone)`` on the
        phone tab and ``AHT (all channels)`` in a coaching view over every channel,
        never the same words for two figures. ``short`` uses the acronym when there
        is one (narrow table headers)."""
        label = (self.short_for(lang) if short else "") or self.label_for(lang)
        scope = self.scope_for(channels, lang)
        return f"{label} ({scope})" if scope else label

    def description_for(self, lang: str) -> str:
        return self.description.get(lang) or self.description.get("en", "")

    @property
    def params(self) -> tuple[str, ...]:
        """Parameters in force for this KPI: declared in the file, or written in its SQL."""
        text = " ".join([self.measure, self.n, self.basis or ""])
        found = dict.fromkeys([*self.declared_params, *params.names(text)])
        return tuple(p for p in found if not p.startswith("period_") and p != "channel_filter")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "short": self.short,
            "description": self.description,
            "unit": self.unit,
            "better": self.better,
            "channels": list(self.channels),
            "grain": self.grain,
            "relation": self.relation,
            "measure": self.measure,
            "n": self.n,
            "target": self.target,
            "warning": self.warning,
            "requires": list(self.requires),
            "requires_also": list(self.requires_also),
            "parameters": {p: settings.SETTINGS[p].default for p in self.params if p in settings.SETTINGS},
            "source": self.source,
        }


def channel_name(channel: str, lang: str) -> str:
    """A channel code (phone, email…) in the team lead's words."""
    return CHANNEL_NAMES.get(channel, {}).get(lang) or channel


def parse(text: str, source: str) -> KpiDefinition:
    return _parsed(_toml(text), source)


def _toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"not valid TOML: {exc}") from None


def _parsed(data: dict[str, Any], source: str) -> KpiDefinition:
    """:func:`parse` of a file's TOML, read."""
    try:
        kpi = _build(data, source)
    except (TypeError, AttributeError, KeyError, ValueError) as exc:
        if isinstance(exc, DefinitionError):
            raise
        raise DefinitionError(f"malformed definition: {exc}") from None
    _check_sql(kpi)
    return kpi


def sql_params() -> frozenset[str]:
    """The ``$names`` a KPI's SQL may use: the KPI settings and the period bounds."""
    names = {name for name, spec in settings.SETTINGS.items() if spec.is_kpi_param}
    return frozenset(names | {"period_start", "period_end", "channel_filter"})


def _check_sql(kpi: KpiDefinition) -> None:
    """Every SQL fragment of the file is one allowed expression (see ``sql_guard``)."""
    fragments = [("measure", kpi.measure), ("n", kpi.n)]
    if kpi.basis is not None:
        fragments.append(("basis", kpi.basis))
    fragments += [(f"extras.{name}", expr) for name, expr in kpi.extras.items()]
    fragments += [(f"stats.{name}", expr) for name, expr in kpi.stats.items()]
    params = sql_params()
    for what, expr in fragments:
        try:
            sql_guard.check(expr, params, what)
        except sql_guard.UnsafeSql as exc:
            raise DefinitionError(str(exc)) from None
    for name in [*kpi.extras, *kpi.stats]:
        if not _ID.match(name):
            raise DefinitionError(f"extra figure name {name!r} must be lower_snake_case")
    for table in (*kpi.requires, *kpi.requires_also):
        if not _ID.match(table):
            raise DefinitionError(f"requires names {table!r}, which is not a table name")
    if kpi.share_over not in (None, "channel"):
        raise DefinitionError("share_over can only be 'channel'")


def _text_table(data: dict[str, Any], key: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise DefinitionError(f"{key} must be a table of texts")
    return value


def _unknown_when(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    value = data.get("unknown_when", {})
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise DefinitionError("unknown_when must be a table of reasons, one per extra")
    extras = data.get("extras", {})
    for extra, reason in value.items():
        if extra not in extras:
            raise DefinitionError(f"unknown_when.{extra}: no extra of that name")
        _text_table({extra: reason}, f"unknown_when.{extra}")
    return value


def _build(data: dict[str, Any], source: str) -> KpiDefinition:
    missing = [k for k in ("id", "relation", "measure", "unit", "label") if k not in data]
    if missing:
        raise DefinitionError(f"missing {', '.join(missing)}")
    for key in ("id", "relation", "measure", "unit"):
        if not isinstance(data[key], str):
            raise DefinitionError(f"{key} must be text")
    for key in ("n", "basis", "share_over"):
        if key in data and not isinstance(data[key], str):
            raise DefinitionError(f"{key} must be text")
    for key in ("target", "warning"):
        if key in data and (isinstance(data[key], bool) or not isinstance(data[key], (int, float))):
            raise DefinitionError(f"{key} must be a number")
    for key in ("channels", "requires", "requires_also", "params"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(v, str) for v in data[key])):
            raise DefinitionError(f"{key} must be a list of texts")
    if not _ID.match(data["id"]):
        raise DefinitionError(f"id {data['id']!r} must be lower_snake_case")
    if data["relation"] not in RELATIONS:
        raise DefinitionError(f"unknown relation {data['relation']!r} (one of {', '.join(RELATIONS)})")
    if data["unit"] not in UNITS:
        raise DefinitionError(f"unit must be one of {', '.join(UNITS)}")
    better = data.get("better", "none")
    if better not in BETTER:
        raise DefinitionError(f"better must be one of {', '.join(BETTER)}")
    label = data["label"] if isinstance(data["label"], dict) else {"en": str(data["label"])}
    if "en" not in label or not all(isinstance(v, str) for v in label.values()):
        raise DefinitionError("label needs an 'en' entry (text)")
    grain = data.get("grain", "both")
    if grain not in GRAINS:
        raise DefinitionError(f"grain must be one of {', '.join(GRAINS)}")
    return KpiDefinition(
        id=data["id"],
        relation=data["relation"],
        measure=data["measure"].strip(),
        n=data.get("n", "count(*)").strip(),
        unit=data["unit"],
        better=better,
        label=label,
        description=_text_table(data, "description"),
        channels=tuple(data.get("channels", ())),
        short=_text_table(data, "short"),
        target=data.get("target"),
        warning=data.get("warning"),
        requires=tuple(data.get("requires", ())),
        requires_reason=_text_table(data, "requires_reason"),
        requires_also=tuple(data.get("requires_also", ())),
        requires_also_reason=_text_table(data, "requires_also_reason"),
        unknown_extra=data.get("unknown_extra"),
        unknown_reason=_text_table(data, "unknown_reason"),
        unknown_note=_text_table(data, "unknown_note"),
        unknown_when=_unknown_when(data),
        basis=data.get("basis"),
        extras=_text_table(data, "extras"),
        stats=_text_table(data, "stats"),
        share_over=data.get("share_over"),
        grain=grain,
        declared_params=tuple(str(p).lower() for p in data.get("params", ())),  # $Foo is $foo
        source=source,
    )


@dataclass
class Registry:
    """Every loaded KPI, by id, in catalog order; and the files that failed."""

    kpis: dict[str, KpiDefinition] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, message)

    def __getitem__(self, kpi_id: str) -> KpiDefinition:
        return self.kpis[kpi_id]

    def __contains__(self, kpi_id: str) -> bool:
        return kpi_id in self.kpis

    def __iter__(self) -> Iterator[KpiDefinition]:
        return iter(self.kpis.values())

    def for_channel(self, channel: str) -> list[KpiDefinition]:
        return [k for k in self.kpis.values() if channel in k.channels]


def builtin_folder() -> Path:
    return Path(str(resources.files("kpidesk") / "resources" / "kpis"))


def user_folder(db_path: str | None) -> Path | None:
    if not db_path or db_path == ":memory:":
        return None
    return Path(db_path).parent / "kpis"


def load_registry(db_path: str | None = None, extra_folders: Sequence[Path] = ()) -> Registry:
    """Built-in KPI files, then the user's (a user file may replace a built-in id)."""
    reg = Registry()
    folders = [builtin_folder(), user_folder(db_path), *extra_folders]
    # (path, source, its TOML read once, or why it is unreadable)
    files: list[tuple[Path, str, dict[str, Any] | Exception]] = []
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            source = "builtin" if folder == builtin_folder() else str(path)
            try:
                files.append((path, source, _toml(path.read_text(encoding="utf-8"))))
            except (DefinitionError, UnicodeDecodeError, OSError) as exc:
                files.append((path, source, exc))
    sql_guard.prime([f for _, _, data in files if isinstance(data, dict) for f in _fragments(data)])
    for path, source, data in files:
        try:
            if isinstance(data, Exception):
                raise data
            kpi = _parsed(data, source)
        except (DefinitionError, UnicodeDecodeError, OSError) as exc:
            reg.errors.append((str(path), str(exc)))
            continue
        reg.kpis[kpi.id] = kpi
    order = _catalog_order()
    reg.kpis = dict(sorted(reg.kpis.items(), key=lambda kv: (order.get(kv[0], 999), kv[0])))
    return reg


def _fragments(data: dict[str, Any]) -> list[str]:
    """The SQL fragments a KPI file gives (for :func:`sql_guard.prime`; the file is
    checked by :func:`parse` as it would be without)."""
    stripped = [data.get("measure"), data.get("n", "count(*)")]  # as _build keeps them
    out: list[Any] = [f.strip() for f in stripped if isinstance(f, str)]
    out.append(data.get("basis"))
    for table in ("extras", "stats"):
        if isinstance(data.get(table), dict):
            out += list(data[table].values())
    return [f for f in out if isinstance(f, str)]


def _catalog_order() -> dict[str, int]:
    index = builtin_folder() / "ORDER"
    if not index.exists():
        return {}
    ids = [line.strip() for line in index.read_text().splitlines() if line.strip()]
    return {kpi_id: i for i, kpi_id in enumerate(ids)}
