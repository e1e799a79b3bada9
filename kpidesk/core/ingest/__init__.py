"""Importing exports into the canonical tables.

Sniff a file, pick (or propose) a profile, stage it, map it onto the canonical
tables, dedupe by natural key, report every row, all in one transaction. The public
entry points are re-exported from :mod:`kpidesk.core.ingest.api`.
"""
