#!/usr/bin/env bash
# Refresh the French catalogue lupdate keeps (kpidesk_fr.ts) from the UI sources, then
# compile every catalogue. It stops before writing anything when lupdate would delete
# a live translation (a call site it cannot read): see tools/translations.py, which
# also names the hand-kept catalogues (coaching, desk, screens, service) it leaves alone.
# Edit translations in kpidesk/resources/i18n/*_fr.ts (Qt Linguist or a text editor);
# commit both the .ts and the compiled .qm so installs need no Qt tools.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python tools/translations.py update
