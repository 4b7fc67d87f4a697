/* Material wraps wide tables in a scrolling box (.md-typeset__scrollwrap) but, unlike code
   blocks, does not make that box focusable, so keyboard users cannot scroll it (WCAG 2.1.1;
   axe: scrollable-region-focusable). The same holds for a chart that scrolls on a narrow
   screen (.chart__image, visual.css). Make each box a tab stop while it actually scrolls. */
(function () {
  function focusable() {
    document.querySelectorAll(".md-typeset__scrollwrap, .chart__image").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
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
