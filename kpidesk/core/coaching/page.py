"""The coaching page, assembled once: the jobs behind the coaching view and the PDF sheet.

:func:`load_coaching` is the only assembly of a coaching page (standings, strengths,
distributions, quality, what customers said, goals, history); the view paints it and
the PDF coaching sheet renders it. The view runs these jobs on the task runner
(``run(inputs, state)``), never on the GUI thread: the page,
the detail of one KPI (its trend against the team's and the contacts behind it),
one contact's record, and the writes (a note, a goal), which go through the write
pool and return the refreshed coaching history. No Qt here, so each job is tested
as a plain function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kpidesk.core.coaching import goals
from kpidesk.core.coaching import notes as coaching_notes
from kpidesk.core.coaching.charts import MEASURES, Distribution, Trend, distribution, trend
from kpidesk.core.coaching.contacts import ContactLine, contact_record, contacts_behind, individual_contacts
from kpidesk.core.coaching.quality import QualityView, qa_by_criterion
from kpidesk.core.coaching.standings import AgentProfile, Standing, agent_profile, strengths_and_gaps
from kpidesk.core.db.store import Store
from kpidesk.core.jobs import JobState, check
from kpidesk.core.kpi.engine import Engine, Filters

# The KPIs whose trend a page shows first, in order of preference.
TREND_KPIS = ("aht", "csat", "first_response_time", "fcr")


@dataclass(frozen=True)
class CoachingRequest:
    agent_id: str
    filters: Filters = Filters()
    lang: str = "en"
    today: date | None = None
    # the data's own grain when coarser than a day (a monthly report: "month"), as the
    # desk draws its trends (``dashboard.periods.data_granularity``): the trend's floor
    data_grain: str | None = None


@dataclass
class CoachingHistory:
    notes: list[coaching_notes.Note] = field(default_factory=list)
    goals: list[goals.GoalProgress] = field(default_factory=list)


@dataclass
class CoachingData:
    request: CoachingRequest
    profile: AgentProfile
    strengths: list[Standing]
    gaps: list[Standing]
    distributions: dict[str, Distribution]
    quality: QualityView
    history: CoachingHistory
    comments: list[ContactLine] = field(default_factory=list)  # what customers said (low CSAT first)
    # the agent's records are contacts one by one; False: an interval report's counts
    # per period only (no duration of a contact of its own to spread)
    individual: bool = True


@dataclass
class KpiDetail:
    kpi: str
    trend: Trend
    why: str | None
    contacts: list[ContactLine]
    # the agent's records in the period are contacts one by one; False: an interval
    # report's counts only, with no contact to list behind the number
    individual: bool = True


def trend_kpis(profile: AgentProfile) -> list[str]:
    """The :data:`TREND_KPIS` the agent has a figure for, in order of preference."""
    return [k for k in TREND_KPIS if profile.standing(k)]


def load_history(engine: Engine, agent_id: str, today: date | None = None) -> CoachingHistory:
    return CoachingHistory(coaching_notes.notes(engine.store, agent_id), goals.progress_all(engine, agent_id, today))


def load_coaching(inputs: tuple[Engine, CoachingRequest], state: JobState | None = None) -> CoachingData:
    engine, req = inputs
    profile = agent_profile(engine, req.agent_id, req.filters, req.lang)
    check(state)
    strengths, gaps = strengths_and_gaps(profile)
    dists = {}
    for i, measure in enumerate(MEASURES):
        dists[measure] = distribution(engine.store, engine, measure, req.agent_id, profile.team_filters)
        if state is not None:
            state.set_progress(0.3 + 0.1 * i, "")
        check(state)
    quality = qa_by_criterion(engine, req.agent_id, profile.team_filters)
    check(state)
    _why, said = contacts_behind(engine, req.agent_id, "csat", req.filters.narrowed(agents=()), limit=200)
    comments = [line for line in said if line.comment][:6]
    individual = any(any(d.agent) or any(d.team) for d in dists.values()) or (
        individual_contacts(engine, req.agent_id, req.filters.narrowed(agents=())) > 0
    )
    return CoachingData(
        req,
        profile,
        strengths,
        gaps,
        dists,
        quality,
        load_history(engine, req.agent_id, req.today),
        comments,
        individual,
    )


def load_kpi_detail(inputs: tuple[Engine, CoachingRequest, str, Filters], state: JobState | None = None) -> KpiDetail:
    """The KPI's trend (agent and team) and the agent's contacts that weigh on it."""
    engine, req, kpi, peers = inputs
    series = trend(engine, kpi, req.agent_id, peers, data_grain=req.data_grain)
    check(state)
    flt = req.filters.narrowed(agents=())
    why, lines = contacts_behind(engine, req.agent_id, kpi, flt)
    individual = bool(lines) or why is None or individual_contacts(engine, req.agent_id, flt) > 0
    return KpiDetail(kpi, series, why, lines, individual)


def load_record(inputs: tuple[Store, int], state: JobState | None = None) -> dict[str, Any] | None:
    store, contact_id = inputs
    return contact_record(store, contact_id)


@dataclass(frozen=True)
class NoteInput:
    session_date: date
    text: str
    kpis: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoalInput:
    kpi: str
    target: float
    start_date: date
    due_date: date
    note: str | None = None


def save_entry(
    inputs: tuple[Engine, str, NoteInput | GoalInput, date | None], state: JobState | None = None
) -> CoachingHistory:
    """Write a note or a goal (write pool), then read the history back."""
    engine, agent_id, entry, today = inputs
    if isinstance(entry, NoteInput):
        coaching_notes.add_note(engine.store, agent_id, entry.session_date, entry.text, entry.kpis)
    else:
        goals.add_goal(engine.store, agent_id, entry.kpi, entry.target, entry.start_date, entry.due_date, entry.note)
    return load_history(engine, agent_id, today)
