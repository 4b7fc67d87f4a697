"""What a marker kind is: the spec each module of render/markers/ declares.

    KIND = MarkerKind("fact", order=10, ids=lambda ledger: ledger.known("facts"),
                      where="data/facts.yml", render=render_fact, uses=fact_uses)

- `ids(ledger)`: the ids it accepts (None: its data file did not parse, so ids are not checked);
- `where`: where those ids live (named in the message for an unknown id);
- `locator`: whether it takes '| locator' (only cite does);
- `parity`: whether every language must use it in the same sections (checks/pages.py);
- `render(renderer, arg, locator)`: its Markdown (render/page.py calls it);
- `uses(ledger, arg)`: the facts, sources and tables it shows (the "Used in" links, the facts
  ledger, unused records);
- `order`: its place when kinds are listed (messages).

The scan (scan.py) and the checks take the kinds as an argument, so this layer does not depend
on the renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Uses:
    """What one marker shows: tables, then sources, then facts (with their own sources)."""

    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()


@dataclass(frozen=True)
class MarkerKind:
    name: str
    order: int
    ids: Callable[[Any], Any]
    where: str
    render: Callable[..., str]
    uses: Callable[[Any, str], Uses] = lambda ledger, arg: Uses()
    locator: bool = False
    parity: bool = True


def ordered(kinds) -> dict[str, MarkerKind]:
    """{name: kind} in their listing order."""
    return {k.name: k for k in sorted(kinds, key=lambda k: k.order)}
