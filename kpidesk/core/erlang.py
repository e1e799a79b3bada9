"""Erlang C staffing: how many agents an interval needs to reach a service level.

Standard model (queue with patient callers): traffic A = calls × AHT / interval;
P(wait) by Erlang C; SL = 1 − P(wait)·e^(−(N−A)·T/AHT); ASA = P(wait)·AHT/(N−A);
occupancy = A/N. Shrinkage (breaks, training, absence) scales scheduled heads up.
This is arithmetic on a few numbers per interval, so it is plain Python; the
volumes and handle times it starts from come from the KPI engine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Staffing:
    agents: int
    traffic: float  # Erlangs
    p_wait: float
    service_level: float
    asa_s: float
    occupancy: float
    scheduled: int  # agents to schedule once shrinkage is allowed for


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a call waits (Erlang C), computed stably via Erlang B."""
    if agents <= traffic:
        return 1.0
    b = 1.0
    for k in range(1, agents + 1):
        b = traffic * b / (k + traffic * b)
    return agents * b / (agents - traffic * (1 - b))


def evaluate(
    calls: float, aht_s: float, interval_s: float, agents: int, threshold_s: float, shrinkage: float = 0.0
) -> Staffing:
    traffic = calls * aht_s / interval_s
    p_wait = erlang_c(agents, traffic)
    if agents <= traffic:
        sl, asa = 0.0, math.inf
    else:
        sl = 1 - p_wait * math.exp(-(agents - traffic) * threshold_s / aht_s)
        asa = p_wait * aht_s / (agents - traffic)
    occupancy = min(traffic / agents, 1.0) if agents else 1.0
    scheduled = math.ceil(agents / (1 - shrinkage)) if shrinkage < 1 else agents
    return Staffing(agents, traffic, p_wait, sl, asa, occupancy, scheduled)


def agents_needed(
    calls: float,
    aht_s: float,
    interval_s: float,
    target_sl: float = 0.8,
    threshold_s: float = 20.0,
    shrinkage: float = 0.0,
    max_agents: int = 10_000,
) -> Staffing:
    """The fewest agents that reach ``target_sl`` within ``threshold_s``."""
    if calls <= 0 or aht_s <= 0:
        return Staffing(0, 0.0, 0.0, 1.0, 0.0, 0.0, 0)
    traffic = calls * aht_s / interval_s
    n = max(1, math.floor(traffic) + 1)
    while n <= max_agents:
        result = evaluate(calls, aht_s, interval_s, n, threshold_s, shrinkage)
        if result.service_level >= target_sl:
            return result
        n += 1
    raise ValueError("more than max_agents would be needed")
