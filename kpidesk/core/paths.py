"""Where kpidesk keeps the user's database when none is named."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "kpidesk"


def default_db_path() -> Path:
    return Path(os.environ.get("KPIDESK_DB", data_dir() / "kpidesk.duckdb"))
