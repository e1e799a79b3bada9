"""Privacy mode in the mapping dialog: the sample and previewed values masked as the
rest of the app masks them, by what the column holds."""

from __future__ import annotations

from kpidesk.core import privacy as masks
from kpidesk.core.ingest.identifiers import normalize
from kpidesk.ui.ingest.mapping_words import TIME_SUFFIX

# Columns whose values privacy mode masks in the dialog (as the rest of the app does):
# agents get an alias, customers' identifiers are masked, free text has emails,
# phones and known names taken out (every other column too).
AGENT_FIELDS = {"agent_id", "event.resource"}
CUSTOMER_FIELDS = {"customer_id", "contact_ref", "event.caller"}
# Headers that say a column holds a person's details or free text, whatever field it feeds.
PERSON_WORDS = {
    "customer", "client", "caller", "appelant", "phone", "telephone", "tel", "mobile", "portable",
    "email", "mail", "courriel", "name", "nom", "prenom", "ani", "cli", "msisdn",
}  # fmt: skip
TEXT_WORDS = {
    "comment", "comments", "commentaire", "commentaires", "note", "notes", "description", "subject", "objet",
    "message", "verbatim", "feedback", "remarque", "remarques", "text", "texte", "body",
}  # fmt: skip


class PrivacyMasking:
    """The dialog's values as privacy mode lets them show (a part of ``MappingDialog``)."""

    def hiding(self) -> bool:
        return self.privacy is not None and self.privacy.enabled

    def _field_of_column(self, col: str) -> str | None:
        """The field a column feeds now, else the one core proposed for it."""
        combo = self.combos.get(col)
        return (combo.currentData() if combo is not None else None) or self._guessed().get(col, (None, 0))[0]

    def _kind_of_column(self, col: str | None, field: str | None) -> str:
        """agent, customer or text: how privacy mode masks the column's values."""
        field = (field or "").removesuffix(TIME_SUFFIX)
        if field in AGENT_FIELDS:
            return "agent"
        if field in CUSTOMER_FIELDS:
            return "customer"
        words = set(normalize(col or "").split())
        if words & PERSON_WORDS:
            return "customer"
        return "text"  # free text too: emails, phone numbers and known names taken out

    def shown(self, value: str, field: str | None = None, col: str | None = None) -> str:
        """``value`` as the dialog may show it: masked while privacy mode is on."""
        if not self.hiding() or value in (None, ""):
            return value
        text = str(value)
        kind = self._kind_of_column(col, field)
        if kind == "agent":
            return self.privacy.agent_name(text)
        if kind == "customer" or masks.EMAIL.fullmatch(text.strip()) or masks.PHONE.fullmatch(text.strip()):
            return self.privacy.customer(text) or ""
        return self.privacy.text(text) or ""

    def _privacy_switched(self, _on: bool) -> None:
        self._repaint_values()

    def _repaint_values(self) -> None:
        """Privacy mode switched: every value shown again, masked or not."""
        if self.proposal is not None:
            self._label_fields()
            self._fill_values()
        if self.last_preview is not None:
            self._show_preview(self.last_preview, emit=False)
