"""The banner that says privacy mode is on, on every window that may be shared.

A team lead sharing their screen must see at a glance that names are hidden; the
banner shows while the shared :class:`PrivacyState` is on and hides when it is off.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kpidesk.ui.i18n import translate

STYLE = "QLabel#PrivacyBanner { background: #6a1b9a; color: white; font-weight: 600; padding: 5px 12px; }"


class PrivacyBanner(QLabel):
    def __init__(self, state=None, parent=None):
        """With a ``PrivacyState``, the banner follows it; without, call :meth:`show_on`."""
        super().__init__(parent)
        self.setObjectName("PrivacyBanner")
        self.setStyleSheet(STYLE)
        self.retranslate()
        self.show_on(bool(state and state.enabled))
        if state is not None:
            state.privacy_changed.connect(self.show_on)

    def retranslate(self) -> None:
        self.setText(
            translate(
                "PrivacyBanner",
                "● Privacy mode on — other agents are shown as aliases, customer "
                "details are masked (Ctrl+Shift+P to turn off)",
            )
        )

    def show_on(self, on: bool) -> None:
        self.setVisible(on)
