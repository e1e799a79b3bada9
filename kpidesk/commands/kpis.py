"""``kpidesk kpis``: every KPI of the catalog, filtered and grouped, as table, JSON, CSV or XLSX.

A KPI computed over several channels is named with the channels its figure covers
(``Avg handle time (phone)``, ``… (all channels)``) in the table, the CSV's ``label``
column and the workbook. The workbook and the CSV write the same table: each value as
a person reads it (89.5 %, 266.4 s, whole counts, scores on their own scale), the unit
in a column of its own; the workbook in its unit's number format. JSON gives the
engine's raw values (a rate as a fraction 0-1), each with its ``unit``."""

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
from kpidesk.core.explain.words import dimension_name
from kpidesk.core.explain.words import t as text
from kpidesk.core.kpi.definitions import scope_codes
from kpidesk.core.kpi.engine import Engine, EngineError, Filters, KpiValue, said_reason


def add_parser(sub) -> None:
    p = sub.add_parser("kpis", help="compute KPIs and print them")
    add_filter_arguments(p)
    p.add_argument(
        "--by",
        action="append",
        help="group by: agent, queue, team, site, topic, product, channel, kind, "
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
    p.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table")
    p.add_argument("--out", help="the workbook to write with --format xlsx (FILE.xlsx)")
    p.add_argument(
        "--stats", action="store_true", help="add the median, mean and p90 of duration KPIs (besides their value)"
    )
    p.add_argument("--list", action="store_true", help="list the KPI definitions instead")
    p.add_argument("--lang", choices=("en", "fr"), default="en")


def run(args) -> int:
    if args.format == "xlsx" and not (args.out or "").lower().endswith(".xlsx"):
        return fail("--format xlsx writes a workbook: name it with --out FILE.xlsx")
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
    if args.format == "json":  # raw engine values, each with its unit (rate: a fraction 0-1…)
        sys.stdout.write(_json([{**v.to_json(), "unit": engine.registry[v.kpi].unit} for v in values]))
    elif args.format == "csv":
        _csv(*_export_table(values, by, engine, filters, args.lang))
    elif args.format == "xlsx":
        try:
            _xlsx(args.out, values, by, engine, filters, args.lang)
        except OSError as exc:
            return fail(f"cannot write {args.out}: {exc}", 1)
        print(f"Wrote {args.out}: {len(values)} figures.")
    else:
        _table(values, by, engine, args.lang, filters, args.stats)
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


def _csv(header: list[str], rows: list[list], _units: list[str | None]) -> None:
    """The workbook's table (:func:`_export_table`) as CSV on stdout: the same headers
    and display values (rates and CSAT in %, durations in seconds, the unit in its own
    column), numbers with a decimal point, for scripts and spreadsheets alike."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    # text from imported files (agent names, queues) never reaches a spreadsheet as a formula
    writer.writerows([formatting.csv_cell(c[0] if isinstance(c, tuple) else c) for c in row] for row in rows)


def _label(engine: Engine, value: KpiValue, filters: Filters, lang: str) -> str:
    """The KPI's name with the channels its figure covers (a channel of the grouping,
    else the channel filter's, else all) when it spans several."""
    channel = value.group.get("channel")
    kind = value.group.get("kind")
    scope = scope_codes((channel,) if channel else filters.channels, (kind,) if kind else filters.kinds)
    return engine.registry[value.kpi].scoped_label(scope, lang)


_HEAD = {
    "en": ("KPI id", "KPI", "Value", "Unit", "n", "Small sample", "Note"),
    "fr": ("Id indicateur", "Indicateur", "Valeur", "Unité", "n", "Petit échantillon", "Remarque"),
}
_SMALL = {"en": "small sample", "fr": "petit échantillon"}
# the figures --stats adds beside a duration KPI's value (its median, mean, p90)
_STATS = {"median": {"en": "median", "fr": "médiane"}, "mean": {"en": "mean", "fr": "moyenne"}}


def _stats_note(v: KpiValue, engine: Engine, lang: str) -> str:
    """``median 9 h 45 · mean 17 h 31 · p90 …``: the figures ``--stats`` asked for."""
    kpi = engine.registry[v.kpi]
    said = [
        f"{_STATS.get(name, {}).get(lang, name)} {formatting.value(v.extras[name], kpi.unit, lang)}"
        for name in kpi.stats
        if v.extras.get(name) is not None
    ]
    return " · ".join(said)


def _note(v: KpiValue, lang: str) -> str:
    """Why there is no value, else a small sample, else the KPI's basis: in ``lang``."""
    if v.reason:
        return said_reason(v.reason, lang)
    said = (_SMALL[lang] if v.small_sample else "") or (v.basis or "")
    return " · ".join(n for n in (said, v.note or "") if n)  # and what the figure left out


_UNIT_WORDS = {
    "count": {"en": "count", "fr": "nombre"},
    "score": {"en": "score", "fr": "note"},
    "index": {"en": "score", "fr": "note"},
}


def _export_table(
    values: list[KpiValue], by, engine: Engine, filters: Filters, lang: str
) -> tuple[list[str], list[list], list[str | None]]:
    """The figures as exported (workbook and CSV): one row per value, the value as
    a person reads it (``formatting.export_value``: percentages 0-100, seconds, whole
    counts, scores on their own scale) paired with its unit, the unit in a column of
    its own, n a whole count; the header and the column units."""
    kid, label, value, unit, n, small, note = _HEAD[lang]
    dims = [dimension_name(d, lang).capitalize() for d in by]
    header = [kid, label, *dims, value, unit, n, small, note]
    units: list[str | None] = [None, None, *[None] * len(by), None, None, "count", None, None]
    rows = []
    for v in values:
        kpi = engine.registry[v.kpi]
        group = [v.group.get("agent_name", v.group.get(d)) if d == "agent" else v.group.get(d) for d in by]
        shown_unit = formatting.export_unit(kpi.unit) or _UNIT_WORDS.get(kpi.unit, {}).get(lang, kpi.unit)
        rows.append(
            [
                v.kpi,
                _label(engine, v, filters, lang),
                *group,
                (formatting.export_value(v.value, kpi.unit), kpi.unit),
                shown_unit,
                None if v.n is None else formatting.export_value(v.n, "count"),
                ("oui" if lang == "fr" else "yes") if v.small_sample and v.value is not None else None,
                _note(v, lang) if v.reason else " · ".join(n for n in (v.basis, v.note) if n) or None,
            ]
        )
    return header, rows, units


def _xlsx(path: str, values: list[KpiValue], by, engine: Engine, filters: Filters, lang: str) -> None:
    """The figures as a workbook (:func:`_export_table`), each value a number in its
    unit's format (``formatting.write_xlsx``)."""
    formatting.write_xlsx(path, *_export_table(values, by, engine, filters, lang))


def _group_word(v: KpiValue, dim: str, lang: str) -> str:
    """A group's value as the table prints it: the agent's name, ``(none)`` for the
    contacts without one (abandoned calls have no agent), nothing for a KPI refused
    for the whole request."""
    if dim not in v.group:
        return ""
    value = v.group.get("agent_name", v.group[dim]) if dim == "agent" else v.group[dim]
    return text("none", lang) if value is None else str(value)


def _table(values, by, engine: Engine, lang: str, filters: Filters, stats: bool = False) -> None:
    lines = []
    for v in values:
        kpi = engine.registry[v.kpi]
        # a KPI refused for the whole request (no input, facts pending) has no group
        group = " ".join(_group_word(v, d, lang) for d in by)
        shown = formatting.value(v.value, kpi.unit, lang)
        note = " · ".join(n for n in (_note(v, lang), _stats_note(v, engine, lang) if stats else "") if n)
        n = "" if v.n is None else formatting.number(v.n, 0, lang)
        lines.append((_label(engine, v, filters, lang), group, shown, n, note))
    widths = [max([len(r[i]) for r in lines] + [4]) for i in range(4)]
    words = _HEAD[lang]
    header = (words[1], " ".join(dimension_name(d, lang) for d in by), words[2].lower(), "n", "")
    text = [
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]:>{widths[3]}}  {row[4]}".rstrip()
        for row in [header, *lines]
    ]
    cell = filters.cell_label(lang)  # --weekday / --hour: the figures count that cell only, said first
    sys.stdout.write("\n".join(([cell] if cell else []) + text) + "\n")
