"""The team lead's desk: filter bar, tabs, menus, status bar — composed, not computed.

The window owns the :class:`ViewState` (with its Back stack) and turns it into a
``TabRequest`` for the visible tab; hidden tabs are marked stale and load when
shown. Opening a database, saving settings and importing run as jobs on the task
runner; the window only reacts to their past-tense signals.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting
from kpidesk.core.dashboard.extent import DataExtent
from kpidesk.core.dashboard.tabs import TABS, TabRequest
from kpidesk.core.dashboard.view_state import ViewState
from kpidesk.ui import export, i18n, privacy_state, theme
from kpidesk.ui.about import HelpMenu
from kpidesk.ui.charts import Chart
from kpidesk.ui.coaching.view import open_coaching
from kpidesk.ui.dashboard.agents_view import AgentsView
from kpidesk.ui.dashboard.channel_view import ChannelView
from kpidesk.ui.dashboard.filter_bar import FILTER_LABELS, FilterBar, anchor_for, channel_options
from kpidesk.ui.dashboard.overview_view import OverviewView
from kpidesk.ui.dashboard.tab_view import TabView
from kpidesk.ui.desk import Desk, channel_label
from kpidesk.ui.i18n import translate
from kpidesk.ui.privacy_banner import PrivacyBanner
from kpidesk.ui.service_menu import ServiceMenu
from kpidesk.ui.welcome_view import WelcomeView
from kpidesk.ui.window_actions import WindowActions

TAB_TITLES = {
    "overview": QT_TRANSLATE_NOOP("Tabs", "Overview"),
    "phone": QT_TRANSLATE_NOOP("Tabs", "Phone"),
    "email": QT_TRANSLATE_NOOP("Tabs", "Email / Tickets"),  # every ticket, whatever its channel
    "chat": QT_TRANSLATE_NOOP("Tabs", "Chat / Bot"),
    "agents": QT_TRANSLATE_NOOP("Tabs", "Agents"),
}
TAB_ORDER = tuple(TAB_TITLES)


class MainWindow(QMainWindow):
    agent_selected = Signal(str)
    kpis_computed = Signal(str)
    database_opened = Signal(str)

    def __init__(self, language: i18n.Language, qsettings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.language = language
        self.qsettings = qsettings or QSettings("kpidesk", "kpidesk")
        self.desk: Desk | None = None
        self.privacy = False
        self.state = ViewState.from_json(self.qsettings.value("view_state"))
        self.history: list[ViewState] = []
        self.views: dict[str, TabView] = {}
        self.stale: set[str] = set()
        self.filter_bar = FilterBar()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.welcome = WelcomeView()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tabs)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(page)
        self.privacy_banner = PrivacyBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.privacy_banner)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.busy_bar = QProgressBar(maximumWidth=120, maximumHeight=14, textVisible=False)
        self.busy_bar.setRange(0, 0)
        self.busy_label = QLabel()
        self.extent_label = QLabel(objectName="Muted")
        self.statusBar().addWidget(self.extent_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self._show_busy(False)
        self.actions_ = WindowActions(self)
        self.actions_.privacy.setShortcut("Ctrl+Shift+P")
        self.toolbar = self.addToolBar("kpidesk")
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.actions_.privacy)
        self.service_menu = ServiceMenu(self)  # Report › service report, comments; the trends' Why?
        self.help_menu = HelpMenu(self)
        self.filter_bar.state_changed.connect(self.narrow)
        self.filter_bar.back_requested.connect(self.back)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.language.language_changed.connect(self.retranslate)
        self.agent_selected.connect(self.open_coaching)
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.retranslate()

    # -- the database -----------------------------------------------------------------
    def attach(self, desk: Desk) -> None:
        """Show a freshly opened database (the job that opened it built the desk)."""
        if self.desk is not None:
            self.desk.store.close()
        self.desk = desk
        desk.privacy = self.privacy
        privacy_state.of(desk).set_enabled(self.privacy)
        privacy_state.of(desk).privacy_changed.connect(self.set_privacy)
        desk.prefs_changed.connect(self._prefs_changed)
        self._build_tabs()
        # The window's widgets, charts and their Python wrappers live as long as the
        # window: keep them out of the collector's full passes, which otherwise walk
        # them all (50 ms and more) at moments no one chooses.
        gc.freeze()
        self._prefs_changed()
        self.database_opened.emit(desk.store.path)

    def _build_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.views = {"overview": OverviewView(self.desk), "agents": AgentsView(self.desk)}
        for key in ("phone", "email", "chat"):
            self.views[key] = ChannelView(self.desk, key)
        for key in TAB_ORDER:
            view = self.views[key]
            self.tabs.addTab(view, translate("Tabs", TAB_TITLES[key]))
            view.kpis_computed.connect(self.kpis_computed)
            view.agent_selected.connect(self.agent_selected)
            view.agent_clicked.connect(lambda agent: self.narrow(self.state.changed(agents=(agent,))))
            view.bucket_clicked.connect(self._bucket_clicked)
            view.cell_clicked.connect(self._cell_clicked)
            view.channel_clicked.connect(self.show_channel)
            view.channels_chosen.connect(lambda chosen: self.narrow(self.state.changed(channels=chosen)))
            view.busy_changed.connect(self._busy_changed)
            view.load_failed.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self.tabs.blockSignals(False)

    def _prefs_changed(self) -> None:
        prefs = self.desk.prefs
        self.language.set_setting(prefs.language)
        self.apply_theme()
        self.stack.setCurrentIndex(0 if prefs.extent.empty else 1)
        self._show_extent(prefs.extent)
        self.refresh()

    # -- the view state ---------------------------------------------------------------
    @property
    def anchor(self):
        return anchor_for(self.desk.prefs.extent if self.desk else DataExtent())

    def narrow(self, state: ViewState) -> None:
        """Apply a new state (a filter change, a chart click); Back returns here."""
        if state == self.state:
            return
        self.history.append(self.state)
        self._set_state(state)

    def back(self) -> None:
        if self.history:
            self._set_state(self.history.pop())

    def _set_state(self, state: ViewState) -> None:
        self.state = state
        self.qsettings.setValue("view_state", state.to_json())
        self.refresh()

    def request_for(self, key: str) -> TabRequest:
        anchor = self.anchor
        filters, compare = self.state.filters(anchor), self.state.compare_filters(anchor)
        if "ticket" not in TABS[key].kinds:  # the channel of tickets is the tickets tab's own filter
            filters = filters.narrowed(channels=())
            compare = compare.narrowed(channels=()) if compare is not None else None
        return TabRequest(
            key,
            filters,
            compare,
            self.state.granularity_for(anchor),
            getattr(self.views.get(key), "request", None) and self.views[key].request.duration,
        )

    def refresh(self) -> None:
        """Reload the visible tab now; the others when they are shown."""
        extent = self.desk.prefs.extent if self.desk else DataExtent()
        self._show_filters(extent)
        if not self.views or extent.empty:
            return
        self.stale = set(self.views)
        for view in self.views.values():
            if isinstance(view, TabView):
                view.mark_stale()
        self._load_current()

    def _load_current(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, TabView) and view.key in self.stale:
            self.stale.discard(view.key)
            view.load(self.request_for(view.key))

    def _tab_changed(self, index: int) -> None:
        self._load_current()

    def current_view(self) -> TabView | None:
        view = self.tabs.currentWidget()
        return view if isinstance(view, TabView) else None

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.views[key])

    def show_channel(self, channel: str) -> None:
        """The tab of a channel of the mix: phone, chat and bot have theirs; any other
        channel (email, web, social media…) is one of tickets: the tickets tab, narrowed
        to that channel (Back undoes it)."""
        tab = {"phone": "phone", "chat": "chat", "bot": "chat"}.get(channel, "email")
        if tab == "email":
            self.narrow(self.state.changed(channels=(channel,)))
        self.show_tab(tab)

    def _bucket_clicked(self, when, granularity: str) -> None:
        self.narrow(self.state.drilled(when, granularity, self.anchor))

    def _cell_clicked(self, weekday: int, hour: int) -> None:
        """Narrow every figure to that weekday and hour across the period (Mondays
        9h–10h); the filter bar shows it, its ✕ or Back removes it."""
        self.narrow(self.state.in_cell(weekday, hour))

    # -- exports ------------------------------------------------------------------------
    def chart_caption(self) -> export.ChartCaption | None:
        """The current tab's chart as a picture reads on its own: its title (tab,
        figure, KPI), the period and compare period, the filters, its legend."""
        view = self.current_view()
        if view is None or self.desk is None:
            return None
        figure, legend = view.chart_caption()
        tab = translate("Tabs", TAB_TITLES[view.key])
        lang, anchor = self.language.code, self.anchor
        period = self.state.period(anchor)
        line = translate("MainWindow", "Period: {first} – {last}").format(
            first=formatting.day(period.first, lang), last=formatting.day(period.last, lang)
        )
        compare = self.state.compare_period(anchor)
        if compare is not None:
            line += " · " + translate("MainWindow", "compared with {first} – {last}").format(
                first=formatting.day(compare.first, lang), last=formatting.day(compare.last, lang)
            )
        lines = [line]
        names = dict(self.desk.prefs.extent.agents)
        privacy = privacy_state.of(self.desk)
        chosen = []
        for field, label in FILTER_LABELS.items():
            values = getattr(self.state, field)
            if field == "agents":
                values = [privacy.agent_name(a, names.get(a)) for a in values]
            elif field == "channels":  # the tickets tab's own filter
                values = [channel_label(c) for c in values] if "ticket" in TABS[view.key].kinds else []
            if values:
                chosen.append(
                    translate("MainWindow", "{name}: {values}").format(
                        name=translate("FilterBar", label), values=", ".join(values)
                    )
                )
        cell = self.state.cell_label(self.desk.lang)
        if cell is not None:
            chosen.append(cell)
        if chosen:
            lines.append(" · ".join(chosen))
        title = f"{tab} · {figure}" if figure else tab
        return export.ChartCaption(title, tuple(lines), tuple(legend))

    # -- coaching -----------------------------------------------------------------------
    def open_coaching(self, agent_id: str) -> None:
        """Open the coaching view for an agent."""
        open_coaching(self, self.desk, agent_id, self.state.filters(self.anchor))

    # -- chrome -------------------------------------------------------------------------
    def _busy_changed(self, _busy: bool) -> None:
        self._show_busy(any(v.busy for v in self.views.values()))

    def _show_busy(self, busy: bool) -> None:
        if not busy:  # back to the views' own loading
            self.busy_bar.setRange(0, 0)
            self.busy_label.setText(translate("MainWindow", "Loading figures…"))
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _show_open_progress(self, fraction: float) -> None:
        """Opening a database whose derived facts an interrupted import left pending:
        how far their catch-up is."""
        self.busy_bar.setRange(0, 1000)
        self.busy_bar.setValue(int(fraction * 1000))
        self.busy_label.setText(translate("MainWindow", "Updating derived facts…"))
        self.busy_bar.setVisible(True)
        self.busy_label.setVisible(True)

    @property
    def busy(self) -> bool:
        return any(v.busy for v in self.views.values())

    def _show_extent(self, extent: DataExtent) -> None:
        if self.desk is None or extent.empty:
            self.extent_label.setText("")
            return
        lang = self.language.code
        # The file's name, not its folder: the full path names the Windows user (screen sharing).
        name = Path(self.desk.store.path).name
        if not extent.contacts:  # survey answers or an interval report alone
            self.extent_label.setText(
                translate("MainWindow", "{path} · {n} records from {first} to {last}").format(
                    path=name,
                    n=formatting.number(extent.records, 0, lang),
                    first=formatting.day(extent.first_day, lang),
                    last=formatting.day(extent.last_day, lang),
                )
            )
            self.extent_label.setToolTip("" if self.privacy else self.desk.store.path)
            return
        self.extent_label.setToolTip("" if self.privacy else self.desk.store.path)
        self.extent_label.setText(
            translate("MainWindow", "{path} · {n} contacts from {first} to {last}").format(
                path=name,
                n=formatting.number(extent.contacts, 0, lang),
                first=formatting.day(extent.first_day, lang),
                last=formatting.day(extent.last_day, lang),
            )
        )

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(translate("MainWindow", "kpidesk — customer-service KPIs"))
        self.busy_label.setText(translate("MainWindow", "Loading figures…"))
        for key, view in self.views.items():
            self.tabs.setTabText(self.tabs.indexOf(view), translate("Tabs", TAB_TITLES[key]))
            view.retranslate()
        self.filter_bar.lang = self.language.code
        self.filter_bar.retranslate()
        self.welcome.retranslate()
        self.privacy_banner.retranslate()
        self.actions_.retranslate()
        if self.desk is not None:
            self.desk.engine.lang = self.language.code
            self._show_extent(self.desk.prefs.extent)

    def apply_theme(self) -> None:
        """Re-read the theme (setting or system) and repaint every chart and tile."""
        chosen = theme.choose(self.desk.prefs.theme if self.desk else "system")
        if chosen is not theme.current():
            theme.apply(QApplication.instance(), chosen)
            for chart in self.findChildren(Chart):
                chart.restyle()
            for view in self.views.values():
                view.restyle()

    def _show_filters(self, extent: DataExtent) -> None:
        """The filter bar, its agent list through the privacy rules (aliases while on)."""
        if self.desk is not None and extent.agents:
            extent = replace(extent, agents=privacy_state.of(self.desk).agents_shown(list(extent.agents)))
        self.filter_bar.show_state(self.state, extent, self.anchor, self.language.code, bool(self.history))
        for view in self.views.values():
            if isinstance(view, ChannelView):
                view.show_channels(channel_options(extent), self.state.channels)

    def set_privacy(self, on: bool) -> None:
        """Privacy mode for screen sharing (toolbar, View menu, Ctrl+Shift+P)."""
        on = bool(on)
        self.privacy = on
        self.actions_.privacy.setChecked(on)
        self.privacy_banner.show_on(on)
        if self.desk is not None:
            self.desk.privacy = on
            privacy_state.of(self.desk).set_enabled(on)
            self._show_filters(self.desk.prefs.extent)
            self._show_extent(self.desk.prefs.extent)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.actions_.import_paths(paths)

    def closeEvent(self, event) -> None:
        self.qsettings.setValue("view_state", self.state.to_json())
        super().closeEvent(event)
