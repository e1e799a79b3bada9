"""The summary after an import: per file, the rows read, loaded, duplicated, rejected
and ignored (per reason), a warning with the first reasons when many rows were
rejected, the key that told records apart, and every column of the file with the
field it fed, how sure the match was and how its values were read — or "not used".

The figures are the files' ``ImportReport`` (``core.ingest.accounting`` fills the
columns and ignored reasons); core's words are said in the user's language
(:mod:`.words`). Non-modal: the desk refreshes behind it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core import formatting
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import words

COLUMNS = [
    QT_TRANSLATE_NOOP("Import", "Column in the file"),
    QT_TRANSLATE_NOOP("Import", "Field"),
    QT_TRANSLATE_NOOP("Import", "Confidence"),
    QT_TRANSLATE_NOOP("Import", "Read as"),
]


def tr(text: str) -> str:
    return translate("Import", text)


def report_lines(report, lang: str) -> list[str]:
    """What one imported file did, in sentences (counts, ignored per reason, warning, key)."""
    n = lambda v: formatting.number(v, 0, lang)
    lines = [
        translate("Import", "{file}: {read} rows read, {loaded} loaded, {dup} duplicates, {rej} rejected").format(
            file=Path(report.file).name,
            read=n(report.rows_read),
            loaded=n(report.loaded),
            dup=n(report.duplicate),
            rej=n(report.rejected),
        )
    ]
    for reason, count in sorted(report.ignored_reasons.items(), key=lambda kv: -kv[1]):
        lines.append(
            translate("Import", "  {n} rows ignored: {reason}").format(n=n(count), reason=words.reason(reason))
        )
    for warning in report.warnings:
        if words.is_reject_warning(warning):  # many rows rejected: the share and the first reasons
            if not report.rows_read:
                continue
            share = formatting.number(round(100 * report.rejected / report.rows_read), 0, lang)
            share += "\u202f%" if lang == "fr" else "%"
            reasons = list(dict.fromkeys(words.reason(r) for _line, r in report.rejects))[:3]
            lines.append(
                translate("Import", "  Warning: {rej} of {read} rows rejected ({share}): {reasons}").format(
                    rej=n(report.rejected),
                    read=n(report.rows_read),
                    share=share,
                    reasons=translate("Import", "; ").join(reasons),
                )
            )
        else:  # another warning (no creation time, calls imported twice…), as core says it
            lines.append(translate("Import", "  Warning: {text}").format(text=words.warning(warning)))
    said = {
        "abandoned": translate(
            "Import", "  This file cannot say that a contact was abandoned: no abandon rate from its contacts."
        ),
        "flowout": translate(
            "Import", "  This file cannot say that a call flowed out: no flow-out count from its calls."
        ),
    }
    lines += [said[o] for o in report.unsaid if o in said]
    if report.key:
        lines.append(translate("Import", "  Records told apart by: {key}").format(key=words.key(report.key)))
    if report.recognised:
        lines.append("  " + words.recognised(report.recognised))
    return lines


class ImportSummaryDialog(QDialog):
    """``lines``: the sentences above the tables (failed files' messages included)."""

    def __init__(self, reports, lines: list[str], parent: QWidget | None = None, *, lang: str = "en"):
        super().__init__(parent)
        self.reports, self.lang = reports, lang
        self.setWindowTitle(translate("Import", "Import finished"))
        layout = QVBoxLayout(self)
        self.text = QLabel("\n".join(lines))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.tabs = QTabWidget()
        self.tables: list[QTableWidget] = []
        for report in reports:
            if report.columns:
                table = self._columns(report)
                self.tables.append(table)
                self.tabs.addTab(table, translate("Import", "Columns of {file}").format(file=Path(report.file).name))
        layout.addWidget(self.tabs, 1)
        self.tabs.setVisible(bool(self.tables))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(translate("Import", "Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560 if self.tables else 220)

    def _columns(self, report) -> QTableWidget:
        table = QTableWidget(len(report.columns), len(COLUMNS))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalHeaderLabels([tr(t) for t in COLUMNS])
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for r, use in enumerate(report.columns):
            conf = use.get("confidence")
            said = "" if conf is None else formatting.number(round(conf * 100), 0, self.lang)
            if said:
                said += "\u202f%" if self.lang == "fr" else "%"
            cells = [use["column"], words.field_of(use.get("field")), said, words.rule(use.get("rule"))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and use.get("field"):
                    item.setToolTip(use["field"])  # the field id, as profiles write it
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        return table
