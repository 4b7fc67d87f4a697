"""The charts' colours: each chart is drawn once, each colour role in a placeholder colour
(TOKENS) that `themed()` replaces with a CSS variable; `palette_css()` gives the variables the
PALETTES values of the reader's colour scheme (and the light ones on paper). One drawing a chart,
not one a scheme: half the elements in the page, which the browser styles and lays out at every
load."""

from __future__ import annotations

import re

PALETTES = {
    # Material's light (default) and dark (slate) schemes; the charts have no background, so
    # the page colour shows through. Both "bar" and "highlight" keep 3:1 against the page.
    "light": {"text": "#1f2328", "muted": "#57606a", "grid": "#d0d7de", "bar": "#3949ab",
              "highlight": "#c62828", "second": "#b45309", "edge": "#ffffff"},
    "dark": {"text": "#e6e8ee", "muted": "#a8b0bd", "grid": "#3d4452", "bar": "#8c9eff",
             "highlight": "#ff8a80", "second": "#fbbf24", "edge": "#1e2129"},
}
TOKENS = {role: f"#{index + 1:02x}{index + 1:02x}{index + 1:02x}"
          for index, role in enumerate(PALETTES["light"])}


def palette_css() -> str:
    """The CSS variables of the charts' colours: light, dark (Material's slate), and print."""
    def block(variant: str) -> str:
        return "; ".join(f"--chart-{role}: {colour}" for role, colour in PALETTES[variant].items())

    return (f".md-typeset .chart__svg {{ {block('light')} }}\n"
            f'[data-md-color-scheme="slate"] .md-typeset .chart__svg {{ {block("dark")} }}\n'
            "@media print { [data-md-color-scheme] .md-typeset .chart__svg "
            f"{{ {block('light')} }} }}\n")


def themed(svg: str) -> str:
    """The placeholder colours of a drawing replaced by their CSS variables."""
    for role, token in TOKENS.items():
        svg = re.sub(re.escape(token) + r"\b", f"var(--chart-{role})", svg, flags=re.IGNORECASE)
    return svg
