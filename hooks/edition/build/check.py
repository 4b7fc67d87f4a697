"""What a strict build of a project would report, found without building it: the problems of its
data and hand-written pages (build/events.check_pages), the errata's, and the warnings a strict
build fails on (unused records, unrecorded findings). For tests and tools: a contributor's
mistake is found in a fraction of a second, with the same messages as the build's."""

from __future__ import annotations

from pathlib import Path

from ..checks.errata import unrecorded_messages
from ..checks.usage import unused
from ..data.pages import PRINT_PAGE, page_language, pages_in
from ..data.problems import DataError
from ..markup.usage import usage_index
from ..pages import GENERATED
from ..render.markers import KINDS
from .events import check_errata, check_pages


def check_project(root: Path, langs: tuple[str, ...] = ("en", "id")) -> list[str]:
    """Every message (problem or warning) a strict build of the project at `root` reports
    before rendering, in the build's words; [] for a project that passes them all."""
    root = Path(root)
    docs = root / "docs"
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        if page_language(src_uri, langs)[0] not in (*GENERATED, PRINT_PAGE):
            pages[src_uri] = path
    try:
        ledger, scans = check_pages(root, docs, pages, langs)
        errata = check_errata(ledger)
    except DataError as err:
        return [str(err)]
    usage = usage_index(ledger, pages_in(scans, langs[0], langs), KINDS)
    return unused(ledger, usage) + unrecorded_messages(errata)
