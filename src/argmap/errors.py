"""argmap's own exceptions: everything a user can cause by handing it bad input."""

from __future__ import annotations


MAX_PROBLEM_CHARS = 300
"""Longest problem text of an error line; longer ones are cut, ending in an ellipsis."""


def bounded(problem: str) -> str:
    """``problem`` on one line of at most :data:`MAX_PROBLEM_CHARS` characters, so that one
    quoting hostile input (a 4,000-digit number) stays readable.

    Example:
        >>> bounded("a\\n b"), len(bounded("9" * 5000))
        ('a b', 300)
    """
    problem = " ".join(problem.split())
    return problem if len(problem) <= MAX_PROBLEM_CHARS else problem[:MAX_PROBLEM_CHARS - 1] + "…"


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
        self.problem = bounded(problem)
        super().__init__(f"{self.path}: {self.problem}")


class LimitExceeded(ArgmapError):
    """A computation went past a size or time limit the caller may raise."""


class UnwritableMap(ArgmapError, ValueError):
    """A map built in Python that JSON cannot hold (a lone surrogate in a string, extra
    fields nested past the limit): ``str(err)`` names the place."""
