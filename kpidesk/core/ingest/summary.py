"""What an import did, in numbers the user can check.

``rows_read = loaded + duplicate + rejected + ignored`` always holds; the CLI prints
it, the UI shows it, and ``imports`` keeps it (``rows_ignored`` included).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ImportReport:
    file: str
    profile: str
    import_id: int | None = None
    rows_read: int = 0
    loaded: int = 0
    duplicate: int = 0
    rejected: int = 0
    ignored: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    reader: dict[str, Any] = field(default_factory=dict)
    rejects: list[tuple[int, str]] = field(default_factory=list)  # first few (line, reason)
    seconds: float = 0.0
    ok: bool = True
    message: str = ""
    # A failure's message as its English template and values (``ImportError_.say``),
    # so that a front end can say it in the user's language.
    message_template: str = ""
    message_params: dict[str, str] = field(default_factory=dict)
    # Every source column: {"column", "field" (None: not used), "confidence", "rule"}.
    columns: list[dict[str, Any]] = field(default_factory=list)
    ignored_reasons: dict[str, int] = field(default_factory=dict)  # reason → rows (adds up to ``ignored``)
    key: str = ""  # the natural key used to tell records apart (and find duplicates)
    recognised: str = ""  # why the file was taken for what it is, when the evidence was weighed
    warnings: list[str] = field(default_factory=list)  # e.g. many rejects, with the first reasons
    # the outcomes its contact rows can say (ingest/outcomes.py); None: not restricted
    outcomes: list[str] | None = None
    unsaid: list[str] = field(default_factory=list)  # …and what its figures need that it cannot say

    def balanced(self) -> bool:
        return self.rows_read == self.loaded + self.duplicate + self.rejected + self.ignored

    def summary(self) -> str:
        text = (
            f"{self.rows_read} rows read: {self.loaded} loaded, {self.duplicate} duplicates, {self.rejected} rejected"
        )
        return text + (f", {self.ignored} ignored" if self.ignored else "")

    def rejected_share(self) -> float:
        return self.rejected / self.rows_read if self.rows_read else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
