"""The coaching view: one agent against their team, the contacts behind the numbers,
and the coaching history — the screen a team lead shares in a one-to-one.

It composes smaller views (standings table, strengths, charts, contacts, quality,
notes and goals) and runs every database job on task runners: the page, the detail
of the KPI clicked, a contact's record, the writes (write pool) and the PDF sheet.
Every name and customer detail goes through the desk's shared privacy state; a
banner says so while it is on. Opened from a double-click on an agent anywhere
(``open_coaching``), or alone: ``python -m kpidesk.ui.preview coaching --db PATH --agent A07``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting
from kpidesk.core.coaching.charts import MEASURES, shown_measures
from kpidesk.core.coaching.page import (
    CoachingData,
    CoachingRequest,
    KpiDetail,
    load_coaching,
    load_kpi_detail,
    load_record,
    save_entry,
    trend_kpis,
)
from kpidesk.core.kpi.engine import Filters
from kpidesk.ui import export, privacy_state
from kpidesk.ui.charts import TrendChart
from kpidesk.ui.coaching.charts_view import PairedDistributionChart
from kpidesk.ui.coaching.contacts_view import ContactsView
from kpidesk.ui.coaching.kpi_table import StandingsView, StrengthsPanel
from kpidesk.ui.coaching.notes_view import CoachingNotesView
from kpidesk.ui.coaching.paint import paint_detail, paint_page
from kpidesk.ui.coaching.quality_view import QualityPanel
from kpidesk.ui.coaching.record_dialog import RecordDialog
from kpidesk.ui.dashboard.tab_view import Card
from kpidesk.ui.i18n import translate
from kpidesk.ui.privacy_banner import PrivacyBanner
from kpidesk.ui.tasks import TaskRunner

MEASURE_TITLES = {
    "handle": QT_TRANSLATE_NOOP("CoachingView", "Handle time"),
    "wait": QT_TRANSLATE_NOOP("CoachingView", "Wait before answer"),
    "wrap": QT_TRANSLATE_NOOP("CoachingView", "Wrap-up"),
    "first_response": QT_TRANSLATE_NOOP("CoachingView", "First response time"),
    "resolution": QT_TRANSLATE_NOOP("CoachingView", "Resolution time"),
    "csat": QT_TRANSLATE_NOOP("CoachingView", "CSAT scores"),
}


class CoachingView(QWidget):
    coaching_loaded = Signal(str)  # agent_id, once the figures are on screen
    kpi_detail_loaded = Signal(str)
    record_opened = Signal(object)  # the RecordDialog
    history_saved = Signal()
    report_written = Signal(str)

    def __init__(self, desk, agent_id: str, filters: Filters = Filters(), parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.desk, self.agent_id, self.filters = desk, agent_id, filters
        self.privacy = privacy_state.of(desk)
        self.data: CoachingData | None = None
        self.detail: KpiDetail | None = None
        self.kpi: str | None = None
        self.error: str | None = None  # the last job's failure, as the status bar says it
        self.records: list[RecordDialog] = []
        self.runners = {
            name: TaskRunner(self, pool="write" if name == "writer" else "read")
            for name in ("page", "detail", "record", "writer", "report")
        }
        r = self.runners
        r["page"].task_finished.connect(self._loaded)
        r["detail"].task_finished.connect(self._detail_loaded)
        r["record"].task_finished.connect(self._record_loaded)
        r["writer"].task_finished.connect(self._history_saved)
        r["report"].task_finished.connect(lambda res: self._report_done(res))
        for runner in r.values():
            runner.task_failed.connect(self._failed)
        self._build()
        self.privacy.privacy_changed.connect(self._privacy_changed)
        self.desk.language.language_changed.connect(lambda _c: self.retranslate())
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.privacy.toggle)
        self.resize(1360, 900)
        self.retranslate()
        self.load(agent_id)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        lang_of = lambda: self.desk.lang
        self.banner = PrivacyBanner(self.privacy)
        self.title = QLabel(objectName="PageTitle")
        self.subtitle = QLabel(objectName="Muted", wordWrap=True)
        self.picker = QComboBox(minimumWidth=200)
        self.picker.activated.connect(lambda i: self.load(self.picker.itemData(i)))
        self.privacy_button = QPushButton(checkable=True)
        self.privacy_button.toggled.connect(self.privacy.set_enabled)
        self.report_button = QPushButton()
        self.report_button.clicked.connect(self.choose_report)
        self.png_button = QToolButton(popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.png_menu = QMenu(self.png_button)
        self.png_button.setMenu(self.png_menu)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        # a heatmap cell of the desk (Tuesdays, 10:00–11:00): every figure of the page counts it only
        self.cell = QToolButton(objectName="FilterChip")
        self.cell.clicked.connect(self.remove_cell)
        self.cell.hide()
        heading.addWidget(self.cell, 0, Qt.AlignmentFlag.AlignLeft)
        top.addLayout(heading, 1)
        for w in (self.picker, self.privacy_button, self.png_button, self.report_button):
            top.addWidget(w)
        self.standings = StandingsView(lang_of)
        self.standings.kpi_clicked.connect(self.show_kpi)
        self.strengths = StrengthsPanel()
        self.standings_card = Card(self.standings)
        self.strengths_card = Card(self.strengths)
        self.trend = TrendChart()
        self.trend_legend = QLabel(objectName="Muted", wordWrap=True)
        trend_box = QWidget()
        box = QVBoxLayout(trend_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.trend)
        box.addWidget(self.trend_legend)
        self.trend_card = Card(trend_box)
        self.contacts = ContactsView(lang_of)
        self.contacts.record_requested.connect(self.open_record)
        self.contacts_card = Card(self.contacts)
        for card in (self.trend_card, self.contacts_card):  # "<a long KPI name>: …" wraps, never widens the page
            card.title.setWordWrap(True)
            card.header.setStretch(card.header.indexOf(card.title), 100)  # on the whole width, not half of it
        for widget in (self.contacts, self.standings, self.strengths):
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            widget.setMinimumWidth(200)
        self.dist_charts = {m: PairedDistributionChart() for m in MEASURES}
        self.dist_cards = {}
        for m, chart in self.dist_charts.items():
            holder = QWidget()
            v = QVBoxLayout(holder)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(chart)
            legend = QLabel(objectName="Muted", wordWrap=True)
            v.addWidget(legend)
            chart.legend = legend
            self.dist_cards[m] = Card(holder)
            self.dist_cards[m].setVisible(m in shown_measures({}))  # until the figures say
        for chart in (self.trend, *self.dist_charts.values()):
            chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            chart.setMinimumWidth(150)
        self.quality = QualityPanel()
        self.quality_card = Card(self.quality)
        self.notes = CoachingNotesView(self.desk)
        self.notes.note_submitted.connect(self.save_entry)
        self.notes.goal_submitted.connect(self.save_entry)
        self.notes_card = Card(self.notes)
        # the agent has no contacts in the period: said in words, in place of the figures
        self.notice = QLabel(wordWrap=True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_card = Card(self.notice)
        self.notice_card.hide()
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.notice_card, 0, 0, 1, 4)
        grid.addWidget(self.standings_card, 0, 0, 1, 3)
        grid.addWidget(self.strengths_card, 0, 3, 1, 1)
        grid.addWidget(self.trend_card, 1, 0, 1, 2)
        grid.addWidget(self.contacts_card, 1, 2, 1, 2)
        # the distributions the agent's contacts have (calls, tickets, CSAT), side by side
        dist_row = QHBoxLayout()
        dist_row.setSpacing(10)
        for card in self.dist_cards.values():
            dist_row.addWidget(card, 1)
        grid.addLayout(dist_row, 2, 0, 1, 4)
        grid.addWidget(self.quality_card, 3, 0, 1, 4)
        grid.addWidget(self.notes_card, 4, 0, 1, 4)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(top)
        body.addLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.status = QLabel(objectName="Muted")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.status)

    def retranslate(self) -> None:
        tr = lambda s: translate("CoachingView", s)
        self.privacy_button.setText(translate("CoachingView", "Privacy mode"))
        self.privacy_button.setToolTip(
            translate("CoachingView", "Hide other agents' names and customer details (Ctrl+Shift+P)")
        )
        self.report_button.setText(translate("CoachingView", "PDF coaching sheet…"))
        self.png_button.setText(translate("CoachingView", "Export chart (PNG)"))
        self.png_menu.clear()
        for key, card in self.export_charts().items():
            self.png_menu.addAction(self._chart_title(key), lambda c=card, k=key: self.choose_png(c, k))
        self.standings_card.title.setText(translate("CoachingView", "The agent against the team"))
        self.strengths_card.title.setText(translate("CoachingView", "Strengths and areas to work on"))
        self.quality_card.title.setText(translate("CoachingView", "Quality: QA scores and what customers said"))
        self.notes_card.title.setText(translate("CoachingView", "Coaching notes and goals"))
        for m, card in self.dist_cards.items():
            card.title.setText(tr(MEASURE_TITLES[m]))
        self.notes.retranslate()
        self.banner.retranslate()
        if self.data is not None:
            self.repaint_all()

    def show_cell(self, label: str | None) -> None:
        """The weekday × hour filter the page was computed with, as the desk's chip."""
        self.cell.setVisible(label is not None)
        if label is not None:
            self.cell.setText(label + "  ✕")
            self.cell.setToolTip(
                translate(
                    "CoachingView",
                    "Every figure, list and chart of this page counts only this weekday and hour across the "
                    "period (goals keep their own dates). Click to remove.",
                )
            )

    def remove_cell(self) -> None:
        """The page again over the whole period (the desk keeps its own filter)."""
        self.filters = self.filters.narrowed(weekdays=(), hours=())
        self.cell.hide()
        self.load(self.agent_id)

    def _chart_title(self, key: str) -> str:
        if key == "trend":
            return translate("CoachingView", "Trend")
        return translate("CoachingView", MEASURE_TITLES[key])

    def export_charts(self) -> dict[str, Card]:
        return {"trend": self.trend_card, **self.dist_cards}

    # -- loading --------------------------------------------------------------------------
    def request(self) -> CoachingRequest:
        # the desk's one rule for the data's grain: a monthly report is drawn by month
        grain = self.desk.prefs.extent.grain()
        return CoachingRequest(self.agent_id, self.filters, self.desk.lang, data_grain=grain)

    def load(self, agent_id: str) -> None:
        self.agent_id = agent_id
        self.detail = None  # the last agent's trend and contacts are not this one's
        self.error = None
        self.status.setText(translate("CoachingView", "Loading figures…"))
        self.runners["page"].start(load_coaching, (self.desk.engine, self.request()))

    @property
    def loaded(self) -> bool:
        """Every figure of the page is on screen: the page, and the trend and contacts
        of its KPI — or, for an agent without a figure in the period, the page saying so."""
        if self.data is None or any(self.runners[name].busy for name in ("page", "detail")):
            return False
        return self.kpi is None or (self.detail is not None and self.detail.kpi == self.kpi)

    def _loaded(self, data: CoachingData) -> None:
        self.data = data
        self.status.setText("")
        kpis = [s.kpi for s in data.profile.standings]
        # no figure at all (no contacts in the period): no KPI to trend, the page says why
        self.kpi = self.kpi if self.kpi in kpis else next(iter(trend_kpis(data.profile)), kpis[0] if kpis else None)
        self.detail = None
        self.repaint_all()
        self.coaching_loaded.emit(data.profile.agent_id)
        if self.kpi:
            self.show_kpi(self.kpi)

    def show_kpi(self, kpi: str) -> None:
        """A KPI clicked: its trend against the team, and the contacts behind it."""
        if self.data is None or self.data.profile.standing(kpi) is None:
            return
        self.kpi = kpi
        self.error = None
        self.standings.select_kpi(kpi)
        self.runners["detail"].start(
            load_kpi_detail, (self.desk.engine, self.request(), kpi, self.data.profile.team_filters)
        )

    def _detail_loaded(self, detail: KpiDetail) -> None:
        self.detail = detail
        self._paint_detail()
        self.kpi_detail_loaded.emit(detail.kpi)

    def open_record(self, contact_id: int) -> None:
        self.runners["record"].start(load_record, (self.desk.store, contact_id))

    def _record_loaded(self, record) -> None:
        if record is None:
            return
        dialog = RecordDialog(record, self.privacy.for_agent(self.agent_id), self.desk.lang, self)
        self.records.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.records.remove(d) if d in self.records else None)
        dialog.show()
        self.record_opened.emit(dialog)

    def save_entry(self, entry) -> None:
        self.runners["writer"].start(save_entry, (self.desk.engine, self.agent_id, entry, None))

    def _history_saved(self, history) -> None:
        if self.data is not None:
            self.data.history = history
            self.notes.show_history(history, self.privacy.for_agent(self.agent_id))
        self.history_saved.emit()

    def _failed(self, message: str) -> None:
        self.error = message  # a launcher waiting for the figures stops waiting: they will not come
        self.status.setText(message)

    # -- painting ---------------------------------------------------------------------------
    def _privacy_changed(self, on: bool) -> None:
        self.privacy_button.blockSignals(True)
        self.privacy_button.setChecked(on)
        self.privacy_button.blockSignals(False)
        if self.data is not None:
            self.repaint_all()
        for dialog in self.records:
            dialog.set_privacy(self.privacy.for_agent(self.agent_id))

    def repaint_all(self) -> None:
        paint_page(self)
        if self.detail is not None:
            self._paint_detail()

    def _paint_detail(self) -> None:
        paint_detail(self)

    # -- outputs ----------------------------------------------------------------------------
    def choose_png(self, card: Card, key: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("CoachingView", "Export chart"),
            f"{self.agent_id}-{key}.png",
            translate("CoachingView", "PNG image (*.png)"),
        )
        if path:
            export.save_chart_png(card, Path(path), self.png_caption())

    def png_caption(self) -> export.ChartCaption:
        """An exported chart says whose it is, the period, team and channels, and the
        heatmap cell it counts (``Tuesdays, 10:00–11:00``), as the desk's exports do."""
        lines = [self.subtitle.text()]
        cell = self.filters.cell_label(self.desk.lang)
        if cell:
            lines.append(cell)
        return export.ChartCaption(self.title.text(), tuple(line for line in lines if line))

    def choose_report(self) -> None:
        name = f"coaching-{self.agent_id}-{datetime.now():%Y%m%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, translate("CoachingView", "PDF coaching sheet"), name, translate("CoachingView", "PDF (*.pdf)")
        )
        if path:
            self.make_report(path)

    def make_report(self, path: str) -> None:
        from kpidesk.pdf.coaching_sheet import build_report  # reportlab loads on the first sheet, not at start-up

        args = (self.desk.store, self.agent_id, path, self.filters, self.desk.lang, self.privacy.enabled)
        self.status.setText(translate("CoachingView", "Writing the coaching sheet…"))
        self.runners["report"].start(lambda a, s: build_report(*a), args)

    def _report_done(self, result) -> None:
        self.status.setText(
            translate("CoachingView", "Coaching sheet written: {path} ({pages} pages)").format(
                path=result.path, pages=formatting.number(result.pages, 0, self.desk.lang)
            )
        )
        self.report_written.emit(str(result.path))


def open_coaching(window, desk, agent_id: str, filters: Filters = Filters()) -> CoachingView:
    """The main window's hook: one coaching window, reused for the next agent."""
    view = getattr(window, "coaching_view", None)
    if view is None or view.desk is not desk:
        view = CoachingView(desk, agent_id, filters, window)
        window.coaching_view = view
    else:
        view.filters = filters
        view.load(agent_id)
    view.show()
    view.raise_()
    return view
