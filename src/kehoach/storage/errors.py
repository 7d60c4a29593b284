"""Storage failures, with a one-line Vietnamese message for the user."""

from __future__ import annotations


class StorageError(Exception):
    """The database cannot be opened, migrated or written."""
