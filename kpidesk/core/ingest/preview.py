"""What the mapping dialog shows, computed without Qt: the file as it will load.

``inspect`` reads a file with the reader options the user chose (encoding, separator,
header line, sheet) and proposes a mapping onto one table; ``preview`` runs a
mapping on the first rows through the same SQL the import uses, so the dialog shows
parsed values (dates, seconds, recoded outcomes) and why a row would be rejected,
not the raw text; ``profile_data`` turns the user's choices into the profile that
``save_profile`` writes and ``import_file`` takes. Each call opens its own in-memory
database: the UI runs them in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpidesk.core.ingest import mapping
from kpidesk.core.ingest.profiles import Profile, resolve
from kpidesk.core.ingest.proposal import Proposal, opened, propose_from
from kpidesk.core.ingest.synonyms import TABLE_HINTS
from kpidesk.core.ingest.tables import DEFAULTS, TARGETS

TABLES = list(TABLE_HINTS) + [t for t in TARGETS if t not in TABLE_HINTS]
READ_KEYS = ("encoding", "delimiter", "header_line")


@dataclass
class Preview:
    """The first rows as they will load: canonical columns, values, and per row the
    reason it would be rejected (None when it loads)."""

    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def inspect(
    path: str | Path, *, sheet: str | None = None, read: dict[str, Any] | None = None, table: str | None = None
) -> Proposal:
    """Reader options as detected (or as given), the target table and a mapping guess."""
    with opened(path, sheet=sheet, read=read) as (cur, info, rel):
        prop = propose_from(cur, info, rel, table)
        prop.reader = dict(info.describe(), delimiter_char=info.delimiter)
        return prop


def required_fields(table: str) -> list[str]:
    """Fields the user must map: required by the table, minus what the framework fills."""
    defaults = DEFAULTS.get(table, {})
    constants = {"channel"} if table == "contacts" else set()
    if table == "surveys":
        constants |= {"survey_type", "scale_min", "scale_max"}
    return [f for f in TARGETS[table].required if f != "source_key" and f not in defaults and f not in constants]


def profile_data(
    proposal: Proposal,
    fields: dict[str, Any],
    *,
    table: str | None = None,
    read: dict[str, Any] | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """The profile for the user's choices; ``fields`` maps field → spec (a column name,
    or ``{"date": …, "time": …}``), fields left out are not mapped."""
    table = table or proposal.table
    data: dict[str, Any] = {
        "name": name or proposal.path.stem,
        "label": f"Mapped from {proposal.path.name}",
        "source": "generic",
        "table": table,
    }
    specs = dict(fields)
    if table == proposal.table:
        specs.update({f: {"value": v} for f, v in proposal.constants.items() if f not in specs})
    elif table == "contacts":
        specs.setdefault("channel", {"value": "phone"})
    read = {k: v for k, v in (read or {}).items() if k in READ_KEYS and v not in (None, "")}
    if read:
        data["read"] = read
    headers = []
    for spec in fields.values():
        cols = [spec] if isinstance(spec, str) else [spec.get(k) for k in ("column", "date", "time")]
        headers += [c for c in cols if isinstance(c, str) and c not in headers]
    data["match"] = {"headers": headers}
    data["fields"] = specs
    return data


def preview(
    path: str | Path, data: dict[str, Any], *, sheet: str | None = None, timezone: str = "UTC", rows: int = 20
) -> Preview:
    """The first ``rows`` records mapped by the profile ``data``."""
    with opened(path, sheet=sheet, read=data.get("read")) as (cur, info, rel):
        prof = Profile(data.get("name", "preview"), data)
        _, missing = resolve(prof, rel.columns)
        if missing:
            return Preview(missing=missing)
        plan = mapping.plan(cur, prof, rel, timezone=timezone)
        head = f"SELECT * FROM ({rel.sql}) ORDER BY _line LIMIT {int(rows)}"
        plan_sql = plan.sql.replace(f"FROM ({rel.sql})", f"FROM ({head})", 1)
        cur.execute(plan_sql, plan.params)
        res = cur.execute(f"SELECT * EXCLUDE (_raw, source) FROM {plan.out} ORDER BY _line")
        names = [d[0] for d in res.description]
        out = Preview(missing=[])
        ir, il = names.index("_reason"), names.index("_line")
        keep = [i for i, n in enumerate(names) if n not in ("_reason", "_line", "source_key")]
        out.columns = [names[i] for i in keep]
        for row in res.fetchall():
            out.rows.append(tuple(row[i] for i in keep))
            out.reasons.append(row[ir])
            out.lines.append(row[il])
        return out


def missing_fields(data: dict[str, Any], columns: list[str]) -> list[str]:
    """Required fields the profile ``data`` leaves without a column (empty: it can import)."""
    return resolve(Profile(data.get("name", "mapping"), data), columns)[1]
