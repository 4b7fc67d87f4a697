"""The current Nu HTML Checker (npm vnu-jar) and pa11y (HTML_CodeSniffer, WCAG 2 AA) report no
error on any page of either language. Each tool runs once per session (conftest.py)."""

from __future__ import annotations

import re
from collections import Counter


def _errors(messages) -> list:
    return [m for m in messages if m.kind in ("error", "non-document-error")]


def _summary(found) -> str:
    counts = Counter(re.sub(r"“[^”]*”", "“…”", m.message) for m in found)
    pages = sorted({m.page for m in found})
    lines = [f"{count} × {message}" for message, count in counts.most_common()]
    lines += [f"  e.g. {m}" for m in found[:10]]
    return f"{len(found)} errors on {len(pages)} pages:\n" + "\n".join(lines)


def test_nu_html_checker_finds_no_error(vnu_messages, all_pages):
    assert len({m.page for m in vnu_messages} - set(all_pages)) == 0, "unexpected file names"
    errors = _errors(vnu_messages)
    assert not errors, _summary(errors)


def test_nu_html_checker_sees_no_content_security_policy_violation(vnu_messages):
    """Checked over HTTP, every stylesheet and script loads under the pages' policy ('self')
    and every inline script has its hash (hooks/csp.py). The checker's one remaining CSP
    warning is about data blocks (the JSON-LD, Material's configuration): it takes them for
    scripts, but a browser never runs them, so the policy does not apply (Chromium reports no
    violation on any page)."""
    data_block = r'<script(?: id="__config")? type="application/(?:ld\+)?json">'
    csp = [m for m in vnu_messages if "Content Security Policy" in m.message]
    wrong = [m for m in csp if not re.search(data_block, m.extract)]
    assert not wrong, "\n".join(f"{m} ({m.extract!r})" for m in wrong[:10])


def test_nu_html_checker_reports_errors_it_finds(vnu_canary):
    """The run is live: a page with a known error, checked in the same run, gets it."""
    assert any("autocomplete" in m.message for m in _errors(vnu_canary)), vnu_canary


def test_pa11y_finds_no_wcag_2_aa_error(pa11y_issues, all_pages):
    errors = [i for i in pa11y_issues if i.type == "error"]
    where = Counter(f"{i.code} at {i.selector}: {i.message[:100]}" for i in errors)
    assert not errors, (f"{len(errors)} errors on {len({i.page for i in errors})} pages:\n"
                        + "\n".join(f"{n} × {what}" for what, n in where.most_common()))


def test_pa11y_ran_on_every_page(pa11y_issues, pa11y_canary):
    crashed = [i for i in pa11y_issues if i.code == "pa11y-run-error"]
    assert not crashed, "\n".join(str(i) for i in crashed)
    # The run is live: a page with a form without a submit button, checked in the same run.
    assert any(i.code.endswith("H32.2") for i in pa11y_canary), pa11y_canary


def test_data_tables_have_captions(site, all_pages):
    """A data table is named by its <caption>, not by a paragraph before it (HTML_CodeSniffer
    H39.3; render/markers/table.py)."""
    missing = []
    for page in all_pages:
        for box in site.page(page).select("div.data-table"):
            table = box.find("table")
            if table is not None and table.find("caption") is None:
                missing.append(f"{page}: #{box.get('id')}")
    assert not missing, f"{len(missing)} data tables without <caption>:\n" + "\n".join(missing)
