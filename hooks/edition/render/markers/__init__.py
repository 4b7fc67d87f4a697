"""The marker kinds, one module each: a module here that declares `KIND = MarkerKind(...)`
(markup/kinds.py) is a marker kind, {{ name:ID }}; `KINDS` is all of them in their order.

    fact.py      {{ fact:ID }}           a number with its unit, qualifier, flags and footnotes
    cite.py      {{ cite:ID | locator }} a footnote citing a source
    table.py     {{ table:ID }}          a table of data/tables/ with its source and CSV link
    summary.py   {{ summary:holsti }}    the three Holsti categories (data/categories.yml)
    chart.py     {{ chart:ID }}          a numbered figure drawn from data/ (render/charts/)
    citation.py  {{ citation:site }}     the citation formats of the edition or the article

Adding a kind is one module (CONTRIBUTING.md, "Adding a marker kind").
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from ...markup.kinds import MarkerKind, ordered


def _discover() -> dict[str, MarkerKind]:
    found = []
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if isinstance(kind, MarkerKind):
            found.append(kind)
    return ordered(found)


KINDS: dict[str, MarkerKind] = _discover()
