/* Sortable data tables: click (or press Enter on) a column header to sort by it, again to
   reverse. Uses the vendored tablesort (javascripts/vendor/tablesort.min.js). Without
   JavaScript the tables stay as built: in the article's order, fully readable.

   Numeric columns (right-aligned in the Markdown source) sort by value, read in the page's
   language: "1,960" is one thousand nine hundred and sixty in English, "1,1" is one point one in
   Indonesian. A fact cell ("about 20 TB2 drones", "lebih dari 160 sasaran militer") sorts by its
   number; footnote markers and flags beside it are ignored. Empty cells ("—") sort first. */
(function () {
  "use strict";

  function parseNumber(text, lang) {
    var match = (text || "").replace(/\u2212/g, "-").match(
      lang === "id" ? /-?\d[\d.]*(?:,\d+)?/ : /-?\d[\d,]*(?:\.\d+)?/);
    if (!match) return null;
    var token = match[0];
    token = lang === "id" ? token.replace(/\./g, "").replace(",", ".")
                          : token.replace(/,/g, "");
    var value = parseFloat(token);
    return isNaN(value) ? null : value;
  }

  function cellValue(cell, lang) {
    var fact = cell.querySelector(".fact");
    var text = fact ? fact.textContent : cell.textContent;
    return parseNumber(text, lang);
  }

  function isNumeric(th) {
    var align = th.style.textAlign || th.getAttribute("align") || "";
    return align === "right";
  }

  function prepare(table, lang) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head || !table.tBodies.length) return false;
    var numeric = [];
    Array.prototype.forEach.call(head.cells, function (th, index) {
      th.setAttribute("title", th.getAttribute("data-sort-hint") || (lang === "id"
        ? "Urutkan menurut kolom ini" : "Sort by this column"));
      if (!isNumeric(th)) return;
      th.setAttribute("data-sort-method", "edition-number");
      numeric.push(index);
    });
    // each numeric cell's value is read when the table is first sorted, not at every page load
    // (the printable edition holds every table)
    table.addEventListener("beforeSort", function values() {
      table.removeEventListener("beforeSort", values);
      numeric.forEach(function (index) {
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var cell = row.cells[index];
          if (!cell) return;
          var value = cellValue(cell, lang);
          cell.setAttribute("data-sort", value === null ? "" : String(value));
        });
      });
    });
    return true;
  }

  function register() {
    if (typeof Tablesort === "undefined" || Tablesort.editionReady) return;
    Tablesort.extend("edition-number", function () { return false; }, function (a, b) {
      var x = a === "" ? -Infinity : parseFloat(a);
      var y = b === "" ? -Infinity : parseFloat(b);
      return y === x ? 0 : (y > x ? 1 : -1);
    });
    Tablesort.editionReady = true;
  }

  function init() {
    if (typeof Tablesort === "undefined") return;
    register();
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    document.querySelectorAll(".data-table table").forEach(function (table) {
      if (table.hasAttribute("data-sortable")) return;
      if (!prepare(table, lang)) return;
      new Tablesort(table);
      table.setAttribute("data-sortable", "");
    });
  }

  window.editionTables = { parseNumber: parseNumber, init: init };
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(init);  // Material's instant navigation: run on every page it loads
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
