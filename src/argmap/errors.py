"""argmap's own exceptions: everything a user can cause by handing it bad input."""

from __future__ import annotations


class ArgmapError(Exception):
    """Base class of argmap's errors."""


class InputError(ArgmapError):
    """Unusable input. ``str(err)`` is the one line shown to users: ``PATH: problem``.

    Example:
        >>> str(InputError("essay.txt", "not UTF-8 text"))
        'essay.txt: not UTF-8 text'
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")


class LimitExceeded(ArgmapError):
    """A computation went past a size or time limit the caller may raise."""
