"""The first-run page: no data yet, so offer the three ways in — the demo data,
importing exports, or opening an existing database."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kpidesk.ui.i18n import translate

COLUMN_WIDTH = 520


class WelcomeView(QWidget):
    demo_requested = Signal()
    import_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel(objectName="SectionTitle")
        self.heading.setStyleSheet("font-size: 20pt;")
        self.text = QLabel(objectName="Muted")
        self.text.setWordWrap(True)
        self.demo = QPushButton()
        self.imports = QPushButton()
        self.open = QPushButton()
        # One column of a fixed width, centred: a wrapped label given its own
        # alignment is laid out at one width and drawn at another (text cut off).
        self.column = QWidget()
        self.column.setFixedWidth(COLUMN_WIDTH)
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        for w in (self.heading, self.text, self.demo, self.imports, self.open):
            column.addWidget(w)
        for button in (self.demo, self.imports, self.open):
            button.setMinimumHeight(40)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.problem: str | None = None
        self.demo.clicked.connect(self.demo_requested)
        self.imports.clicked.connect(self.import_requested)
        self.open.clicked.connect(self.open_requested)
        self.retranslate()

    def show_problem(self, problem: str | None) -> None:
        """No database open because opening it failed (``problem`` says why): the page
        must not claim the database is empty."""
        self.problem = problem
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(translate("Welcome", "Welcome to kpidesk"))
        if self.problem:
            self.text.setText(
                translate("Welcome", "No database is open: {problem}").format(problem=self.problem)
                + "\n\n"
                + translate("Welcome", "Explore the demo data, or open another database.")
            )
            self.imports.setEnabled(False)  # nowhere to import into
        else:
            self.imports.setEnabled(True)
            self.text.setText(
                translate(
                    "Welcome",
                    "This database holds no contacts yet. Explore the demo data, "
                    "import your exports (calls, tickets, chats, surveys), or open "
                    "a database you already have.",
                )
            )
        self.demo.setText(translate("Welcome", "Open the demo data"))
        self.imports.setText(translate("Welcome", "Import files…"))
        self.open.setText(translate("Welcome", "Open a database…"))
