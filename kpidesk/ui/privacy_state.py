"""The app's one privacy switch, shared by every view.

Privacy mode is for screen sharing: while it is on, no view may show another
agent's name or a customer's details. Rather than each view keeping its own flag,
the desk owns one :class:`PrivacyState`; views ask it for what to show
(:meth:`agent_name`, :meth:`customer`, :meth:`text`) and repaint on
``privacy_changed``. The masking rules themselves are the core's
:class:`~kpidesk.core.privacy.Privacy`, so the app, the PDF and the exports agree on
every alias.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kpidesk.core import formatting
from kpidesk.core.privacy import Privacy


class PrivacyState(QObject):
    """On/off plus the roster; ``privacy_changed(on)`` after every switch."""

    privacy_changed = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        agents: dict[str, str] | None = None,
        lang: str = "en",
        customers: tuple[str, ...] = (),
    ):
        super().__init__(parent)
        self._enabled = False
        self._agents = dict(agents or {})
        self._customers = tuple(customers)
        self._lang = lang
        self._privacy = Privacy(False, None, self._agents, lang, self._customers)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def privacy(self) -> Privacy:
        """The core object for the whole desk: no focus agent, so every agent is aliased."""
        return self._privacy

    def set_enabled(self, on: bool) -> None:
        on = bool(on)
        if on == self._enabled:
            return
        self._enabled = on
        self._rebuild()
        self.privacy_changed.emit(on)

    def toggle(self) -> None:
        self.set_enabled(not self._enabled)

    def set_roster(self, agents: dict[str, str], lang: str | None = None, customers: tuple[str, ...] = ()) -> None:
        """Every known agent (id → name): aliases follow the order of ids; and the
        customers' names free text must not show."""
        self._agents = dict(agents)
        self._customers = tuple(customers)
        self._lang = lang or self._lang
        self._rebuild()

    def set_lang(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self._rebuild()

    def for_agent(self, agent_id: str | None) -> Privacy:
        """The rules for one agent's screen (the coaching view): that agent keeps their name."""
        return Privacy(self._enabled, agent_id, self._agents, self._lang, self._customers)

    def _rebuild(self) -> None:
        self._privacy = Privacy(self._enabled, None, self._agents, self._lang, self._customers)

    # What views call ---------------------------------------------------------------
    def agent_name(self, agent_id: str | None, name: str | None = None) -> str:
        return self._privacy.agent_name(agent_id, name)

    def customer(self, value: str | None) -> str | None:
        return self._privacy.customer(value)

    def text(self, text: str | None) -> str | None:
        return self._privacy.text(text)

    def agents_shown(self, agents: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """An (id, name) list as it may be shown, sorted by what is shown (an alias
        list sorted by real name would give the names' order away)."""
        shown = [(aid, self.agent_name(aid, name)) for aid, name in agents]
        return sorted(shown, key=lambda p: formatting.name_key(p[1])) if self._enabled else shown


def of(desk) -> PrivacyState:
    """The desk's privacy state, made on first use (a child of the desk, so it lives
    and dies with the open database) and kept in step with its roster and language."""
    state = desk.findChild(PrivacyState)
    if state is None:
        extent = desk.prefs.extent
        state = PrivacyState(desk, dict(extent.agents), desk.lang, extent.customers)
        state.set_enabled(bool(getattr(desk, "privacy", False)))
        desk.prefs_changed.connect(
            lambda: state.set_roster(dict(desk.prefs.extent.agents), desk.lang, desk.prefs.extent.customers)
        )
        desk.language.language_changed.connect(state.set_lang)
    return state
