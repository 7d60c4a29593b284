"""Errors the user can act on. ``str(error)`` is one line of Vietnamese, ready to show."""

from __future__ import annotations

from kehoach.core.entries import EntryProblems, Problem
from kehoach.core.observations import Observation


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


class InputProblems(EntryProblems, InputError):
    """Input refused as a whole with every problem listed (``problems``, each with its
    location); nothing was written. Both a core ``EntryProblems`` (for callers that list the
    problems themselves) and an ``InputError`` whose one-line message names them all."""

    def __init__(self, problems: list[Problem], what: str = "dữ liệu nhập") -> None:
        super().__init__(problems)
        count = len(self.problems)
        listed = "; ".join(str(problem) for problem in self.problems)
        self.args = (f"{what} có {count} lỗi, không ghi gì vào cơ sở dữ liệu: {listed}",)

    def __str__(self) -> str:
        return str(self.args[0])


class PermissionDenied(KehoachError):
    """The actor may not do this here (core.accounts.allowed said no)."""


class ConflictError(KehoachError):
    """The request clashes with what is stored (a username taken, a figure changed meanwhile)."""


class ConcurrentWrite(ConflictError):
    """Someone else stored the same figure or approval step at the very same moment, first:
    nothing of this write was stored. Use cases that write figures or approval steps run once
    more when it happens (they then see the other write, and a write naming the revision it
    replaces is refused as :class:`StaleFigure`); this is raised only when that collides again."""


class StaleFigure(ConflictError):
    """A figure write named the revision it replaces, and that is no longer the current one:
    someone changed the figure meanwhile. ``current_seq`` is the current revision number (None:
    the slot has no revision), ``current`` the current figure (None: none or cleared)."""

    def __init__(self, message: str, current_seq: int | None, current: Observation | None) -> None:
        super().__init__(message)
        self.current_seq = current_seq
        self.current = current


class LoginRefused(KehoachError):
    """Wrong username or password, or an account that cannot sign in: the message says no more."""


class LoginThrottled(LoginRefused):
    """Too many failed sign-ins lately; ``retry_after`` seconds until the next try is heard."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
