"""What a marker kind is: the spec each module of render/markers/ declares.

    KIND = MarkerKind("fact", order=10, ids=lambda ledger: ledger.known("facts"),
                      where="data/facts.yml", render=render_fact, uses=fact_uses,
                      option=Option("style", "words", choices=("words",), check=...))

- `ids(ledger)`: the ids it accepts (None: its data file did not parse, so ids are not checked);
- `where`: where those ids live (named in the message for an unknown id);
- `option`: what it takes after '|' (None: nothing), see `Option`: a cite's locator
  (`{{ cite:ID | footnote 9 }}`, any text) or a fact's style (`{{ fact:ID | words }}`);
- `block`: it renders a block (a table, a figure), so it stands alone on its line, between
  blank lines and not indented; otherwise it sits in a sentence;
- `parity`: whether every language must use it in the same sections (checks/pages.py); what
  follows '|' is not compared: a locator or a style is the language's own business;
- `render(renderer, arg, option)`: its Markdown (render/page.py calls it);
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
class Option:
    """What a marker kind takes after '|'.

    `name` and `example` appear in messages ("a locator, e.g. 'footnote 9'"); `choices`, when
    given, are the only values it takes (otherwise any text); `check(ledger, arg, value)`
    returns what is wrong with this value for this id ('' when nothing is); `hint` follows the
    message for a value it does not take.
    """

    name: str
    example: str
    choices: tuple[str, ...] = ()
    check: Callable[[Any, str, str], str] | None = None
    hint: str = ""

    def describe(self) -> str:
        if self.choices:
            return " or ".join(f"'| {c}'" for c in self.choices)
        return f"'| {self.example}' ({self.name})"


@dataclass(frozen=True)
class MarkerKind:
    name: str
    order: int
    ids: Callable[[Any], Any]
    where: str
    render: Callable[..., str]
    uses: Callable[[Any, str], Uses] = lambda ledger, arg: Uses()
    option: Option | None = None
    block: bool = False
    parity: bool = True


def ordered(kinds) -> dict[str, MarkerKind]:
    """{name: kind} in their listing order."""
    return {k.name: k for k in sorted(kinds, key=lambda k: k.order)}


def syntax(kinds: dict) -> str:
    """How each kind is written, for messages: '{{ fact:ID }}', '{{ cite:ID | footnote 9 }}' ..."""
    forms = []
    for name, kind in kinds.items():
        forms.append(f"'{{{{ {name}:ID }}}}'")
        if kind.option:
            forms.append(f"'{{{{ {name}:ID | {kind.option.example} }}}}'")
    return ", ".join(forms[:-1]) + " or " + forms[-1] if len(forms) > 1 else "".join(forms)
