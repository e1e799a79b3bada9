"""``kpidesk kpis``: every KPI of the catalog, filtered and grouped, as table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import math
import sys

from kpidesk.commands.common import (
    CommandError,
    add_filter_arguments,
    fail,
    filters_from_args,
    open_store,
    split_list,
)
from kpidesk.core import formatting
from kpidesk.core.kpi.engine import Engine, EngineError


def add_parser(sub) -> None:
    p = sub.add_parser("kpis", help="compute KPIs and print them")
    add_filter_arguments(p)
    p.add_argument(
        "--by",
        action="append",
        help="group by: agent, queue, team, site, topic, product, channel, "
        "15min, hour, day, week, month, weekday, hour_of_day (comma-separate for several)",
    )
    p.add_argument("--kpi", action="append", help="KPI ids (comma-separated); default: all, or the channel's")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a parameter, e.g. sl_threshold_s=30",
    )
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--stats", action="store_true", help="add the median and p90 of duration KPIs")
    p.add_argument("--list", action="store_true", help="list the KPI definitions instead")
    p.add_argument("--lang", choices=("en", "fr"), default="en")


def run(args) -> int:
    try:
        store = open_store(args.db, read_only=False)
    except CommandError as exc:
        return fail(str(exc))
    try:
        engine = Engine(store, lang=args.lang)
        for path, message in engine.registry.errors:
            print(f"kpidesk: KPI file {path} skipped: {message}", file=sys.stderr)
        if args.list:
            return _list(engine, args)
        filters = filters_from_args(store, args)
        ids = split_list(args.kpi) or None
        if ids is None and filters.channels:
            ids = [k.id for k in engine.registry if set(k.channels) & set(filters.channels)]
        params = dict(_param(p) for p in args.param)
        by = split_list(args.by)
        values = engine.compute(ids, filters, by, params, stats=args.stats)
    except (CommandError, EngineError) as exc:
        return fail(str(exc))
    finally:
        store.close()
    rows = [v.to_json() for v in values]
    if args.format == "json":
        sys.stdout.write(_json(rows))
    elif args.format == "csv":
        _csv(rows, by, engine)
    else:
        _table(values, by, engine, args.lang)
    return 0


def _json(rows: list[dict]) -> str:
    """A JSON array, one value a line: written at once, each line by the C encoder
    (an indented dump goes through Python, token by token). NaN and infinities are
    no figure: JSON has no spelling for them, they are written as null."""
    return "[\n" + ",\n".join(json.dumps(_finite(r), ensure_ascii=False, allow_nan=False) for r in rows) + "\n]\n"


def _finite(value):
    """``value`` with NaN and infinities as null (JSON has no spelling for them)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _param(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise CommandError(f"--param {text!r}: write NAME=VALUE")
    name, value = text.split("=", 1)
    return name.strip(), value.strip()


def _list(engine: Engine, args) -> int:
    defs = [k.to_json() for k in engine.registry]
    if args.format == "json":
        sys.stdout.write(_json(defs))
        return 0
    for d in defs:
        print(f"{d['id']:<26} {d['unit']:<8} {d['better']:<7} {d['label'].get(args.lang, d['label']['en'])}")
    return 0


def _csv(rows: list[dict], by, engine: Engine) -> None:
    fields = ["kpi", *by, *(["agent_name"] if "agent" in by else []), "value", "n", "small_sample", "reason", "basis"]
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    # text from imported files (agent names, queues) never reaches a spreadsheet as a formula
    writer.writerows({k: formatting.csv_cell(v) for k, v in row.items()} for row in rows)


def _table(values, by, engine: Engine, lang: str) -> None:
    lines = []
    for v in values:
        kpi = engine.registry[v.kpi]
        # a KPI refused for the whole request (no input, facts pending) has no group
        group = " ".join(
            str(v.group.get("agent_name", v.group.get(d, ""))) if d == "agent" else str(v.group.get(d, "")) for d in by
        )
        shown = formatting.value(v.value, kpi.unit, lang)
        note = v.reason or ("small sample" if v.small_sample else "") or (v.basis or "")
        n = "" if v.n is None else formatting.number(v.n, 0, lang)
        lines.append((kpi.label_for(lang), group, shown, n, note))
    widths = [max([len(r[i]) for r in lines] + [4]) for i in range(4)]
    header = ("KPI", " ".join(by), "value", "n", "")
    text = [
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]:>{widths[3]}}  {row[4]}".rstrip()
        for row in [header, *lines]
    ]
    sys.stdout.write("\n".join(text) + "\n")
