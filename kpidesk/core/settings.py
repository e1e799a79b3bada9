"""Every setting kpidesk knows, declared once: name, type, default, help.

Settings live in the database's ``settings`` table (the team lead's own data, never
touched by imports). KPI parameters (``sl_threshold_s``…) are settings too: their
values here are the defaults the engine binds, and ``--param`` overrides them.
"""

from __future__ import annotations

import functools
import json
import os
import zoneinfo
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import duckdb


class StoreLike(Protocol):
    """What settings use of a database (``db.store.Store``, a layer above this leaf)."""

    con: duckdb.DuckDBPyConnection

    def cursor(self) -> duckdb.DuckDBPyConnection: ...

    def write(self, facts: bool = True) -> AbstractContextManager[duckdb.DuckDBPyConnection]: ...


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    help: str
    choices: tuple[str, ...] = ()
    is_kpi_param: bool = False
    maximum: float | None = None  # the largest value allowed (derived facts are kept for it)


DEFAULT_HOURS = {str(d): [["09:00", "18:00"]] for d in range(1, 6)}


@functools.cache
def _packaged_zones() -> frozenset[str]:
    """The zones of the ``tzdata`` package, when it is installed (Windows)."""
    from importlib import resources

    try:
        with (resources.files("tzdata") / "zones").open("r") as fh:
            return frozenset(line.strip() for line in fh if line.strip())
    except (ImportError, FileNotFoundError):
        return frozenset()


def _listed(folder: str, name: str) -> bool:
    """Whether ``folder``'s listing holds ``name``, written the same (case too)."""
    try:
        return name in os.listdir(folder)
    except OSError:
        return False


@functools.lru_cache(maxsize=64)
def known_zone(name: str) -> bool:
    """``name in zoneinfo.available_timezones()``, told by looking at that one name's
    folders and file rather than listing and opening every zone file (0.04-0.7 s on
    the shared machine, at every start): the same answer by the same rules (the
    ``tzdata`` package's list; else a file starting ``TZif`` under a zone folder of
    ``zoneinfo.TZPATH``, reached without following a linked folder, not under
    ``right/`` or ``posix/``; never ``posixrules``)."""
    if name == "posixrules":
        return False
    if name in _packaged_zones():
        return True
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts) or (len(parts) > 1 and parts[0] in ("right", "posix")):
        return False
    for root in zoneinfo.TZPATH:
        if not os.path.exists(root):
            continue
        folder = root
        for part in parts[:-1]:
            if not _listed(folder, part):
                break
            folder = os.path.join(folder, part)
            if os.path.islink(folder) or not os.path.isdir(folder):
                break
        else:
            path = os.path.join(folder, parts[-1])
            if not _listed(folder, parts[-1]) or os.path.isdir(path):
                continue
            try:
                with open(path, "rb") as fh:
                    if fh.read(4) == b"TZif":
                        return True
            except Exception:  # as available_timezones: a file it cannot read is no zone
                pass
    return False


def _system_timezone() -> str:
    tz = os.environ.get("TZ")
    if tz and known_zone(tz):
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            name = target.split("zoneinfo/", 1)[1]
            if known_zone(name):
                return name
    except OSError:
        pass
    return "Europe/Paris"


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("language", str, "system", "Language of the app: system, en or fr.", ("system", "en", "fr")),
        Setting("theme", str, "system", "Colour theme: system, light or dark.", ("system", "light", "dark")),
        Setting(
            "data_timezone",
            str,
            _system_timezone(),
            "Time zone of the timestamps in your exports (IANA name, e.g. Europe/Paris).",
        ),
        Setting(
            "sl_threshold_s",
            float,
            20.0,
            "Service level: a call answered within this many seconds meets the target.",
            is_kpi_param=True,
        ),
        Setting(
            "sl_abandon_policy",
            str,
            "negative",
            "Service level: abandons within the threshold count against (negative), are "
            "removed from the denominator (ignore) or count as met (positive).",
            ("negative", "ignore", "positive"),
            is_kpi_param=True,
        ),
        Setting(
            "short_abandon_s",
            float,
            5.0,
            "Calls abandoned within this many seconds are short abandons, left out of "
            "offered calls (0 counts every abandon).",
            is_kpi_param=True,
        ),
        Setting(
            "repeat_window_days",
            float,
            7.0,
            "A contact followed by another from the same customer within this many days is a repeat "
            "(at most 90: a contact's next contact is kept when it came within 90 days).",
            is_kpi_param=True,
            maximum=90.0,
        ),
        Setting(
            "response_sla_h",
            float,
            24.0,
            "Tickets first answered within this many hours meet the response SLA.",
            is_kpi_param=True,
        ),
        Setting(
            "min_sample",
            int,
            30,
            "Groups with fewer contacts than this are flagged as small samples, not ranked.",
            is_kpi_param=True,
        ),
        Setting(
            "memory_limit_mb",
            int,
            0,
            "Memory DuckDB may use, in MB; beyond it, work spills to a folder beside the database "
            "(0: a quarter of the computer's memory, at most 1.25 GB).",
        ),
        Setting("threads", int, 0, "Threads DuckDB may use (0: every core)."),
        Setting(
            "business_hours",
            dict,
            DEFAULT_HOURS,
            "Opening hours per ISO weekday (1 = Monday): lists of [open, close] times.",
        ),
    ]
}


# Python's and DuckDB's allocations outside its buffer pool come on top of the limit:
# a 10 M-row import (bench/bench_ready.py) peaked at 2.17 GB resident with 2 GB, 1.46 GB
# with 1.25 GB (as fast), 1.20 GB with 1 GB (but spilling made it ~1.5x slower).
MAX_AUTO_MEMORY_MB = 1280


_CGROUP_LIMITS = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")


def total_memory_mb() -> int | None:
    """The memory this process may use, in MB: the computer's, or the container's
    (cgroup) limit when lower; None when the system does not say."""
    sizes = []
    try:
        sizes.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        pass
    for path in _CGROUP_LIMITS:
        try:
            text = Path(path).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text.isdigit():
            sizes.append(int(text))
    return min(sizes) // (1024 * 1024) if sizes else None


def memory_limit_mb(value: int = 0) -> int:
    """The memory limit in force: ``value`` when set, else the environment's
    ``KPIDESK_MEMORY_LIMIT_MB``, else a quarter of the memory, at most 1.25 GB."""
    if value > 0:
        return value
    env = os.environ.get("KPIDESK_MEMORY_LIMIT_MB", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    total = total_memory_mb()
    return MAX_AUTO_MEMORY_MB if total is None else max(256, min(total // 4, MAX_AUTO_MEMORY_MB))


def threads(value: int = 0) -> int:
    """Threads in force: ``value`` when set, else ``KPIDESK_THREADS``, else every core."""
    if value > 0:
        return value
    env = os.environ.get("KPIDESK_THREADS", "")
    return int(env) if env.isdigit() and int(env) > 0 else max(1, os.cpu_count() or 1)


def apply_resources(store: StoreLike) -> None:
    """Set DuckDB's memory limit and threads from the settings (after the file is open)."""
    con = store.con
    con.execute(f"SET memory_limit = '{memory_limit_mb(int(get(store, 'memory_limit_mb')))}MB'")
    con.execute(f"SET threads = {threads(int(get(store, 'threads')))}")


def get(store: StoreLike, key: str) -> Any:
    spec = SETTINGS[key]
    row = store.cursor().execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    value = spec.default if row is None else json.loads(row[0])
    if spec.maximum is not None and isinstance(value, (int, float)) and value > spec.maximum:
        return spec.maximum  # stored before the bound existed: the largest the facts serve
    return value


def set_value(store: StoreLike, key: str, value: Any) -> None:
    spec = SETTINGS.get(key)
    if spec is None:
        raise KeyError(f"Unknown setting {key!r}")
    value = coerce(spec, value)
    with store.write(facts=False) as cur:
        cur.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, json.dumps(value)])
    # data_timezone, memory_limit_mb and threads are DuckDB settings too: applied when
    # the database is opened (its configuration is then locked, Store.contain). Imports
    # read the data time zone from the settings table, so they use a new one at once.


def coerce(spec: Setting, value: Any) -> Any:
    if spec.type is dict:
        value = json.loads(value) if isinstance(value, str) else dict(value)
    elif spec.type is float:
        value = float(str(value).replace(",", "."))
    else:
        value = spec.type(value)
    if spec.choices and value not in spec.choices:
        raise ValueError(f"{spec.key} must be one of {', '.join(spec.choices)}")
    if spec.key == "data_timezone":
        ZoneInfo(value)  # raises on an unknown zone
    if spec.type in (float, int) and value < 0:
        raise ValueError(f"{spec.key} cannot be negative")
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(f"{spec.key} cannot be more than {spec.maximum:g}")
    return value


def kpi_params(store: StoreLike) -> dict[str, Any]:
    """Current values of every KPI parameter."""
    return {k: get(store, k) for k, s in SETTINGS.items() if s.is_kpi_param}


def safe_timezone(store: StoreLike) -> str:
    tz = get(store, "data_timezone")
    return tz if isinstance(tz, str) and known_zone(tz) else "UTC"
