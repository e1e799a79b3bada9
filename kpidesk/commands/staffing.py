"""``kpidesk staffing``: agents needed per weekday × hour (Erlang C) from observed load.

Volumes and handle times come from the KPI engine (offered calls and AHT grouped by
weekday and hour of day over the period); the average day of each weekday is then
sized with :mod:`kpidesk.core.erlang`.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta

from kpidesk.commands.common import CommandError, add_filter_arguments, fail, filters_from_args, open_store
from kpidesk.core import erlang
from kpidesk.core.kpi.engine import Engine

DAYS = {"en": "Mon Tue Wed Thu Fri Sat Sun".split(), "fr": "lun mar mer jeu ven sam dim".split()}


def add_parser(sub) -> None:
    p = sub.add_parser("staffing", help="agents needed per weekday and hour (Erlang C)")
    add_filter_arguments(p)
    p.add_argument("--target", type=float, default=0.8, help="service level to reach (default 0.8)")
    p.add_argument("--threshold", type=float, help="seconds (default: the sl_threshold_s setting)")
    p.add_argument("--shrinkage", type=float, default=0.0, help="share of paid time off the phones (0–0.9)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "fr"), default="en")


def run(args) -> int:
    try:
        store = open_store(args.db)
    except CommandError as exc:
        return fail(str(exc))
    try:
        engine = Engine(store)
        filters = filters_from_args(store, args)
        filters = filters.narrowed(channels=filters.channels or ("phone",))
        threshold = args.threshold if args.threshold is not None else engine.parameters()["sl_threshold_s"]
        if not 0 <= args.shrinkage < 0.9:
            raise CommandError("--shrinkage must be between 0 and 0.9")
        values = engine.compute(["offered", "aht"], filters, ("weekday", "hour_of_day"))
        start, end = engine.period(filters)
    except CommandError as exc:
        return fail(str(exc))
    finally:
        store.close()
    weekdays = _count_weekdays(start.date(), end.date())
    load: dict[tuple[int, int], dict[str, float]] = {}
    for v in values:
        cell = load.setdefault((v.group["weekday"], v.group["hour_of_day"]), {})
        cell[v.kpi] = v.value
    rows = []
    for (dow, hour), cell in sorted(load.items()):
        calls = (cell.get("offered") or 0) / max(weekdays.get(dow, 1), 1)
        aht = cell.get("aht")
        if not calls or not aht:
            continue
        s = erlang.agents_needed(calls, aht, 3600, args.target, threshold, args.shrinkage)
        rows.append(
            {
                "weekday": dow,
                "hour": hour,
                "calls": round(calls, 1),
                "aht_s": round(aht, 1),
                "agents": s.agents,
                "scheduled": s.scheduled,
                "service_level": round(s.service_level, 3),
                "asa_s": round(s.asa_s, 1),
                "occupancy": round(s.occupancy, 3),
            }
        )
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=1)
        print()
        return 0
    print(
        f"{'day':<4} {'hour':>4} {'calls':>7} {'AHT s':>7} {'agents':>6} {'sched.':>6} {'SL':>6} {'ASA s':>6} {'occ.':>5}"
    )
    for r in rows:
        print(
            f"{DAYS[args.lang][r['weekday'] - 1]:<4} {r['hour']:>4} {r['calls']:>7} {r['aht_s']:>7} {r['agents']:>6} "
            f"{r['scheduled']:>6} {r['service_level']:>6.1%} {r['asa_s']:>6} {r['occupancy']:>5.0%}"
        )
    return 0


def _count_weekdays(start, end) -> dict[int, int]:
    counts: dict[int, int] = {}
    day = start
    while day < end:
        counts[day.isoweekday()] = counts.get(day.isoweekday(), 0) + 1
        day += timedelta(days=1)
    return counts
