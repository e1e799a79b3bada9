"""Import refusals and reject reasons are said in the user's language: each is an
English template with its values (``ImportError_.say``, the reasons ``import_rejects``
keeps), the mechanism ``StoreError`` uses, translated by the UI (``ui/errors``)."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the first Qt application

import pytest

from kpidesk.core.db import store as store_module
from kpidesk.core.db.startup import open_database
from kpidesk.core.ingest import ImportError_, errors, import_file

PLACEHOLDER = re.compile(r"\{(\w+)\}")
STORE = [store_module.LOCKED, store_module.LOCKED_BY, store_module.CANNOT_OPEN, store_module.NOT_A_DATABASE]


@pytest.fixture
def french(qapp):
    from kpidesk.ui import i18n

    i18n.Language(None, "fr")
    yield
    i18n.Language(None, "en")


def test_every_import_message_has_its_french(french):
    from kpidesk.ui.i18n import translate

    for template in [*errors.MESSAGES, *STORE]:
        said = translate("Errors", template)
        assert said != template, template
        assert set(PLACEHOLDER.findall(said)) == set(PLACEHOLDER.findall(template)), template


def test_a_refused_file_is_said_in_french_and_stays_english_for_the_cli(tmp_path, french):
    from kpidesk.ui.errors import describe

    empty = tmp_path / "vide.csv"
    empty.write_text("\n", encoding="utf-8")
    with open_database(tmp_path / "team.duckdb") as store, pytest.raises(ImportError_) as caught:
        import_file(store, empty)
    assert str(caught.value) == "vide.csv is empty: there is nothing to import."
    assert describe(caught.value) == "vide.csv est vide : il n'y a rien à importer."


def test_the_reasons_the_checks_write_are_said_in_french(french):
    """The reasons are written once (``errors``), said by the UI's one reader of them
    (``ui/ingest/words.reason``)."""
    from kpidesk.ui.ingest.words import reason

    assert reason(errors.NEGATIVE_DURATION.format(field="wait_s")) == "Temps d'attente : une durée négative"
    assert reason(errors.NOT_FINITE.format(field="talk_s")).endswith(" : pas un nombre fini (NaN ou infini)")
    assert reason(errors.NUL_IN_TEXT.format(field="agent_id")).endswith(" : contient un caractère NUL")


def test_the_warning_about_dates_of_either_order_is_said_in_french(french):
    from kpidesk.core.ingest.accounting import ambiguous_dates_warning
    from kpidesk.ui.ingest.words import warning

    said = warning(ambiguous_dates_warning(["Created", "Resolved"]))
    assert said.startswith("Les dates de Created, Resolved se lisent aussi bien jour d'abord que mois d'abord")
    assert "1er février 2024" in said
