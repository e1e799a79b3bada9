"""The desktop app: PySide6 views over the Qt-free core (no SQL in this package)."""

from kpidesk.ui.qt_compat import protect_singletons

protect_singletons()
