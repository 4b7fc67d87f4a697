"""Problems: every contributor mistake, located at file:line, reported together.

    data/facts.yml:118: fact 'tb2-lost': 'value' must be a number, got '2 units' (...)

Loaders and checks append `Problem`s to a list; the build raises them together as one
`DataError` (collect, then stop once), sorted and without duplicates.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One contributor mistake, located at file:line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataError(Exception):
    """All problems found in one pass, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's data or pages:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


def did_you_mean(value: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
