"""A failure said to the user: in the window's language, without Python's words.

Core errors meant for the user carry an English ``template`` and its ``params``
(see :class:`kpidesk.core.db.store.StoreError`); they are translated here. Other
errors keep their own text (import errors are written for the user), never the
exception's class name; an unexpected one says so and keeps the detail.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kpidesk.core.db import store
from kpidesk.core.ingest import errors as ingest_errors
from kpidesk.ui.i18n import translate

# The French is in resources/i18n/desk_fr.ts (context "Errors"): store and import
# messages. Why rows were rejected is said by ``ui/ingest/words`` (reason()).
TEMPLATES = (
    QT_TRANSLATE_NOOP("Errors", store.LOCKED),
    QT_TRANSLATE_NOOP("Errors", store.LOCKED_BY),
    QT_TRANSLATE_NOOP("Errors", store.CANNOT_OPEN),
    QT_TRANSLATE_NOOP("Errors", store.NOT_A_DATABASE),
    QT_TRANSLATE_NOOP("Errors", store.TOO_NEW),
    *(QT_TRANSLATE_NOOP("Errors", t) for t in ingest_errors.MESSAGES),
)


def say(template: str | None, params: dict[str, str] | None, text: str) -> str:
    """``template`` with its ``params`` in the user's language; ``text`` (the English
    said by the core) when there is no template."""
    if not template:
        return text
    params = params or {}
    try:
        return translate("Errors", template).format(**params)
    except (KeyError, IndexError):  # a translation with other placeholders
        return template.format(**params)


def report_message(report) -> str:
    """A failed import's message (an ``ImportReport`` with ``ok`` false)."""
    return say(report.message_template, report.message_params, report.message)


def expected(exc: BaseException) -> bool:
    """An error written for the user (not a bug)."""
    return isinstance(exc, (store.StoreError, OSError)) or type(exc).__module__.startswith("kpidesk.core.ingest")


def describe(exc: BaseException) -> str:
    """What to show for ``exc``: one paragraph, no class name."""
    template = getattr(exc, "template", None)
    if template:
        return say(template, getattr(exc, "params", None), str(exc))
    text = " ".join(str(exc).split())
    if expected(exc):
        return text or translate("Errors", "The operation failed.")
    return translate("Errors", "Something went wrong: {detail}").format(detail=text or type(exc).__name__)
