"""data/categories.yml: the home page's summary of Holsti's three categories of national
interest ({{ summary:holsti }}): each with the interests the authors identify and key facts.

    - id: core-values
      title: {en: Core values, id: Nilai inti}
      page: core-values.md
      interests: [{en: ..., id: ...}, ...]
      key_facts: [tb2-fleet-held, ...]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..locale.text import Text
from .facts import CATEGORIES
from .fields import Field, read_entries
from .problems import Problem, did_you_mean
from .registry import DataFile, Loading

FILE = "data/categories.yml"
PAGE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md$")
FIELDS = (
    Field("id", "choice", required=True, choices=CATEGORIES),
    Field("title", "localized", required=True),
    Field("page", "text", required=True, help="the chapter of the category, e.g. core-values.md"),
    Field("interests", "custom", required=True, help="a list of {en: ..., id: ...}"),
    Field("key_facts", "list", required=True, help="fact ids"),
)


@dataclass(frozen=True)
class Category:
    id: str
    title: Text
    page: str
    interests: tuple[Text, ...]
    key_facts: tuple[str, ...]
    page_line: int = 0  # where `page` is written, for messages about it


def parse_categories(data: Any, rel: str, fact_ids: set[str] | None,
                     problems: list[Problem], languages: tuple[str, ...]) -> tuple[Category, ...]:
    categories = []
    for entry, values in read_entries(data, rel, "category", problems, languages, FIELDS):
        ident, key_facts = values["id"], values["key_facts"]
        for fact in key_facts:
            if fact_ids is not None and fact not in fact_ids:
                entry.fail(entry.line_of("key_facts"), f"category '{ident}': unknown fact "
                           f"'{fact}'{did_you_mean(fact, fact_ids)}")
        interests = tuple(entry.localized("interests", value=item, line=getattr(
            item, "line", entry.line_of("interests"))) for item in entry.items(
            "interests", "interest ({en: ..., id: ...})"))
        if "key_facts" in entry.raw and not key_facts:
            entry.fail(entry.line_of("key_facts"), f"category '{ident}': 'key_facts' is empty; "
                       "it needs at least one fact id")
        if values["page"] and not PAGE_RE.match(values["page"]):
            entry.fail(entry.line_of("page"), f"category '{ident}': 'page' is "
                       f"{values['page']!r}, not a page of the edition: write the path of its "
                       "chapter under docs/, e.g. core-values.md")
        category = Category(ident, values["title"], values["page"], interests, key_facts,
                            entry.line_of("page"))
        if entry.ok:
            categories.append(category)
    return tuple(categories)


def load(loading: Loading) -> tuple[Category, ...]:
    raw = loading.yaml(FILE, expect="a YAML list of categories ('- id: ...')")
    return parse_categories(raw, FILE, loading.known("facts"), loading.problems,
                            loading.languages)


DATA_FILE = DataFile("categories", FILE, load, depends=("facts",))
