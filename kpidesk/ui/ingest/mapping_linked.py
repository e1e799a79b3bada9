"""The mapping dialog's survey questions: a call log or a ticket list with a score per
row also yields survey answers about those contacts, one question per column (CSAT,
NPS, CES). Each linked column is listed with its question, the scale its answers are
on (the smallest usual one its values fit, or the one the user chooses among those)
and, from the preview, how many answers would load; the scale is saved in the profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget, QTableWidgetItem

from kpidesk.core import formatting
from kpidesk.core.ingest import preview
from kpidesk.ui.i18n import translate
from kpidesk.ui.ingest import words
from kpidesk.ui.ingest.mapping_words import QUESTION_NAMES


class LinkedQuestions:
    """The survey questions linked to the contacts (a part of ``MappingDialog``)."""

    def _build_linked(self, lay) -> None:
        self.linked_scales: dict[tuple[str, str], tuple[float, float]] = {}  # (question, column) → chosen scale
        self.linked_label = QLabel()
        self.linked_label.setWordWrap(True)
        lay.addWidget(self.linked_label)
        self.linked_table = QTableWidget(0, 4)
        self.linked_table.verticalHeader().hide()
        self.linked_table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.linked_table)
        self.scale_combos: dict[str, QComboBox] = {}  # question → its scale combo
        self._show_linked(False)

    def _retranslate_linked(self) -> None:
        self.linked_label.setText(
            translate("Mapping", "Survey answers about these contacts: one question per score column, on its scale")
        )
        self.linked_table.setHorizontalHeaderLabels(
            [
                translate("Mapping", "Question"),
                translate("Mapping", "Column in the file"),
                translate("Mapping", "Scale"),
                translate("Mapping", "Would load"),
            ]
        )

    def _show_linked(self, visible: bool) -> None:
        self.linked_label.setVisible(visible)
        self.linked_table.setVisible(visible)

    def linked_spec(self, field: str, col: str):
        """The profile's spec for the question ``field`` read from ``col``: the column with
        its scale (the user's choice, else the one the last preview found), or the column
        alone until its scale is known."""
        survey_type = preview.LINKED_FIELDS[field]
        scale = self.linked_scales.get((survey_type, col))
        if scale is None and self.last_preview is not None:
            found = next((q for q in self.last_preview.linked if (q["type"], q["column"]) == (survey_type, col)), None)
            scale = (found["scale_min"], found["scale_max"]) if found else None
        if scale is None:
            return col
        return {"column": col, "scale_min": scale[0], "scale_max": scale[1]}

    def scale_text(self, lo: float, hi: float) -> str:
        return f"{formatting.number(lo, 0, self.lang)}–{formatting.number(hi, 0, self.lang)}"

    def _fill_linked(self, pv) -> None:
        """The linked questions as the preview found them: question, column, scale, answers."""
        questions = list(pv.linked) if pv is not None else []
        self._show_linked(bool(questions))
        self.linked_table.setRowCount(len(questions))
        self.scale_combos = {}
        for r, q in enumerate(questions):
            cells = [QUESTION_NAMES.get(q["type"], q["type"]), q["column"], "", self.answers_text(q)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.linked_table.setItem(r, c, item)
            combo = QComboBox()
            scales = [tuple(s) for s in q["scales"]]
            current = (q["scale_min"], q["scale_max"])
            if current not in scales:  # a scale saved in the profile the values no longer fit: still shown
                scales.append(current)
            for lo, hi in scales:
                combo.addItem(self.scale_text(lo, hi), f"{lo}:{hi}")
            combo.setCurrentIndex(max(0, scales.index(current)))
            combo.setEnabled(len(scales) > 1)
            combo.currentIndexChanged.connect(
                lambda _i, key=(q["type"], q["column"]), cb=combo: self._scale_changed(key, cb)
            )
            self.linked_table.setCellWidget(r, 2, combo)
            self.scale_combos[q["type"]] = combo
        self.linked_table.resizeColumnsToContents()
        self.linked_table.resizeRowsToContents()
        rows = sum(self.linked_table.rowHeight(r) for r in range(len(questions)))
        self.linked_table.setFixedHeight(self.linked_table.horizontalHeader().height() + rows + 4)

    def answers_text(self, q) -> str:
        """How many of a question's answers would load, and why the others would not."""
        n = self._n
        parts = [translate("Mapping", "{n} answers").format(n=n(q["loading"]))]
        if q["rejected"]:
            first = words.reason(q["why"][0][0]) if q["why"] else ""
            parts.append(translate("Mapping", "{n} rejected ({reason})").format(n=n(q["rejected"]), reason=first))
        if q["duplicates"]:
            parts.append(translate("Mapping", "{n} repeat another row").format(n=n(q["duplicates"])))
        if q["outside"]:
            parts.append(translate("Mapping", "{n} outside the scale").format(n=n(q["outside"])))
        return translate("Mapping", "; ").join(parts)

    def _scale_changed(self, key: tuple[str, str], combo: QComboBox) -> None:
        lo, hi = combo.currentData().split(":")
        self.linked_scales[key] = (float(lo), float(hi))
        self._refresh()

    def set_scale(self, survey_type: str, lo: float, hi: float) -> None:
        """Put the answers of ``survey_type`` on the scale ``lo``–``hi``, as the user does."""
        combo = self.scale_combos[survey_type]
        combo.setCurrentIndex(combo.findData(f"{float(lo)}:{float(hi)}"))

    def linked_problem(self, pv) -> str:
        """Why the linked answers cannot load as mapped ('' when they can): answers
        outside the scale chosen would make wrong figures."""
        for q in pv.linked:
            if q["outside"]:
                return translate(
                    "Mapping",
                    "Import is not possible: {n} {question} answers in column {column} are outside the scale "
                    "{scale}. Choose its scale, or another column.",
                ).format(
                    n=self._n(q["outside"]),
                    question=QUESTION_NAMES.get(q["type"], q["type"]),
                    column=q["column"],
                    scale=self.scale_text(q["scale_min"], q["scale_max"]),
                )
        return ""
