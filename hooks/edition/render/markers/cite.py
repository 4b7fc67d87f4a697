"""{{ cite:ID }} or {{ cite:ID | locator }}: a footnote citing a source of data/sources.yml,
with where in it (page, figure, footnote).

    Turkey framed the tie as kinship {{ cite:ots-2021-vision | footnote 9 }}.
"""

from __future__ import annotations

from ...markup.kinds import MarkerKind, Option, Uses


def render_cite(renderer, source_id: str, locator: str = "") -> str:
    renderer.ledger.sources[source_id]  # KeyError -> unknown source
    return renderer.footnotes.ref(source_id, locator)


KIND = MarkerKind(
    "cite", order=20, ids=lambda ledger: ledger.known("sources"), where="data/sources.yml",
    render=render_cite, uses=lambda ledger, arg: Uses(sources=(arg,)),
    option=Option("a locator: where in the source", "footnote 9"))
