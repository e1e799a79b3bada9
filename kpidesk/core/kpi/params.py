"""Named parameters (``$name``) in the SQL the project writes or reads from files.

DuckDB binds them by name (case-insensitively) and refuses a value the statement does
not name, so every statement is given exactly the values it names: :func:`bind`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def names(sql: str) -> list[str]:
    """The parameters ``sql`` names, each once (``$Foo`` and ``$foo`` are one, as for
    DuckDB), lower case, in order of appearance."""
    return list(dict.fromkeys(name.lower() for name in PARAM.findall(sql)))


def bind(sql: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values ``sql`` names, whatever the case of the name on either side (a name
    without a value is left for DuckDB to refuse)."""
    index = {name.lower(): value for name, value in values.items()}
    return {name: index[name] for name in names(sql) if name in index}
