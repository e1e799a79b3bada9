"""Report › Service report…, Report › Comments on the figures…, and the trends' Why?.

Kept apart from ``window_actions`` (the file, view and tools menus): it adds its own
menu to the main window, retranslates with it, and wires each tab's Why? (the
trend's button, a tile's right-click) and a tile's "Comment on this figure" once a
database is open. The report and the breakdown run as jobs.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from kpidesk.core.dashboard import periods
from kpidesk.ui import privacy_state
from kpidesk.ui.i18n import translate
from kpidesk.ui.tasks import TaskRunner

TEXT = {
    "menu": QT_TRANSLATE_NOOP("ServiceMenu", "&Report"),
    "service": QT_TRANSLATE_NOOP("ServiceMenu", "Service report (PDF, XLSX)…"),
    "comments": QT_TRANSLATE_NOOP("ServiceMenu", "Comments on the figures…"),
}


def write_service_report(inputs, state):
    """The job: gather the figures, then write the PDF or the workbook."""
    store, engine, filters, compare, path, lang, privacy = inputs
    from kpidesk.core.service import build

    report = build(engine, filters, compare[0], compare[1], progress=state.set_progress)
    if path.lower().endswith(".xlsx"):
        from kpidesk.pdf.service_xlsx import build_service_xlsx

        return build_service_xlsx(store, report, path, lang, privacy), report.empty
    from kpidesk.pdf.service_report import build_service_pdf

    return build_service_pdf(store, report, path, lang, privacy).path, report.empty


class ServiceMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.menu = window.menuBar().addMenu("")
        self.service = QAction(window)
        self.comments = QAction(window)
        self.service.triggered.connect(self.choose_service_report)
        self.comments.triggered.connect(lambda: self.open_comments())
        self.menu.addAction(self.service)
        self.menu.addAction(self.comments)
        self.runner = TaskRunner(self, pool="read")
        self.runner.task_finished.connect(self._written)
        self.runner.task_failed.connect(
            lambda m: window.statusBar().showMessage(
                translate("ServiceMenu", "Report not written: {reason}").format(reason=m), 10000
            )
        )
        window.language.language_changed.connect(self.retranslate)
        window.database_opened.connect(self._wire_views)
        self.dialogs: list = []
        self.retranslate()

    def retranslate(self, *_args) -> None:
        self.menu.setTitle(translate("ServiceMenu", TEXT["menu"]))
        self.service.setText(translate("ServiceMenu", TEXT["service"]))
        self.comments.setText(translate("ServiceMenu", TEXT["comments"]))

    def _wire_views(self, _path: str) -> None:
        for view in self.w.views.values():
            signal = getattr(view, "why_requested", None)
            if signal is not None:
                signal.connect(self.open_why)
            tiles = getattr(view, "tiles", None)  # a tile's right-click: comment on this figure
            if tiles is not None:
                tiles.comment_requested.connect(lambda kpi, v=view: self.open_comments(kpi, v.channel))

    # -- periods -------------------------------------------------------------------------
    def _period(self):
        """The window's filters and the compare period (the previous one when the
        comparison is off: a change needs two periods)."""
        anchor = self.w.anchor
        filters = self.w.state.filters(anchor)
        compare = self.w.state.compare_period(anchor) or periods.compare(self.w.state.period(anchor), "previous")
        return filters, (compare.first, compare.last)

    # -- the service report ------------------------------------------------------------
    def choose_service_report(self) -> None:
        if self.w.desk is None:
            return
        name = f"service-report-{datetime.now():%Y%m%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            translate("ServiceMenu", "Service report"),
            name,
            translate("ServiceMenu", "PDF (*.pdf);;Excel workbook (*.xlsx)"),
        )
        if path:
            self.write(path)

    def write(self, path: str) -> None:
        desk = self.w.desk
        filters, compare = self._period()
        if not path.lower().endswith((".pdf", ".xlsx")):
            path += ".pdf"
        privacy = privacy_state.of(desk).enabled
        self.w.statusBar().showMessage(translate("ServiceMenu", "Writing the service report…"))
        self.runner.start(write_service_report, (desk.store, desk.engine, filters, compare, path, desk.lang, privacy))

    def _written(self, result) -> None:
        path, empty = result
        text = translate("ServiceMenu", "Service report written: {path}").format(path=path)
        if empty:
            text += " — " + translate("ServiceMenu", "the period holds no data")
        self.w.statusBar().showMessage(text, 15000)

    # -- comments and why ---------------------------------------------------------------
    def open_comments(self, kpi: str | None = None, channel: str | None = None):
        if self.w.desk is None:
            return None
        from kpidesk.ui.comments_dialog import CommentsDialog

        period = self.w.state.period(self.w.anchor)
        dialog = CommentsDialog(self.w.desk, self.w, kpi, period.first, period.last, channel)
        dialog.comments_changed.connect(self.w.refresh)
        dialog.show()
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        return dialog

    def open_why(self, kpi: str, scope: str | tuple[str, ...] = ()):
        """``scope``: a tab's key (the figures of that tab: its kinds of record, and the
        tickets tab's own channel filter), or channels (none: every channel)."""
        from kpidesk.core.dashboard.tabs import TABS, with_channels
        from kpidesk.ui.why_dialog import WhyDialog

        filters, compare = self._period()
        if isinstance(scope, str) and scope in TABS:
            filters = with_channels(self.w.request_for(scope).filters, TABS[scope])
        elif scope:
            filters = filters.narrowed(channels=tuple(scope))
        dialog = WhyDialog(self.w.desk, kpi, filters, compare, self.w)
        dialog.driver_chosen.connect(self._narrow_to)
        dialog.show()
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        return dialog

    def _narrow_to(self, dimension: str, value) -> None:
        from kpidesk.ui.why_dialog import NARROWS

        state = self.w.state
        if dimension == "hour_of_day":  # that hour across the period (of the cell's weekday, if one is set)
            self.w.narrow(state.in_cell(state.weekday, int(value)))
        elif dimension == "weekday":  # ISO 1 = Monday; the view state counts from 0
            self.w.narrow(state.in_cell(int(value) - 1, state.hour))
        elif dimension == "channel":
            if str(value) in ("phone", "email", "chat", "bot"):  # the tabs there are
                self.w.show_channel(str(value))
        elif dimension in NARROWS:
            self.w.narrow(self.w.state.changed(**{NARROWS[dimension]: (str(value),)}))
