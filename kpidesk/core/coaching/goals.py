"""Coaching goals: a KPI, a target and a due date, with progress read from the data.

A goal agreed in a one-to-one ("wrap-up under 45 s by the end of the month") is only
useful if the next session can see where it stands without anyone re-typing numbers.
The value comes from the engine, for the agent, from the goal's start to today (or
to the due date once it has passed); the status follows these rules:

- after the due date: **met** if the value over start → due reached the target,
  else **missed**;
- before: **on track** if the target is already reached, or if the progress from the
  baseline (the 28 days before the goal was set) keeps pace with the time elapsed;
  else **at risk**;
- **no data yet** while the agent has no figure for the KPI since the goal was set
  (an honest "no" rather than a made-up "on track").

Goals live in ``coaching_goals`` (the team lead's data: imports never touch them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kpidesk.core.db.store import Store
from kpidesk.core.kpi.engine import Engine, Filters

MET, MISSED, ON_TRACK, AT_RISK, NO_DATA = "met", "missed", "on_track", "at_risk", "no_data"
BASELINE_DAYS = 28


@dataclass
class Goal:
    goal_id: int
    agent_id: str
    kpi: str
    target: float
    start_date: date
    due_date: date
    note: str | None = None
    created_at: datetime | None = None


@dataclass
class GoalProgress:
    goal: Goal
    status: str
    value: float | None  # the agent's value since the goal started
    n: float | None
    baseline: float | None  # the value in the 28 days before the goal
    progress: float | None  # share of the way from baseline to target (may be < 0 or > 1)
    elapsed: float  # share of the goal's time gone, 0…1
    reason: str | None = None


class GoalError(ValueError):
    """A goal the team lead must correct."""


def add_goal(
    store: Store, agent_id: str, kpi: str, target: float, start_date: date, due_date: date, note: str | None = None
) -> int:
    if due_date < start_date:
        raise GoalError("The due date is before the start date.")
    with store.write(facts=False) as cur:
        row = cur.execute("SELECT coalesce(max(goal_id), 0) + 1 FROM coaching_goals").fetchone()
        assert row is not None  # an aggregate without GROUP BY always returns one row
        goal_id = int(row[0])
        cur.execute(
            "INSERT INTO coaching_goals VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [goal_id, agent_id, kpi, float(target), start_date, due_date, note, datetime.now()],
        )
    return goal_id


def goals(store: Store, agent_id: str) -> list[Goal]:
    rows = (
        store.cursor()
        .execute(
            "SELECT goal_id, agent_id, kpi, target, start_date, due_date, note, created_at FROM coaching_goals "
            "WHERE agent_id = ? ORDER BY due_date DESC, goal_id DESC",
            [agent_id],
        )
        .fetchall()
    )
    return [Goal(*r) for r in rows]


def reached(value: float | None, target: float, better: str, baseline: float | None = None) -> bool:
    """Has the value reached the target? A KPI without a direction takes the goal's:
    down if the target is below the baseline, else up."""
    if value is None:
        return False
    if better not in ("higher", "lower"):
        better = "lower" if baseline is not None and target < baseline else "higher"
    return value >= target if better == "higher" else value <= target


def _value(engine: Engine, goal: Goal, first: date, last: date) -> tuple[float | None, float | None]:
    if last < first:
        return None, None
    filters = Filters(date_from=first, date_to=last, agents=(goal.agent_id,))
    values = engine.compute([goal.kpi], filters, by=("agent",))
    mine = next((v for v in values if v.group.get("agent") == goal.agent_id), None)
    return (mine.value, mine.n) if mine else (None, None)


def progress(engine: Engine, goal: Goal, today: date | None = None) -> GoalProgress:
    today = today or date.today()
    better = engine.registry[goal.kpi].better if goal.kpi in engine.registry else "higher"
    span = max((goal.due_date - goal.start_date).days, 1)
    elapsed = min(max((today - goal.start_date).days / span, 0.0), 1.0)
    baseline, _ = _value(
        engine, goal, goal.start_date - timedelta(days=BASELINE_DAYS), goal.start_date - timedelta(days=1)
    )
    last = min(today, goal.due_date)
    value, n = _value(engine, goal, goal.start_date, last)
    share = None
    if value is not None and baseline is not None and goal.target != baseline:
        share = (value - baseline) / (goal.target - baseline)
    hit = reached(value, goal.target, better, baseline)
    reason = None if value is not None else "no data since the goal was set"
    if value is None:
        status = NO_DATA
    elif today > goal.due_date:
        status = MET if hit else MISSED
    elif hit:
        status = ON_TRACK
    elif share is not None and share >= elapsed:
        status = ON_TRACK
    else:
        status = AT_RISK
    return GoalProgress(goal, status, value, n, baseline, share, elapsed, reason)


def progress_all(engine: Engine, agent_id: str, today: date | None = None) -> list[GoalProgress]:
    return [progress(engine, g, today) for g in goals(engine.store, agent_id)]
