"""Streamlit glue of briefing mode: the scene a presenter is on (seeded from and written to the URL), the
clicker bridge, and the presenter's own draft story (built from map views, kept in the session)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from territorio.catalog.dates import format_range
from territorio.i18n import LANGS, t
from territorio.map.view import CARACAS_CENTER, DEFAULT_ZOOM
from territorio.selection import urlstate
from territorio.selection.filters import FilterSpec
from territorio.stories import clicker
from territorio.stories import model as stories

DRAFT_KEY = "story_draft"
DRAFT_ID = "draft"
KEY_PREFIX = "brief_"          # buttons brief_prev / brief_next, found by the clicker bridge
SCENE_KEY = "brief_scene"      # 0-based index of the scene shown
STORY_KEY = "brief_story"


# --- the presenter's own story ------------------------------------------------------------------------

def draft() -> dict:
    """The draft story of this session: {"title": {en, es}, "scenes": [scene dicts]}."""
    title = {lang: t("brief_draft_default_title", lang) for lang in LANGS}
    return st.session_state.setdefault(DRAFT_KEY, stories.story_data(title, []))


def _default_captions(spec: FilterSpec) -> dict:
    return {lang: format_range(spec.date_from, spec.date_to, lang) for lang in LANGS}


def _append_scene(spec: FilterSpec, view, shown_layers: tuple, measure: str | None, data: dict) -> None:
    view = view or (CARACAS_CENTER[0], CARACAS_CENTER[1], DEFAULT_ZOOM)
    scenes = draft()["scenes"]
    scene = stories.scene_from_view(spec, view, shown_layers, measure, _default_captions(spec))
    scenes.append({**scene, **data})
    st.session_state["_scene_saved"] = len(scenes)


def save_scene_button(spec: FilterSpec, view, shown_layers, measure: str | None, lang: str,
                      data: dict | None = None) -> None:
    """A button that appends the current map view as a scene of st.session_state["story_draft"].

    spec: the page's FilterSpec (its window must be set); view: a map.view.MapView (or (lat, lon, zoom), or
    None for the default framing); shown_layers: names from territorio.map.view.LAYERS that are visible;
    measure: the choropleth measure ("incidents" / "fatalities"), or "off" / None; data: the scene's kept
    dataset ({"dataset": ID, "with_catalog": bool}; none: the catalog)."""
    st.button(t("save_scene", lang), key="save_scene", help=t("save_scene_help", lang), on_click=_append_scene,
              args=(spec, view, tuple(shown_layers), measure, data or {}))
    if st.session_state.get("_scene_saved"):
        st.caption(t("save_scene_done", lang, n=st.session_state["_scene_saved"]))


def draft_problems() -> list[str]:
    return stories.validate(draft(), t("brief_draft_name", "en"))


def draft_story() -> stories.Story:
    return stories.from_data(draft(), DRAFT_ID, t("brief_draft_name", "en"))


def _remove_scene(i: int) -> None:
    scenes = draft()["scenes"]
    if 0 <= i < len(scenes):
        scenes.pop(i)
    st.session_state.pop("_scene_saved", None)


def _sync_text(target: dict, lang: str, widget_key: str) -> None:
    target[lang] = st.session_state[widget_key]


def _text_input(label: str, target: dict, lang: str, key: str, area: bool = False) -> None:
    st.session_state.setdefault(key, target.get(lang, ""))
    widget = st.text_area if area else st.text_input
    widget(label, key=key, on_change=_sync_text, args=(target, lang, key))


def _sync_notes(scene: dict, lang: str, widget_key: str) -> None:
    """Speaker notes are optional: a scene keeps them while either language has some."""
    notes = {**{code: "" for code in LANGS}, **scene.get("notes", {}), lang: st.session_state[widget_key]}
    if any(v.strip() for v in notes.values()):
        scene["notes"] = notes
    else:
        scene.pop("notes", None)


def _notes_input(label: str, scene: dict, lang: str, key: str) -> None:
    st.session_state.setdefault(key, scene.get("notes", {}).get(lang, ""))
    st.text_area(label, key=key, on_change=_sync_notes, args=(scene, lang, key))


def draft_editor(lang: str) -> None:
    """Title, captions and notes of the draft, scene by scene; a scene can be removed."""
    story = draft()
    cols = st.columns(len(LANGS))
    for col, code in zip(cols, LANGS):
        with col:
            _text_input(t("brief_draft_title", lang, code=code), story["title"], code, f"draft_title_{code}")
    for i, scene in enumerate(story["scenes"]):
        n = i + 1
        window = format_range(dt.date.fromisoformat(scene["window"]["from"]),
                              dt.date.fromisoformat(scene["window"]["to"]), lang)
        st.markdown(f"**{t('brief_scene_counter', lang, n=n, total=len(story['scenes']))}** · {window}")
        cols = st.columns(len(LANGS))
        for col, code in zip(cols, LANGS):
            with col:
                _text_input(t("brief_draft_caption", lang, n=n, code=code), scene["caption"], code,
                            f"draft_caption_{i}_{code}_{len(story['scenes'])}", area=True)
                _notes_input(t("brief_draft_notes", lang, n=n, code=code), scene, code,
                             f"draft_notes_{i}_{code}_{len(story['scenes'])}")
        st.button(t("brief_draft_remove", lang, n=n), key=f"draft_remove_{i}", on_click=_remove_scene, args=(i,))


# --- which scene is shown --------------------------------------------------------------------------------

def seed_scene(story_id: str, scene_count: int, url_scene: str | None) -> urlstate.Note | None:
    """The scene index from the URL when the story changes (or on the first run); a bad number gives a note."""
    if st.session_state.get(STORY_KEY) == story_id and SCENE_KEY in st.session_state:
        st.session_state[SCENE_KEY] = min(max(st.session_state[SCENE_KEY], 0), scene_count - 1)
        return None
    index, note = urlstate.scene_index(url_scene, scene_count)
    st.session_state[STORY_KEY] = story_id
    st.session_state[SCENE_KEY] = 0 if index is None else index
    return note


def step(delta: int, scene_count: int) -> None:
    st.session_state[SCENE_KEY] = min(max(st.session_state.get(SCENE_KEY, 0) + delta, 0), scene_count - 1)


def nav_buttons(scene_count: int, lang: str, cols) -> None:
    """Previous and Next (keys brief_prev / brief_next), which the clicker bridge clicks."""
    i = st.session_state[SCENE_KEY]
    cols[0].button(t("brief_prev", lang), key=f"{KEY_PREFIX}prev", on_click=step, args=(-1, scene_count),
                   disabled=i == 0, width="stretch")
    cols[1].button(t("brief_next", lang), key=f"{KEY_PREFIX}next", on_click=step, args=(1, scene_count),
                   disabled=i >= scene_count - 1, width="stretch", type="primary")


def clicker_bridge() -> None:
    """The page-level key listener (also receives keys the map iframe forwards). Constant, so never remounted."""
    st.iframe(clicker.bridge_script(KEY_PREFIX), height=1)


PRESENTATION_CSS = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stStatusWidget"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 0.6rem 1.2rem 0.5rem 1.2rem !important;
  max-width: 100% !important; }
.brief-title { font-size: 26px !important; font-weight: 700; line-height: 1.2; margin: 0; }
.brief-counter { font-size: 26px !important; font-weight: 600; text-align: right; margin: 0; }
.brief-caption { font-size: var(--caption-size, 30px) !important; line-height: 1.3 !important; margin: 0 0 0.5rem 0; }
.brief-outside { font-size: 22px !important; line-height: 1.3; border-left: 6px solid #000; padding: 0.3rem 0.7rem;
  background: #fff7d6; margin: 0.4rem 0 0.8rem 0; }
.brief-window { font-size: 22px !important; color: #333; margin: 0.3rem 0; }
.brief-notes { font-size: 30px !important; line-height: 1.4; }
.brief-sources { font-size: 20px !important; }
.brief-sources summary { cursor: pointer; font-weight: 600; }
.brief-facts-end { height: 1px; }
.brief-sources a { word-break: break-word; }
.stButton button, .stButton button p { font-size: 22px !important; min-height: 3rem; }
iframe[title="streamlit_folium.st_folium"] { border: 1px solid #999; height: calc(100vh - 100px) !important; }
a:focus-visible, button:focus-visible, summary:focus-visible, [role="radio"]:focus-visible {
  outline: 3px solid #0b4f8a !important; outline-offset: 2px; }
</style>"""


def presentation_css() -> None:
    st.html(PRESENTATION_CSS)
