/* "Cite this section" and the citation blocks of the How to cite page (hooks/edition/cite/).
   The citations are in the HTML already; this script only
   - moves a section's formats from the end of the page into its "Cite this section" when the
     reader opens it (and hides that end-of-page list, edition.css);
   - adds the access date: each empty <span class="cite-accessed" data-accessed="long|iso|ris"
     data-template="…"> gets its template (APA's "Retrieved {date}, from ", BibTeX's urldate
     line, RIS's Y2 line) with today's date in the page's language, as the style needs it;
   - adds a copy button to each citation text (.cite-text).
   Without JavaScript the citations give no access date (hooks/edition/cite/formats.py): a
   placeholder would reach the reader's library as the date itself. */
(function () {
  var lang = (document.documentElement.lang || "en").slice(0, 2);
  var words = {
    en: { copy: "Copy", copied: "Copied", failed: "Select the text to copy it",
          label: "Copy this citation" },
    id: { copy: "Salin", copied: "Tersalin", failed: "Pilih teksnya untuk menyalin",
          label: "Salin kutipan ini" }
  }[lang] || { copy: "Copy", copied: "Copied", failed: "Select the text to copy it",
               label: "Copy this citation" };

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  var dates = {};

  function today(style) {  // formatting a date is slow: once per style and page view
    if (!(style in dates)) dates[style] = formatToday(style);
    return dates[style];
  }

  // the long date as Intl.DateTimeFormat writes it in en-US and id-ID, without loading the
  // browser's locale data (a tenth of a second on a slow phone, on every page with a citation)
  var months = {
    en: ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"],
    id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
  }[lang];

  function formatToday(style) {
    var now = new Date();
    var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    if (style === "iso") return iso;
    if (style === "ris") return iso.replace(/-/g, "/");
    if (months) {
      var month = months[now.getMonth()];
      return lang === "id" ? now.getDate() + " " + month + " " + now.getFullYear()
                           : month + " " + now.getDate() + ", " + now.getFullYear();
    }
    try {
      return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-US",
        { year: "numeric", month: "long", day: "numeric" }).format(now);
    } catch (e) {
      return iso;
    }
  }

  function copy(text, button) {
    function done(ok) {
      button.textContent = ok ? words.copied : words.failed;
      setTimeout(function () { button.textContent = words.copy; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); },
                                               function () { done(false); });
      return;
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    done(ok);
  }

  // Each "Cite this section" block is completed when the reader opens it, so a long page does
  // not pay for dozens of citations at load; blocks outside a disclosure are done at once.
  function enhance(root) {
    if (root.getAttribute("data-cite-ready")) return;
    root.setAttribute("data-cite-ready", "1");
    root.querySelectorAll(".cite-accessed").forEach(function (span) {
      var template = span.getAttribute("data-template") || "{date}";
      span.textContent = template.replace("{date}", today(span.getAttribute("data-accessed")));
    });
    // root may itself be a block of formats (the How to cite page), not only contain them
    var blocks = Array.prototype.slice.call(root.querySelectorAll(".cite-formats"));
    if (root.matches && root.matches(".cite-formats")) blocks.push(root);
    blocks.forEach(function (block) {
      block.classList.add("cite-formats--js");
    });
    root.querySelectorAll(".cite-text").forEach(function (text) {
      if (text.previousElementSibling &&
          text.previousElementSibling.classList.contains("cite-copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-copy md-button";
      button.textContent = words.copy;
      var name = text.parentNode.querySelector(".cite-format__name");
      var part = text.getAttribute("data-part");
      button.setAttribute("aria-label", words.label + ": " +
        (name ? name.textContent : "") + (part ? " (" + part + ")" : ""));
      button.addEventListener("click", function () {
        copy(text.textContent.replace(/\s+$/, ""), button);
      });
      text.parentNode.insertBefore(button, text);
    });
  }

  // A section's formats wait at the end of the page (.cite-appendix, hooks/edition/cite/
  // sections.py): opening its "Cite this section" brings them in, in place of the link to them.
  function adopt(details) {
    var formats = document.getElementById(details.getAttribute("data-cite") || "");
    if (formats && formats.parentNode !== details) {
      details.querySelectorAll(".cite-later").forEach(function (element) {
        element.parentNode.removeChild(element);
      });
      details.appendChild(formats);
    }
    enhance(details);
  }

  function init() {
    document.querySelectorAll("details.cite-section").forEach(function (details) {
      if (details.open) adopt(details);
      details.addEventListener("toggle", function () {
        if (details.open) adopt(details);
      });
    });
    document.querySelectorAll(".cite-formats").forEach(function (block) {
      if (!block.closest("details.cite-section, .cite-appendix")) enhance(block);
    });
    openFromHash();
  }

  // a link to a section's formats (#cite--ID) opens its "Cite this section" instead
  function openFromHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf("cite--") !== 0) return;
    var details = document.querySelector('details.cite-section[data-cite="' + hash + '"]');
    if (!details) return;
    details.open = true;
    adopt(details);
    details.scrollIntoView();
  }
  window.addEventListener("hashchange", openFromHash);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
