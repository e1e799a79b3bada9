"""The core must be usable without Qt: import every core module in a clean process."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kpidesk.core


def test_core_imports_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(kpidesk.core.__path__, "kpidesk.core.")]
    modules += ["kpidesk.cli", "kpidesk.commands.kpis", "kpidesk.commands.staffing"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"Qt imported by the core: {out.stdout}"
    assert len(modules) > 10
