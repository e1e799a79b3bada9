"""Shared fixtures: a bare in-memory database with every migration applied."""

from __future__ import annotations

import pytest

from kpidesk.core.store import Store


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()
