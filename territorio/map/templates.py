"""branca (under folium) compiles a Jinja template for every Element made from a string, and
MacroElement.render makes one from every piece of script it renders: each marker, popup and GeoJson of
every layer is compiled as a template again, on every rerun. st_folium then reads the scripts through
the elements' own templates and never renders those copies, so the compiling is wasted (about a
quarter of a map step at 100,000 incidents).

install() makes branca compile a string template only when it is first used, and compile a string it
has already compiled only once (the same tooltip style and layer boilerplate come back on every rerun).
What is rendered does not change; tests compare the maps' HTML with and without it.
"""

from __future__ import annotations

from functools import lru_cache

import branca.element
import jinja2

_REPEATED_MAX_CHARS = 2_000     # short sources repeat (styles, boilerplate); long ones are rendered data


@lru_cache(maxsize=512)
def _compiled(source: str) -> jinja2.Template:
    return jinja2.Template(source)


def _compile(source: str) -> jinja2.Template:
    return _compiled(source) if len(source) <= _REPEATED_MAX_CHARS else jinja2.Template(source)


class LazyTemplate:
    """A jinja2.Template compiled on first use."""

    __slots__ = ("_source", "_template")

    def __init__(self, source: str):
        self._source = source
        self._template: jinja2.Template | None = None

    def __getattr__(self, name: str):
        if self._template is None:
            self._template = _compile(self._source)
        return getattr(self._template, name)


def install() -> None:
    """Idempotent: branca's Element then builds LazyTemplates from strings."""
    branca.element.Template = LazyTemplate


def uninstall() -> None:
    """Back to branca's own behaviour (for tests comparing the two)."""
    branca.element.Template = jinja2.Template
