"""The French catalogues: running tools/update_translations.sh loses no live translation,
every string the UI marks for translation has a French one, and the compiled .qm say
what the .ts say."""

from __future__ import annotations

import importlib.util

import pytest

from tests.helpers.paths import REPO

_spec = importlib.util.spec_from_file_location("translations", REPO / "tools" / "translations.py")
assert _spec is not None and _spec.loader is not None
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

needs_lupdate = pytest.mark.skipif(translations.tool("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")


@needs_lupdate
def test_lupdate_loses_no_translation_and_every_string_has_one():
    lost, untranslated = translations.check()
    assert not lost, f"lupdate -no-obsolete would delete these (make the call sites literal): {sorted(lost)}"
    assert not untranslated, f"no French translation for: {sorted(untranslated)}"


@needs_lupdate
def test_lupdate_reads_the_call_sites_the_helpers_used_to_hide():
    """Strings once translated through a helper (``tr = lambda s: translate(ctx, s)``),
    inside an f-string, or from a table of plain strings."""
    seen = translations.found()
    for key in [
        ("Mapping", "Becomes"),
        ("Mapping", "Ready to import."),
        ("Mapping", "Kind of file"),
        ("RecordDialog", "No survey answer for this contact."),
        ("CoachingQuality", "What customers said"),
        ("CoachingView", "vs median"),
        ("ImportHistory", "Rejected rows"),
        ("Comments", "Scope"),
        ("Comments", "Phone"),
        ("Why", "Before → now"),
        ("FilterBar", "{n} selected"),
    ]:
        assert key in seen, key


def test_the_compiled_catalogues_say_what_the_sources_say(qapp):
    """Every finished translation of every .ts comes back from Qt in French: the .qm
    are compiled from the .ts as committed (a .ts edited without lrelease fails) and
    every catalogue is loaded by ``ui/i18n.py`` (a new one left out fails)."""
    from kpidesk.ui import i18n

    language = i18n.Language(None, "fr")
    try:
        wrong = []
        for ts in sorted(translations.I18N.glob("*_fr.ts")):
            for (ctx, src), text in translations.translations(ts).items():
                if text is None or "\n" in text:  # untranslated, or plural forms
                    continue
                if i18n.translate(ctx, src) != text:
                    wrong.append((ts.name, ctx, src, i18n.translate(ctx, src), text))
        assert not wrong, wrong[:10]
    finally:
        language.set_setting("en")
