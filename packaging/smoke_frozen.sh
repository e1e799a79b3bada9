#!/usr/bin/env bash
# Build the one-folder app with PyInstaller on this machine (Linux or macOS) and run
# the frozen app's --smoke-test, then time its start to the window. About 40 s of
# build on a laptop. Uses the active Python environment, where kpidesk's
# dependencies are installed (pip install ".[test]"); installs PyInstaller if absent.
#
#     packaging/smoke_frozen.sh [--clean]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install --quiet "pyinstaller==6.22.3"  # the build extra
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ]; then
  export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
fi
"$PY" packaging/build.py --smoke --time "$@"
