"""Comments on the figures: why a KPI moved over a period, and what is done about it.

A team lead attaches a comment to a KPI over a day, a week or any range, optionally
narrowed to a channel, queue, site or agent: the text, an action and its owner. They
are the team lead's own data (``figure_comments``): imports never touch them, so they
survive re-imports. Every write goes through ``Store.write()``. The trend charts show
them as markers, the service report prints them next to the figure they explain.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from kpidesk.core.db.store import Store

_COLUMNS = (
    "comment_id, kpi, date_from, date_to, channel, queue, site, agent_id, text, action, owner, created_at, updated_at"
)


class CommentError(ValueError):
    """A comment the team lead must correct (no text, dates the wrong way round)."""


@dataclass
class Comment:
    comment_id: int
    kpi: str
    date_from: date
    date_to: date
    channel: str | None = None
    queue: str | None = None
    site: str | None = None
    agent_id: str | None = None
    text: str = ""
    action: str | None = None
    owner: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, (date, datetime)):
                out[key] = value.isoformat()
        return out

    @property
    def scope(self) -> dict[str, str]:
        """The optional narrowing: {"queue": "Billing"}…"""
        pairs = (("channel", self.channel), ("queue", self.queue), ("site", self.site), ("agent", self.agent_id))
        return {k: v for k, v in pairs if v}


def _clean(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def _check(text: str | None, date_from: date, date_to: date) -> None:
    if not _clean(text):
        raise CommentError("A comment needs some text.")
    if date_to < date_from:
        raise CommentError("The comment's period ends before it starts.")


def add(
    store: Store,
    kpi: str,
    date_from: date,
    date_to: date | None,
    text: str,
    action: str | None = None,
    owner: str | None = None,
    channel: str | None = None,
    queue: str | None = None,
    site: str | None = None,
    agent_id: str | None = None,
) -> int:
    date_to = date_to or date_from
    _check(text, date_from, date_to)
    now = datetime.now()
    with store.write(facts=False) as cur:
        row = cur.execute("SELECT coalesce(max(comment_id), 0) + 1 FROM figure_comments").fetchone()
        comment_id = int(row[0]) if row else 1
        cur.execute(
            f"INSERT INTO figure_comments ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                comment_id,
                kpi,
                date_from,
                date_to,
                _clean(channel),
                _clean(queue),
                _clean(site),
                _clean(agent_id),
                _clean(text),
                _clean(action),
                _clean(owner),
                now,
                now,
            ],
        )
    return comment_id


_EDITABLE = ("kpi", "date_from", "date_to", "channel", "queue", "site", "agent_id", "text", "action", "owner")


def update(store: Store, comment_id: int, **changes: Any) -> None:
    """Change some fields; an empty string clears an optional one."""
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise CommentError(f"Unknown comment field: {', '.join(sorted(unknown))}")
    current = get(store, comment_id)
    if current is None:
        raise CommentError(f"No comment {comment_id}.")
    merged = {**asdict(current), **changes}
    _check(merged["text"], merged["date_from"], merged["date_to"])
    values = {k: (_clean(v) if isinstance(v, str) else v) for k, v in merged.items() if k in _EDITABLE}
    sets = ", ".join(f"{k} = ?" for k in values)
    with store.write(facts=False) as cur:
        cur.execute(
            f"UPDATE figure_comments SET {sets}, updated_at = ? WHERE comment_id = ?",
            [*values.values(), datetime.now(), comment_id],
        )


def delete(store: Store, comment_id: int) -> None:
    with store.write(facts=False) as cur:
        cur.execute("DELETE FROM figure_comments WHERE comment_id = ?", [comment_id])


def get(store: Store, comment_id: int) -> Comment | None:
    row = (
        store.cursor().execute(f"SELECT {_COLUMNS} FROM figure_comments WHERE comment_id = ?", [comment_id]).fetchone()
    )
    return Comment(*row) if row else None


def find(
    store: Store,
    kpi: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    channels: tuple[str, ...] | None = None,
    scoped: bool = True,
) -> list[Comment]:
    """Comments whose period overlaps [date_from, date_to], oldest first.

    ``channels``: keep comments on those channels or on all; ``scoped=False`` keeps only
    comments on the whole service (no queue, site or agent).
    """
    where: list[str] = []
    bind: list[object] = []
    if kpi:
        where.append("kpi = ?")
        bind.append(kpi)
    if date_to:
        where.append("date_from <= ?")
        bind.append(date_to)
    if date_from:
        where.append("date_to >= ?")
        bind.append(date_from)
    if channels is not None:
        where.append("(channel IS NULL OR list_contains(?, channel))")
        bind.append(list(channels))
    if not scoped:
        where.append("queue IS NULL AND site IS NULL AND agent_id IS NULL")
    sql = f"SELECT {_COLUMNS} FROM figure_comments"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date_from, comment_id"
    return [Comment(*row) for row in store.cursor().execute(sql, bind).fetchall()]
