"""The map's legend: items declared as data, rendered as escaped HTML, and carried in the map as a
Leaflet layer so it changes with the layers shown (it lives in a dynamic feature group)."""

from __future__ import annotations

import html
from dataclasses import dataclass

import folium
from branca.element import MacroElement
from jinja2 import Template

from territorio.i18n import t
from territorio.i18n.text import script_json
from territorio.map.styles import BASEMAP_STYLE


@dataclass(frozen=True)
class LegendItem:
    label: str
    swatch: str  # "fill" (a box), "line" (a stroke), "hatch" (diagonal lines), "circle"
    color: str
    border: str = "#7a7a7a"
    dashed: bool = False
    opacity: float = 1.0


@dataclass(frozen=True)
class LegendSection:
    title: str
    items: tuple[LegendItem, ...]
    note: str = ""


def _swatch_style(it: LegendItem) -> str:
    if it.swatch == "line":
        return f"border-top:3px {'dashed' if it.dashed else 'solid'} {it.color};height:0;margin-top:8px"
    if it.swatch == "hatch":
        return (f"background:repeating-linear-gradient(45deg,{it.color} 0 3px,transparent 3px 7px);"
                f"border:2px {'dashed' if it.dashed else 'solid'} {it.color}")
    if it.swatch == "circle":
        return (f"background:{it.color};border:{'2px dotted' if it.dashed else '1.5px solid'} {it.border};"
                "border-radius:50%;width:14px;flex:0 0 14px")
    return f"background:{it.color};opacity:{it.opacity};border:{'2px dotted' if it.dashed else '1px solid'} {it.border}"


def _row(it: LegendItem) -> str:
    return (f'<div class="tl-row"><span class="tl-swatch" style="{_swatch_style(it)}"></span>'
            f"<span>{html.escape(it.label)}</span></div>")


def _section(s: LegendSection) -> str:
    note = f'<div class="tl-note">{html.escape(s.note)}</div>' if s.note else ""
    return (f'<div class="tl-section"><div class="tl-head">{html.escape(s.title)}</div>'
            f'{"".join(_row(i) for i in s.items)}{note}</div>')


# Compact, in a corner the map's layout script picks (territorio.map.layout: data-corner), folded to its title
# (a button) when it would cover too much of the map.
LEGEND_CSS = (
    ".territorio-legend{position:absolute;z-index:1000;left:10px;bottom:24px;background:#fffffff2;"
    "padding:4px 8px;border:1px solid #888;border-radius:4px;font:13px/1.25 system-ui,sans-serif;color:#111;"
    "width:max-content;max-width:min(270px,calc(100% - 80px));max-height:calc(100% - 100px);overflow:auto;"
    "box-sizing:border-box}"
    ".territorio-legend[data-corner=br]{left:auto;right:10px;bottom:34px}"
    ".territorio-legend[data-corner=tr]{left:auto;right:10px;bottom:auto;top:10px}"
    ".territorio-legend[data-corner=tl]{left:54px;bottom:auto;top:10px}"
    ".territorio-legend summary{font-weight:700;cursor:pointer;min-height:24px;line-height:24px}"
    ".territorio-legend:has(details:not([open])){padding:2px 10px}"
    ".tl-head{font-weight:600;margin:4px 0 1px}"
    ".tl-row{display:flex;gap:6px;align-items:flex-start;margin:1px 0}"
    ".tl-swatch{flex:0 0 20px;height:13px;display:inline-block;margin-top:2px;box-sizing:border-box}"
    ".tl-note{font-size:12px;color:#333;margin-top:2px;max-width:250px}"
)


def legend_html(title: str, sections: list[LegendSection]) -> str:
    """A collapsible legend box; every label escaped."""
    return (
        f'<div class="territorio-legend" role="region" aria-label="{html.escape(title)}">'
        f'<details open><summary>{html.escape(title)}</summary>{"".join(_section(s) for s in sections)}'
        "</details></div>"
    )


class LegendLayer(MacroElement):
    """The legend as a Leaflet layer: shown while its feature group is on the map, gone with it. The map's
    layout script (territorio.map.layout) places it and keeps the reader's fold across updates."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function(group){
          var Legend = L.Layer.extend({
            onAdd: function(map){
              var host = this._host = L.DomUtil.create('div', 'territorio-legend-host');
              host.innerHTML = {{ this.html_json }};
              map.getContainer().appendChild(host);
              L.DomEvent.disableClickPropagation(host);
              L.DomEvent.disableScrollPropagation(host);
              map.fire('legendadd', {legend: host});   // the map's layout places and folds it
            },
            onRemove: function(){ if (this._host) { this._host.remove(); } }
          });
          group.addLayer(new Legend());
        })({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self, title: str, sections: list[LegendSection]):
        super().__init__()
        self._name = "LegendLayer"
        # JSON inside a script: also keep "</" from closing the script element.
        self.html_json = script_json(legend_html(title, sections))


def legend_group(title: str, sections: list[LegendSection]) -> folium.FeatureGroup:
    """The legend of the layers shown, as a dynamic group of its own."""
    group = folium.FeatureGroup(name="legend", control=False)
    LegendLayer(title, sections).add_to(group)
    return group


def base_legend(lang: str) -> LegendSection:
    """The base map's own section: parishes and municipal boundaries."""
    return LegendSection(t("legend_base", lang), (
        LegendItem(t("legend_parish", lang), "fill", BASEMAP_STYLE["parish"]["fillColor"],
                   BASEMAP_STYLE["parish"]["color"]),
        LegendItem(t("legend_municipality", lang), "line", BASEMAP_STYLE["municipality"]["color"]),
    ))
