"""Built-in Python transforms for vendor formats that need event reconstruction.

A profile naming ``transform = "<name>"`` loads ``kpidesk.core.ingest.transforms.<name>``,
whose ``transform(cur, staging, ctx)`` turns the staging table into ``out_*`` tables
(see ``docs/profiles.md`` and :class:`kpidesk.core.ingest.context.TransformContext`).
"""
