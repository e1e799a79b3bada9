"""What every reader gives the rest of the import: one ``SELECT`` of text columns
over the file (see :mod:`.readers`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Relation:
    """A ``SELECT`` over the file and its bound parameters."""

    sql: str
    params: dict[str, Any] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    has_extra: bool = False
    sample_sql: str | None = None  # same columns without ``_line``: a LIMIT stops early
    fast_sql: str | None = None  # same rows with ``_line`` NULL: read in parallel (no row numbering)
    delimiter: str | None = None
    ragged: bool = False  # short lines are records padded with NULLs, not rejects
    # The rows :func:`.mapping.sample` read last: (sql, params, how many asked, columns → values)
    sampled: tuple[str, str, int, dict[str, list[Any]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
