/* The colour-scheme toggle (overrides/partials/palette.html): the header's inline script has
   applied the scheme before the first paint and left window.__editionPalette; this wires the
   switching. Clicking the toggle (or Enter on it) switches and saves the choice; while the
   reader has made no choice, a change of the system's scheme is followed. */
(function () {
  var palette = window.__editionPalette;
  if (!palette) return;
  var inputs = palette.inputs;
  palette.form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    document.body.setAttribute("data-md-color-switching", "");  // no colour transitions
    palette.apply(index, true);
    setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
  });
  palette.form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var current = inputs.findIndex(function (input) { return input.checked; });
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  if (window.matchMedia) {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      if (!__md_get("__palette")) palette.apply(palette.preferred(), false);
    });
  }
})();
