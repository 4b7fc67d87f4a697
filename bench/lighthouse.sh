#!/usr/bin/env bash
# Lighthouse (mobile profile, its default) on a chapter page of the freshly built site, served
# gzip-compressed from 127.0.0.1 by bench/serve_gzip.py, in Debian's headless Chromium.
# Prints the four category scores (the median of RUNS runs) and every scored audit that is not
# perfect in the median run.
#   bench/lighthouse.sh [PAGE]          PAGE defaults to core-values/
#   RUNS=5 bench/lighthouse.sh          more runs: Lighthouse's timings vary from run to run
#   SITE=dir bench/lighthouse.sh        audit an already built site (e.g. a plain Material one)
# Needs: npm (npx fetches lighthouse@13.5.0 once), Chromium at $CHROME_PATH (/usr/bin/chromium).
# Reports: bench/out/lighthouse-N.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGE="${1:-core-values/}"
RUNS="${RUNS:-3}"
PYTHON="${PYTHON:-.venv/bin/python}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export NO_MKDOCS_2_WARNING=1
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT"/lighthouse-*.json
work="$(mktemp -d)"
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

SITE="${SITE:-}"
if [ -z "$SITE" ]; then
  SITE="$work/site"
  "$PYTHON" -m mkdocs build --strict -d "$SITE" 2>"$SITE.log" || { cat "$SITE.log"; exit 1; }
fi
"$PYTHON" bench/serve_gzip.py "$SITE" > "$work/url" &
server=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url="$(cat "$work/url")$PAGE"

for run in $(seq "$RUNS"); do
  npx --yes lighthouse@13.5.0 "$url" \
    --quiet --output=json --output-path="$OUT/lighthouse-$run.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    2> >(grep -v -e "EBADENGINE" -e "^npm warn" >&2 || true)
done

"$PYTHON" - "$OUT"/lighthouse-*.json <<'PY'
import json, statistics, sys
reports = [json.load(open(path)) for path in sys.argv[1:]]
score = lambda report, cat: round(report["categories"][cat]["score"] * 100)
median = sorted(reports, key=lambda r: score(r, "performance"))[len(reports) // 2]
print(f"Lighthouse {median['lighthouseVersion']}, {median['configSettings']['formFactor']}, "
      f"{median['finalDisplayedUrl']} (median of {len(reports)} runs)")
for cat, category in median["categories"].items():
    scores = [score(r, cat) for r in reports]
    print(f"  {category['title']:<15} {statistics.median(scores):>5.0f}   (runs: "
          f"{', '.join(map(str, scores))})")
    for ref in category["auditRefs"]:
        audit = median["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            print(f"      {audit['score']:.2f}  {audit['title']}{value}")
PY
