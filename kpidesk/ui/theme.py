"""Light and dark themes that follow the system, with colours that survive a screen share.

Status colours are strong and distinct (and always paired with an arrow or a
label, never colour alone); text keeps a high contrast on both backgrounds. Charts
read their pens from the active :class:`Theme`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QToolTip


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    surface: str
    text: str
    muted: str
    grid: str
    accent: str
    compare: str
    good: str
    warn: str
    bad: str
    heat: tuple[str, str, str]  # low, middle, high

    def status_colour(self, status: str | None) -> str:
        return {"green": self.good, "amber": self.warn, "red": self.bad}.get(status or "", self.muted)

    def tint(self, status: str | None, alpha: int = 46) -> QColor | None:
        if status is None:
            return None
        colour = QColor(self.status_colour(status))
        colour.setAlpha(alpha)
        return colour


LIGHT = Theme(
    "light",
    "#f4f5f7",
    "#ffffff",
    "#1b1f24",
    "#5b636e",
    "#d5d9df",
    "#1f5fbf",
    "#9aa3ae",
    "#1a7f37",
    "#b26b00",
    "#c62828",
    ("#f7fbff", "#6baed6", "#08306b"),
)
DARK = Theme(
    "dark",
    "#16181c",
    "#202329",
    "#eef0f3",
    "#a3abb6",
    "#3a3f47",
    "#5ea0ff",
    "#6b7380",
    "#3fb950",
    "#e3a33b",
    "#ff6b61",
    ("#1b2430", "#2f7fc1", "#bfe3ff"),
)

_current = LIGHT


def current() -> Theme:
    return _current


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def choose(setting: str) -> Theme:
    if setting == "dark":
        return DARK
    if setting == "light":
        return LIGHT
    return DARK if system_is_dark() else LIGHT


# Widgets whose style-sheet rules take colours from the palette: re-polished (alone)
# when the theme changes, so that ``palette(...)`` is read again.
PALETTE_STYLED = frozenset({"KpiTile", "TileTitle", "Muted", "Card", "qtooltip_label"})


def apply(app: QApplication, theme: Theme) -> None:
    """Switch to ``theme``: a new palette, and a re-polish of the few widgets whose
    style sheet reads it. The style sheet itself never changes (it names palette
    roles, not colours): setting it again would re-polish the thousand-odd widgets
    of the window, a third of a second during which the window is frozen."""
    global _current
    _current = theme
    # Without this, polishing under a style sheet gives every widget a fixed copy of
    # the palette, and a new palette would need the whole window re-polished.
    app.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles, True)
    if app.property("kpidesk_style") != "Fusion":  # setting it again re-polishes every widget
        app.setStyle("Fusion")
        app.setProperty("kpidesk_style", "Fusion")
    pal = palette(theme)
    app.setPalette(pal)
    QToolTip.setPalette(pal)
    qss = stylesheet()
    if app.styleSheet() != qss:
        app.setStyleSheet(qss)
        return
    for widget in app.allWidgets():
        if widget.objectName() in PALETTE_STYLED:
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.update()


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(theme.window))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.Base, QColor(theme.surface))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor(theme.window))
    pal.setColor(QPalette.ColorRole.Text, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.Button, QColor(theme.surface))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor(theme.surface))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.accent))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    pal.setColor(QPalette.ColorRole.Mid, QColor(theme.grid))
    return pal


def stylesheet(_theme: Theme | None = None) -> str:
    """The same for both themes: colours come from the palette (see :func:`palette`)."""
    return """
    QFrame#KpiTile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
    QFrame#KpiTile[selected="true"] { border: 2px solid palette(highlight); }
    QLabel#TileTitle { color: palette(placeholder-text); font-size: 10pt; }
    QLabel#TileValue { font-size: 20pt; font-weight: 600; }
    QLabel#TileDelta { font-size: 9.5pt; }
    QLabel#TileNote { font-size: 8.5pt; }
    QLabel#SectionTitle { font-size: 11pt; font-weight: 600; }
    QLabel#Muted { color: palette(placeholder-text); }
    QFrame#Card { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
    QToolButton#FilterButton { padding-right: 14px; }
    QToolButton#FilterButton::menu-indicator { subcontrol-origin: padding; subcontrol-position: right center; }
    QToolButton#FilterChip { border: 1px solid palette(highlight); border-radius: 10px; padding: 2px 8px; }
    QToolBar#MainToolbar QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 2px 8px;
                                       background: palette(base); }
    QToolBar#MainToolbar QToolButton:checked { background: #6a1b9a; color: white; border-color: #6a1b9a; }
    QToolTip { color: palette(tool-tip-text); background: palette(tool-tip-base); border: 1px solid palette(mid);
               padding: 4px; }
    """
