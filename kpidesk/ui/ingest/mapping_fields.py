"""The mapping dialog's columns table: every column of the file, a few of its values,
the field it feeds (proposed by core, or chosen), the confidence and how its values
are read; and the fields mapping the user made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QTableWidgetItem

from kpidesk.core import formatting
from kpidesk.core.ingest import headers, preview
from kpidesk.core.ingest.proposal import PRIMARY_TIME
from kpidesk.core.ingest.synonyms import TABLE_HINTS
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import words
from kpidesk.ui.ingest.mapping_words import KEEP, LINKED_LABELS, TIME_SUFFIX, name_of, tr


class FieldsTable:
    """The columns and their fields (a part of ``MappingDialog``)."""

    def field_choices(self) -> list[str]:
        """The fields a column may feed, for the kind of file chosen (required first)."""
        prop = self.proposal
        if self.kind in preview.EVENT_KINDS:
            return preview.event_fields(self.kind)
        hinted = list(TABLE_HINTS.get(prop.table, {}).get("fields", []))
        names = preview.required_fields(prop.table) + hinted + list(getattr(self.inspection, "fields", []))
        names += [f for f in prop.fields if f not in preview.LINKED_FIELDS]
        names = [n for n in dict.fromkeys(names) if n != "source_key" and n not in prop.constants] + ["source_key"]
        if self.kind in ("calls", "tickets", "chats") and "channel" not in names:
            names.append("channel")
        primary = PRIMARY_TIME.get(prop.table)
        if primary in names:
            names.insert(names.index(primary) + 1, primary + TIME_SUFFIX)
        if prop.table == "contacts":  # a score per row: survey answers linked to the contacts, a field per question
            names += list(preview.LINKED_FIELDS)
        return names

    def _guessed(self) -> dict[str, tuple[str, float]]:
        """Column → (field, confidence) as core proposed them."""
        out: dict[str, tuple[str, float]] = {}
        for name, g in self.proposal.fields.items():
            out.setdefault(g.column, (name, g.confidence))
            if g.time:
                out.setdefault(g.time, (name + TIME_SUFFIX, g.confidence))
        return out

    def _fill_fields(self) -> None:
        prop = self.proposal
        choices = self.field_choices()
        required = set(self.required())
        guessed = self._guessed()
        self.fields.setRowCount(len(prop.columns))
        self.combos = {}
        for row, col in enumerate(prop.columns):
            item = QTableWidgetItem(col)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(row, 0, item)
            examples = QTableWidgetItem()
            examples.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(row, 1, examples)
            combo = QComboBox()
            combo.addItem("", None)
            bold = QFont()
            bold.setBold(True)
            for name in choices:
                combo.addItem("", name)
                if name in required:
                    combo.setItemData(combo.count() - 1, bold, Qt.ItemDataRole.FontRole)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(col, (None, 0))[0])))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._changed(c))
            self.fields.setCellWidget(row, 2, combo)
            self.combos[col] = combo
            for c in (3, 4):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.fields.setItem(row, c, cell)
        self._label_fields()

    def _choice_label(self, name: str | None) -> str:
        if name is None:
            return translate("Mapping", "not used")
        if name in LINKED_LABELS:
            return tr(LINKED_LABELS[name])
        base = name.removesuffix(TIME_SUFFIX)
        label = name_of(base, self.kind)
        if name.endswith(TIME_SUFFIX):
            label = translate("Mapping", "{field}: time of day only").format(field=label)
        return label + (" *" if name in self.required() else "")

    def required(self) -> list[str]:
        """The fields the kind of file cannot do without."""
        if self.kind in preview.EVENT_KINDS:
            return list(preview.EVENT_REQUIRED)
        return preview.required_fields(self.proposal.table)

    def _label_fields(self) -> None:
        """Fields and confidences in the user's words; the field id as tooltip (profiles use it)."""
        guessed = self._guessed()
        report = {c["column"]: c for c in (self.last_preview.columns_report if self.last_preview else [])}
        for row, col in enumerate(self.proposal.columns):
            shown = [self.shown(v, self._field_of_column(col), col) for v in self.inspection.examples.get(col, [])]
            self.fields.item(row, 1).setText(" · ".join(shown))
            combo = self.combos[col]
            for i in range(combo.count()):
                combo.setItemText(i, self._choice_label(combo.itemData(i)))
                combo.setItemData(i, combo.itemData(i) or "", Qt.ItemDataRole.ToolTipRole)
            name = combo.currentData()
            if col in self.chosen:
                conf = translate("Mapping", "chosen") if name else ""
            elif name and guessed.get(col, (None, 0))[0] == name:
                conf = self._percent(guessed[col][1])
            else:
                conf = ""
            self.fields.item(row, 3).setText(conf)
            said = report.get(col)
            if said and not self._pending:  # what the import would do under this mapping
                rule = words.rule(said["rule"])
            else:  # not previewed yet under this mapping
                rule = words.rule("not used") if name is None else ""
            self.fields.item(row, 4).setText(rule)
        self.fields.resizeColumnToContents(0)
        self.fields.resizeColumnToContents(3)
        self.fields.setColumnWidth(1, min(220, max(90, self.fields.sizeHintForColumn(1))))
        self.fields.setColumnWidth(2, max(230, self.fields.columnWidth(2)))

    def _percent(self, share: float) -> str:
        return formatting.number(round(share * 100), 0, self.lang) + ("\u202f%" if self.lang == "fr" else "%")

    def _changed(self, col: str) -> None:
        """A column given another field: that field leaves the column that had it."""
        self.chosen.add(col)
        name = self.combos[col].currentData()
        if name:
            for other, combo in self.combos.items():
                if other != col and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    self.chosen.add(other)
        self._refresh()
        self._label_fields()
        self._ask_values()

    def set_field(self, column: str, field: str | None) -> None:
        """Give ``column`` the field ``field`` (None: not used), as the user does with its combo."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def column_of(self, field: str) -> str | None:
        return next((c for c, combo in self.combos.items() if combo.currentData() == field), None)

    def chosen_fields(self) -> dict:
        out: dict = {}
        by_field = {combo.currentData(): col for col, combo in self.combos.items() if combo.currentData()}
        for name, col in by_field.items():
            if name.endswith(TIME_SUFFIX):
                continue
            time = by_field.get(name + TIME_SUFFIX)
            if time:
                out[name] = {"date": col, "time": time}
            elif self.kind == "intervals" and name.endswith("_s") and headers.read(col).aggregate == "avg":
                # an average per period is kept as a sum (average × count): the KPIs stay weighted
                count = next((by_field[f] for f in ("handled", "answered", "offered") if f in by_field), None)
                out[name] = {"average": col, "count": count} if count else {"average": col, "count": []}
            elif name in preview.LINKED_FIELDS:  # a question linked to the contacts, on its scale
                out[name] = self.linked_spec(name, col)
            elif name in self.flags():
                # the column's own yes/no words (and its empty cells) where they differ from the defaults
                listed, _distinct = self.values.get(col, ([], 0))
                recode = dict(self._guess_map(col, name))
                for value, _n in listed:
                    code = self.target_of(col, name, value)
                    recode.pop(value.lower(), None)
                    if code != KEEP and code != self.flag_reading(value):
                        recode[value.lower()] = code
                out[name] = {"column": col, "map": recode} if recode else col
            elif name in preview.CODED:
                listed, distinct = self.values.get(col, ([], 0))
                # every value listed: the codes of those values only; else the guess's too
                recode = {} if listed and distinct <= len(listed) else dict(self._guess_map(col, name))
                for value, _n in listed:
                    code = self.target_of(col, name, value)
                    recode.pop(value.lower(), None)
                    if code != KEEP:
                        recode[value.lower()] = code
                out[name] = {"column": col, "map": recode} if recode else col
            else:
                out[name] = col
        return out

    def confidences(self) -> dict[str, float]:
        guessed = self._guessed()
        out = {}
        for col, combo in self.combos.items():
            name = combo.currentData()
            if name and not name.endswith(TIME_SUFFIX):
                same = guessed.get(col, (None, 0))[0] == name and col not in self.chosen
                out[name] = guessed[col][1] if same else 1.0  # the user's own choice is sure
        return out
