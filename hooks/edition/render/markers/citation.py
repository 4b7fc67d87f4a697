"""{{ citation:site }} and {{ citation:article }}: the edition or the original article in the
four citation formats (APA 7, Chicago, BibTeX, RIS), on the "How to cite" page. The formats are
made by cite/ and handed to the renderer in its notes (render/notes.py)."""

from __future__ import annotations

from ...markup.kinds import MarkerKind

CITATION_IDS = ("site", "article")


def render_citation(renderer, kind: str, locator: str = "") -> str:
    if renderer.notes is None or renderer.notes.citation is None:
        raise KeyError(kind)
    return "\n\n" + renderer.notes.citation(kind) + "\n\n"


KIND = MarkerKind(
    "citation", order=60, ids=lambda ledger: CITATION_IDS, where="hooks/edition/render/markers/citation.py",
    render=render_citation, parity=False, block=True)
