"""Helpers for the vendor transform tests: stage a fixture the way the framework does.

The staging contract (kpidesk/core/ingest/context.py): a TEMP table with every column
as VARCHAR, named as in the header (or the profile's ``columns``), plus ``_line``.
"""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.db.startup import open_database
from kpidesk.core.db.store import Store
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.encoding import stage
from tests.helpers import paths

FIXTURES = paths.FIXTURES / "vendors"
SHARED_DATA = paths.SHARED_DATA
Ctx = TransformContext  # the transform tests' short name


_STORES: list[Store] = []  # keep in-memory stores alive while their cursors are used


def new_cursor():
    """A cursor on a fresh in-memory database with the canonical schema."""
    store = open_database()
    _STORES[:] = [store]
    return store.cursor()


def _readable(path: Path) -> str:
    """The fixture linked into the store's staging folder: an open database reads no
    other folder (Store.contain), as the import itself does."""
    return str(stage(Path(path), _STORES[-1].staging_dir())) if _STORES else str(path)


def stage_csv(cur, path: Path, *, delim: str = ",", columns: list[str] | None = None, name: str = "staging") -> str:
    opts = {"all_varchar": True, "delim": delim, "quote": '"', "escape": '"'}
    if columns:
        opts.update(
            header=False,
            null_padding=True,
            auto_detect=False,
            strict_mode=False,
            columns=dict.fromkeys(columns, "VARCHAR"),
        )
    else:
        opts["header"] = True
    args = ", ".join(f"{k} := ${k}" for k in opts)
    cur.execute(
        f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT *, '
        f"CAST(row_number() OVER () AS BIGINT) AS _line FROM read_csv($path, {args})",
        {"path": _readable(path), **opts},
    )
    return name


def stage_json(cur, path: Path, *, name: str = "staging") -> str:
    """Top-level keys as VARCHAR, nested objects as JSON text (the framework's rule)."""
    cur.execute(
        f'CREATE OR REPLACE TEMP TABLE "_raw_{name}" AS SELECT * FROM read_json_auto($p)', {"p": _readable(path)}
    )
    desc = cur.execute(f'DESCRIBE "_raw_{name}"').fetchall()
    sel = ", ".join(
        f'CAST(to_json("{c}") AS VARCHAR) AS "{c}"'
        if t.startswith(("STRUCT", "MAP", "JSON")) or t.endswith("]")
        else f'CAST("{c}" AS VARCHAR) AS "{c}"'
        for c, t, *_ in desc
    )
    cur.execute(
        f'CREATE OR REPLACE TEMP TABLE "{name}" AS SELECT {sel}, '
        f'CAST(row_number() OVER () AS BIGINT) AS _line FROM "_raw_{name}"'
    )
    return name


def rows(cur, sql: str, params=None) -> list[tuple]:
    return cur.execute(sql, params or {}).fetchall()


def table_exists(cur, name: str) -> bool:
    return bool(
        cur.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $n AND temporary", {"n": name}).fetchone()[
            0
        ]
    )
