/* Material wraps wide tables in a scrolling box (.md-typeset__scrollwrap) but, unlike code
   blocks, does not make that box focusable, so keyboard users cannot scroll it (WCAG 2.1.1;
   axe: scrollable-region-focusable). The same holds for a chart that scrolls on a narrow
   screen (.chart__image, visual.css). Make each box a tab stop while it actually scrolls. */
(function () {
  // every box is measured before any is changed: measuring after a change would lay the page
  // out again once per box (the printable edition has dozens of tables and charts)
  function focusable() {
    var boxes = Array.prototype.slice.call(
      document.querySelectorAll(".md-typeset__scrollwrap, .chart__image"));
    var scrolls = boxes.map(function (box) { return box.scrollWidth > box.clientWidth; });
    boxes.forEach(function (box, index) {
      if (scrolls[index]) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(focusable);
  } else {
    focusable();
  }
  window.addEventListener("resize", focusable);
})();
