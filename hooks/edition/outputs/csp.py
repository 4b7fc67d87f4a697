"""A Content-Security-Policy on every page, as <meta http-equiv> (GitHub Pages sends no header
that the site could set). The browser loads scripts, stylesheets, images, the search index
and the search worker from the site itself, and runs an inline script only when its sha256
hash is in the page's policy. A page that someone managed to inject a script into, or that
asks another server for anything, is refused.

    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'
      'sha256-…'; …">

`with_csp(html)` is the pure transform: it hashes the page's executable inline scripts and
inserts the tag right after <meta charset>, so the policy governs every script and stylesheet
that follows. The inline scripts are Material's (their text varies per page:
`new URL("..", location)` names the page's base URL), the palette toggle's
(overrides/partials/javascripts/palette.html) and Material's tab anchors. Data blocks (the
JSON-LD, Material's `__config`) are never run, so CSP does not apply to them: not hashed.

Styles keep 'unsafe-inline'. Style attributes are everywhere: the tables' column alignment
(`style="text-align: right;"`, from Python-Markdown, thousands per site), every element of the
charts' SVG (matplotlib, which also writes a <style> per chart), and what Material's script
sets. Allowing them by hash would need 'unsafe-hashes', which browsers apply to attributes
unevenly; and a hash in style-src makes browsers ignore its 'unsafe-inline', so a browser
without attribute hashes would drop every table's alignment and every chart's colours. What an
injected style could do is bounded by the rest of the policy: it cannot run code, and it
cannot send anything anywhere (images, fonts and connections: this site only).

Its events (build/csp.py) run after every other transform of a page's HTML (priority -200,
below build/events.py's on_post_page at 0 and mkdocs-static-i18n's at -100; MkDocs runs higher
priorities first), so the hashes are of the bytes that are published. The 404 page is a
template, not a page: on_post_template.

Under `mkdocs serve`, MkDocs adds its live-reload script, inline, to every page it serves, with
a new text per request: no hash can allow it, so the served pages allow inline scripts
('unsafe-inline', hashes left out, as a hash would make browsers ignore it). The built site,
which is what is published and what tests/browser/ checks, keeps the hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re

META_NAME = "Content-Security-Policy"
CHARSET_RE = re.compile(r"<meta\s+charset\s*=\s*[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
HEAD_RE = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
EXISTING_RE = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy",
                         re.IGNORECASE)
# A script's text ends at the first </script, whatever it holds (HTML's rule for script
# text), which is where this lazy match ends.
SCRIPT_RE = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<text>.*?)</script\s*>",
                       re.IGNORECASE | re.DOTALL)
ATTRIBUTE_RE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# The values of a <script type> that make it a classic or module script (HTML: "JavaScript MIME
# type essence match", or "module"); any other type is a data block, which is never run.
JAVASCRIPT_TYPES = frozenset({
    "", "module", "application/ecmascript", "application/javascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript"})


def attributes(text: str) -> dict[str, str]:
    """'id="a" defer' -> {'id': 'a', 'defer': ''} (names lower-cased, entities decoded)."""
    found = {}
    for match in ATTRIBUTE_RE.finditer(text):
        name, *values = match.groups()
        value = next((v for v in values if v is not None), "")
        found.setdefault(name.lower(), html_lib.unescape(value))
    return found


def source_hash(text: str) -> str:
    """The CSP source that allows an inline script with this text: 'sha256-<base64>'."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the HTML parser reads it
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """The hashes of the page's executable inline scripts, in order of appearance, no repeats."""
    hashes: dict[str, None] = {}
    for match in SCRIPT_RE.finditer(html):
        attrs = attributes(match["attrs"])
        if "src" not in attrs and attrs.get("type", "").strip().lower() in JAVASCRIPT_TYPES:
            hashes[source_hash(match["text"])] = None
    return list(hashes)


def policy(script_hashes: list[str], *, inline_scripts: bool = False) -> str:
    """The policy's text: the site's own resources, plus the inline scripts given by hash (or,
    with inline_scripts, any inline script: see `mkdocs serve` above)."""
    scripts = ["'unsafe-inline'"] if inline_scripts else script_hashes
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *scripts],
        "style-src": ["'self'", "'unsafe-inline'"],  # why: this module's docstring
        "img-src": ["'self'", "data:"],               # Material's icons are data: URLs in CSS
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_csp(html: str, *, inline_scripts: bool = False) -> str:
    """The page with its Content-Security-Policy <meta> right after <meta charset> (or, without
    one, at the start of <head>): before every script and stylesheet, which it then governs."""
    if EXISTING_RE.search(html):
        raise ValueError(f"the page already has a {META_NAME} <meta>")
    anchor = CHARSET_RE.search(html) or HEAD_RE.search(html)
    if anchor is None:
        raise ValueError("the page has no <head> to hold its Content-Security-Policy")
    content = policy(inline_script_hashes(html), inline_scripts=inline_scripts)
    tag = f'<meta http-equiv="{META_NAME}" content="{content}">'  # no " & < > in a policy
    return f"{html[:anchor.end()]}\n{tag}{html[anchor.end():]}"
