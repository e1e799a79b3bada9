"""French and English: the Qt translator, the locale, and dates as a team lead reads them.

Interface strings are marked with ``translate(context, text)`` (or
``QT_TRANSLATE_NOOP`` for tables of names) and live in ``resources/i18n/*.ts``;
numbers go through ``core/formatting``; KPI names come from the KPI files. Switching
language installs the other translator and tells every view to re-label itself.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from kpidesk.core import formatting

translate = QCoreApplication.translate
LANGUAGES = ("en", "fr")
_WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "fr": ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
}
_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
}


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def effective(setting: str | None) -> str:
    """``system`` (or nothing) follows the system language; else the choice."""
    return setting if setting in LANGUAGES else system_language()


def weekday_name(index: int, lang: str) -> str:
    """0 = Monday."""
    return _WEEKDAYS[lang][index]


def day_format(lang: str) -> str:
    """A date field's display format (``QDateEdit``): a day as :func:`formatting.day`
    writes it, ``23/11/2026`` in French, ``2026-11-23`` in English (never ``11/23`` or
    ``23/11`` left to the reader to guess)."""
    pattern = formatting.DAY_PATTERNS["fr" if lang == "fr" else "en"]
    return pattern.replace("%d", "dd").replace("%m", "MM").replace("%Y", "yyyy")


def plural(n: int, one: str, other: str, lang: str) -> str:
    """``one`` or ``other`` (both translated, holding ``{n}``) as the language counts:
    one for 1 in English, for 0 and 1 in French; ``n`` written as numbers are
    (``1 234`` in French). Both forms are literal ``translate()`` calls at the call
    site, so lupdate sees them (it reads no numerus from ``translate(…, n)`` with a
    variable ``n``: a ``%n`` string would lose its French plural forms)."""
    singular = n in (0, 1) if lang == "fr" else n == 1
    return (one if singular else other).format(n=formatting.number(n, 0, lang))


def day_month(d: date, lang: str) -> str:
    return f"{d.day} {_MONTHS[lang][d.month - 1]}" if lang == "fr" else f"{_MONTHS[lang][d.month - 1]} {d.day}"


def month_year(d: date, lang: str) -> str:
    return f"{_MONTHS[lang][d.month - 1]} {d.year}"


_INSTALLED: list[QTranslator] = []


class Language(QObject):
    """The app's current language; ``language_changed`` after every switch."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, setting: str = "system"):
        super().__init__(parent)
        self.setting = setting
        self.code = effective(setting)
        self._install()

    def set_setting(self, setting: str) -> None:
        self.setting = setting
        code = effective(setting)
        if code != self.code:
            self.code = code
            self._install()
            self.language_changed.emit(code)

    def _install(self) -> None:
        app = QCoreApplication.instance()
        for tr in _INSTALLED:  # one language per application, whoever installed it
            app.removeTranslator(tr)
        _INSTALLED.clear()
        QLocale.setDefault(
            QLocale(QLocale.Language.French, QLocale.Country.France)
            if self.code == "fr"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        if self.code == "en":
            return
        ours = QTranslator(app)
        folder = resources.files("kpidesk") / "resources" / "i18n"
        if ours.load(str(folder / f"kpidesk_{self.code}.qm")):
            app.installTranslator(ours)
            _INSTALLED.append(ours)
        for extra in (
            "coaching",
            "service",
            "desk",
            "screens",
            "dialog",
        ):  # catalogues kept beside the main one, one per feature
            more = QTranslator(app)
            if more.load(str(folder / f"{extra}_{self.code}.qm")):
                app.installTranslator(more)
                _INSTALLED.append(more)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{self.code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _INSTALLED.append(qt)
