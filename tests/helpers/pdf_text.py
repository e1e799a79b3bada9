"""The text a PDF report drew, read in pure Python (no poppler needed in CI).

reportlab turns every string it draws — paragraphs, table cells, chart labels, the
footer — into PDF text through one method, ``PDFTextObject._formatText``; wrapping
it while the report renders records each string in drawing order, page by page
(``Canvas.showPage`` starts the next). What is recorded is what went into the PDF's
text operators, after ``style.safe`` swapped the characters the font lacks.
``tests/pdf/test_service_report.py`` checks it against ``pdftotext`` where poppler
is installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class DrawnText:
    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]

    @property
    def text(self) -> str:
        """Pages separated by form feeds (as pdftotext writes them), one drawn string a line."""
        pages = self.pages[:-1] if self.pages and not self.pages[-1] else self.pages
        return "\f".join("\n".join(page) for page in pages)

    @property
    def flat(self) -> str:
        """All the text with every run of white space as one space (lines wrap anywhere)."""
        return " ".join(self.text.split())


@contextmanager
def drawn_text() -> Iterator[DrawnText]:
    """Record the text of every PDF rendered inside the block (in this process)."""
    out = DrawnText()
    format_text, show_page = PDFTextObject._formatText, Canvas.showPage

    def recording_format(self, text):
        out.pages[-1].append(text)
        return format_text(self, text)

    def recording_show(self):
        out.pages.append([])
        return show_page(self)

    PDFTextObject._formatText = recording_format
    Canvas.showPage = recording_show
    try:
        yield out
    finally:
        PDFTextObject._formatText = format_text
        Canvas.showPage = show_page
