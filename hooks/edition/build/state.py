"""Per-build state shared by the hook files, reset at the start of every build.

MkDocs loads each file listed under `hooks:` as its own module, so what two of them share lives
here, in one module of the package that both import; `mkdocs serve` keeps modules between builds,
so `reset()` starts each build afresh. Only the glue (build/) reads it: everything below receives
what it needs as arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import session


@dataclass
class BuildState:
    root: Path
    ledger: object | None = None        # data.ledger.Ledger, once data/ is loaded
    errata: object | None = None        # checks.errata.Errata
    data_key: str | None = None         # memo.fingerprint of data/ for this build
    version: object | None = None       # cite.version.Version
    publication: object | None = None   # cite.version.Publication: where it is published
    repository: object | None = None    # render.notes.Repository
    usages: dict | None = None          # {lang: markup.usage.Usage}
    snapshot: dict | None = None        # outputs/snapshot.py: this build's data as shown
    generated: dict[str, str] = field(default_factory=dict)  # src_uri -> generated content
    chart_cache: object | None = None   # render.charts.cache.ChartCache (.cache/charts/)
    failure: str = ""                   # the problems that stopped this build (build/serve.py)
    render_key: tuple | None = None     # (files, settings, files' digest): build/rendered.py
    outer_version: object | None = None  # the version of the build this language's is inside
    not_found_page: str | None = None   # the default language's 404.html (build/notfound.py)


CURRENT: BuildState | None = None


def reset(root: Path) -> BuildState:
    global CURRENT
    CURRENT = BuildState(root=root)
    return CURRENT


def current() -> BuildState | None:
    return CURRENT


def serving() -> bool:
    """True under `mkdocs serve` (pages go to a live-reloading browser, not to be published):
    the command that session.py keeps for the process."""
    return session.serving()


def language(config) -> str:
    """The language being built (mkdocs-static-i18n builds once per language)."""
    return config.theme["language"] if config.theme else "en"


def languages(config) -> tuple[str, ...]:
    """Every language of the edition, the default first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return (language(config),)
    langs = sorted(i18n.config.languages, key=lambda lang: not lang.default)
    return tuple(lang.locale for lang in langs)
