"""axe-core (vendored: vendor/axe.min.js) finds no violation on any built page, in the light
and in the dark colour scheme. The fixes live in overrides/ and docs/stylesheets/edition.css."""

from __future__ import annotations

from collections import Counter

import pytest

from .support import require_chromium

require_chromium()

from playwright.sync_api import expect  # noqa: E402 (after the skip: Playwright may be absent)

SCHEMES = ("default", "slate")  # Material's light and dark schemes (mkdocs.yml: palette)
TOGGLE = "label.md-header__button[for^='__palette_']:not([hidden])"
TABS = 2  # pages checked side by side (axe is CPU-bound; each tab has its own renderer)
# Colour transitions would let axe measure contrast halfway through a scheme switch.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
# axe's default rule set: WCAG 2.0-2.2 levels A and AA, and its best practices. Started in
# every tab first, awaited afterwards, so that the tabs work at the same time.
START_AXE = """() => {
  window.axeViolations = axe.run(document, {resultTypes: ["violations"]}).then(result =>
    result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => n.target.join(" ") + ": " +
                              n.failureSummary.replace(/\\s+/g, " ").slice(0, 240))})));
}"""


PARTS = 4  # the pages in four parts, which parallel test workers can share (make test)


@pytest.mark.parametrize("part", range(PARTS), ids=lambda part: f"part-{part + 1}-of-{PARTS}")
def test_axe_finds_no_violations_on_any_page_in_either_scheme(served, open_tab, part):
    tabs = [open_tab(color_scheme="light").page for _ in range(TABS)]
    pages = served.pages()[part::PARTS]
    assert pages
    checked, report = Counter(), []
    for start in range(0, len(pages), TABS):
        batch = list(zip(tabs, pages[start:start + TABS]))
        for page, path in batch:
            page.goto(served.url(path), wait_until="load")
            page.add_script_tag(url=served.vendor("axe.min.js"))
            page.add_style_tag(content=NO_TRANSITIONS)
        for _ in SCHEMES:  # check the scheme each page opened in, switch, check the other
            schemes = [page.get_attribute("body", "data-md-color-scheme") for page, _ in batch]
            for page, _ in batch:
                page.evaluate(START_AXE)
            for (page, path), scheme in zip(batch, schemes):
                for violation in page.evaluate("() => window.axeViolations"):
                    report.append(f"{path} ({scheme}): {violation['id']} "
                                  f"({violation['impact']}): {violation['help']}")
                    report += [f"    {node}" for node in violation["nodes"][:5]]
                    if len(violation["nodes"]) > 5:
                        report.append(f"    ... and {len(violation['nodes']) - 5} more")
                checked[scheme] += 1
                page.locator(TOGGLE).click()
                expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme",
                                                                   scheme)
    assert not report, "axe-core:\n" + "\n".join(report)
    assert checked == {scheme: len(pages) for scheme in SCHEMES}, checked
