"""Coaching notes: what was said in each one-to-one, kept in the database.

Notes are the team lead's own data (``coaching_notes``): imports never touch them,
so they survive re-imports and upgrades. Every write goes through ``Store.write()``
(one transaction, the single write path). The history merges notes and goals so a
lead opening an agent sees the whole coaching story, newest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from kpidesk.core.coaching.goals import goals
from kpidesk.core.db.store import Store


@dataclass
class Note:
    note_id: int
    agent_id: str
    session_date: date
    text: str
    kpis: list[str] = field(default_factory=list)
    created_at: datetime | None = None


class NoteError(ValueError):
    """A note the team lead must correct (empty text)."""


def add_note(store: Store, agent_id: str, session_date: date, text: str, kpis: Iterable[str] = ()) -> int:
    if not text or not text.strip():
        raise NoteError("A coaching note needs some text.")
    with store.write(facts=False) as cur:
        row = cur.execute("SELECT coalesce(max(note_id), 0) + 1 FROM coaching_notes").fetchone()
        assert row is not None  # an aggregate without GROUP BY always returns one row
        note_id = int(row[0])
        cur.execute(
            "INSERT INTO coaching_notes VALUES (?, ?, ?, ?, ?, ?)",
            [note_id, agent_id, session_date, text.strip(), list(kpis), datetime.now()],
        )
    return note_id


def update_note(
    store: Store,
    note_id: int,
    text: str | None = None,
    kpis: Iterable[str] | None = None,
    session_date: date | None = None,
) -> None:
    if text is not None and not text.strip():
        raise NoteError("A coaching note needs some text.")
    with store.write(facts=False) as cur:
        cur.execute(
            "UPDATE coaching_notes SET text = coalesce(?, text), kpis = coalesce(?, kpis), "
            "session_date = coalesce(?, session_date) WHERE note_id = ?",
            [text.strip() if text else None, list(kpis) if kpis is not None else None, session_date, note_id],
        )


def delete_note(store: Store, note_id: int) -> None:
    with store.write(facts=False) as cur:
        cur.execute("DELETE FROM coaching_notes WHERE note_id = ?", [note_id])


def notes(store: Store, agent_id: str, limit: int | None = None) -> list[Note]:
    """The agent's notes, latest session first."""
    rows = (
        store.cursor()
        .execute(
            "SELECT note_id, agent_id, session_date, text, coalesce(kpis, []), created_at FROM coaching_notes "
            "WHERE agent_id = ? ORDER BY session_date DESC, note_id DESC LIMIT ?",
            [agent_id, limit if limit is not None else 1 << 31],
        )
        .fetchall()
    )
    return [Note(*r) for r in rows]


@dataclass
class HistoryItem:
    day: date
    kind: str  # note | goal_set | goal_due
    text: str
    ref: int  # note_id or goal_id


def history(store: Store, agent_id: str) -> list[HistoryItem]:
    """Notes and goals of one agent, newest first: the coaching story."""
    items = [HistoryItem(n.session_date, "note", n.text, n.note_id) for n in notes(store, agent_id)]
    for g in goals(store, agent_id):
        items.append(HistoryItem(g.start_date, "goal_set", g.note or g.kpi, g.goal_id))
        items.append(HistoryItem(g.due_date, "goal_due", g.note or g.kpi, g.goal_id))
    # Same day: the goal comes after the note of the session where it was agreed.
    return sorted(items, key=lambda i: (i.day, i.kind != "note", i.ref), reverse=True)
