"""The Content-Security-Policy <meta> of every page (outputs/csp.py), added after every other
transform of the page's HTML, so that its hashes are of the bytes that are published. Under
`mkdocs serve` the served pages allow inline scripts (MkDocs' live-reload script changes with
every request): state.serving()."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ..outputs.csp import with_csp
from . import state


def _transform(output: str, where: str) -> str:
    try:
        return with_csp(output, inline_scripts=state.serving())
    except ValueError as err:
        raise PluginError(f"{where}: cannot add the Content-Security-Policy: {err}") from None


@event_priority(-200)  # after every other on_post_page: the hashes are of the final bytes
def on_post_page(output: str, page, config) -> str:
    return _transform(output, page.file.src_uri)


@event_priority(-200)
def on_post_template(output: str, template_name: str, config) -> str:
    return _transform(output, template_name) if template_name.endswith(".html") else output
