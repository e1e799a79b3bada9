"""Column names from files are user data: one way to put them into SQL.

Every identifier that reaches a SQL string goes through :func:`quote`; values never
do (they are bound parameters). :func:`normalize` gives the comparable form of a
header so that ``Durée``, ``duree`` and ``DUREE `` match the same profile entry.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9%]+")


def quote(name: str) -> str:
    """A SQL identifier for ``name``, whatever characters it holds."""
    if "\x00" in name:
        raise ValueError("identifier contains a NUL character")
    return '"' + name.replace('"', '""') + '"'


def normalize(name: str) -> str:
    """Lower case, no accents, runs of punctuation and spaces as one space."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("œ", "oe").replace("æ", "ae")
    return _NON_ALNUM.sub(" ", text).strip()


def unique_names(names: list[str]) -> list[str]:
    """Header names made usable: blanks named ``Column N``, repeats suffixed."""
    seen: dict[str, int] = {}
    out = []
    for i, raw in enumerate(names, start=1):
        name = (raw or "").strip().lstrip("\ufeff") or f"Column {i}"
        if name.startswith("_"):
            name = "x" + name  # leading underscore is reserved for framework columns
        key = name.lower()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        out.append(name)
    return out
