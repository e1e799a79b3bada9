"""``kpidesk explain``: why a KPI moved between two periods, driver by driver.

    kpidesk explain --db centre.kpidesk --kpi abandon_rate --from 2026-11-09 --to 2026-11-15 \
        --vs previous --by queue,site --format table
"""

from __future__ import annotations

import argparse
import json
import sys

from kpidesk.commands.common import CommandError, add_filter_arguments, fail, filters_from_args, open_store, split_list
from kpidesk.commands.periods import add_period_argument, add_vs_argument, apply_period, compare_period
from kpidesk.core import formatting
from kpidesk.core.explain import DIMENSIONS, explain
from kpidesk.core.explain.words import amount, dimension_name, group_name
from kpidesk.core.explain.words import t as words
from kpidesk.core.kpi.engine import Engine, EngineError, Filters, said_reason


def add_parser(sub) -> None:
    p = sub.add_parser(
        "explain",
        help="split a KPI's change between two periods into its drivers",
        description="The total change of a KPI against the compare period, and the part of each queue, "
        "site, team, agent, topic, channel, hour of day or weekday in it (for a rate: mix effect + rate effect), "
        "largest first. Small samples are flagged and ranked last.",
    )
    add_filter_arguments(p)
    add_period_argument(p)
    p.add_argument("--kpi", required=True, help="the KPI id (see `kpidesk kpis --list`)")
    add_vs_argument(p)
    p.add_argument("--by", action="append", help=f"dimensions, comma-separated (default: {','.join(DIMENSIONS)})")
    p.add_argument("--top", type=int, default=0, help="show only the first N drivers (table)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "fr"), default="en")


def run(args) -> int:
    try:
        store = open_store(args.db, read_only=True)
    except CommandError as exc:
        return fail(str(exc))
    try:
        apply_period(args)
        if not (args.date_from and args.date_to):
            raise CommandError("give the period with --from and --to (or --period).")
        filters = filters_from_args(store, args)
        first, last = compare_period(args.date_from, args.date_to, args.vs, getattr(args, "preset", "custom"))
        by = split_list(args.by) or DIMENSIONS
        unknown = [d for d in by if d not in DIMENSIONS and d != "product"]
        if unknown:
            raise CommandError(f"--by {','.join(unknown)}: choose from {', '.join(DIMENSIONS)}")
        engine = Engine(store, lang=args.lang)
        if args.kpi not in engine.registry:
            raise CommandError(f"Unknown KPI {args.kpi!r} (see `kpidesk kpis --list`).")
        result = explain(engine, args.kpi, filters, first, last, by)
    except (CommandError, EngineError, argparse.ArgumentTypeError) as exc:
        return fail(str(exc))
    finally:
        store.close()
    if args.format == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
    else:
        _table(result, engine, args, filters)
    return 0


def _table(result, engine: Engine, args, filters: Filters) -> None:
    lang, kpi = args.lang, engine.registry[result.kpi]
    unit = kpi.unit
    day = lambda d: formatting.day(d, lang)
    # the KPI said with the channels its figure covers, as the tiles; and the heatmap cell, if any
    label = kpi.scoped_label(filters.channels, lang)
    cell = filters.cell_label(lang)
    print(
        f"{label}{f' — {cell}' if cell else ''}{' :' if lang == 'fr' else ':'} "
        f"{formatting.value(result.before, unit, lang)} "
        f"({day(result.compare[0])} – "
        f"{day(result.compare[1])}) → {formatting.value(result.after, unit, lang)} ({day(result.period[0])} – "
        f"{day(result.period[1])}), {amount(result.change, unit, lang)}"
    )
    if result.reason:
        print(words("nothing", lang, reason=said_reason(result.reason, lang)))
        return
    if result.method == "approximate":
        print(words("approximate", lang))
    for dim, why in result.skipped.items():
        print(words("not_split", lang, dim=dimension_name(dim, lang), reason=said_reason(why, lang)))
    drivers = result.drivers[: args.top] if args.top else result.drivers
    rows = [
        (
            words("driver", lang),
            words("part", lang),
            words("mix", lang),
            words("rate", lang),
            words("before_after", lang),
            words("n_before_after", lang),
            "",
        )
    ]
    for d in drivers:
        rows.append(
            (
                group_name(d, lang),
                amount(d.contribution, unit, lang),
                amount(d.mix, unit, lang) if d.mix is not None else "",
                amount(d.rate, unit, lang) if d.rate is not None else "",
                f"{formatting.value(d.before, unit, lang)} → {formatting.value(d.after, unit, lang)}",
                f"{formatting.number(d.n_before, 0, lang)} → {formatting.number(d.n_after, 0, lang)}",
                words("small", lang) if d.small_sample else "",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    for r in rows:
        print(
            f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]:>{widths[3]}}  "
            f"{r[4]:>{widths[4]}}  {r[5]:>{widths[5]}}  {r[6]}".rstrip()
        )
