"""Privacy mode: what a screen share or an exported sheet may show.

A team lead coaching one agent over a screen share must not show the rest of the
team's names or the customers' details. Rather than each view remembering to hide
things, every name and identifier on its way to the screen or a file goes through one
:class:`Privacy` object: off, it returns what it is given; on, other agents become
stable aliases ("Agent A", "Agent B"… by agent id, so Agent C stays Agent C from one
screen to the next and from the app to the PDF), the focus agent keeps their name,
customer identifiers are masked and free text (survey comments, notes) has emails,
phone numbers and other agents' names taken out. Pure functions, no Qt, no database
(except :meth:`Privacy.from_store`, which reads the roster once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, overload

import duckdb


class _Cursors(Protocol):
    """What privacy reads from a database (``db.store.Store``, a layer above this leaf)."""

    def cursor(self) -> duckdb.DuckDBPyConnection: ...


BULLET = "•"

# An email address; the local part and the domain are captured for masking.
EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)*\.([A-Za-z]{2,}))(?![\w-])", re.UNICODE)
# An email written to dodge robots: "jeanne dot dupont at gmail dot com",
# "jeanne.dupont (at) gmail.com", "jeanne @ gmail . com", "jeanne arobase gmail point fr".
_DOT = r"(?:\s*\.\s*|\s*[\[(]\s*(?:dot|point)\s*[\])]\s*|\s+(?:dot|point)\s+)"
_AT = r"(?:\s*@\s*|\s*[\[(]\s*(?:at|arobase)\s*[\])]\s*|\s+(?:at|arobase)\s+)"
SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,6}}(?![\w-])",
    re.IGNORECASE,
)
_SEP = r"[ \u00a0\u202f.\-/]"
# French national numbers: 06 12 34 56 78, 06.12.34.56.78, 07/52/62/80/02, 0612345678.
_FR_NATIONAL = rf"(?<![\w+/])0[1-9](?:{_SEP}?\d{{2}}){{4}}(?![\d/])"
# The same without its leading 0, as people dictate it: 7 72 43 94 21, 6.12.34.56.78.
_FR_NO_ZERO = rf"(?<![\w+/.,])[1-9](?:{_SEP}\d{{2}}){{4}}(?![\d/]|[.,]\d)"
# International numbers: +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 612345678, +212 6…,
# +44 20 7946 0958, +1 (555) 123-4567.
_INTERNATIONAL = (
    r"(?<![\w+])(?:\+|00)\d{1,3}[ \u00a0\u202f.\-]?(?:\(0\)[ \u00a0\u202f.\-]?)?"
    r"\(?\d(?:\)?[ \u00a0\u202f.\-/]?\(?\d){6,11}(?!\d)"
)
# North American and British national forms: (555) 123-4567, 555-123-4567, 020 7946 0958.
_NANP = r"(?<![\w+])(?:\(\d{3}\)\s?|\d{3}[.\-])\d{3}[.\-]\d{4}(?!\d)"
_UK = r"(?<![\w+])0\d{2,4} \d{3,4} \d{3,4}(?!\d)"
PHONE = re.compile(f"{_INTERNATIONAL}|{_FR_NATIONAL}|{_NANP}|{_UK}|{_FR_NO_ZERO}")
_REDACTED = {"en": ("[email]", "[phone]"), "fr": ("[e-mail]", "[téléphone]")}


def alias_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: spreadsheet-style, so any team size gets an alias."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def mask_email(email: str) -> str:
    """``jeanne.dupont@exemple.fr`` → ``j***@***.fr``: the shape stays, the person goes."""
    match = EMAIL.fullmatch(email.strip())
    if not match:
        return BULLET * 3
    return f"{match.group(1)[0]}***@***.{match.group(3)}"


def mask_phone(phone: str) -> str:
    """``06 12 34 56 78`` → ``•• •• •• •• 78``: the last two digits let a lead tell
    two callers apart without being able to dial either."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 4:
        return BULLET * 3
    return f"{BULLET * 2} {BULLET * 2} {BULLET * 2} {BULLET * 2} {digits[-2:]}"


def mask_name(name: str) -> str:
    """``Jeanne Dupont`` → ``J. D.``"""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p]
    return " ".join(f"{p[0].upper()}." for p in parts) if parts else BULLET * 3


def mask_customer(value: str | None) -> str | None:
    """Mask any customer identifier: an email, a phone number or a name."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return text
    if "@" in text:
        return mask_email(text)
    if PHONE.fullmatch(text) or (sum(ch.isdigit() for ch in text) >= 6 and not re.search(r"[A-Za-z]", text)):
        return mask_phone(text)
    if re.search(r"\d", text):  # an account number or customer id: keep nothing readable
        return BULLET * 3
    return mask_name(text)


@overload
def redact(text: str, lang: str = ...) -> str: ...
@overload
def redact(text: None, lang: str = ...) -> None: ...
def redact(text: str | None, lang: str = "en") -> str | None:
    """Take emails and phone numbers out of free text (survey comments, notes)."""
    if text is None:
        return None
    email_tag, phone_tag = _REDACTED.get(lang, _REDACTED["en"])
    text = EMAIL.sub(email_tag, text)
    text = SPELLED_EMAIL.sub(email_tag, text)
    return PHONE.sub(phone_tag, text)


@dataclass
class Privacy:
    """The privacy setting of one screen or export.

    ``agents`` maps every known agent id to their display name; aliases are given by
    the order of agent ids, so they do not depend on who is on screen.
    """

    enabled: bool = False
    focus_agent_id: str | None = None
    agents: dict[str, str] = field(default_factory=dict)
    lang: str = "en"
    customers: tuple[str, ...] = ()  # customers' names, masked wherever free text names them

    def __post_init__(self) -> None:
        self._alias = {aid: f"Agent {alias_letters(i)}" for i, aid in enumerate(sorted(self.agents))}
        self._name_pattern = self._compile_names()

    @classmethod
    def from_store(cls, store: _Cursors, enabled: bool, focus_agent_id: str | None = None, lang: str = "en") -> Privacy:
        rows, customers = roster(store)
        return cls(enabled, focus_agent_id, rows, lang, customers)

    def alias(self, agent_id: str) -> str:
        """The stable alias of an agent (whether or not privacy is on)."""
        if agent_id not in self._alias:  # unknown to the roster: still stable, still anonymous
            return f"Agent #{sum(ord(c) * (i + 1) for i, c in enumerate(str(agent_id))) % 1000:03d}"
        return self._alias[agent_id]

    def agent_name(self, agent_id: str | None, name: str | None = None) -> str:
        """What to show for an agent: their name, or their alias if privacy hides them."""
        shown = name or self.agents.get(agent_id or "") or agent_id or ""
        if not self.enabled or agent_id is None or agent_id == self.focus_agent_id:
            return shown
        return self.alias(agent_id)

    def customer(self, value: str | None) -> str | None:
        return mask_customer(value) if self.enabled else value

    def text(self, text: str | None) -> str | None:
        """Free text for display: emails, phones and other agents' names hidden."""
        if not self.enabled or text is None:
            return text
        text = redact(text, self.lang)
        if self._name_pattern is None:
            return text
        return self._name_pattern.sub(lambda m: self._replacement(m.group(0)), text)

    def _replacement(self, found: str) -> str:
        key = found.casefold()
        who = self._by_name.get(key) or self._by_word.get(key)
        if isinstance(who, str):  # an agent id
            return self.alias(who)
        if isinstance(who, tuple):  # a customer's name
            return mask_name(found)
        return "[nom]" if self.lang == "fr" else "[name]"  # a name two people share

    def _compile_names(self) -> re.Pattern[str] | None:
        """Other agents' and customers' names: whole names in any case; first and last
        names alone when capitalised as names are (``Petit`` is a name, ``petit`` a
        word). An agent's word names that agent; a word two people share is masked
        without saying whose; the focus agent's own name stays."""
        self._by_name: dict[str, str | tuple[str]] = {}  # whole names, any case
        self._by_word: dict[str, str | tuple[str] | None] = {}  # first or last names alone
        focus = (self.agents.get(self.focus_agent_id or "") or "").casefold().split()
        words: dict[str, set[str | tuple[str]]] = {}
        for aid, name in self.agents.items():
            parts = (name or "").split()
            if aid == self.focus_agent_id or not parts:
                continue
            self._by_name[name.casefold()] = aid
            for part in (parts[0], parts[-1]):
                words.setdefault(part.casefold(), set()).add(aid)
        for name in self.customers:
            parts = (name or "").split()
            if len(parts) < 1 or name.casefold() in self._by_name:
                continue
            self._by_name.setdefault(name.casefold(), (name,))
            for part in (parts[0], parts[-1]):
                words.setdefault(part.casefold(), set()).add((name,))
        for word, owners in words.items():
            if len(word) < 3 or word in focus or word in self._by_name:
                continue
            self._by_word[word] = next(iter(owners)) if len(owners) == 1 else None  # None: shared
        if not self._by_name and not self._by_word:
            return None
        whole = sorted(self._by_name, key=len, reverse=True)
        alone = sorted(self._by_word, key=len, reverse=True)
        forms = [f"(?i:{re.escape(w)})" for w in whole]
        forms += [f"{re.escape(w[:1].upper())}(?i:{re.escape(w[1:])})" for w in alone if w[1:]]
        return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")

    def names(self, agent_ids: Iterable[str]) -> list[str]:
        return [self.agent_name(a) for a in agent_ids]


def roster(store: _Cursors) -> tuple[dict[str, str], tuple[str, ...]]:
    """Every agent's display name by id, and every customer's name (what privacy masks)."""
    cur = store.cursor()
    try:
        agents = dict(cur.execute("SELECT agent_id, coalesce(name, agent_id) FROM agents").fetchall())
        customers = tuple(
            r[0] for r in cur.execute("SELECT DISTINCT name FROM customers WHERE name IS NOT NULL").fetchall()
        )
    finally:
        cur.close()
    return agents, customers


OFF = Privacy(False)
