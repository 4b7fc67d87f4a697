"""The edition's stylesheets and scripts reach readers as one minified file each
(outputs/assets.py): every source is in its bundle, in order, and none is forgotten."""

from __future__ import annotations

import re

from conftest import ROOT
from edition.outputs import assets


def test_pages_load_one_stylesheet_and_one_deferred_script_of_ours(site):
    for path in ("index.html", "core-values/index.html", "id/core-values/index.html",
                 "about/print/index.html"):
        soup = site.page(path)
        ours = [link["href"] for link in soup.select("link[rel=stylesheet]")
                if "/assets/" not in link["href"] and not link["href"].startswith("assets/")]
        assert [href.rsplit("/", 1)[-1] for href in ours] == ["bundle.css"], (path, ours)
        scripts = [s for s in soup.select("script[src]") if "javascripts/bundle.js" in s["src"]]
        assert len(scripts) == 1 and scripts[0].has_attr("defer"), path
        # the phone toolbar's colour, which Material's (replaced) palette script used to set
        assert soup.select_one("meta[name=theme-color]")["content"] == "#c62828", path
        # nothing holds up the first paint: Material's script is deferred too (overrides/)
        blocking = [s["src"] for s in soup.select("script[src]") if not s.has_attr("defer")]
        assert not blocking, (path, blocking)


def test_bundles_hold_every_source_in_order_and_minified(site):
    for bundle, sources in assets.BUNDLES.items():
        built = (site.root / bundle).read_text(encoding="utf-8")
        positions = [built.index(f"/* {source} */") for source in sources]
        assert positions == sorted(positions), bundle
        assert len(built) < sum(len((ROOT / "docs" / s).read_text()) for s in sources)
        for source in sources:  # the sources themselves are not published
            assert not (site.root / source).exists(), source
    css = (site.root / assets.CSS_BUNDLE).read_text(encoding="utf-8")
    for rule in (".md-typeset .fact", "@media print", "details.cite-section", "figure.chart"):
        assert rule in css, rule
    js = (site.root / assets.JS_BUNDLE).read_text(encoding="utf-8")
    assert "tablesort v5.7.1" in js, "the vendored library keeps its licence comment"
    assert js.index("Tablesort") < js.index("/* javascripts/tables.js */")


def test_minify_keeps_licence_comments_and_drops_others():
    assert assets.minify("a.css", "/* note */\n.a {\n  color: red;\n}\n/*! keep */") == \
        ".a{color:red}/*! keep */"
    out = assets.minify("a.js", "/* note */\nvar a = 1\n/*! keep */\nvar b = 2\n")
    assert "note" not in out and "/*! keep */" in out and out.endswith(";")


def test_a_stylesheet_left_out_of_the_bundle_fails_the_build(project):
    (project.root / "docs/stylesheets/extra.css").write_text(".x { color: red; }\n")
    result = project.build()
    assert result.returncode != 0
    assert re.search(r"docs/stylesheets/extra\.css:1: not in a bundle, so no page would load "
                     r"it: add 'stylesheets/extra\.css' to CSS_SOURCES in hooks/edition/outputs/assets\.py",
                     result.stderr + result.stdout)


def test_a_missing_source_fails_the_build(project):
    (project.root / "docs/javascripts/cite.js").unlink()
    result = project.build()
    assert result.returncode != 0
    assert "docs/javascripts/cite.js:1: listed in hooks/edition/outputs/assets.py but missing" in (
        result.stderr + result.stdout)


def test_compact_html_drops_indentation_but_not_verbatim_whitespace():
    page = ("<div>\n    <p>one\n      two</p>\n\n\n  <pre><code>a\n    b</code></pre>\n"
            "  <script>\n  var x = 1;\n  </script>\n  <textarea>\n  kept</textarea>\n</div>\n")
    assert assets.compact_html(page) == (
        "<div>\n<p>one\ntwo</p>\n<pre><code>a\n    b</code></pre>\n"
        "<script>\n  var x = 1;\n  </script>\n<textarea>\n  kept</textarea>\n</div>\n")


def test_built_pages_keep_their_code_blocks_and_lose_the_indentation(site):
    html = site.html("about/cite/index.html")
    assert not re.search(r"\n[ \t]+<(?:div|nav|li|a|p)\b", html.split("<pre")[0])
    bibtex = [b for b in re.findall(r"<pre\b.*?</pre>", html, re.DOTALL) if "@online{" in b]
    assert bibtex and all(re.search(r"\n  author +=", b) for b in bibtex)  # kept as written


def test_a_hand_written_bundle_fails_the_build(project):
    (project.root / "docs/stylesheets/bundle.css").write_text(".x { color: red; }\n")
    result = project.build()
    assert result.returncode != 0
    assert ("docs/stylesheets/bundle.css:1: this file is made by hooks/edition/outputs/assets.py from the files "
            "in CSS_SOURCES: delete it and edit those") in result.stderr + result.stdout
