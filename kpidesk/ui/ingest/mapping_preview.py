"""The mapping dialog's preview: how many rows the import would load and why the
others would not, and the first rows as they will load."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem

from kpidesk.core import formatting
from kpidesk.core.ingest import preview
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import words
from kpidesk.ui.ingest.field_labels import field_label, value_label
from kpidesk.ui.ingest.mapping_words import tr


def preview_job(inputs, state):
    """The first rows as they will load, and the counts over the file (worker thread).
    A survey file's score column gives the scale (its type, minimum and maximum)."""
    path, data, sheet, timezone, score, period = inputs
    scale = preview.score_scale(path, score, sheet=sheet, read=data.get("read")) if score else None
    if scale is not None:
        data = dict(data, fields={**data["fields"], **_scale_fields(scale)})
    return "previewed", (preview.preview(path, data, sheet=sheet, timezone=timezone, period=period), scale)


def _scale_fields(scale) -> dict:
    kind, lo, hi = scale
    return {"survey_type": {"value": kind}, "scale_min": {"value": lo}, "scale_max": {"value": hi}}


class PreviewTable:
    """The counts and the first rows as they will load (a part of ``MappingDialog``)."""

    def _show_preview(self, pv, emit: bool = True) -> None:
        self._pending = False
        self.last_preview = pv
        if pv.missing:
            self._say("missing", {"missing": pv.missing})
            self._set_enabled(False)
            self._fill_linked(None)
            return
        keys = [QT_TRANSLATE_NOOP("Mapping", "Line"), *pv.columns, QT_TRANSLATE_NOOP("Mapping", "Rejected because")]
        self.preview.setColumnCount(len(keys))
        for c, key in enumerate(keys):
            head = QTableWidgetItem(tr(key) if c in (0, len(keys) - 1) else field_label(key))
            if 0 < c < len(keys) - 1:
                head.setToolTip(key)  # the field id, as profiles write it
            self.preview.setHorizontalHeaderItem(c, head)
        self.preview.setRowCount(len(pv.rows))
        red = QBrush(QColor("#fde2e1"))
        for r, (line, row, reason) in enumerate(zip(pv.lines, pv.rows, pv.reasons)):
            said_reason = self.shown(words.reason(reason)) if reason else ""
            cells = [str(line)] + [self._cell(v, col) for v, col in zip(row, pv.columns)] + [said_reason]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if reason:
                    item.setBackground(red)
                    item.setToolTip(said_reason)
                elif 0 < c < len(cells) - 1 and text != str(row[c - 1]) and isinstance(row[c - 1], str):
                    item.setToolTip(self.shown(row[c - 1], pv.columns[c - 1]))  # the code as stored
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.counts.setText(self.counts_text(pv))
        if self.proposal is not None:
            self._label_fields()
        self._fill_linked(pv)
        linked_problem = self.linked_problem(pv)
        if linked_problem and pv.loading:  # answers off their scale would make wrong figures: refused
            self._set_enabled(False)
            self._say("blocked", {"text": linked_problem})
        elif pv.loading == 0:
            # Nothing would load: Import (and saving the mapping as a profile) stay refused.
            self._set_enabled(False)
            first = pv.why[0][0] if pv.why else ""
            self._say(
                QT_TRANSLATE_NOOP(
                    "Mapping",
                    "Import is not possible: none of the {n} rows would load ({reason}). "
                    "Change the columns, formats or values first.",
                ),
                {"n": self._n(pv.total), "reason": words.reason(first)},
            )
        else:
            self._set_enabled(True)
            self._say(QT_TRANSLATE_NOOP("Mapping", "Ready to import."), {})
        if emit:
            self.preview_refreshed.emit(pv)

    def counts_text(self, pv) -> str:
        """How many rows would load and why the others would not (the first reasons)."""
        n = self._n
        text = (
            translate("Mapping", "{loading} of the first {total} rows would load").format(
                loading=n(pv.loading), total=n(pv.total)
            )
            if pv.capped
            else translate("Mapping", "{loading} of {total} rows would load").format(
                loading=n(pv.loading), total=n(pv.total)
            )
        )
        parts = [text]
        if pv.rejected:
            parts.append(translate("Mapping", "{n} rejected").format(n=n(pv.rejected)))
        if pv.ignored:
            parts.append(translate("Mapping", "{n} ignored").format(n=n(pv.ignored)))
        if pv.duplicates:
            parts.append(
                translate("Mapping", "{n} repeat another row (same key: {key})").format(
                    n=n(pv.duplicates), key=words.key(pv.key)
                )
            )
        lines = [translate("Mapping", "; ").join(parts) + "."]
        for why, count in pv.ignored_why[:3]:
            lines.append(translate("Mapping", "• {reason}: {n} rows").format(reason=words.reason(why), n=n(count)))
        for why, count, example in pv.why[:4]:
            line = translate("Mapping", "• {reason}: {n} rows").format(reason=words.reason(why), n=n(count))
            if example:
                line += " " + translate("Mapping", "(e.g. {value})").format(value=self.shown(example))
            lines.append(line)
        return "\n".join(lines)

    def _cell(self, value, column: str) -> str:
        """A previewed value in the user's words, masked in privacy mode (text values)."""
        text = self._text(value, column)
        return self.shown(text, column) if isinstance(value, str) else text

    def _text(self, value, column: str = "") -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value_label(column, value)
        if isinstance(value, datetime):
            return formatting.day(value, self.lang, with_time=True) + value.strftime(":%S")
        if isinstance(value, bool):
            return translate("Mapping", "yes") if value else translate("Mapping", "no")
        if isinstance(value, float):
            return formatting.number(value, 0 if value.is_integer() else 2, self.lang)
        if column == "interval_s" and isinstance(value, int) and value >= 86400 and value % 86400 == 0:
            return translate("Mapping", "{n} days").format(
                n=self._n(value // 86400)
            )  # a period given for a report without dates
        return str(value)
