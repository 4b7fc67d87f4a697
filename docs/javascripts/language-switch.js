/* Switching language keeps the reader's place: the Indonesian and English pages share their
   heading ids, so the section anchor of the current URL (or of the heading nearest the top of
   the viewport) is carried over to the other language's page. */
(function () {
  function currentSection() {
    if (location.hash) return location.hash;
    var headings = document.querySelectorAll(".md-content h2[id], .md-content h3[id]");
    var current = "";
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top > 120) break;
      current = "#" + headings[i].id;
    }
    return current;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || !link.closest(".md-select")) return;
    link.href = link.href.split("#")[0] + currentSection();
  }, true);
})();
