"""Errors the user can act on. ``str(error)`` is one line of Vietnamese, ready to show."""

from __future__ import annotations

from kehoach.core.entries import EntryProblems, Problem


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
