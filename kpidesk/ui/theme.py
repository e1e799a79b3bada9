"""Light and dark themes that follow the system, with colours that survive a screen share.

Status colours are strong and distinct (and always paired with an arrow or a
label, never colour alone); text keeps a high contrast on both backgrounds. Charts
read their pens from the active :class:`Theme`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


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


LIGHT = Theme("light", "#f4f5f7", "#ffffff", "#1b1f24", "#5b636e", "#d5d9df", "#1f5fbf", "#9aa3ae",
              "#1a7f37", "#b26b00", "#c62828", ("#f7fbff", "#6baed6", "#08306b"))
DARK = Theme("dark", "#16181c", "#202329", "#eef0f3", "#a3abb6", "#3a3f47", "#5ea0ff", "#6b7380",
             "#3fb950", "#e3a33b", "#ff6b61", ("#1b2430", "#2f7fc1", "#bfe3ff"))

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


def apply(app: QApplication, theme: Theme) -> None:
    global _current
    _current = theme
    if app.style().name().lower() != "fusion":  # setting it again would re-polish every widget
        app.setStyle("Fusion")
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
    app.setPalette(pal)
    app.setStyleSheet(stylesheet(theme))


def stylesheet(t: Theme) -> str:
    return f"""
    QFrame#KpiTile {{ background: {t.surface}; border: 1px solid {t.grid}; border-radius: 6px; }}
    QFrame#KpiTile[selected="true"] {{ border: 2px solid {t.accent}; }}
    QLabel#TileTitle {{ color: {t.muted}; font-size: 10pt; }}
    QLabel#TileValue {{ font-size: 20pt; font-weight: 600; }}
    QLabel#TileDelta {{ font-size: 9.5pt; }}
    QLabel#SectionTitle {{ font-size: 11pt; font-weight: 600; }}
    QLabel#Muted {{ color: {t.muted}; }}
    QFrame#Card {{ background: {t.surface}; border: 1px solid {t.grid}; border-radius: 6px; }}
    QToolTip {{ color: {t.text}; background: {t.surface}; border: 1px solid {t.grid}; padding: 4px; }}
    """
