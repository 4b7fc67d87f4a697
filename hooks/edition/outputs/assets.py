"""The edition's own stylesheets and scripts, each bundled into one minified file.

The sources stay small and separate in docs/ (one concern a file, commented); a reader gets one
stylesheet and one deferred script, so a page makes two requests for them instead of eight and
nothing of ours blocks its first paint but the stylesheet (bench/lighthouse.sh measures this).

    stylesheets/bundle.css  <- CSS_SOURCES, in this order (the cascade depends on it)
    javascripts/bundle.js   <- JS_SOURCES, in this order (tablesort before tables.js)

mkdocs.yml lists the two bundles under extra_css / extra_javascript. The sources themselves are
not published. A .css or .js file under those folders that is not listed here fails the build:
it would otherwise be silently left out of the site. Licence comments (/*! ... */) are kept.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

from ..data.problems import Problem

CSS_BUNDLE = "stylesheets/bundle.css"
JS_BUNDLE = "javascripts/bundle.js"
CSS_SOURCES = ("stylesheets/edition.css", "stylesheets/visual.css", "stylesheets/print.css",
               "stylesheets/cite.css")
JS_SOURCES = ("javascripts/palette.js", "javascripts/language-switch.js",
              "javascripts/scroll-boxes.js",
              "javascripts/vendor/tablesort.min.js", "javascripts/tables.js",
              "javascripts/cite.js", "javascripts/versions.js")
BUNDLES = {CSS_BUNDLE: CSS_SOURCES, JS_BUNDLE: JS_SOURCES}


def minify(path: str, text: str) -> str:
    if path.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    # each script is a statement of its own, whatever its last character
    return rjsmin.jsmin(text, keep_bang_comments=True).rstrip().rstrip(";") + ";"


def bundle(docs_dir: Path, sources: tuple[str, ...]) -> str:
    """The minified concatenation of sources (paths under docs_dir), each under a comment
    naming it, so the browser's developer tools lead back to the file to edit."""
    parts = []
    for source in sources:
        text = (docs_dir / source).read_text(encoding="utf-8")
        parts.append(f"/* {source} */\n{minify(source, text)}")
    return "\n".join(parts) + "\n"


def check_sources(docs_dir: Path) -> list[Problem]:
    """Every source exists, every .css/.js under its folders is a source of a bundle, and no
    hand-written file takes a bundle's place."""
    problems = []
    docs = docs_dir.name
    listed = {s for sources in BUNDLES.values() for s in sources}
    for source in sorted(listed):
        if not (docs_dir / source).is_file():
            problems.append(Problem(f"{docs}/{source}", 1, "listed in hooks/edition/outputs/assets.py but missing "
                                    "(restore it, or remove it from CSS_SOURCES/JS_SOURCES)"))
    for folder, suffix, name in (("stylesheets", ".css", "CSS_SOURCES"),
                                 ("javascripts", ".js", "JS_SOURCES")):
        for file in sorted((docs_dir / folder).rglob(f"*{suffix}")):
            rel = file.relative_to(docs_dir).as_posix()
            if rel in BUNDLES:
                problems.append(Problem(f"{docs}/{rel}", 1, "this file is made by hooks/edition/outputs/assets.py "
                                        f"from the files in {name}: delete it and edit those"))
            elif rel not in listed:
                problems.append(Problem(f"{docs}/{rel}", 1, "not in a bundle, so no page would "
                                        f"load it: add '{rel}' to {name} in hooks/edition/outputs/assets.py"))
    return problems


def bundles(docs_dir: Path, generated: dict[str, tuple[str, str]] | None = None
            ) -> dict[str, str]:
    """{bundle path: content} for every bundle; `generated` adds {bundle: (name, text)} at the
    end of a bundle (CSS made from data, e.g. the charts' colours)."""
    out = {path: bundle(docs_dir, sources) for path, sources in BUNDLES.items()}
    for path, (name, text) in (generated or {}).items():
        out[path] += f"/* {name} */\n{minify(path, text)}\n"
    return out


# Elements whose whitespace is content: left exactly as they are.
VERBATIM_RE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
INDENT_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact_html(html: str) -> str:
    """A page without the indentation of its templates: every run of blank lines and leading
    spaces becomes one newline, which renders the same (whitespace between words stays
    whitespace), outside <pre>, <textarea>, <script> and <style>. About 5 % of a page's bytes,
    gzip-compressed, for nothing."""
    pieces = VERBATIM_RE.split(html)
    out = []
    for index in range(0, len(pieces), 3):  # split() yields text, element, tag name, text, ...
        out.append(INDENT_RE.sub("\n", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)
