"""The mapping dialog's values table: the distinct values of the coded columns
(outcome, status, channel, direction, state, yes/no flags, an event log's activities),
most frequent first, each with the code it becomes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidgetItem

from kpidesk.core.ingest import preview
from kpidesk.core.ingest.values import FALSE_WORDS, TRUE_WORDS
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest.mapping_words import FLAG_CODES, KEEP, code_label, name_of, tr


def values_job(inputs, state):
    """The distinct values of the coded columns (worker thread)."""
    path, columns, sheet, read, empty = inputs
    return "values", preview.distinct_values(path, columns, sheet=sheet, read=read, empty=empty)


class ValuesTable:
    """The coded columns' values and their codes (a part of ``MappingDialog``)."""

    def flags(self) -> list[str]:
        """The yes/no fields of the kind's table (transferred, resolved, reopened…)."""
        return list(getattr(self.inspection, "flags", []) or [])

    def coded_columns(self) -> dict[str, str]:
        """Column → coded field (outcome, status, channel, direction, state) or yes/no
        field it feeds: their values are listed, a target each."""
        coded = set(preview.CODED) | set(self.flags())
        return {c: f for c, combo in self.combos.items() if (f := combo.currentData()) in coded}

    def _ask_values(self) -> None:
        coded = self.coded_columns()
        wanted = [c for c in coded if c not in self.values]
        if wanted:
            empty = tuple(c for c in wanted if coded[c] in self.flags())  # an empty flag may mean "no"
            self.values_runner.start(values_job, (self.path, wanted, self.sheet_name(), self._read(), empty))
        self._fill_values()

    def _show_values(self, listed) -> None:
        if self._inspecting:  # values of the file as it was read before: asked again
            return
        self.values.update(listed)
        self._fill_values()
        self.values_listed.emit(listed)
        self._refresh()

    def _guess_map(self, col: str, field: str) -> dict[str, str]:
        g = self.proposal.fields.get(field)
        return {str(k).lower(): v for k, v in (g.map or {}).items()} if g and g.column == col else {}

    def _codes(self, field: str) -> list[str]:
        if field == "event.activity":
            return preview.activity_roles(self.kind)
        return list(FLAG_CODES) if field in self.flags() else list(preview.CODED[field])

    @staticmethod
    def flag_reading(value: str) -> str:
        """What the import's own yes/no words make of ``value`` ("true", "false", or KEEP:
        not read — an empty cell is unknown)."""
        low = value.lower()
        return "true" if low in TRUE_WORDS else "false" if low in FALSE_WORDS and low else KEEP

    def target_of(self, col: str, field: str, value: str) -> str:
        """The code ``value`` of ``col`` becomes (KEEP: kept as written)."""
        if (col, value) in self.targets:
            return self.targets[(col, value)]
        if field in self.flags():
            return self._guess_map(col, field).get(value.lower()) or self.flag_reading(value)
        code = self._guess_map(col, field).get(value.lower())
        if code is None and field == "event.activity":
            code = preview.activity_role(value, self.kind)  # the event log's default names
        if code is None and value.lower() in preview.CODED[field]:
            code = value.lower()
        return code or KEEP

    def _fill_values(self) -> None:
        rows = [
            (col, field, value, n)
            for col, field in self.coded_columns().items()
            for value, n in self.values.get(col, ([], 0))[0]
        ]
        self.value_table.setRowCount(len(rows))
        self.value_combos = {}
        for r, (col, field, value, n) in enumerate(rows):
            cells = [
                f"{name_of(field, self.kind)} ({col})",
                self.shown(value, field, col) if value else translate("Mapping", "(empty)"),
                self._n(n),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.value_table.setItem(r, c, item)
            combo = QComboBox()
            if field in self.flags():
                combo.addItem(
                    translate("Mapping", "left empty")
                    if not value
                    else translate("Mapping", "not read (row rejected)"),
                    KEEP,
                )
            else:
                combo.addItem(
                    translate("Mapping", "another event")
                    if field == "event.activity"
                    else translate("Mapping", "kept as written"),
                    KEEP,
                )
            for code in self._codes(field):
                label = tr(FLAG_CODES[code]) if field in self.flags() else code_label(field, code)
                combo.addItem(label, code)
                combo.setItemData(combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(self.target_of(col, field, value))))
            combo.currentIndexChanged.connect(lambda _i, k=(col, value), cb=combo: self._target_changed(k, cb))
            self.value_table.setCellWidget(r, 3, combo)
            self.value_combos[(col, value)] = combo
        self.value_table.resizeColumnToContents(0)
        self.value_table.resizeColumnToContents(2)
        self.value_table.setColumnWidth(3, max(170, self.value_table.columnWidth(3)))

    def _target_changed(self, key: tuple[str, str], combo: QComboBox) -> None:
        self.targets[key] = combo.currentData()
        self._refresh()

    def set_target(self, column: str, value: str, code: str | None) -> None:
        """What ``value`` of ``column`` becomes (None: kept as written), as the user does."""
        combo = self.value_combos[(column, value)]
        combo.setCurrentIndex(max(0, combo.findData(code or KEEP)))
