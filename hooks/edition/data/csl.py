"""Typed CSL: the names and dates of a source, parsed once from its CSL-JSON item.

A source keeps its CSL-JSON item (`Source.csl`, published as sources.json); `names()` and
`csl_date()` read the item's `author` list and its dates into `Name` and `CslDate`, which every
citation format, the metadata and the audit use instead of reading the dict themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Name:
    """A person (family, given) or an organisation (literal)."""

    family: str = ""
    given: str = ""
    literal: str | None = None  # set for an organisation, e.g. "SIPRI"

    @property
    def is_person(self) -> bool:
        return self.literal is None

    @property
    def short(self) -> str:
        """'Witt', 'SIPRI': the name in author-date citations."""
        return self.literal if self.literal is not None else self.family

    @property
    def inverted(self) -> str:
        """'Witt, Stephen' (a person), 'SIPRI' (an organisation)."""
        if self.literal is not None:
            return self.literal
        return f"{self.family}, {self.given}".strip(", ")

    @property
    def natural(self) -> str:
        """'Stephen Witt'."""
        return self.literal if self.literal is not None else f"{self.given} {self.family}".strip()


@dataclass(frozen=True)
class CslDate:
    """A CSL date: year, year-month or year-month-day."""

    parts: tuple[int, ...]

    @property
    def year(self) -> str:
        return str(self.parts[0])

    @property
    def iso(self) -> str:
        """'2022', '2022-05', '2022-05-16'."""
        return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(self.parts))

    @property
    def is_day(self) -> bool:
        return len(self.parts) == 3


def csl_date_item(value: Any) -> dict | None:
    """'2022', 2022 or '2022-05-16' -> CSL date {'date-parts': [[2022, 5, 16]]}."""
    if value in (None, ""):
        return None
    parts = [int(p) for p in str(value).split("-") if p.isdigit()]
    return {"date-parts": [parts]} if parts else {"literal": str(value)}


def csl_date(item: dict | None) -> CslDate | None:
    """The CslDate of a CSL date item ({'date-parts': [[2022, 5]]}), or None."""
    parts = ((item or {}).get("date-parts") or [[]])[0]
    return CslDate(tuple(parts)) if parts and parts[0] else None


def names(authors: list | None) -> tuple[Name, ...]:
    """The `author` list of a CSL item as Names."""
    out = []
    for author in authors or []:
        if "literal" in author:
            out.append(Name(literal=str(author["literal"])))
        else:
            out.append(Name(str(author.get("family", "")), str(author.get("given", ""))))
    return tuple(out)
