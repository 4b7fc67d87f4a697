"""Text from data/ inside Markdown: HTML-escaped, and its Markdown syntax neutralised, so a
contributor's text can never become markup (tests/test_bad_input.py)."""

from __future__ import annotations

import html


def escape(text: str) -> str:
    """HTML-escape text from data/ and neutralise Markdown syntax inside it."""
    out = html.escape(str(text), quote=True)
    for char, entity in (("|", "&#124;"), ("*", "&#42;"), ("_", "&#95;"), ("[", "&#91;"),
                         ("]", "&#93;"), ("`", "&#96;"), ("{", "&#123;"), ("}", "&#125;"),
                         ("\\", "&#92;")):
        out = out.replace(char, entity)
    return out
