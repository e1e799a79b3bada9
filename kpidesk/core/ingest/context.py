"""What a transform is told about the import it serves.

Vendor transforms (``kpidesk/core/ingest/transforms/<name>.py``) are written apart from
the framework; this small dataclass is the whole of their view of it, so that neither
side depends on the other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TransformContext:
    """Passed to ``transform(cur, staging, ctx)``.

    ``source``: the export family written to ``source`` columns (``asterisk``…).
    ``timezone``: IANA zone of the data (the ``data_timezone`` setting); zoned values
    must be converted into it and stored as naive local timestamps.
    ``import_id``: the ``imports`` row being written.
    ``profile``: the parsed TOML profile (a plain dict).
    """

    source: str
    timezone: str
    import_id: int
    profile: dict[str, Any] = field(default_factory=dict)
