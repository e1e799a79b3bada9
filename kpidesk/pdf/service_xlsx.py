"""The service report as a workbook: the same tables as the PDF, one sheet per section.

Ready for a committee deck: every sheet starts with the report's title, the period,
the compare period and the filters; numbers are numbers with formats (percentages,
durations as ``h:mm:ss``, thousands), units in the headers, no formulas (text is
never read as one). Trends are native Excel line charts drawn from the sheet's own
cells (the headline KPIs, each channel's key KPIs with their target, the top contact
reasons), so they paste into a deck as charts, not pictures. Kept beside the PDF: both are printable outputs of the same
``core/service`` figures, with the same words (``service_text``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlsxwriter

from kpidesk.core import formatting
from kpidesk.core.explain.words import group_name
from kpidesk.core.explain.words import t as words
from kpidesk.core.kpi.engine import said_reason
from kpidesk.core.privacy import Privacy
from kpidesk.core.service.report import ServiceReport
from kpidesk.pdf.service_report import _descriptions, _filters_text, _label, comment_numbers, report_unit, scope_text
from kpidesk.pdf.service_text import channel_name, t

_FORMATS = {
    "rate": {"num_format": "0.0%"},
    "percent": {"num_format": "0.0%"},
    "seconds": {"num_format": "[h]:mm:ss"},
    "count": {"num_format": "#,##0"},
    "score": {"num_format": "0.0"},
    "index": {"num_format": "+0.0;-0.0;0.0"},
}
_SIGNED = {
    "rate": {"num_format": "+0.0%;-0.0%;0.0%"},
    "percent": {"num_format": "+0.0%;-0.0%;0.0%"},
    "seconds": {"num_format": "+[h]:mm:ss;-[h]:mm:ss;0:00:00"},
    "count": {"num_format": "+#,##0;-#,##0;0"},
    "score": {"num_format": "+0.0;-0.0;0.0"},
    "index": {"num_format": "+0.0;-0.0;0.0"},
}
UNIT_NAMES = {
    "rate": {"en": "%", "fr": "%"},
    "percent": {"en": "%", "fr": "%"},
    "seconds": {"en": "h:mm:ss", "fr": "h:mm:ss"},
    "count": {"en": "count", "fr": "nombre"},
    "score": {"en": "score", "fr": "note"},
    "index": {"en": "score", "fr": "note"},
}


def cell_value(value: float | None, unit: str) -> float | None:
    """The number written in a cell: percentages as fractions (shown as %), durations
    in days (Excel's unit for times); the same figure, read with its format."""
    if value is None:
        return None
    if unit == "percent":
        return value / 100.0
    if unit == "seconds":
        return value / 86400.0
    return float(value)


class _Book:
    def __init__(self, path: Path, report: ServiceReport, lang: str, priv: Privacy):
        self.wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
        self.report, self.lang, self.priv = report, lang, priv
        self.bold = self.wb.add_format({"bold": True})
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.muted = self.wb.add_format({"font_color": "#616161", "italic": True})
        self.head = self.wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.day = self.wb.add_format({"num_format": "yyyy-mm-dd" if lang == "en" else "dd/mm/yyyy"})
        self.wrap = self.wb.add_format({"text_wrap": True, "valign": "top"})
        self.units = {u: self.wb.add_format(f) for u, f in _FORMATS.items()}
        self.signed = {u: self.wb.add_format(f) for u, f in _SIGNED.items()}
        self.used: set[str] = set()

    def sheet(self, name: str):
        name = name.replace("/", "-")[:31]
        while name in self.used:
            name = name[:28] + f"_{len(self.used)}"
        self.used.add(name)
        ws = self.wb.add_worksheet(name)
        r, lang = self.report, self.lang
        ws.write_string(0, 0, f"{t('title', lang)} — {name}", self.title)
        ws.write_string(
            1,
            0,
            t(
                "subtitle",
                lang,
                start=formatting.day(r.period[0], lang),
                end=formatting.day(r.period[1], lang),
                cstart=formatting.day(r.compare[0], lang),
                cend=formatting.day(r.compare[1], lang),
            ),
        )
        ws.write_string(2, 0, t("filters_line", lang, what=_filters_text(r, self.priv, lang)))
        if self.priv.enabled:
            ws.write_string(3, 0, t("privacy", lang), self.muted)
        return ws

    def table(self, ws, row: int, headers: list[str], rows: list[list], widths: list[float]) -> int:
        for col, (h, w) in enumerate(zip(headers, widths)):
            ws.write_string(row, col, h, self.head)
            ws.set_column(col, col, w)
        for i, cells in enumerate(rows, start=row + 1):
            for col, cell in enumerate(cells):
                self.write(ws, i, col, cell)
        return row + len(rows) + 2

    def write(self, ws, row: int, col: int, cell) -> None:
        """A cell: text, a date, None, or (value, unit[, signed])."""
        if cell is None:
            ws.write_blank(row, col, None)
        elif isinstance(cell, tuple):
            value, unit, *signed = cell
            number = cell_value(value, unit)
            if number is None:
                ws.write_blank(row, col, None)
            else:
                ws.write_number(row, col, number, (self.signed if signed and signed[0] else self.units)[unit])
        elif isinstance(cell, date):
            ws.write_datetime(row, col, cell, self.day)
        elif isinstance(cell, (int, float)):
            ws.write_number(row, col, cell)
        else:
            ws.write_string(row, col, str(cell), self.wrap if len(str(cell)) > 60 else None)


CHART_COLOURS = ["#1565c0", "#ef8c00", "#6a1b9a", "#00897b", "#c62828"]
TARGET_COLOUR = "#2e7d32"


def _series_block(book: _Book, ws, row: int, title: str, periods: list[date], columns: list[tuple]) -> tuple:
    """A table of series over the same buckets: ``columns`` are (header, unit, values).
    Returns the rows of the first and last bucket and the next free row."""
    ws.write_string(row, 0, title, book.bold)
    rows = [[p, *[(values[i], unit) for _, unit, values in columns]] for i, p in enumerate(periods)]
    headers = [t("date", book.lang), *[_unit_head(h, unit, book.lang) for h, unit, _ in columns]]
    ws.set_column(0, 0, 30)
    for col, h in enumerate(headers):
        ws.write_string(row + 1, col, h, book.head)
    for i, cells in enumerate(rows, start=row + 2):
        for col, cell in enumerate(cells):
            book.write(ws, i, col, cell)
    return row + 2, row + 1 + len(rows), row + len(rows) + 3


def _line_chart(book: _Book, sheet: str, first: int, last: int, series: list[tuple], unit: str, title: str):
    """A line chart of ``series`` (column, name, colour, dashed) over the dates in column A."""
    chart = book.wb.add_chart({"type": "line"})
    for col, name, colour, dashed in series:
        line = {"color": colour, "width": 1.5 if dashed else 2.0}
        if dashed:
            line["dash_type"] = "dash"
        chart.add_series(
            {
                "name": name,
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, col, last, col],
                "line": line,
                "marker": {"type": "none"} if dashed else {"type": "circle", "size": 4, "fill": {"color": colour}},
            }
        )
    chart.set_title({"name": title, "name_font": {"size": 11, "bold": True}})
    chart.set_y_axis({"num_format": _FORMATS[unit]["num_format"], "major_gridlines": {"visible": True}})
    chart.set_x_axis({"date_axis": False, "num_format": book.day.num_format})
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("gap")
    chart.set_size({"width": 520, "height": 280})
    return chart


def _trends(book: _Book, ws, row: int, trends, units: dict[str, str]) -> int:
    """Each trend's values (and target) by day or week in one table, then one chart per
    KPI, two per row; comments on a bucket listed in a last column. Returns the next free row."""
    if not trends:
        return row
    report, lang = book.report, book.lang
    periods = sorted({p for tr in trends for p in tr.periods})
    columns, charts = [], []
    for tr in trends:
        unit = units.get(tr.kpi, "rate")
        values = dict(zip(tr.periods, tr.values))
        label = tr.label_for(lang)  # with the channels of its section, as the PDF's chart title
        col = len(columns) + 1
        columns.append((label, unit, [values.get(p) for p in periods]))
        series = [(col, label, CHART_COLOURS[0], False)]
        if tr.target is not None:
            columns.append((f"{label} — {t('target', lang)}", unit, [tr.target] * len(periods)))
            series.append((col + 1, t("target", lang), TARGET_COLOUR, True))
        charts.append((series, unit, t("trend_short", lang, kpi=label, bucket=t(tr.bucket, lang))))
    bucket = trends[0].bucket
    first, last, after = _series_block(book, ws, row, t("trends_by", lang, bucket=t(bucket, lang)), periods, columns)
    numbers = comment_numbers(report)
    notes: dict[date, list[str]] = {}
    for tr in trends:
        for slot, c in tr.marks:
            if c.comment_id in numbers:
                notes.setdefault(slot, []).append(f"[{numbers[c.comment_id]}] {book.priv.text(c.text)}")
    if notes:  # the comments on the bucket they start in, as the PDF's numbered markers
        col = len(columns) + 1
        ws.write_string(row + 1, col, t("comment", lang), book.head)
        ws.set_column(col, col, 40)
        for i, p in enumerate(periods):
            if p in notes:
                ws.write_string(first + i, col, " ".join(dict.fromkeys(notes[p])))
    for i, (series, unit, title) in enumerate(charts):
        chart = _line_chart(book, ws.name, first, last, series, unit, title)
        ws.insert_chart(after + (i // 2) * 15, (i % 2) * 8, chart)
    return after + -(-len(charts) // 2) * 15 + 1


def _unit_head(name: str, unit: str, lang: str) -> str:
    return f"{name} ({UNIT_NAMES[unit][lang]})"


def _figures(book: _Book, ws, row: int, figures, numbers) -> int:
    lang = book.lang
    headers = [
        t("kpi", lang),
        t("value", lang),
        t("target", lang),
        t("previous", lang),
        t("change", lang),
        "n",
        t("comment", lang),
        "unit",
    ]
    rows = []
    for f in figures:
        comment = " ".join(
            f"[{numbers.get(c.comment_id, '')}] {book.priv.text(c.text)}"
            + (f" → {book.priv.text(c.action)}" if c.action else "")
            for c in f.comments
        )
        if f.value is None:
            reason = t("no_data", lang) if f.reason in (None, "no data") else said_reason(f.reason, lang)
            rows.append(
                [f.label_for(lang), reason, None, (f.previous, f.unit), None, None, comment, UNIT_NAMES[f.unit][lang]]
            )
            continue
        change = None if f.previous is None else f.value - f.previous
        rows.append(
            [
                f.label_for(lang),
                (f.value, f.unit),
                (f.target, f.unit),
                (f.previous, f.unit),
                (change, f.unit, True),
                (f.n, "count"),
                " · ".join(x for x in (f.note, comment) if x),  # what the figure left out, then comments
                UNIT_NAMES[f.unit][lang],
            ]
        )
    return book.table(ws, row, headers, rows, [30, 12, 12, 12, 12, 9, 60, 9])


def build_service_xlsx(store, report: ServiceReport, out: str | Path, lang: str = "en", privacy: bool = False) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    priv = Privacy.from_store(store, privacy, None, lang)
    numbers = comment_numbers(report)
    book = _Book(out, report, lang, priv)
    start = 5

    ws = book.sheet(t("headline", lang))
    row = _figures(book, ws, start, report.headline, numbers)
    if report.missing or report.absent:
        ws.write_string(row, 0, t("missing_title", lang), book.bold)
        lines = [(_label(report, k, lang), t("no_data", lang) if r == "no data" else r) for k, r in report.missing]
        if report.absent:
            lines.insert(0, (t("absent", lang, channels=", ".join(channel_name(c, lang) for c in report.absent)), ""))
        for i, (what, reason) in enumerate(lines, start=row + 1):
            ws.write_string(i, 0, what)
            if reason:
                ws.write_string(i, 1, reason)
        row += len(lines) + 2
    units = {f.kpi: f.unit for f in report.headline}
    _trends(book, ws, row, report.headline_trends, units)

    ws = book.sheet(t("why", lang))
    rows = []
    name = lambda agent_id: priv.agent_name(agent_id)
    for e in report.explanations:
        for d in e.drivers:
            rows.append(
                [
                    _label(report, e.kpi, lang),
                    group_name(d, lang, name),
                    (d.contribution, e.unit, True),
                    (d.mix, e.unit, True),
                    (d.rate, e.unit, True),
                    (d.before, e.unit),
                    (d.after, e.unit),
                    (d.n_before, "count"),
                    (d.n_after, "count"),
                    words("small", lang) if d.small_sample else "",
                ]
            )
    if not rows:
        ws.write_string(start, 0, t("why_none", lang))
    else:
        book.table(
            ws,
            start,
            [
                t("kpi", lang),
                t("driver", lang),
                t("change", lang),
                words("mix", lang),
                words("rate", lang),
                t("previous", lang),
                t("value", lang),
                t("n_before", lang),
                t("n_now", lang),
                "",
            ],
            rows,
            [24, 34, 11, 11, 11, 11, 11, 10, 10, 16],
        )

    for section in report.channels:
        ws = book.sheet(channel_name(section.channel, lang))
        row = _figures(book, ws, start, section.figures, numbers)
        row = _trends(book, ws, row, section.trends, {f.kpi: f.unit for f in section.figures})
        ws.write_string(row, 0, t("heatmap", lang), book.bold)
        hours = [f"{h:02d}" for h in range(24)]
        days = (
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            if lang == "en"
            else ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
        )
        hrows = [[days[i], *[(v, "count") for v in section.heatmap[i]]] for i in range(7)]
        book.table(ws, row + 1, ["", *hours], hrows, [30] + [12] * 6 + [6] * 18)

    ws = book.sheet(t("sites", lang))
    kpis = report.sites["kpis"]
    units = [report_unit(report, k) for k in kpis]
    heads = [_unit_head(_label(report, k, lang), u, lang) for k, u in zip(kpis, units)]
    srows = [
        [
            site if site is not None else t("no_site", lang),
            *[(row.get(k).value if row.get(k) else None, u) for k, u in zip(kpis, units)],
        ]
        for site, row in report.sites["rows"]
    ]
    row = book.table(ws, start, [t("site", lang), *heads], srows, [24] + [14] * len(kpis))
    if report.sites["days"]:
        drows = [
            [site, day, *[(r.get(k).value if r.get(k) else None, u) for k, u in zip(kpis, units)]]
            for site, day, r in report.sites["days"]
            if site is not None
        ]
        ws.write_string(row, 0, t("sites_by_day", lang), book.bold)
        book.table(ws, row + 1, [t("site", lang), t("date", lang), *heads], drows, [24, 12] + [14] * len(kpis))

    ws = book.sheet(t("topics", lang))
    trows = [
        [
            r.topic,
            (r.volume, "count"),
            (r.share, "rate"),
            (r.previous, "count"),
            (None if r.previous is None else r.volume - r.previous, "count", True),
        ]
        for r in report.topics
    ]
    row = book.table(
        ws,
        start,
        [t("topic", lang), t("volume", lang), t("share", lang), t("previous", lang), t("change", lang)],
        trows,
        [34, 12, 10, 12, 10],
    )
    tt = report.topic_trend
    if tt is not None:
        title = t("topic_trend", lang, n=len(tt.topics), bucket=t(tt.bucket, lang))
        columns = [(topic, "count", tt.volumes[topic]) for topic in tt.topics]
        first, last, after = _series_block(book, ws, row, title, tt.periods, columns)
        series = [
            (i, topic, CHART_COLOURS[(i - 1) % len(CHART_COLOURS)], False) for i, topic in enumerate(tt.topics, 1)
        ]
        chart = _line_chart(book, ws.name, first, last, series, "count", title)
        chart.set_size({"width": 760, "height": 320})
        ws.insert_chart(after, 0, chart)

    ws = book.sheet(t("words", lang))
    wrows = []
    for key, items in (("lowest", report.lowest), ("highest", report.highest)):
        for v in items:
            wrows.append(
                [
                    t(key, lang),
                    v.answered_at.date(),
                    (v.score, "score"),
                    channel_name(v.channel, lang) if v.channel else "",
                    priv.agent_name(v.agent_id) if v.agent_id else "",
                    priv.customer(v.customer) or "",
                    priv.text(v.comment),
                ]
            )
    book.table(
        ws,
        start,
        [
            "",
            t("date", lang),
            t("score5", lang),
            t("channel_col", lang),
            t("agent_col", lang),
            t("customer", lang),
            t("comment", lang),
        ],
        wrows,
        [18, 12, 6, 10, 18, 18, 70],
    )

    ws = book.sheet(t("quality", lang))
    qrows = [[team or "", (qa, "score"), (csat, "percent"), (n, "count")] for team, qa, csat, n in report.quality]
    book.table(
        ws,
        start,
        [t("team", lang), t("qa", lang), _unit_head(t("csat", lang), "percent", lang), t("surveys", lang)],
        qrows,
        [24, 12, 12, 10],
    )

    ws = book.sheet(t("comments", lang))
    crows = []
    for c in report.comments:
        crows.append(
            [
                numbers[c.comment_id],
                _label(report, c.kpi, lang),
                c.date_from,
                c.date_to,
                scope_text(c, priv, lang),
                priv.text(c.text) or "",
                priv.text(c.action) or "",
                priv.text(c.owner) or "",
            ]
        )
    book.table(
        ws,
        start,
        [
            "#",
            t("kpi", lang),
            t("from", lang),
            t("to", lang),
            t("scope", lang),
            t("comment", lang),
            t("action", lang),
            t("owner", lang),
        ],
        crows,
        [5, 24, 12, 12, 18, 50, 30, 14],
    )

    ws = book.sheet(t("definitions", lang))
    descriptions = _descriptions(store, report, lang)
    book.table(
        ws,
        start,
        [t("kpi", lang), t("definition", lang)],
        [[_label(report, k, lang), descriptions.get(k, "")] for k in report.definitions],
        [28, 110],
    )
    book.wb.close()
    return out
