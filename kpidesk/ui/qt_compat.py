"""Work around a reference-count bug of PySide6 6.12.0 on Python 3.11.

Each time C++ calls a Python override of a ``void`` virtual (``paintEvent``,
``resizeEvent``… — pyqtgraph overrides many), that PySide6 release drops one
reference to ``None`` (and sometimes ``True``) that it never took. On Python 3.12+
these objects are immortal and nothing happens; on 3.11 their count falls with every
repaint until the interpreter aborts ("none_dealloc: deallocating None"), after a
few minutes of use. kpidesk pins PySide6 6.11.3, which does not have the bug; for a
user who installs 6.12 anyway, we give those singletons a very large reserve of
references at start-up. Reproduce with a bare
``QWidget`` subclass overriding ``paintEvent`` and watch ``sys.getrefcount(None)``.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

RESERVE = 1 << 40
_done = False


def affected() -> bool:
    if sys.version_info >= (3, 12):
        return False
    return PySide6.__version__.startswith("6.12.")


def protect_singletons() -> None:
    global _done
    if _done or not affected():
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _done = True
