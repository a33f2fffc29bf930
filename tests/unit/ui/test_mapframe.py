"""The map frame sends exactly what st_folium sends for the same map and layers (it only keeps the base
map's part between runs), and keeps the base map unchanged run after run."""

import datetime as dt
import itertools

import branca.element
import pytest
import streamlit_folium

from loaders import catalog as catalog_loader
from loaders import geodata
from territorio.map import basemap, clicks, groups
from territorio.map.view import LayerRequest
from territorio.selection import filters
from ui import mapframe

LAYERS = ("control", "zones", "sectors", "incidents")


@pytest.fixture
def sent(monkeypatch):
    """The component's arguments, recorded instead of sent to a browser."""
    calls = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: calls.append(kw) or kw.get("default"))
    return calls


def _layers(day: dt.date, lang: str = "en"):
    cat, joined = catalog_loader.load(), catalog_loader.joined()
    spec = filters.FilterSpec(day - dt.timedelta(days=30), day)
    return groups.page_layers(cat, joined, spec, LayerRequest(LAYERS, "incidents"), lang).groups


def _base(lang: str = "en", monkeypatch=None):
    """The base map; with `monkeypatch`, its elements' random ids drawn from a counter, so two builds are
    the same map (st_folium renames elements as it renders, so one map cannot be rendered twice alike)."""
    if monkeypatch:
        counter = itertools.count()
        monkeypatch.setattr(branca.element, "urandom", lambda n: next(counter).to_bytes(n, "big"))
    cat, joined = catalog_loader.load(), catalog_loader.joined()
    return basemap.caracas_map(cat.parishes, geodata.read("municipalities"), basemap.MapOptions(lang=lang),
                               focus=basemap.focus_bounds(cat, joined))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_arguments_are_st_folium_s_own(sent, monkeypatch, lang):
    mapframe.show(mapframe.prepare(_base(lang, monkeypatch), "map"), _layers(dt.date(2019, 2, 28), lang), "map",
                  700, clicks.RETURNED, lambda: None)
    groups.clear_kept()
    streamlit_folium.st_folium(_base(lang, monkeypatch), key="map", height=700, use_container_width=True,
                               feature_group_to_add=_layers(dt.date(2019, 2, 28), lang),
                               returned_objects=clicks.RETURNED)
    ours, theirs = sent
    assert ours.keys() == theirs.keys()
    for name in ours:
        if name != "on_change":
            assert ours[name] == theirs[name], name
    assert "feature_group_0" in ours["feature_group"] and "Cota 905" in ours["feature_group"]


def test_a_kept_base_map_does_not_grow_and_its_frame_key_stays(sent):
    base = mapframe.prepare(_base(), "map")
    children = len(base.folium_map._children)
    for day in (dt.date(2015, 7, 31), dt.date(2019, 2, 28), dt.date(2021, 7, 31)):
        mapframe.show(base, _layers(day), "map", 700, clicks.RETURNED, lambda: None)
    assert len(base.folium_map._children) == children
    assert len({call["key"] for call in sent}) == 1                      # one frame, never remounted
    assert len({call["feature_group"] for call in sent}) == 3            # each day's own layers


def test_a_kept_drawing_renders_as_a_fresh_one_would_whoever_rendered_it_before(sent):
    """Zones, control and sectors are kept between steps (groups.kept) and their text with them: the same
    text as the same layers drawn from scratch, even after other code rendered them elsewhere (st_folium
    renames what it renders; the briefing page and the bench render the page's layers themselves)."""
    day = dt.date(2017, 3, 31)
    for idx, group in enumerate(reversed(_layers(day))):          # rendered at other places first
        streamlit_folium._get_feature_group_string(group, map=_base(), idx=idx + 3)
    kept = mapframe.groups_script(_layers(day))
    groups.clear_kept()
    mapframe._RENDERED.clear()
    assert mapframe.groups_script(_layers(day)) == kept
