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


def test_every_import_message_and_reject_reason_has_its_french(french):
    from kpidesk.ui.i18n import translate

    for template in [*errors.MESSAGES, *errors.REASONS, *STORE]:
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


def test_every_reason_is_found_back_from_the_text_the_database_keeps(french):
    from kpidesk.ui.errors import reason

    for template in errors.REASONS:
        values = {name: f"<{name}>" for name in PLACEHOLDER.findall(template)}
        assert errors.reason_template(template.format(**values)) == (template, values)
    assert reason("wait_s: a negative duration") == "wait_s : une durée négative"
    assert reason("cannot read the date in column Début: 31/02/2024") == (
        "date illisible dans la colonne Début : 31/02/2024"
    )
    assert reason("unparseable start time 'x'") == "unparseable start time 'x'"  # a vendor format's own words
