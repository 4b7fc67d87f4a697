// Runs pa11y (HTML_CodeSniffer, WCAG 2 AA) over every URL given on stdin (a JSON list), in one
// Chromium, a few pages at a time, and prints {url: [issue, ...]} as JSON on stdout.
// Called by tests/outside/conftest.py; the node_modules are tests/tools/ (npm ci there).
// Settings: CHROMIUM (the browser's path), PA11Y_CONCURRENCY (default 2), PA11Y_WARNINGS=1
// (report warnings too, not only errors).
"use strict";
const path = require("path");
const tools = path.join(__dirname, "..", "tools", "node_modules");
const pa11y = require(path.join(tools, "pa11y"));
const puppeteer = require(path.join(tools, "puppeteer"));

async function main() {
  const urls = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const results = {};
  const queue = urls.slice();
  async function worker() {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const page = await browser.newPage();
      try {
        const result = await pa11y(url, {
          browser, page, runners: ["htmlcs"], standard: "WCAG2AA",
          timeout: 60000, includeNotices: false,
          includeWarnings: process.env.PA11Y_WARNINGS === "1",
        });
        results[url] = result.issues.map(({code, type, message, selector, context}) =>
          ({code, type, message, selector, context: (context || "").slice(0, 200)}));
      } catch (error) {
        results[url] = [{code: "pa11y-run-error", type: "error", message: String(error),
                         selector: "", context: ""}];
      } finally {
        await page.close();
      }
    }
  }
  const concurrency = Math.max(1, parseInt(process.env.PA11Y_CONCURRENCY || "2", 10));
  await Promise.all(Array.from({length: concurrency}, worker));
  await browser.close();
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => { console.error(error); process.exit(1); });
