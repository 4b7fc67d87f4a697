"""The theme overrides that copy one of Material's templates (overrides/, each explained in its
opening comment) differ from the installed Material's file only by the changes listed here. When
Material is upgraded and its file changes, this fails: re-copy the file and re-apply the change,
as each override's comment says."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[1]
MATERIAL = Path(material.__file__).parent / "templates"

# override -> [(Material's text, the override's text), ...]
CHANGES = {
    "base.html": [(
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
        ' autocomplete="off">\n',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '    <script>(function(){function close(){["__drawer","__search"].forEach('
        'function(id){var t=document.getElementById(id);if(t.checked)t.click()})}close();'
        'addEventListener("pageshow",close)})()</script>\n')],
    "partials/nav-item.html": [
        ('id="{{ path }}_label" tabindex="{{ tabindex }}">',
         'id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>'),
        ('      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
         '      {% set first = toc | first %}',
         '      {% set first = toc | first %}'),
        ('      {% if toc %}\n        <label class="md-nav__link md-nav__link--active"'
         ' for="__toc">',
         '      {% if toc %}\n'
         '        <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
         '        <label class="md-nav__link md-nav__link--active" for="__toc">')],
    "partials/palette.html": [
        ('<form class="md-header__option" data-md-component="palette">',
         '<div class="md-header__option" data-edition-palette>'),
        ("</form>\n", "</div>\n")],
    "partials/search.html": [
        ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
        ('      <label class="md-search__icon md-icon" for="__search">',
         '      <button type="submit" hidden>{{ lang.t("search") }}</button>\n'
         '      <label class="md-search__icon md-icon" for="__search">')],
    "partials/source.html": [(' data-md-component="source">', '>')],
}


def _body(path: Path) -> str:
    """The template after its opening {#- ... -#} comment."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("{#-"), f"{path}: no opening comment"
    return text[text.index("-#}\n") + 4:]


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_is_materials_file_with_its_documented_change(name):
    expected = _body(MATERIAL / name)
    for old, new in CHANGES[name]:
        assert old in expected, (f"Material's {name} no longer contains {old!r}: re-copy it "
                                 "into overrides/ and re-apply the change")
        expected = expected.replace(old, new)
    assert _body(ROOT / "overrides" / name) == expected, (
        f"overrides/{name} differs from Material's file by more than its documented change")


# Overrides that replace Material's file with the edition's own (not a copy): main.html (its
# blocks extend base.html), the palette script (a rewrite; see its comment) and the page for a
# missing address (every language's words, hooks/edition/build/notfound.py).
OWN = {"404.html", "main.html", "partials/javascripts/palette.html"}


def test_every_copied_override_is_checked():
    copies = {p.relative_to(ROOT / "overrides").as_posix()
              for p in (ROOT / "overrides").rglob("*.html")
              if (MATERIAL / p.relative_to(ROOT / "overrides")).is_file()
              and p.relative_to(ROOT / "overrides").as_posix() not in OWN}
    assert copies == set(CHANGES), copies ^ set(CHANGES)


def test_validator_fixes_reach_the_built_pages(site):
    """What the changes are for, on a built page: no autocomplete on checkboxes, no empty
    tabindex, no form without a submit button, no unnamed #__toc checkbox."""
    for path in ("core-values/index.html", "evidence/timeline/index.html",
                 "id/index.html"):
        page = site.page(path)
        assert not page.select('input[type="checkbox"][autocomplete]'), path
        assert not page.select('[tabindex=""]'), path
        for form in page.find_all("form"):
            assert form.select('button:not([type="button"]):not([type="reset"]), '
                               'input[type="submit"]'), (path, form.get("class"))
        toc = page.find(id="__toc")
        assert toc is None or page.select_one('label[for="__toc"]'), path
    assert site.page("evidence/timeline/index.html").find(id="__toc") is None
