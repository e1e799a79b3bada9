"""Shared fixtures: a bare in-memory database with every migration applied."""

from __future__ import annotations

import pytest

from kpidesk.core.db.startup import open_database


@pytest.fixture
def store():
    s = open_database(":memory:")
    yield s
    s.close()
