#!/usr/bin/env bash
# Refresh the French catalogue from the UI sources, then compile it.
# Edit translations in kpidesk/resources/i18n/kpidesk_fr.ts (Qt Linguist or a text
# editor); commit both the .ts and the compiled .qm so installs need no Qt tools.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-$(dirname "$(command -v python)")}"
"$BIN/pyside6-lupdate" $(find kpidesk/ui -name "*.py" | sort) kpidesk/commands/snapshot.py -no-obsolete \
    -ts kpidesk/resources/i18n/kpidesk_fr.ts
"$BIN/pyside6-lrelease" kpidesk/resources/i18n/kpidesk_fr.ts -qm kpidesk/resources/i18n/kpidesk_fr.qm
