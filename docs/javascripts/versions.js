/* Released versions (hooks/edition/build/versions.py). A page of a release's own folder
   (/2026-12-01/…) carries a banner (.edition-version) saying which version it is, with links,
   relative to the page, to the same page in the latest version and to what has changed since;
   those work without JavaScript. This script
   - keeps the "latest version" link on the section being read (the address's #anchor);
   - reads versions.json at the site's root (the releases, newest first) and says whether this
     is the latest release;
   - if it is not, reads changes/RELEASE.json, which the latest release publishes for every
     earlier one, and lists what has changed on this page since: each number corrected (old →
     new, in the page's language) and each erratum added or settled, section by section, each
     section linked in the latest version.
   Every word comes from the banner's data-texts (hooks/edition/locale/); text is inserted as
   text, never as HTML. If a file cannot be read (a release's folder served on its own), the
   banner's links stand. */
(function () {
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function start() {
    var banner = document.querySelector(".edition-version[data-release]");
    if (!banner || banner.getAttribute("data-ready")) return;
    banner.setAttribute("data-ready", "");
    var release = banner.getAttribute("data-release");
    var page = banner.getAttribute("data-page");
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    var texts = JSON.parse(banner.getAttribute("data-texts") || "{}");
    var latestLink = banner.querySelector(".edition-version__latest");
    var latestPage = latestLink ? latestLink.getAttribute("href").split("#")[0] : "";

    function follow() {  // the same section in the latest version
      if (latestLink) latestLink.setAttribute("href", latestPage + location.hash);
    }
    follow();
    window.addEventListener("hashchange", follow);

    function say(text, className) {
      var line = element("p", "edition-version__note " + (className || ""), text);
      banner.appendChild(line);
      return line;
    }

    function list(latest, data) {
      var sections = (data.pages || {})[page] || [];
      var edition = (data.edition || {})[lang] || [];
      if (!sections.length && !edition.length) {
        say(format(texts.banner_page_none, { version: release }), "edition-version__none");
        return;
      }
      say(format(texts.banner_page, { version: release }));
      var outer = element("ul", "edition-version__changes-list");
      sections.forEach(function (section) {
        var entry = element("li", "edition-version__section");
        if (section.section && "#" + section.section === location.hash) {
          entry.className += " edition-version__section--current";
        }
        entry.appendChild(element("strong", "", section.title[lang] || section.title.en));
        if (latestPage) {
          entry.appendChild(document.createTextNode(" ("));
          var link = element("a", "", texts.banner_section_link);
          link.setAttribute("href", latestPage + (section.section ? "#" + section.section : ""));
          entry.appendChild(link);
          entry.appendChild(document.createTextNode(")"));
        }
        var items = element("ul");
        (section.items[lang] || section.items.en || []).forEach(function (text) {
          items.appendChild(element("li", "", text));
        });
        entry.appendChild(items);
        outer.appendChild(entry);
      });
      edition.forEach(function (text) {
        outer.appendChild(element("li", "", text));
      });
      banner.appendChild(outer);
    }

    json(banner.getAttribute("data-versions")).then(function (versions) {
      var latest = versions.length ? versions[0].version : release;
      if (latest === release) {
        banner.setAttribute("data-latest", "");
        say(format(texts.banner_is_latest, { version: release }), "edition-version__is-latest");
        return null;
      }
      banner.setAttribute("data-older", "");
      say(format(texts.banner_older, { version: release, latest: latest }),
          "edition-version__older");
      return json(banner.getAttribute("data-changes")).then(function (data) {
        list(latest, data);
      });
    }).catch(function () { /* the banner's own links stand */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
