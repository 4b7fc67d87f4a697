"""The Content-Security-Policy <meta> (hooks/edition/outputs/csp.py, build/csp.py): the pure transform on small pages, and
on the built site, where every page gets one policy that lists exactly the hashes of its own
executable inline scripts (computed here by BeautifulSoup, independently of the hook)."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from edition.build import csp as csp_events
from edition.outputs import csp

# The example of the CSP specification (Level 3, "hash-source"): this text, this hash.
SPEC_SCRIPT = "alert('Hello, world.');"
SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def page(head: str = "", body: str = "") -> str:
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n{head}\n'
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def policy_of(html: str) -> dict[str, list[str]]:
    """The page's policy, directive -> sources; fails unless there is exactly one."""
    metas = BeautifulSoup(html, "html.parser").select(
        'meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1, metas
    return {name: sources for name, *sources in
            (directive.split() for directive in metas[0]["content"].split(";"))}


def script_hashes(html: str) -> list[str]:
    return [s for s in policy_of(html)["script-src"] if s.startswith("'sha256-")]


def test_the_hash_is_the_one_the_csp_specification_gives():
    assert csp.source_hash(SPEC_SCRIPT) == SPEC_HASH
    assert script_hashes(csp.with_csp(page(body=f"<script>{SPEC_SCRIPT}</script>"))) == [SPEC_HASH]


def test_the_tag_comes_right_after_meta_charset_before_every_script_and_stylesheet():
    html = csp.with_csp(page(head='<link rel="stylesheet" href="a.css">\n<script>x()</script>'))
    lines = html.split("\n")
    charset = lines.index('<meta charset="utf-8">')
    assert lines[charset + 1].startswith('<meta http-equiv="Content-Security-Policy" content="')
    # nothing else changed: the tag is one added line
    assert lines[:charset + 1] + lines[charset + 2:] == page(
        head='<link rel="stylesheet" href="a.css">\n<script>x()</script>').split("\n")


def test_without_meta_charset_the_tag_opens_the_head():
    html = csp.with_csp("<html><head><title>t</title><script>x()</script></head></html>")
    assert html.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


@pytest.mark.parametrize("script, hashed", [
    ("<script>x()</script>", True),
    ('<script type="text/javascript">x()</script>', True),
    ("<script type='module'>x()</script>", True),
    ('<SCRIPT TYPE=" Text/JavaScript ">x()</SCRIPT>', True),
    ('<script type="">x()</script>', True),
    ('<script type="application/ld+json">{"a": 1}</script>', False),
    ('<script id="__config" type="application/json">{"base": ".."}</script>', False),
    ('<script type="text/template"><p>x</p></script>', False),
    ('<script src="a.js" defer></script>', False),
    ('<script src="a.js">ignored()</script>', False),
], ids=["plain", "text/javascript", "module", "case and spaces", "empty type", "json-ld",
        "material config", "template", "external", "external with text"])
def test_only_scripts_a_browser_runs_inline_are_hashed(script, hashed):
    text = script[script.index(">") + 1:script.lower().rindex("</script")]
    expected = [csp.source_hash(text)] if hashed else []
    assert script_hashes(csp.with_csp(page(body=script))) == expected


def test_each_page_gets_the_hashes_of_its_own_scripts_once_each():
    """Material's first script names the page's base URL: its hash differs from page to page."""
    top = csp.with_csp(page(body='<script>u=new URL(".",location)</script><script>t()</script>'
                                 '<script>t()</script>'))
    deep = csp.with_csp(page(body='<script>u=new URL("../..",location)</script>'))
    assert script_hashes(top) == [csp.source_hash('u=new URL(".",location)'),
                                  csp.source_hash("t()")]
    assert script_hashes(deep) == [csp.source_hash('u=new URL("../..",location)')]


def test_a_script_is_hashed_as_the_browser_reads_it_line_endings_normalised():
    assert csp.source_hash("a()\r\nb()\rc()") == csp.source_hash("a()\nb()\nc()")
    text = "\n  if (a < b && c) { d('</p>'); }\n"  # as written: nothing decoded
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    assert script_hashes(csp.with_csp(page(body=f"<script>{text}</script>"))) == [
        f"'sha256-{digest}'"]


def test_the_policy_allows_the_site_itself_only():
    policy = policy_of(csp.with_csp(page(body="<script>x()</script>")))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", csp.source_hash("x()")]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    # inline styles: allowed (the module's docstring says why), so no hash may sit beside them
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    sources = [source for sources in policy.values() for source in sources]
    assert not [s for s in sources if "://" in s or s in ("*", "https:", "http:",
                                                          "'unsafe-eval'")]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_under_mkdocs_serve_inline_scripts_are_allowed_for_the_live_reload_script():
    policy = policy_of(csp.with_csp(page(body="<script>x()</script>"), inline_scripts=True))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # no hash: it would disable it


@pytest.mark.parametrize("html, message", [
    (csp.with_csp(page()), "already has a Content-Security-Policy"),
    ("<p>a fragment</p>", "no <head>"),
])
def test_a_page_it_cannot_handle_is_an_error(html, message):
    with pytest.raises(ValueError, match=message):
        csp.with_csp(html)


def test_the_404_template_gets_the_policy_and_other_templates_are_left_alone():
    assert "Content-Security-Policy" in csp_events.on_post_template(page(), "404.html", None)
    xml = '<?xml version="1.0"?><urlset></urlset>'
    assert csp_events.on_post_template(xml, "sitemap.xml", None) == xml


def test_it_runs_after_every_other_transform_of_the_page():
    """MkDocs runs on_post_page handlers from the highest priority to the lowest: the hashes
    must be taken after hooks/events.py strips indentation (priority 0) and after
    mkdocs-static-i18n's handler (-100)."""
    from mkdocs_static_i18n.plugin import I18n

    from edition.build import events

    others = [getattr(events.on_post_page, "mkdocs_priority", 0),
              I18n.on_post_page.mkdocs_priority]
    assert csp_events.on_post_page.mkdocs_priority < min(others)
    assert csp_events.on_post_template.mkdocs_priority == csp_events.on_post_page.mkdocs_priority


def test_every_built_page_lists_exactly_the_hashes_of_its_inline_scripts(site):
    pages = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))
    assert "404.html" in pages and "id/index.html" in pages
    for path in pages:
        html = site.html(path)
        soup = BeautifulSoup(html, "html.parser")
        head = [tag for tag in soup.head.find_all(True, recursive=False)]
        assert head[0].get("charset") == "utf-8", path
        assert head[1].get("http-equiv") == "Content-Security-Policy", path
        inline = {csp.source_hash(script.string or "")
                  for script in soup.find_all("script")
                  if not script.has_attr("src")
                  and script.get("type", "").strip().lower() in csp.JAVASCRIPT_TYPES}
        assert inline, f"{path}: Material's inline scripts were not found"
        assert set(script_hashes(html)) == inline, path
        assert len(script_hashes(html)) == len(inline), path
