"""The team lead's own targets, and the colour a value earns against them.

KPI files carry default targets; the ``targets`` table holds the team lead's
overrides, per KPI and channel (``'*'`` = every channel). A tile, a table cell and
a report all ask :func:`status` so that "amber" means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.core.db.store import Store
from kpidesk.core.kpi.definitions import KpiDefinition

ANY_CHANNEL = "*"
GREEN, AMBER, RED = "green", "amber", "red"


@dataclass(frozen=True)
class Target:
    target: float | None
    warning: float | None = None


def load(store: Store) -> dict[tuple[str, str], Target]:
    """Every override in the database, keyed by (kpi, channel)."""
    rows = store.cursor().execute("SELECT kpi, channel, target, warning FROM targets").fetchall()
    return {(kpi, channel): Target(target, warning) for kpi, channel, target, warning in rows}


def set_target(store: Store, kpi: str, channel: str | None, target: float | None, warning: float | None) -> None:
    """Save an override; a target and warning both ``None`` removes it."""
    channel = channel or ANY_CHANNEL
    with store.write(facts=False) as cur:
        cur.execute("DELETE FROM targets WHERE kpi = ? AND channel = ?", [kpi, channel])
        if target is not None or warning is not None:
            cur.execute("INSERT INTO targets VALUES (?, ?, ?, ?)", [kpi, channel, target, warning])


def resolve(overrides: dict[tuple[str, str], Target], kpi: KpiDefinition, channel: str | None = None) -> Target:
    """The target in force for a KPI definition on a channel: the channel's own
    override, else the all-channel override, else the KPI file's default."""
    for key in ((kpi.id, channel or ANY_CHANNEL), (kpi.id, ANY_CHANNEL)):
        if key in overrides:
            return overrides[key]
    return Target(kpi.target, kpi.warning)


def status(value: float | None, better: str, target: float | None, warning: float | None = None) -> str | None:
    """``green`` when the target is met, ``amber`` when only the warning level is,
    ``red`` otherwise; ``None`` when there is nothing to judge (no value, no target,
    or a KPI that is read in context). Without a warning level a missed target is red."""
    if value is None or target is None or better not in ("higher", "lower"):
        return None
    sign = 1.0 if better == "higher" else -1.0
    if sign * (value - target) >= 0:
        return GREEN
    if warning is not None and sign * (value - warning) >= 0:
        return AMBER
    return RED


def is_good_change(delta: float, better: str) -> bool | None:
    """Whether a rise (delta > 0) or fall is good news; ``None`` when neutral."""
    if delta == 0 or better not in ("higher", "lower"):
        return None
    return (delta > 0) == (better == "higher")
