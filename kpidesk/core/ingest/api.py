"""The import API the UI and the CLI use, in one place.

Plain functions, no Qt: the UI runs them in a worker thread.
"""

from __future__ import annotations

from kpidesk.core.ingest.context import TransformContext
from kpidesk.core.ingest.errors import ImportCancelled, ImportError_, ImportFailed
from kpidesk.core.ingest.pipeline import import_file, import_files
from kpidesk.core.ingest.profiles import Profile, all_profiles, find as find_profile, user_folder
from kpidesk.core.ingest.proposal import Proposal, propose_mapping, save_profile
from kpidesk.core.ingest.report import ImportReport
from kpidesk.core.ingest.sheets import list_sheets

__all__ = [
    "ImportCancelled", "ImportError_", "ImportFailed", "ImportReport", "Profile", "Proposal",
    "TransformContext", "all_profiles", "find_profile", "import_file", "import_files", "list_sheets",
    "propose_mapping", "save_profile", "user_folder",
]
