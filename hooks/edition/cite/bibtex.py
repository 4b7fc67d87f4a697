"""BibTeX and RIS, written safely: values escaped for BibTeX, one tag a line for RIS."""

from __future__ import annotations

import re

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}


def bibtex_escape(text: str) -> str:
    """A BibTeX field value (to go inside braces): LaTeX specials escaped, whitespace single."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex_title(text: str) -> str:
    """A title in a second pair of braces, so that BibTeX and biblatex styles print it in the
    case it is written in: a style that changes titles to sentence case would otherwise print
    "The nagorno-karabakh conflict explained". Reference managers drop the braces."""
    return "{" + bibtex_escape(text) + "}" if str(text).strip() else ""


def bibtex_url(url: str) -> str:
    """A URL for BibTeX's verbatim `url` field: the characters that would end or break its
    braces (and whitespace) percent-encoded, so no address can close the entry."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group(0)):02X}", str(url))


def bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """An entry; `fields` are (name, value) with values already escaped (verbatim for url)."""
    width = max((len(name) for name, _ in fields), default=0)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}"


def ris_record(tags: list[tuple[str, str]]) -> str:
    """A RIS record: 'TY  - …' first, 'ER  - ' last; empty values are left out."""
    lines = [f"{tag}  - {' '.join(str(value).split())}" for tag, value in tags if value]
    return "\n".join([*lines, "ER  - "])
