"""The site's one "page not found" page (404.html), in the default language, with a line in
each of the others.

A static host (GitHub Pages) serves the one 404.html at the site's root for every missing
address, whichever language the reader was reading. mkdocs-static-i18n renders the theme's
404.html once per language into that same place, so the last language built (Indonesian) used to
replace the English page. Here the default language's page is kept: each other language's build
writes it again unchanged. overrides/404.html gives every language's words (locale: "not-found"),
each marked with its language and linking its home page.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from ..locale import words
from . import state

TEMPLATE = "404.html"


def not_found_texts(base_url: str, langs: tuple[str, ...]) -> list[dict]:
    """What overrides/404.html shows, one entry per language, the default first: its words,
    its language and the address of its home page (base_url: the 404 page's absolute site
    path). Each other language's home is its folder, as mkdocs.yml builds every language (no
    i18n `link:` or `build: false` there)."""
    base = base_url.rstrip("/") + "/"
    return [dict(words("not-found", lang), lang=lang, url=base + ("" if i == 0 else f"{lang}/"))
            for i, lang in enumerate(langs)]


def on_template_context(context, template_name: str, config):
    if template_name == TEMPLATE:
        context["edition_not_found"] = not_found_texts(context.get("base_url") or "/",
                                                       state.languages(config))
    return context


@event_priority(-300)  # after the Content-Security-Policy (csp.py, -200): the published bytes
def on_post_template(output: str, template_name: str, config) -> str:
    current = state.current()
    if template_name != TEMPLATE or current is None:
        return output
    if state.language(config) == state.languages(config)[0]:
        current.not_found_page = output
        return output
    return current.not_found_page or output
