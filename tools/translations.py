"""The French catalogues: refresh the one lupdate keeps, and check that no live
translation is lost. ``tools/update_translations.sh`` runs ``update``; the test
``tests/ui/test_translations.py`` runs ``check``.

Catalogues (``kpidesk/resources/i18n``):

- ``kpidesk_fr.ts`` is lupdate's: rebuilt from the strings it reads in
  :func:`sources` (``translate("Context", "literal")`` and
  ``QT_TRANSLATE_NOOP("Context", "literal")``), ``-no-obsolete``: an entry whose
  string no source holds any more is deleted.
- :data:`HAND_KEPT` catalogues (every other ``*_fr.ts``: ``coaching``, ``desk``,
  ``screens``, ``service``…) are edited by hand and never given to lupdate: the
  messages of ``kpidesk.core`` the UI translates (``Errors``: exception templates,
  ``Reasons``…: lupdate does not read core, which has no Qt) and the words of
  features kept in their own file. A string they translate is not added to
  ``kpidesk_fr.ts`` (:func:`prune`).

lupdate reads only literal contexts and strings: ``translate("Ctx", text)`` with a
variable, a helper such as ``tr = lambda s: translate("Ctx", s)``, a ``translate``
inside an f-string, or ``translate(..., n)`` with a variable ``n`` (it loses the
plural forms) are invisible to it. ``update`` refuses to write when a translation of
``kpidesk_fr.ts`` would be lost (:func:`check`), so running it is always safe.

    python tools/translations.py check    # what would be lost or is untranslated
    python tools/translations.py update   # lupdate, prune, lrelease (after check)
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "kpidesk" / "resources" / "i18n"
MAIN = I18N / "kpidesk_fr.ts"
# every other catalogue is hand-kept (coaching, desk, screens, service…; a new one too)
HAND_KEPT = tuple(sorted(p.name for p in I18N.glob("*_fr.ts") if p != MAIN))

Key = tuple[str, str]  # (context, source text)


def sources() -> list[Path]:
    """The files lupdate reads: the UI, and the snapshot command (it labels its window)."""
    return sorted((ROOT / "kpidesk" / "ui").rglob("*.py")) + [ROOT / "kpidesk" / "commands" / "snapshot.py"]


def tool(name: str) -> str | None:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this Python, else on the PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def translations(path: Path) -> dict[Key, str | None]:
    """Every message of a catalogue and its finished translation (plural forms joined
    by a line break), or None while it has none."""
    out: dict[Key, str | None] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            forms = [] if tr is None else [f.text or "" for f in tr.iter("numerusform")]
            text = "\n".join(forms) if forms else ("" if tr is None else tr.text or "")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, m.findtext("source") or "")] = text if done and text.strip() else None
    return out


def translated(path: Path) -> dict[Key, bool]:
    """Every message of a catalogue, and whether it has a finished translation."""
    return {k: v is not None for k, v in translations(path).items()}


def found() -> set[Key]:
    """The (context, string) pairs lupdate reads in :func:`sources` today."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise RuntimeError("pyside6-lupdate not found (it comes with PySide6)")
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "found_fr.ts"
        subprocess.run([lupdate, *map(str, sources()), "-ts", str(ts)], check=True, capture_output=True)
        return set(translated(ts))


def finished(names: tuple[str, ...]) -> set[Key]:
    return {k for n in names for k, done in translated(I18N / n).items() if done}


def check() -> tuple[set[Key], set[Key]]:
    """What running lupdate would cost, and what is left untranslated:
    ``(lost, untranslated)``. ``lost``: translations of ``kpidesk_fr.ts`` whose string
    lupdate does not read (``-no-obsolete`` would delete them: a dead string, or a call
    site lupdate cannot read); ``untranslated``: strings lupdate reads that no
    catalogue translates."""
    seen = found()
    lost = finished(("kpidesk_fr.ts",)) - seen
    untranslated = seen - finished(("kpidesk_fr.ts", *HAND_KEPT))
    return lost, untranslated


def prune() -> int:
    """Drop from ``kpidesk_fr.ts`` the untranslated entries a hand-kept catalogue
    translates (lupdate adds every string it reads); how many. Edits the text as
    lupdate wrote it, so the next run changes nothing."""
    elsewhere = finished(HAND_KEPT)
    dropped = 0

    def in_context(block: re.Match) -> str:
        nonlocal dropped
        name = html.unescape(block.group(1))

        def message(m: re.Match) -> str:
            nonlocal dropped
            if (name, html.unescape(m.group(1))) in elsewhere:
                dropped += 1
                return ""
            return m.group(0)

        body = _UNFINISHED.sub(message, block.group(2))
        return "" if "<message" not in body else f"<context>\n    <name>{block.group(1)}</name>{body}</context>\n"

    text = _CONTEXT.sub(in_context, MAIN.read_text(encoding="utf-8"))
    if dropped:
        MAIN.write_text(text, encoding="utf-8")
    return dropped


_CONTEXT = re.compile(r"<context>\n\s*<name>(.*?)</name>(.*?)</context>\n", re.S)
_UNFINISHED = re.compile(
    r"\n\s*<message>\s*<source>(.*?)</source>\s*<translation type=\"unfinished\"></translation>\s*</message>(?=\n)",
    re.S,
)


def say(title: str, keys: set[Key]) -> None:
    if keys:
        print(f"{title} ({len(keys)}):")
        for ctx, src in sorted(keys):
            print(f"  [{ctx}] {src}")


def update() -> int:
    lost, _ = check()
    if lost:
        say("Not updated: lupdate would delete these translations of kpidesk_fr.ts", lost)
        print("Make their call sites literal (translate/QT_TRANSLATE_NOOP) or delete the dead entries by hand.")
        return 1
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    assert lupdate and lrelease
    # no guessed translations (lupdate copies one of the same text from another context,
    # unfinished, and lrelease would ship it), no line numbers (they change at every edit)
    guesses = ["-disable-heuristic", "sametext", "-disable-heuristic", "similartext"]
    update_ts = [lupdate, *map(str, sources()), "-no-obsolete", "-locations", "none", *guesses, "-ts", str(MAIN)]
    subprocess.run(update_ts, check=True)
    print(f"{prune()} strings left to the hand-kept catalogues ({', '.join(HAND_KEPT)})")
    for ts in sorted(I18N.glob("*_fr.ts")):
        subprocess.run([lrelease, "-nounfinished", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    _, untranslated = check()
    say("Still to translate (in kpidesk_fr.ts, or a hand-kept catalogue)", untranslated)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        return update()
    if argv[:1] == ["check"]:
        lost, untranslated = check()
        say("Translations lupdate would delete (dead, or a call site it cannot read)", lost)
        say("Strings without a French translation", untranslated)
        return 1 if lost or untranslated else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
