"""Pages generated from data/, in every language: each module here has a `PAGE_PATH` and a
`make(context)`, and GENERATED lists them (the printable edition, made from all the others, is
print.py).

    facts.py      evidence/facts.md       the facts ledger
    sources.py    evidence/sources.md     every source
    timeline.py   evidence/timeline.md    every dated event
    errata.py     evidence/errata.md      every known error
    downloads.py  evidence/downloads.md   the data files and their package
    changelog.py  about/changelog.md      what changed (and CHANGELOG.md)
    print.py      about/print.md          the whole edition on one page
    changes.py    changes/V.md            what changed since a release (the root copy only),
                                          the banner of a release's pages, make diff's report
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..checks.errata import Errata
from ..cite.version import Version
from ..data.ledger import Ledger
from ..markup.usage import Usage
from ..render.notes import PageNotes, Repository
from . import changelog, downloads, errata, facts, sources, timeline


@dataclass(frozen=True)
class Context:
    """What the generated pages of one language are made from."""

    ledger: Ledger
    usage: Usage
    errata: Errata
    repository: Repository
    version: Version
    lang: str
    # every release up to this build, oldest first: (name, permanent address, snapshot)
    # (build/versions.py release_chain), for the Changelog's section per release
    releases: tuple = ()

    def notes(self, page_path: str) -> PageNotes:
        return PageNotes(self.errata, self.repository, self.ledger, self.lang, page_path)


# in this order (it is the order MkDocs builds them in, and so of their search entries)
GENERATED: dict[str, Callable[[Context], str]] = {
    module.PAGE_PATH: module.make for module in (facts, sources, timeline, errata, downloads,
                                                 changelog)}


def generated_pages(context: Context) -> dict[str, str]:
    """The Markdown of every generated page in the context's language, by path."""
    return {path: make(context) for path, make in GENERATED.items()}
