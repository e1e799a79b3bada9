"""Fonts, colours and paragraph styles of the PDF coaching sheet.

French text needs accents and the narrow no-break space that ``formatting`` puts in
``89,5 %`` and ``1 234``; reportlab's built-in Helvetica has no such glyph and Vera
(shipped with reportlab) lacks U+202F. DejaVu Sans has both and is found on most
Linux systems; elsewhere Vera is used and :func:`safe` swaps every character the
font cannot draw for a close one it can, so no glyph ever prints as a black box.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT, BOLD = "KpideskSans", "KpideskSans-Bold"
_CANDIDATES = [
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("Vera.ttf", "VeraBd.ttf"),
]
_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    os.path.expanduser("~/Library/Fonts"),
    os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"),
    os.path.join(os.path.dirname(reportlab.__file__), "fonts"),
]
# What to draw instead of a character the font lacks.
_FALLBACK = {
    "\u202f": "\u00a0",
    "\u2009": " ",
    "\u2212": "-",
    "\u2026": "...",
    "\u2019": "'",
    "\u2013": "-",
    "\u2022": "*",
    "\u2264": "<=",
    "\u2265": ">=",
}

GREEN, AMBER, RED = colors.HexColor("#2e7d32"), colors.HexColor("#ef8c00"), colors.HexColor("#c62828")
AGENT, TEAM = colors.HexColor("#1565c0"), colors.HexColor("#9e9e9e")
INK, MUTED, RULE = colors.HexColor("#212121"), colors.HexColor("#616161"), colors.HexColor("#e0e0e0")
# a point or a cell resting on too few contacts to read: a ring of the agent's blue faded (the
# team's line is grey), a grey cell
FADED, SMALL_CELL = colors.HexColor("#8fb0dc"), colors.HexColor("#e6e6e6")


def _find(name: str) -> Path | None:
    return next((Path(d) / name for d in _DIRS if (Path(d) / name).is_file()), None)


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the first available font family; returns (regular, bold) names."""
    for regular, bold in _CANDIDATES:
        reg_path, bold_path = _find(regular), _find(bold)
        if reg_path and bold_path:
            pdfmetrics.registerFont(TTFont(FONT, str(reg_path)))
            pdfmetrics.registerFont(TTFont(BOLD, str(bold_path)))
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
            return FONT, BOLD
    return "Helvetica", "Helvetica-Bold"  # no TTF at all: safe() maps to Latin-1


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int] | None:
    font = pdfmetrics.getFont(register_fonts()[0])
    face = getattr(font, "face", None)
    return frozenset(face.charToGlyph) if face is not None else None


def safe(text: str) -> str:
    """The text with every character the font cannot draw replaced."""
    glyphs = _glyphs()
    out = []
    for ch in str(text):
        ok = (ord(ch) in glyphs) if glyphs is not None else ord(ch) < 256
        if ok or ch in "\n\t":
            out.append(ch)
        else:
            sub = _FALLBACK.get(ch, "?")
            out.append(sub if all((ord(c) in glyphs if glyphs else ord(c) < 256) for c in sub) else "?")
    return "".join(out)


def esc(text: str) -> str:
    """Safe text for a Paragraph (which reads a little XML)."""
    return safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=21, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4),
        "banner": ParagraphStyle(
            "banner",
            parent=base,
            fontName=bold,
            textColor=colors.white,
            backColor=RED,
            borderPadding=(3, 5, 3, 5),
            spaceBefore=4,
            spaceAfter=6,
        ),
    }
