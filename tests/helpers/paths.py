"""Where the tests find things: the repository, its docs, and the shared real exports
beside the checkout (``../shared/data``), which tests skip cleanly without."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
CATALOG = DOCS / "kpi-catalog.md"
FIXTURES = REPO / "tests" / "fixtures"
SHARED_DATA = REPO.parent / "shared" / "data"
