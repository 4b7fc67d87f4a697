"""The audit: the article's numbers and references checked against each other, at every build.

The article is recorded as printed (data/). These checks read that record and report every place
where the article disagrees with itself; each report is a `Finding` (findings.py) with a stable
id, what was printed and what is wrong, in every language. Nothing is fixed: findings are shown
on the Errata page (checks/errata.py merges them with data/corrections.yml) and flagged on the
facts involved.

    numbers.py     check_same_quantity   two passages give different values for one quantity
                   check_change_claims   a described change ("nearly doubled") its own numbers
                                         contradict
                   check_table_readings  the text's reading of a table the table does not support
    figures.py     check_figure_numbers  figure numbering that repeats or skips
                   check_figure_periods  a value read from a figure for a date its caption does
                                         not cover
    references.py  check_ibid            an "Ibid." that does not point back to one source
                   check_bibliography    a source cited but missing from its bibliography
                   check_urls            a source URL printed two ways, or whose host misspells
                                         the source's name, or whose path disagrees with its title
                   check_printings       a reference printed differently in the footnote and the
                                         bibliography

Pure functions, tested one by one on small made-up data and on the real article in
tests/test_audit.py.
"""

from __future__ import annotations

from ...data.fields import ID_RE
from .figures import check_figure_numbers, check_figure_periods
from .findings import Finding
from .numbers import check_change_claims, check_same_quantity, check_table_readings
from .references import check_bibliography, check_ibid, check_printings, check_urls

KINDS = ("value-conflict", "change-claim", "table-reading", "figure-number", "figure-period",
         "ibid", "not-in-bibliography", "url", "printing")


def run_audit(ledger) -> list[Finding]:
    """Every finding, in a stable order (by check, then as the checks report them)."""
    findings = [
        *check_same_quantity(ledger, ledger.relations),
        *check_change_claims(ledger, ledger.relations),
        *check_table_readings(ledger, ledger.relations, ledger.figures),
        *check_figure_numbers(ledger.figures),
        *check_figure_periods(ledger.figures, ledger),
        *check_ibid(ledger.footnotes, ledger),
        *check_bibliography(ledger),
        *check_urls(ledger),
        *check_printings(ledger),
    ]
    seen, unique = set(), []
    for finding in findings:
        if finding.id not in seen and ID_RE.match(finding.id):
            seen.add(finding.id)
            unique.append(finding)
    return unique
