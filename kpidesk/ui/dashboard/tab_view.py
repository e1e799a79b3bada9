"""What every tab shares: a task runner, a grid of KPI tiles, cards, busy state.

A tab receives a ``TabRequest`` from the window, loads it with ``load_tab`` off the
GUI thread (newest request wins) and paints the result; it emits ``kpis_computed``
when its figures are on screen. Clicks that narrow the view go up as signals — the
window owns the filters.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.dashboard.tabs import HEADLINE_CHANNEL, TABS, TabData, TabRequest, load_tab, scope
from kpidesk.ui.dashboard.tile import KpiTile
from kpidesk.ui.i18n import translate
from kpidesk.ui.tasks import TaskRunner


class SelectorCombo(QComboBox):
    """A card's KPI selector: as wide as its longest name when the card has room
    (``MAX_CHARS`` at most), narrower when it has not — the name chosen is then cut
    with "…" (never clipped mid-letter without a sign), said whole in the tooltip,
    and the list that drops down is wide enough for every name whole."""

    MAX_CHARS = 60  # its widest: a name longer than this is cut even where the card has room
    MIN_CHARS = 12  # the narrowest it gets: enough to tell the names apart

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(self.MIN_CHARS)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)

    def _widest(self) -> int:
        fm = self.fontMetrics()
        return max((fm.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)

    def _width_for(self, text_width: int) -> int:
        """The combo's width around ``text_width`` pixels of text (frame, arrow)."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        inner = QSize(text_width, self.fontMetrics().height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, inner, self).width()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        cap = self.fontMetrics().averageCharWidth() * self.MAX_CHARS
        hint.setWidth(max(self.minimumSizeHint().width(), self._width_for(min(self._widest(), cap)) + 4))
        return hint

    def elided(self) -> str:
        """The name chosen as drawn: whole, or cut with "…" to the room it has."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, field.width())

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.elided()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            if self.elided() != self.currentText():  # cut: the tooltip says it whole
                QToolTip.showText(event.globalPos(), self.currentText(), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def showPopup(self) -> None:
        """The list as wide as its longest name (beyond the combo's own width)."""
        self.view().setMinimumWidth(self._widest() + 2 * self.view().frameWidth() + 24)
        super().showPopup()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()


class Card(QFrame):
    """A titled panel; ``header`` holds the card's own selectors."""

    def __init__(self, body: QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = QLabel(objectName="SectionTitle")
        self.header = QHBoxLayout()
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(self.header)
        layout.addWidget(body)
        self.body = body

    def add_selector(self, combo: QComboBox) -> None:
        """A selector in the card's header: a :class:`SelectorCombo` keeps its own
        sizing (cut with "…" when the card is narrow); any other combo fits its names."""
        if not isinstance(combo, SelectorCombo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.header.addWidget(combo)


def fill_combo(combo: QComboBox, items: list[tuple[str, str]], current: str | None) -> None:
    """Offer ``items`` (key, text) with ``current`` chosen; untouched when already so
    (refilling resizes the combo and re-lays out its card on every refresh)."""
    shown = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    if shown == list(items):
        index = max(combo.findData(current), 0)
        if combo.currentIndex() != index:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        return
    combo.blockSignals(True)
    combo.clear()
    for key, text in items:
        combo.addItem(text, key)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)  # the list's names whole
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    combo.updateGeometry()  # a SelectorCombo's width follows its longest name


def figure_channels(data: TabData) -> tuple[str, ...]:
    """The channels a tab's figures were computed over (its own, else the filter's;
    none: every channel), which a KPI spanning several channels says in its label."""
    return scope(data.request.filters, TABS[data.request.tab])


class TileGrid(QWidget):
    """The tab's KPI tiles in two rows of four (five when there are more); clicking
    one selects it for the trend. Right-clicking one offers "Why?" (what changed
    against the compare period) and a comment on the figure; the view passes them on
    with its channels. ``optional`` tiles wait hidden until the figures say the
    database holds their answers (:attr:`TabData.hidden`)."""

    tile_clicked = Signal(str)
    why_requested = Signal(str)  # KPI id
    comment_requested = Signal(str)  # KPI id

    def __init__(self, kpis: tuple[str, ...], columns: int = 4, parent=None, optional: tuple[str, ...] = ()):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.columns = columns
        self.tiles: dict[str, KpiTile] = {}
        self.shown: tuple[str, ...] = ()
        for kpi in kpis:
            tile = KpiTile(kpi, self)
            tile.tile_clicked.connect(self.tile_clicked)
            tile.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            tile.customContextMenuRequested.connect(
                lambda pos, t=tile: self.context_menu(t.kpi_id).popup(t.mapToGlobal(pos))
            )
            tile.installEventFilter(self)  # its height follows its width (see _fit)
            self.tiles[kpi] = tile
        self.show_only(tuple(k for k in kpis if k not in optional))

    def show_only(self, kpis: tuple[str, ...]) -> None:
        """Lay out these tiles, in order, and hide the others (nothing moves when the
        set is the one already shown)."""
        if kpis == self.shown:
            return
        self.shown = kpis
        columns = max(self.columns, -(-len(kpis) // 2))  # two rows at most
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for i, kpi in enumerate(kpis):
            self.grid.addWidget(self.tiles[kpi], i // columns, i % columns, Qt.AlignmentFlag.AlignTop)
        for kpi, tile in self.tiles.items():
            tile.setVisible(kpi in kpis)
        for c in range(max(columns, self.grid.columnCount())):  # equal columns, whatever each tile's text
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def eventFilter(self, tile, event) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(tile, KpiTile):
            self._fit(tile)
        return False

    def fit_heights(self) -> None:
        for kpi in self.shown:
            self._fit(self.tiles[kpi])

    @staticmethod
    def _fit(tile: KpiTile) -> None:
        """The tile as tall as its wrapped title and reason need at its width: laid out
        at its one-line size hint, a long French title beside its status on a five-tile
        row of a laptop would be cut."""
        need = tile.heightForWidth(tile.width())
        if need > 0 and tile.minimumHeight() != need:
            tile.setMinimumHeight(need)

    def context_menu(self, kpi: str) -> QMenu:
        """The tile's right-click menu: Why?, Comment on this figure."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        why = menu.addAction(translate("Tile", "Why? What changed against the compare period"))
        why.triggered.connect(lambda: self.why_requested.emit(kpi))
        note = menu.addAction(translate("Tile", "Comment on this figure…"))
        note.triggered.connect(lambda: self.comment_requested.emit(kpi))
        return menu

    def select(self, kpi: str) -> None:
        for key, tile in self.tiles.items():
            tile.set_selected(key == kpi)

    def paint(self, desk, data: TabData, channel: str | None) -> None:
        channels = figure_channels(data)
        self.show_only(tuple(k for k in self.tiles if k not in data.hidden))
        for kpi_id in self.shown:
            tile = self.tiles[kpi_id]
            kpi = desk.engine.registry[kpi_id]
            value = data.tiles.get(kpi_id)
            where = channel or HEADLINE_CHANNEL.get(kpi_id)
            spark = [v for _, v in data.trend.get(kpi_id, [])]
            # the acronym, and the channels the figure covers when the KPI spans several
            notes = ", ".join(n for n in (desk.short(kpi_id), kpi.scope_for(channels, desk.lang)) if n)
            title = kpi.label_for(desk.lang) + (f" ({notes})" if notes else "")
            tile.show_value(
                title,
                value,
                data.compare_tiles.get(kpi_id),
                kpi.unit,
                kpi.better,
                desk.status(kpi_id, value.value if value else None, where),
                spark,
                desk.lang,
                desk.tooltip(kpi_id, where),
            )
        self.fit_heights()


class TabView(QWidget):
    kpis_computed = Signal(str)
    agent_selected = Signal(str)
    agent_clicked = Signal(str)
    bucket_clicked = Signal(object, str)  # datetime, granularity
    cell_clicked = Signal(int, int)  # weekday (0 = Monday), hour
    channel_clicked = Signal(str)
    channels_chosen = Signal(tuple)  # the channels of tickets the tickets tab is narrowed to
    busy_changed = Signal(bool)
    load_failed = Signal(str)

    def __init__(self, desk, key: str, parent=None):
        super().__init__(parent)
        self.desk, self.key, self.spec = desk, key, TABS[key]
        self.channel = self.spec.channels[0] if self.spec.channels else None
        self.request: TabRequest | None = None
        self.data: TabData | None = None
        self.runner = TaskRunner(self)
        self.runner.task_finished.connect(self._loaded)
        self.runner.task_failed.connect(self.load_failed)
        self.runner.task_failed.connect(lambda *_: self._release_charts())  # the charts say what they can
        self.runner.busy_changed.connect(self._runner_busy)
        self._paint_token = 0
        self._painting = False
        self._needs_paint = False
        self._held: list[QGraphicsView] | None = None  # charts not drawn yet (see _hold_charts)
        self.content = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Always there: a scroll bar appearing when the figures arrive would narrow
        # every chart by its width, and re-lay out and repaint the whole tab.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(10, 10, 10, 10)
        self.body.setSpacing(10)
        self.empty_label = QLabel(objectName="Muted")
        self.body.addWidget(self.empty_label)
        self.empty_label.hide()

    # -- loading ------------------------------------------------------------------------
    def load(self, request: TabRequest) -> None:
        self.request = request
        self._stop_painting()  # whatever is half painted is older than this request
        self._hold_charts()  # the old figures are not drawn again: the new ones will be, a chart per turn
        self.runner.start(load_tab, (self.desk.engine, request))

    def reload(self, **changes) -> None:
        if self.request is not None:
            self.load(replace(self.request, **changes))

    @property
    def busy(self) -> bool:
        """Figures are loading, or a loaded result is still being painted."""
        return self.runner.busy or self._painting

    def _runner_busy(self, _busy: bool) -> None:
        self.busy_changed.emit(self.busy)

    def _loaded(self, data: TabData) -> None:
        self.data = data
        self._paint_in_slices()

    # -- painting in slices ---------------------------------------------------------
    def _paint_in_slices(self) -> None:
        """Paint the loaded data a step per event-loop turn, so a big tab never holds
        the loop for long (input and the busy indicator keep moving); the first step
        is painted at once. ``kpis_computed`` once the last step is on screen. A newer
        request, or a newer paint, stops this one where it is."""
        self._paint_token += 1
        self._needs_paint = False
        steps = list(self.paint_steps())
        steps += [self._release_chart] * len(self._held or [])  # each held chart drawn in its own turn
        if not self._painting:
            self._painting = True
            self.busy_changed.emit(True)
        self._paint_next(steps, self._paint_token)

    def _paint_next(self, steps: list, token: int) -> None:
        if token != self._paint_token or self.data is None:
            return  # stopped, or a newer paint took over
        steps.pop(0)()
        if steps:
            # 1 ms, not 0: a zero-delay single shot is a posted event, run in the same
            # pass as the paint it follows; a timer lets input and other timers in first.
            QTimer.singleShot(1, self, lambda: self._paint_next(steps, token))
            return
        self._painting = False
        self.busy_changed.emit(self.busy)
        self.kpis_computed.emit(self.key)

    def _hold_charts(self) -> None:
        """Until the figures of the request under way are painted, the tab's charts
        are not drawn: a tab shown before its first figures, or shown stale (its
        filters changed while hidden), drew every plot (axes, grids, old figures) in
        one turn and held the loop. Its tiles and cards show at once; each chart is
        drawn in its own turn once the new figures are painted (``_release_chart``)."""
        self._held = list(self.content.findChildren(QGraphicsView))
        for view in self._held:
            view.setUpdatesEnabled(False)

    def mark_stale(self) -> None:
        """Its figures no longer match the filters (it loads when next shown): a hidden
        tab stops drawing its charts now, so showing it does not first draw every
        plot with the old figures in one turn."""
        if not self.isVisible():
            self._hold_charts()

    def _release_chart(self) -> None:
        if self._held:
            self._held.pop(0).setUpdatesEnabled(True)

    def _release_charts(self) -> None:
        while self._held:
            self._release_chart()

    def _stop_painting(self) -> None:
        self._paint_token += 1
        if self._painting:
            self._painting = False
            self.busy_changed.emit(self.busy)

    def repaint_soon(self) -> None:
        """Repaint the loaded data (new language, new theme): now, in slices, if the
        tab is on screen; else when it is next shown."""
        if self.data is None:
            return
        if self.isVisible():
            self._paint_in_slices()
        else:
            self._stop_painting()
            self._needs_paint = True

    def showEvent(self, event) -> None:
        if self.data is None and self._held is None:
            self._hold_charts()  # first show, figures not loaded yet
        super().showEvent(event)
        if self._needs_paint:  # after the window's reaction to the switch (a load cancels this)
            QTimer.singleShot(0, self, self._paint_if_needed)

    def _paint_if_needed(self) -> None:
        if self._needs_paint and not self.runner.busy and self.isVisible():
            self._paint_in_slices()

    # -- painting (subclasses) ----------------------------------------------------------
    def paint_steps(self) -> list:
        """The painting of a loaded ``TabData``, as a list of small callables."""
        raise NotImplementedError

    def paint(self) -> None:
        """Paint everything at once (privacy mode must not leave a name on screen
        for even one turn of the loop)."""
        self._stop_painting()
        self._needs_paint = False
        for step in self.paint_steps():
            step()
        self._release_charts()

    def retranslate(self) -> None:
        self.repaint_soon()

    def restyle(self) -> None:
        self.repaint_soon()

    def export_table(self):
        """The agent table shown, if any (for File › Export)."""
        return None

    def export_chart(self) -> QWidget | None:
        return None

    def chart_caption(self) -> tuple[str, list]:
        """The exported chart's title (the figure, the KPI; the window adds the tab)
        and legend (``export.LegendEntry``)."""
        return "", []

    def title(self) -> str:
        return translate("Tabs", self.key)

    def with_time(self) -> bool:
        return self.request is not None and self.request.granularity in ("15min", "hour")

    def emit_bucket(self, when: datetime) -> None:
        if self.request is not None:
            self.bucket_clicked.emit(when, self.request.granularity)
