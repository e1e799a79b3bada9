"""Importing exports into the canonical tables: the one face the UI and the CLI use.

Sniff a file, pick (or propose) a profile, stage it, map it onto the canonical
tables, dedupe by natural key, report every row, all in one transaction per file
(:mod:`.pipeline`); a batch of files then gets its derived facts and rollups once
(:mod:`.batch`). Plain functions, no Qt: the UI runs them in a worker thread.
"""

from __future__ import annotations

from kpidesk.core.ingest.batch import BatchResult, import_batch
from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.errors import ImportCancelled, ImportError_, ImportFailed
from kpidesk.core.ingest.pipeline import import_file
from kpidesk.core.ingest.profiles import Profile, all_profiles, user_folder
from kpidesk.core.ingest.profiles import find as find_profile
from kpidesk.core.ingest.proposal import Proposal, propose_mapping, save_profile
from kpidesk.core.ingest.sheets import list_sheets
from kpidesk.core.ingest.summary import ImportReport

__all__ = [
    "BatchResult",
    "ImportCancelled",
    "ImportError_",
    "ImportFailed",
    "ImportReport",
    "Profile",
    "Proposal",
    "TransformContext",
    "all_profiles",
    "find_profile",
    "import_batch",
    "import_file",
    "list_sheets",
    "propose_mapping",
    "save_profile",
    "user_folder",
]
