"""Records no page uses: a fact, source or table in data/ that no page shows is reported (and,
the build being strict, fails it): either a page should use it or it should go."""

from __future__ import annotations

from ..data.ledger import Ledger
from ..markup.usage import Usage


def unused(ledger: Ledger, usage: Usage) -> list[str]:
    """Messages for facts, sources and tables no page uses (the build reports them)."""
    out = []
    for fact in ledger.facts.values():
        if fact.id not in usage.facts:
            out.append(f"data/facts.yml:{fact.line}: fact '{fact.id}' is not used on any page "
                       "(reference it with {{ fact:" + fact.id + " }} or remove it)")
    for source in ledger.sources.values():
        if source.id not in usage.sources:
            out.append(f"data/sources.yml:{source.line}: source '{source.id}' supports no fact "
                       "and is cited on no page (cite it with {{ cite:" + source.id + " }})")
    for table in ledger.tables.values():
        if table.id not in usage.tables:
            out.append(f"data/tables/{table.id}.yml:1: table '{table.id}' is shown on no page "
                       "(add {{ table:" + table.id + " }} to a page)")
    return out
