"""Charts of the service report, drawn with reportlab.graphics (vector, no Qt).

A trend with its target and numbered comment markers, an hour × weekday heatmap, a
duration histogram, and the waterfall of a change: from the compare period's value,
each driver's part, to this period's value.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from kpidesk.core import formatting
from kpidesk.core.explain.words import amount
from kpidesk.pdf.style import AGENT, FADED, GREEN, MUTED, RED, RULE, SMALL_CELL, TEAM, register_fonts, safe

WIDTH = 480
_WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "fr": ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
}


def _text(d: Drawing, x: float, y: float, text: str, size: float = 7, anchor: str = "start", bold=False, colour=MUTED):
    font = register_fonts()[1 if bold else 0]
    d.add(String(x, y, safe(text), fontName=font, fontSize=size, fillColor=colour, textAnchor=anchor))


def _scale(values: list[float], pad_zero: bool = True, ceiling: float | None = None) -> tuple[float, float]:
    """The axis range: the values padded, never below zero for values that are not,
    never above ``ceiling`` (100 % for a rate) for values that are not."""
    low, high = min(values), max(values)
    pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1e-6)
    low = low - pad
    if pad_zero and low < 0 <= min(values):
        low = 0.0
    top = high + pad
    if ceiling is not None and high <= ceiling < top:
        top = ceiling
    return low, top


CEILING = {"rate": 1.0, "percent": 100.0}
SAID_N_ROOM = 14  # pt between buckets from which each small-sample point has its n written beside it


def trend_chart(
    labels,
    values,
    target,
    unit,
    lang,
    title,
    marks: list[tuple[int, int]],
    small=None,
    width: float = WIDTH,
    height: float = 150,
    sizes: list[float | None] | None = None,
) -> Drawing:
    """``marks``: (index of the bucket, comment number) pairs drawn as numbered dots;
    ``small``: per point, whether it rests on a small sample (drawn faded and hollow,
    its n beside it from ``sizes`` where the buckets leave room). Narrower than the page
    (``width``), two sit side by side."""
    small = small or [False] * len(values)
    sizes = sizes if sizes and len(sizes) == len(values) else [None] * len(values)
    d = Drawing(width, height)
    _text(d, 0, height - 10, title, 8.5, bold=True)
    x0, y0, w, h = 55, 22, width - 70, height - 50
    shown = [v for v in values if v is not None] + ([target] if target is not None else [])
    low, high = _scale(shown, ceiling=CEILING.get(unit))
    span = (high - low) or 1.0
    n = len(values)
    xs = [x0 + (w * i / max(n - 1, 1)) for i in range(n)]
    said_n = w / max(n - 1, 1) >= SAID_N_ROOM  # room for each small point's n, as the app's hover says it
    y = lambda v: y0 + (v - low) / span * h
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=RULE))
    for k in range(5):
        v = low + span * k / 4
        d.add(Line(x0, y(v), x0 + w, y(v), strokeColor=RULE, strokeWidth=0.3))
        _text(d, x0 - 4, y(v) - 2.5, formatting.value(v, unit, lang), 6.5, "end")
    if target is not None:
        d.add(Line(x0, y(target), x0 + w, y(target), strokeColor=GREEN, strokeDashArray=[3, 2], strokeWidth=1))
    points: list[float] = []
    for x, v in zip(xs, values):
        if v is None:
            if len(points) >= 4:
                d.add(PolyLine(points, strokeColor=AGENT, strokeWidth=1.6))
            points = []
            continue
        points += [x, y(v)]
    if len(points) >= 4:
        d.add(PolyLine(points, strokeColor=AGENT, strokeWidth=1.6))
    for x, v, thin, size in zip(xs, values, small, sizes):  # the dots over the line
        if v is None:
            continue
        if thin:  # too few contacts to read: a faded hollow dot, as the app draws it
            d.add(Circle(x, y(v), 2.4, fillColor=colors.white, strokeColor=FADED, strokeWidth=1.2))
            if said_n and size is not None:  # on white: readable where the line runs under it
                said = f"n={formatting.number(size, 0, lang)}"
                room = stringWidth(safe(said), register_fonts()[0], 5.5)
                d.add(Rect(x + 3, y(v) + 1.6, room + 1, 6, fillColor=colors.white, strokeColor=None))
                _text(d, x + 3.5, y(v) + 2.5, said, 5.5)
        else:
            d.add(Circle(x, y(v), 1.6, fillColor=AGENT, strokeColor=None))
    step = max(1, -(-n // max(int(w // 42), 2)))  # a label every ~42 pt at most
    for i, lab in enumerate(labels):
        if i % step == 0:
            _text(d, xs[i], y0 - 10, lab, 6.5, "middle")
    for index, number in marks:
        v = values[index]
        top = (y(v) if v is not None else y0) + 9
        d.add(Line(xs[index], y0, xs[index], top - 4, strokeColor=RED, strokeWidth=0.5, strokeDashArray=[1, 1]))
        d.add(Circle(xs[index], top, 5, fillColor=RED, strokeColor=None))
        _text(d, xs[index], top - 2.4, str(number), 6.5, "middle", bold=True, colour=colors.white)
    return d


SERIES = [AGENT, colors.HexColor("#ef8c00"), colors.HexColor("#6a1b9a"), colors.HexColor("#00897b"), RED]


def lines_chart(labels: list[str], series: list[tuple[str, list[float]]], unit: str, lang: str, title: str) -> Drawing:
    """Several series over the same buckets (the top contact reasons), a legend below."""
    rows = -(-len(series) // 3)
    d = Drawing(WIDTH, 150 + 12 * rows)
    base = 12 * rows
    _text(d, 0, base + 140, title, 8.5, bold=True)
    x0, y0, w, h = 55, base + 22, WIDTH - 70, 100
    low, high = _scale([v for _, values in series for v in values] or [0.0])
    span = (high - low) or 1.0
    n = len(labels)
    xs = [x0 + (w * i / max(n - 1, 1)) for i in range(n)]
    y = lambda v: y0 + (v - low) / span * h
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=RULE))
    for k in range(5):
        v = low + span * k / 4
        d.add(Line(x0, y(v), x0 + w, y(v), strokeColor=RULE, strokeWidth=0.3))
        _text(d, x0 - 4, y(v) - 2.5, formatting.value(v, unit, lang), 6.5, "end")
    for i, (name, values) in enumerate(series):
        colour = SERIES[i % len(SERIES)]
        points = [c for x, v in zip(xs, values) for c in (x, y(v))]
        if len(points) >= 4:
            d.add(PolyLine(points, strokeColor=colour, strokeWidth=1.4))
        for x, v in zip(xs, values):
            d.add(Circle(x, y(v), 1.4, fillColor=colour, strokeColor=None))
        lx, ly = (i % 3) * (WIDTH / 3), base - 12 * (i // 3)
        d.add(Rect(lx, ly + 1, 10, 3, fillColor=colour, strokeColor=None))
        name = name if len(name) <= 36 else name[:35].rstrip() + "\u2026"  # a third of the width each
        _text(d, lx + 14, ly, name, 7, colour=colors.HexColor("#212121"))
    step = max(1, -(-n // max(int(w // 42), 2)))
    for i, lab in enumerate(labels):
        if i % step == 0:
            _text(d, xs[i], y0 - 10, lab, 6.5, "middle")
    return d


def heatmap_chart(
    grid: list[list[float | None]],
    lang: str,
    title: str,
    days: list[int] | None = None,
    *,
    fmt: Callable[[float], str] | None = None,
    short: Callable[[float], str] | None = None,
    better: str | None = None,
    samples: list[list[tuple[float | None, bool]]] | None = None,
    notes: tuple[str, str] = ("", ""),
) -> Drawing:
    """A grid by hour and weekday; ``days`` (0 = Monday): the weekdays the period
    holds (a two-day report shows two rows, not five empty ones).

    Contacts (``fmt`` None): darker = more, an empty cell is a zero. A KPI (``fmt``
    its formatter, ``short`` a narrower one for the cells, ``better`` its direction):
    darker = worse, from its lowest to its highest value, said in a scale under the
    grid (the cells say their value when every value fits its cell); ``samples``: each cell's (n, too
    small to read), small cells greyed out of the scale with their n; ``notes``:
    (which way is worse, what grey means) beside the scale."""
    days = days if days is not None else list(range(7))
    kpi = fmt is not None
    cells = samples or [[(None, False)] * 24 for _ in range(7)]
    has = (lambda v: v is not None) if kpi else (lambda v: bool(v))
    hours = [h for h in range(24) if any(has(grid[day][h]) for day in days)]
    if not hours:
        hours = list(range(8, 19))
    first, last = hours[0], hours[-1]
    cols = list(range(first, last + 1))
    x0, y0 = 40, 14 + (14 if kpi else 0)  # a KPI's scale under the grid
    cw, ch = min(18.0, (WIDTH - x0 - 10) / len(cols)), 12
    height = y0 + 24 + len(days) * ch
    d = Drawing(WIDTH, height)
    _text(d, 0, height - 10, title, 8.5, bold=True)
    small = lambda day, hour: kpi and cells[day][hour][1] and grid[day][hour] is not None
    read = [grid[day][h] for day in days for h in cols if has(grid[day][h]) and not small(day, h)]
    if kpi:
        low, high = (min(read), max(read)) if read else (0.0, 1.0)
        span = (high - low) or 1.0
        # a worse value is darker; the lowest a step into the scale (not the empty cell's white)
        share = lambda v: 0.18 + 0.82 * ((high - v) if better == "higher" else (v - low)) / span
        text = short or fmt
    else:
        top = max(read or [1.0]) or 1.0
        share = lambda v: v / top
        text = lambda v: formatting.number(v, 0, lang)
    font = register_fonts()[0]
    fits = all(stringWidth(safe(text(v)), font, 5) <= cw - 2 for v in read)
    ink_colour = lambda s: colors.Color(1 - 0.92 * s, 1 - 0.62 * s, 1 - 0.25 * s)
    for row, day in enumerate(days):
        yy = y0 + (len(days) - 1 - row) * ch
        _text(d, x0 - 4, yy + 3.5, _WEEKDAYS[lang][day], 6.5, "end")
        for j, hour in enumerate(cols):
            v = grid[day][hour]
            cx = x0 + j * cw + (cw - 1) / 2
            if small(day, hour):  # too few to read: grey, out of the scale, its n said
                d.add(Rect(x0 + j * cw, yy, cw - 1, ch - 1, fillColor=SMALL_CELL, strokeColor=None))
                n = cells[day][hour][0] or 0
                if cw >= 16:
                    _text(d, cx, yy + 3.2, f"n={formatting.number(n, 0, lang)}", 4.6, "middle")
                continue
            s = share(v) if has(v) else 0.0
            fill = ink_colour(s) if has(v) else colors.HexColor("#f5f5f5")
            d.add(Rect(x0 + j * cw, yy, cw - 1, ch - 1, fillColor=fill, strokeColor=None))
            if has(v) and fits:
                _text(d, cx, yy + 3.2, text(v), 5, "middle", colour=colors.white if s > 0.55 else MUTED)
    for j, hour in enumerate(cols):
        if j % max(1, len(cols) // 12) == 0:
            label = f"{hour} h" if lang == "fr" else f"{hour:02d}"
            _text(d, x0 + j * cw + cw / 2, y0 + len(days) * ch + 2, label, 6, "middle")
    said = [n for n in notes if n]
    if kpi and not read:  # every cell too few to read: no scale to show, what grey means still
        if notes[1]:
            _text(d, x0, 4, notes[1], 6.5)
    elif kpi:  # the scale: lowest ▕light … dark▏ highest (turned round when higher is better)
        steps, bar = 12, 90
        ends = (fmt(high), fmt(low)) if better == "higher" else (fmt(low), fmt(high))
        _text(d, x0, 4, ends[0], 6.5)
        bx = x0 + stringWidth(safe(ends[0]), font, 6.5) + 4
        for k in range(steps):
            shade = ink_colour(0.18 + 0.82 * k / (steps - 1))
            d.add(Rect(bx + k * bar / steps, 3, bar / steps + 0.2, 7, fillColor=shade, strokeColor=None))
        _text(d, bx + bar + 4, 4, ends[1], 6.5)
        if said:
            _text(d, bx + bar + 10 + stringWidth(safe(ends[1]), font, 6.5), 4, " · ".join(said), 6.5)
    return d


def histogram_chart(edges: list[float], counts: list[int], lang: str, title: str, marks: list[float]) -> Drawing:
    d = Drawing(WIDTH, 120)
    _text(d, 0, 110, title, 8.5, bold=True)
    x0, y0, w, h = 40, 20, WIDTH - 55, 75
    top = max(counts) or 1
    bw = w / len(counts)
    for i, c in enumerate(counts):
        bh = h * c / top
        d.add(Rect(x0 + i * bw, y0, bw - 1, bh, fillColor=TEAM, strokeColor=None))
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=MUTED, strokeWidth=0.5))
    hi = edges[-1] or 1.0
    for v in marks:
        if v is None:
            continue
        x = x0 + w * min(v, hi) / hi
        d.add(Line(x, y0, x, y0 + h + 4, strokeColor=AGENT, strokeWidth=1, strokeDashArray=[2, 1.5]))
    step = max(1, len(counts) // 6)
    for i in range(0, len(edges), step):
        _text(d, x0 + i * bw, y0 - 9, formatting.duration(edges[i], lang), 6, "middle")
    _text(d, x0 - 4, y0 + h - 2, formatting.number(top, 0, lang), 6, "end")
    _text(d, x0 - 4, y0 - 2, "0", 6, "end")
    return d


def waterfall_chart(
    before: float,
    after: float,
    steps: list[tuple[str, float, bool]],
    unit: str,
    better: str,
    lang: str,
    title: str,
    names: tuple[str, str],
) -> Drawing:
    """``steps``: (label, contribution, small sample) in order; bars go from the
    compare value to this period's. Green = a change in the better direction."""
    rows = len(steps) + 2
    bar_h, gap = 11, 4
    height = 30 + rows * (bar_h + gap)
    d = Drawing(WIDTH, height)
    _text(d, 0, height - 10, title, 8.5, bold=True)
    levels = [before]
    for _, part, _ in steps:
        levels.append(levels[-1] + part)
    values = [*levels, after]
    low, high = min(values), max(values)
    pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
    low, high = low - 6 * pad, high + pad  # the first and last bars keep a readable length
    if unit in ("rate", "percent", "count", "seconds", "score", "index") and low < 0 <= min(values):
        low = 0.0
    x0, w = 190, WIDTH - 250
    x = lambda v: x0 + (v - low) / (high - low) * w
    y = height - 24 - bar_h

    def row(label, start, end, fill, text):
        nonlocal y
        _text(d, x0 - 6, y + 3, label, 7, "end", colour=colors.HexColor("#212121"))
        left, right = sorted((x(start), x(end)))
        d.add(Rect(left, y, max(right - left, 1.2), bar_h, fillColor=fill, strokeColor=None))
        _text(d, right + 4, y + 3, text, 6.8)
        y -= bar_h + gap

    row(names[0], low, before, TEAM, formatting.value(before, unit, lang))
    level = before
    for label, part, small in steps:
        good = (part > 0) == (better == "higher") if better in ("higher", "lower") else None
        fill = MUTED if small or good is None else (GREEN if good else RED)
        row(label, level, level + part, fill, amount(part, unit, lang))
        d.add(
            Line(
                x(level + part),
                y + bar_h + gap,
                x(level + part),
                y + bar_h + gap + 2,
                strokeColor=MUTED,
                strokeWidth=0.4,
            )
        )
        level += part
    row(names[1], low, after, AGENT, formatting.value(after, unit, lang))
    return d
