"""Errors the user can act on. ``str(error)`` is one line of Vietnamese, ready to show."""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every error a use case reports to its caller."""


class InputError(KehoachError):
    """A file or text that cannot be read or is not what it should be."""


class NotFoundError(KehoachError):
    """No plan matches the reference."""


class AmbiguousReferenceError(KehoachError):
    """More than one plan matches the reference."""


class DatabaseError(KehoachError):
    """The database cannot be opened, read or written."""
