// Parses bibliographic records with citation-js, as a reader's tool built on it would: reads a
// JSON list of {name, format, text, strict} on stdin (format: "bibtex", "ris" or "csl"), prints
// {name: {items: [CSL-JSON item, ...], error: null | "message"}} on stdout. `strict` (BibTeX
// only) also checks each entry's required BibLaTeX fields, as citation-js's strict mode does.
// Called by tests/outside/conftest.py; the node_modules are tests/tools/ (npm ci there).
"use strict";
const path = require("path");
const tools = path.join(__dirname, "..", "tools", "node_modules");
const {Cite, plugins} = require(path.join(tools, "@citation-js/core"));
require(path.join(tools, "@citation-js/plugin-bibtex"));
require(path.join(tools, "@citation-js/plugin-ris"));
require(path.join(tools, "@citation-js/plugin-csl"));

const bibtexConfig = plugins.config.get("@bibtex");
const FORCE = {bibtex: "@biblatex/text", ris: "@ris/file", csl: "@csl/list+object"};

const inputs = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const {name, format, text, strict} of inputs) {
  bibtexConfig.parse.strict = Boolean(strict);
  try {
    const data = format === "csl" ? JSON.parse(text) : text;
    const cite = new Cite(data, {forceType: FORCE[format]});
    out[name] = {items: cite.data, error: null};
  } catch (error) {
    out[name] = {items: [], error: String(error && error.message || error)};
  }
}
process.stdout.write(JSON.stringify(out));
