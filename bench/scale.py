"""Benchmark 3: build time and peak memory at 1×, 10× and 100× the data.

A temporary copy of the project gets N-1 synthetic copies of every fact, source and table
(ids suffixed -s2, -s3, ...; references between them renamed alike) and of every page under
docs/ (in docs/s2/, docs/s3/, ..., their fact, cite and table markers pointing at the copies;
other markers, such as charts, keep pointing at the originals). The copies are not
added to the nav, so what grows is the data and the pages the hooks process, not Material's
navigation menu (which is rendered into every page and so grows with pages²). The build is not
--strict: the copied pages' links to the generated pages do not resolve.

Linear growth: the extra cost from 10× to 100× is about 10 times the extra cost from 1× to 10×
(a growth exponent, log(Δ100/Δ10)/log(99/9), of about 1; the budget is 1.05).
"""

from __future__ import annotations

import argparse
import copy
import math
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from common import copy_project, mkdocs_build, table

BUDGET = 1.05  # growth exponent of build time and peak memory above 1x (1 = linear)
MARKER_ARG_RE = re.compile(r"\{\{\s*(?P<kind>[A-Za-z_-]+)\s*:\s*(?P<arg>[^\s|}]+)")


def id_pattern(ids) -> re.Pattern:
    names = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")


def renamed(value, pattern: re.Pattern, suffix: str):
    """value with every known id in every string (ids, refs, formulas) given the suffix."""
    if isinstance(value, str):
        return pattern.sub(lambda m: m.group(0) + suffix, value)
    if isinstance(value, list):
        return [renamed(v, pattern, suffix) for v in value]
    if isinstance(value, dict):
        return {k: renamed(v, pattern, suffix) for k, v in value.items()}
    return value


def dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def show_copied_tables(docs: Path, tables: dict, factor: int) -> None:
    """Every table must be on the Tables page (checks/pages.py): the copies go there too, one
    section per copy, with the same markers in every language's version of the page."""
    sections = "".join(
        f"\n## Copied tables {{#copy-s{n}}}\n\n"
        + "".join(f"{{{{ table:{table_id}-s{n} }}}}\n\n" for table_id in sorted(tables))
        for n in range(2, factor + 1))
    for page in sorted((docs / "evidence").glob("tables*.md")):
        page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n" + sections,
                        encoding="utf-8")


def multiply(project: Path, factor: int) -> dict:
    """Make the project's data and pages `factor` times as large; returns what it holds."""
    data, docs = project / "data", project / "docs"
    facts = yaml.safe_load((data / "facts.yml").read_text(encoding="utf-8"))
    sources = yaml.safe_load((data / "sources.yml").read_text(encoding="utf-8"))
    tables = {p.stem: p for p in (data / "tables").glob("*.yml")}
    ids = {f["id"] for f in facts} | {s["id"] for s in sources} | set(tables)
    pattern = id_pattern(ids)
    namespaces = {"fact": {f["id"] for f in facts}, "cite": {s["id"] for s in sources},
                  "table": set(tables)}  # marker kinds whose ids are copied; others stay

    def marker(match: re.Match, suffix: str) -> str:
        kind, arg = match.group("kind"), match.group("arg")
        if arg not in namespaces.get(kind, ()):
            return match.group(0)
        return match.group(0).replace(arg, arg + suffix, 1)

    pages = [p for p in docs.rglob("*.md")]
    all_facts, all_sources = list(facts), list(sources)
    for n in range(2, factor + 1):
        suffix = f"-s{n}"
        all_facts += [renamed(copy.deepcopy(f), pattern, suffix) for f in facts]
        all_sources += [renamed(copy.deepcopy(s), pattern, suffix) for s in sources]
        for table_id, spec in tables.items():
            dump(spec.with_name(table_id + suffix + ".yml"),
                 renamed(yaml.safe_load(spec.read_text(encoding="utf-8")), pattern, suffix))
            csv = spec.with_suffix(".csv")
            if csv.exists():
                spec.with_name(table_id + suffix + ".csv").write_text(
                    renamed(csv.read_text(encoding="utf-8"), pattern, suffix), encoding="utf-8")
        for page in pages:
            target = docs / f"s{n}" / page.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = MARKER_ARG_RE.sub(lambda m, suffix=suffix: marker(m, suffix),
                                     page.read_text(encoding="utf-8"))
            target.write_text(text, encoding="utf-8")
    if factor > 1:
        dump(data / "facts.yml", all_facts)
        dump(data / "sources.yml", all_sources)
        show_copied_tables(docs, tables, factor)
    return {"facts": len(all_facts), "sources": len(all_sources),
            "pages": len(list(docs.rglob("*.md")))}


def measure(factors=(1, 10, 100)) -> dict:
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for factor in factors:
            project = copy_project(Path(tmp) / f"x{factor}")
            size = multiply(project, factor)
            build = mkdocs_build(project, Path(tmp) / f"site-x{factor}", strict=False)
            results[factor] = dict(size, seconds=build.seconds, peak_mib=build.peak_mib)
            shutil.rmtree(project)
            shutil.rmtree(Path(tmp) / f"site-x{factor}")
    return results


def exponent(results: dict, key: str) -> float | None:
    """Growth exponent of the extra cost: log(Δ(1→100) / Δ(1→10)) / log(10) - with Δ the cost
    above 1×, so the fixed start-up cost does not flatter the figure."""
    if not {1, 10, 100} <= set(results):
        return None
    d10 = results[10][key] - results[1][key]
    d100 = results[100][key] - results[1][key]
    if d10 <= 0 or d100 <= 0:
        return None
    return math.log(d100 / d10) / math.log(99 / 9)


def rows(results: dict) -> list[tuple]:
    out = []
    for factor, r in results.items():
        out.append((f"Build at {factor}× the data ({r['facts']} facts, {r['sources']} sources, "
                    f"{r['pages']} pages)", f"{r['seconds']:.1f} s, peak {r['peak_mib']:.0f} MiB",
                    "", ""))
    for key, what in (("seconds", "time"), ("peak_mib", "memory")):
        k = exponent(results, key)
        if k is not None:
            out.append((f"Growth of build {what} above 1× (exponent; 1 = linear)", f"{k:.2f}",
                        f"≤ {BUDGET}", "ok" if k <= BUDGET else "FASTER THAN LINEAR"))
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    print(table(rows(measure(tuple(parser.parse_args().factors))),
                ("Benchmark", "Figure", "Budget", "Verdict")))
