"""Importing exports into the canonical tables.

Sniff a file, pick (or propose) a profile, stage it, map it onto the canonical
tables, dedupe by natural key, report every row, all in one transaction. The public
entry points are re-exported from :mod:`kpidesk.core.ingest.api`.
"""

from kpidesk.core.ingest.api import (
    ImportCancelled, ImportError_, ImportFailed, import_file, import_files, propose_mapping, save_profile,
)

__all__ = ["ImportCancelled", "ImportError_", "ImportFailed", "import_file", "import_files", "propose_mapping",
           "save_profile"]
