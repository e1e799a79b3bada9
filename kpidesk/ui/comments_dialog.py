"""Comments on the figures in the app: list, add, edit, delete; markers on trends.

A team lead writes why a KPI moved over a period (a day, a week, any range; a
channel, queue, site or agent optionally — agents named as privacy mode shows them) and what is done about it. Reads and writes run
as jobs (``TaskRunner``), never on the GUI thread; the trend charts show each
comment as a star on its first day, its text on hover (masked in privacy mode).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kpidesk.core import comments, formatting
from kpidesk.ui import i18n, privacy_state
from kpidesk.ui.i18n import translate
from kpidesk.ui.tasks import TaskRunner

CHANNELS = ("phone", "email", "chat", "bot")
CHANNEL_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Comments", "Phone"),
    "email": QT_TRANSLATE_NOOP("Comments", "Email"),
    "chat": QT_TRANSLATE_NOOP("Comments", "Chat"),
    "bot": QT_TRANSLATE_NOOP("Comments", "Bot"),
}
HEADS = (
    QT_TRANSLATE_NOOP("Comments", "#"),
    QT_TRANSLATE_NOOP("Comments", "KPI"),
    QT_TRANSLATE_NOOP("Comments", "Period"),
    QT_TRANSLATE_NOOP("Comments", "Comment"),
    QT_TRANSLATE_NOOP("Comments", "Scope"),
    QT_TRANSLATE_NOOP("Comments", "Owner"),
)


def comment_line(c: comments.Comment, privacy) -> str:
    """One comment as a line: its text, then the action and who carries it."""
    text = privacy.text(c.text) or ""
    if c.action:
        text += f" → {privacy.text(c.action)}"
        if c.owner:
            text += f" ({privacy.text(c.owner)})"
    return text


def comment_marks(found: list[comments.Comment], kpi: str | None, channel: str | None, privacy):
    """The (first day, text) markers of a trend: the KPI's comments on the channel
    shown or on all channels, whatever their queue, site or agent (named in the text)."""
    marks = []
    for c in found:
        if c.kpi != kpi or (c.channel and channel and c.channel != channel):
            continue
        scope = dict(c.scope)
        scope.pop("channel", None)
        if "agent" in scope:
            scope["agent"] = privacy.agent_name(scope["agent"])
        where = f"[{', '.join(scope.values())}] " if scope else ""
        marks.append((datetime.combine(c.date_from, datetime.min.time()), where + comment_line(c, privacy)))
    return marks


def mark_tiles(tiles: dict, found: list[comments.Comment], channel: str | None, privacy, lang: str) -> None:
    """A star after the title of each tile whose KPI has a comment on the period; the
    comments in its tooltip (after the tile's own). Call after the tiles are painted."""
    for kpi, tile in tiles.items():
        marks = comment_marks(found, kpi, channel, privacy)
        if not marks:
            continue
        tile.title.setText(f"{tile.title.text()} \u2605")
        lines = "\n".join(f"\u2605 {formatting.day(when.date(), lang)}: {text}" for when, text in marks)
        tile.setToolTip(f"{tile.toolTip()}\n\n{lines}" if tile.toolTip() else lines)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CommentsDialog(QDialog):
    """Every comment, newest period last, and a form to add or change one."""

    comments_changed = Signal()

    def __init__(
        self,
        desk,
        parent=None,
        kpi: str | None = None,
        first: date | None = None,
        last: date | None = None,
        channel: str | None = None,
    ):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(translate("Comments", "Comments on the figures"))
        self.resize(900, 560)
        self.reader = TaskRunner(self, pool="read")
        self.writer = TaskRunner(self, pool="write")
        self.reader.task_finished.connect(self._show)
        self.writer.task_finished.connect(lambda _r: (self.reload(), self.comments_changed.emit()))
        for runner in (self.reader, self.writer):
            runner.task_failed.connect(self.status_failed)
        self.items: list[comments.Comment] = []
        self.editing: int | None = None

        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._pick)

        self.kpi = QComboBox()
        for k in desk.engine.registry:
            self.kpi.addItem(k.label_for(desk.lang), k.id)
        today = date.today()
        self.first, self.last = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.first, self.last):
            edit.setDisplayFormat(i18n.day_format(desk.lang))
        self.first.setDate(_qdate(first or today))
        self.last.setDate(_qdate(last or first or today))
        self.channel = QComboBox()
        self.channel.addItem(translate("Comments", "All channels"), None)
        for c in CHANNELS:
            self.channel.addItem(translate("Comments", CHANNEL_LABELS[c]), c)
        self.queue, self.site = QLineEdit(), QLineEdit()
        self.agent = QComboBox()  # the agents the data knows, named as privacy mode shows them
        self.fill_agents()
        privacy_state.of(desk).privacy_changed.connect(self._privacy_changed)
        self.queue.setPlaceholderText(translate("Comments", "all queues"))
        self.site.setPlaceholderText(translate("Comments", "all sites"))
        self.text, self.action, self.owner = QLineEdit(), QLineEdit(), QLineEdit()
        self.text.setPlaceholderText(translate("Comments", "What happened: the why of the figure"))
        self.action.setPlaceholderText(translate("Comments", "What is done about it (optional)"))
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.first)
        period.addWidget(QLabel("–"))
        period.addWidget(self.last)
        period.addStretch(1)
        form.addRow(translate("Comments", "KPI"), self.kpi)
        form.addRow(translate("Comments", "Period"), period)
        form.addRow(translate("Comments", "Channel"), self.channel)
        form.addRow(translate("Comments", "Queue"), self.queue)
        form.addRow(translate("Comments", "Site"), self.site)
        form.addRow(translate("Comments", "Agent"), self.agent)
        form.addRow(translate("Comments", "Comment"), self.text)
        form.addRow(translate("Comments", "Action"), self.action)
        form.addRow(translate("Comments", "Owner"), self.owner)
        self.new_button = QPushButton(translate("Comments", "New"))
        self.save_button = QPushButton(translate("Comments", "Save"))
        self.delete_button = QPushButton(translate("Comments", "Delete"))
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.status = QLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        if kpi is not None:
            self.kpi.setCurrentIndex(max(self.kpi.findData(kpi), 0))
        if channel is not None:
            self.channel.setCurrentIndex(max(self.channel.findData(channel), 0))
        self.clear_form(keep_scope=True)
        self.reload()

    def fill_agents(self, keep: str | None = None) -> None:
        """All agents (the data's roster, already loaded with the desk's extent), sorted
        by the name shown: real names, or aliases in privacy mode; ``keep`` stays chosen."""
        keep = keep if keep is not None else self.agent.currentData()
        privacy = privacy_state.of(self.desk)
        known = dict(self.desk.prefs.extent.agents)
        if keep and keep not in known:
            known[keep] = None  # a comment on an agent no longer in the data
        shown = sorted(((privacy.agent_name(a, n), a) for a, n in known.items()), key=lambda x: x[0].casefold())
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItem(translate("Comments", "All agents"), None)
        for text, agent_id in shown:
            self.agent.addItem(text, agent_id)
        self.agent.setCurrentIndex(max(self.agent.findData(keep), 0) if keep else 0)
        self.agent.blockSignals(False)

    def _privacy_changed(self, _on: bool) -> None:
        self.fill_agents()
        self.reload()

    # -- data -------------------------------------------------------------------------
    def reload(self) -> None:
        self.reader.start(lambda store, _s: comments.find(store), self.desk.store)

    def _show(self, found: list[comments.Comment]) -> None:
        self.items = found
        privacy = privacy_state.of(self.desk)
        lang = self.desk.lang
        self.table.setHorizontalHeaderLabels([translate("Comments", h) for h in HEADS])
        self.table.setRowCount(len(found))
        registry = self.desk.engine.registry
        for row, c in enumerate(found):
            period = formatting.day(c.date_from, lang)
            if c.date_to != c.date_from:
                period += f" – {formatting.day(c.date_to, lang)}"
            scope = dict(c.scope)
            if "agent" in scope:
                scope["agent"] = privacy.agent_name(scope["agent"])
            label = registry[c.kpi].label_for(lang) if c.kpi in registry else c.kpi
            cells = [
                str(c.comment_id),
                label,
                period,
                comment_line(c, privacy),
                ", ".join(scope.values()) or translate("Comments", "whole service"),
                privacy.text(c.owner) or "",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        for col in (0, 1, 2, 4, 5):  # the comment takes the rest of the width
            self.table.resizeColumnToContents(col)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        one, other = translate("Comments", "{n} comment"), translate("Comments", "{n} comments")
        self.status.setText(i18n.plural(len(found), one, other, lang))

    def status_failed(self, message: str) -> None:
        self.status.setText(translate("Comments", "Could not save: {reason}").format(reason=message))

    # -- form -------------------------------------------------------------------------
    def clear_form(self, keep_scope: bool = False) -> None:
        self.editing = None
        self.table.clearSelection()
        for field in (self.text, self.action, self.owner) + (() if keep_scope else (self.queue, self.site)):
            field.clear()
        if not keep_scope:
            self.agent.setCurrentIndex(0)
        self.delete_button.setEnabled(False)
        self.text.setFocus()

    def _pick(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        c = self.items[rows[0].row()]
        self.editing = c.comment_id
        self.kpi.setCurrentIndex(max(self.kpi.findData(c.kpi), 0))
        self.first.setDate(_qdate(c.date_from))
        self.last.setDate(_qdate(c.date_to))
        self.channel.setCurrentIndex(max(self.channel.findData(c.channel), 0))
        self.queue.setText(c.queue or "")
        self.site.setText(c.site or "")
        self.fill_agents(keep=c.agent_id or "")
        self.text.setText(c.text)
        self.action.setText(c.action or "")
        self.owner.setText(c.owner or "")
        self.delete_button.setEnabled(True)

    def values(self) -> dict:
        return dict(
            kpi=self.kpi.currentData(),
            date_from=_date(self.first.date()),
            date_to=_date(self.last.date()),
            channel=self.channel.currentData() or "",
            queue=self.queue.text(),
            site=self.site.text(),
            agent_id=self.agent.currentData() or "",
            text=self.text.text(),
            action=self.action.text(),
            owner=self.owner.text(),
        )

    def save(self) -> None:
        v = self.values()
        if not v["text"].strip():
            self.status.setText(translate("Comments", "A comment needs some text."))
            return
        if v["date_to"] < v["date_from"]:
            self.status.setText(translate("Comments", "The period ends before it starts."))
            return
        editing = self.editing
        if editing is None:
            self.writer.start(lambda a, _s: comments.add(a[0], **a[1]), (self.desk.store, v))
        else:
            self.writer.start(lambda a, _s: comments.update(a[0], a[1], **a[2]), (self.desk.store, editing, v))
        self.clear_form(keep_scope=True)

    def delete(self) -> None:
        if self.editing is not None:
            self.writer.start(lambda a, _s: comments.delete(*a), (self.desk.store, self.editing))
            self.clear_form()
