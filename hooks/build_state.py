"""Per-build state shared by the hook files.

MkDocs loads each file listed under `hooks:` as its own module (named by its path), so state
that two hook files share lives here, in a sibling module both import by name. It is reset at
the start of every build (`mkdocs serve` keeps modules between builds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildState:
    root: Path
    ledger: object | None = None  # ledger.Ledger, once data/ is loaded
    generated: dict[str, str] = field(default_factory=dict)  # src_uri -> generated content
    usages: dict | None = None  # {lang: generated.Usage}: which sections use each fact/source
    scholarly: object | None = None  # scholarly.Scholarly: audit, errata, changelog, version
    chart_cache: object | None = None  # charts.ChartCache: rendered SVGs under .cache/charts/


CURRENT: BuildState | None = None


def reset(root: Path) -> BuildState:
    global CURRENT
    CURRENT = BuildState(root=root)
    return CURRENT


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
