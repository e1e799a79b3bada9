"""What an import's contact rows can say of how each contact ended.

A chat export that lists the chats agents served says ``answered`` (or nothing) on
every row: it cannot say that a chat was abandoned, so its chats must be left out of
the abandon rate, not counted as 0 % abandoned. What a file can say is decided by
the import, from its format, never guessed when the figures are read:

- a profile may say it outright: ``outcomes = ["answered", "abandoned"]`` at its top
  level (the vendor formats whose transform writes the outcome), or on the outcome
  field's alternative that was used (``{ expr = "…", outcomes = [...] }``);
- else the outcome field that fed the rows tells: a constant says its value, an
  expression the outcomes it writes (its quoted words), a column recoded by a value
  map the outcomes of its map;
- a file with no outcome at all says none.

The answer is recorded with the import (``imports.outcomes``) and joined to each
contact by the KPI relations (``relations.CONTACTS``: ``abandon_known``,
``flowout_known``). None means "not restricted": a column read as it is (its words are
its own), a format that does not say, a file of other records.
"""

from __future__ import annotations

import re
from typing import Any

from kpidesk.core.ingest.profiles import Profile

# The outcomes a contact row can have (docs/data-model.md).
OUTCOMES = ("answered", "abandoned", "flowout", "missed", "handled", "contained", "handoff")
_QUOTED = re.compile(r"'([a-z_]+)'")


def _words(values: Any) -> list[str] | None:
    """The canonical outcomes among ``values`` (a list a profile gives), in order."""
    if not isinstance(values, list):
        return None
    return [o for o in OUTCOMES if o in {str(v).strip().lower() for v in values}]


def said(profile: Profile, fields: dict[str, dict[str, Any]] | None) -> list[str] | None:
    """The outcomes the rows of an import with ``profile`` can hold: sorted as
    :data:`OUTCOMES`; ``[]`` when the file says none; None when not restricted.
    ``fields``: the fields the import's mapping resolved (``mapping.Plan.fields``);
    None for a vendor transform."""
    if profile.table != "contacts":
        return None
    declared = _words(profile.data.get("outcomes"))
    if declared is not None:
        return declared
    if fields is None:  # a transform that does not say: its own words
        return None
    spec = fields.get("outcome")
    if spec is None:
        return []
    declared = _words(spec.get("outcomes"))
    if declared is not None:
        return declared
    if "value" in spec:
        return _words([spec["value"]])
    if "expr" in spec:
        return _words(_QUOTED.findall(str(spec["expr"]).lower()))
    if spec.get("map"):
        return _words(list(spec["map"].values()))
    return None


def unsaid(profile: Profile, outcomes: list[str] | None) -> list[str]:
    """What a file of calls or chats cannot say that its figures need, for the import
    summary: ``abandoned`` (abandon rates), and for calls ``flowout`` (flow-outs)."""
    kind = profile.data.get("record_kind")
    if outcomes is None or kind not in ("call", "chat"):
        return []
    need = ("abandoned", "flowout") if kind == "call" else ("abandoned",)
    return [o for o in need if o not in outcomes]
