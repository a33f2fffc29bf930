"""Briefing: a story told scene by scene to a room, on a projector, with a clicker (arrow and page keys).

URL: ?story=<id>&scene=<n>&lang=en|es, and notes=1 for the speaker-notes view. The base map stays mounted
between scenes; each scene's layers and view are handed to st_folium. The presenter's own story
(built on the map page) plays as story=draft; any story downloads as one offline HTML file.
"""

import html
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from loaders import geodata
from territorio.catalog.dates import format_range
from territorio.i18n import LANG_NAMES, LANGS, normalise_lang, t
from territorio.i18n.text import escape_markdown, shorten
from territorio.map import basemap
from territorio.selection import urlstate
from territorio.stories import clicker, scenes
from territorio.stories import export as story_export
from territorio.stories import model as stories
from ui import datasets as ui_datasets
from ui import stories as ui
from ui.common import asset_base, catalog, data_version, joined_catalog

DEFAULT_STORY = "cota-905"
MAP_HEIGHT = 660

if "lang" not in st.session_state:
    st.session_state["lang"] = normalise_lang(st.query_params.get("lang"))
st.set_page_config(page_title=f"{t('page_briefing', st.session_state['lang'])} · Territorio", layout="wide",
                   initial_sidebar_state="collapsed")
ui.presentation_css()
cat, joined = catalog(), joined_catalog()


@st.cache_resource(show_spinner=False, max_entries=4)
def _shelf(folder: str, signature: tuple) -> stories.Shelf:
    """The story files, loaded once per server and again when one changes; a bad file is set aside."""
    return scenes.playable(cat, stories.load_folder(Path(folder)))


def shelf() -> stories.Shelf:
    folder = stories.stories_dir()
    return _shelf(str(folder), stories.folder_signature(folder))


@st.cache_data(show_spinner=False, max_entries=8)
def offline_html(story_yaml: str, story_id: str, lang: str) -> str:
    story = stories.load_text(story_yaml, story_id, f"{story_id}.yaml")
    return story_export.export_html(cat, joined, geodata.read("municipalities"), story, lang, data_version())


def pick_story(requested: str, library: stories.Shelf) -> tuple[stories.Story, list[str]]:
    """The story to play and any warnings (unknown id, a file or a draft that does not validate)."""
    default = DEFAULT_STORY if DEFAULT_STORY in library.stories else next(iter(library.stories))
    if requested == ui.DRAFT_ID:
        problems = ui.draft_problems()
        if not problems:
            return ui.draft_story(), []
        return library.stories[default], [" ".join([t("brief_story_invalid", lang), *problems])]
    if requested in library.stories:
        return library.stories[requested], []
    if library.problems_of(requested):
        return library.stories[default], [" ".join([t("brief_story_invalid", lang), *library.problems_of(requested)])]
    return library.stories[default], [t("brief_unknown_story", lang, story=shorten(requested), default=default)]


def broken_files(library: stories.Shelf) -> None:
    """Every story file that cannot be played, with its problems (file, line or scene and field)."""
    if not library.broken:
        return
    st.warning(escape_markdown(t("brief_broken_files", lang, n=len(library.broken)), limit=200))
    for problems in library.broken.values():
        st.caption(escape_markdown("; ".join(problems), limit=1500))


def text(value: str) -> str:
    """Data text for an HTML block: escaped, on one line (a blank line would end the block and let
    markdown through)."""
    return html.escape(" ".join(str(value).split()))


def play(story_id: str) -> None:
    st.session_state["brief_play"] = story_id


# --- state: story, scene, language, view ----------------------------------------------------------------
top = st.columns([6, 2.2, 1.4, 1.4, 1.6], vertical_alignment="center")
with top[4]:
    lang = st.radio("Language / Idioma", list(LANGS), format_func=LANG_NAMES.get, horizontal=True, key="lang",
                    label_visibility="collapsed")
library = shelf()
if not library.stories:
    st.error(escape_markdown(t("brief_no_story", lang), limit=200))
    broken_files(library)
    st.stop()
url = urlstate.briefing_state(st.query_params.get_all)
requested = st.session_state.pop("brief_play", None) or url.story or DEFAULT_STORY
story, warnings = pick_story(requested, library)
bad_scene = ui.seed_scene(story.id, len(story.scenes), url.scene)
notes_view = url.notes

top[0].markdown(f"<p class='brief-title'>{text(story.title[lang])}</p>", unsafe_allow_html=True)
ui.nav_buttons(len(story.scenes), lang, top[2:4])
i = st.session_state[ui.SCENE_KEY]
scene = story.scenes[i]
top[1].markdown(f"<p class='brief-counter' id='brief-counter' data-story='{text(story.id)}' data-scene='{i + 1}'>"
                f"{t('brief_scene_counter', lang, n=i + 1, total=len(story.scenes))}</p>", unsafe_allow_html=True)
ui.clicker_bridge()
for w in warnings + ([bad_scene.message(lang)] if bad_scene else []):
    st.warning(escape_markdown(w, limit=1500))

scene_joined = ui_datasets.scene_data(scene, lang)       # the scene's own dataset, or the catalog (said so)
wanted = urlstate.briefing_query(story.id, i, lang, notes_view)
if dict(st.query_params) != wanted:
    st.query_params.from_dict(wanted)


def caption_block() -> None:
    st.markdown(f"<p class='brief-caption'>{text(scene['caption'][lang])}</p>", unsafe_allow_html=True)
    if scene["outside_map"]:
        st.markdown(f"<p class='brief-outside'>{text(scene['outside_map'][lang])}</p>",
                    unsafe_allow_html=True)


def facts_block() -> None:
    spec = stories.scene_spec(scene)
    window = t("brief_window", lang, window=format_range(spec.date_from, spec.date_to, lang))
    st.markdown(f"<p class='brief-window'>{text(window)}</p>", unsafe_allow_html=True)
    chosen = scenes.selected(cat, scene_joined, scene)
    unmapped = int((~chosen["mapped"]).sum())
    if unmapped and "incidents" in scene["layers"]:
        st.caption(t("brief_not_mapped", lang, n=unmapped))
    if scene["sources"]:     # folded to a count (key S shows them), so the caption keeps the room's type size
        count = text(t("brief_sources_count", lang, n=len(scene["sources"])))
        st.markdown(f"<details class='brief-sources'><summary>{count}</summary>{scenes.sources_html(cat, scene, lang)}"
                    "</details>", unsafe_allow_html=True)
    else:
        st.markdown(f"<p class='brief-sources'>{text(t('brief_no_sources', lang))}</p>", unsafe_allow_html=True)
    st.markdown("<div class='brief-facts-end'></div>", unsafe_allow_html=True)


# --- the speaker-notes view ---------------------------------------------------------------------------------
if notes_view:
    caption_block()
    st.subheader(t("brief_notes_title", lang))
    notes = scene["notes"].get(lang) or t("brief_no_notes", lang)
    st.markdown(f"<p class='brief-notes'>{text(notes)}</p>", unsafe_allow_html=True)
    following = story.scenes[i + 1]["caption"][lang] if i + 1 < len(story.scenes) else None
    st.info(escape_markdown(t("brief_next_up", lang, caption=following) if following else t("brief_last_scene", lang),
                            limit=600))
    facts_block()
    st.stop()

# --- the presentation: the map, the caption, the sources -----------------------------------------------------
left, right = st.columns([2.2, 1.2])
with left:
    base = basemap.caracas_map(cat.parishes, geodata.read("municipalities"),
                               basemap.MapOptions(lang=lang, keyboard=False, asset_base=asset_base(), room=True),
                               focus=basemap.focus_bounds(cat, joined))
    clicker.KeyForwarder().add_to(base)
    view = scene["view"]
    st_folium(base, key=f"brief_map_{lang}", height=MAP_HEIGHT, use_container_width=True,
              feature_group_to_add=scenes.scene_groups(cat, scene_joined, scene, lang),
              center=(view["lat"], view["lon"]), zoom=view["zoom"], returned_objects=[])
with right:
    caption_block()
    facts_block()

# --- for the presenter: other stories, notes, offline copy, their own story ------------------------------------
with st.expander(t("brief_story", lang) + (f" ({t('brief_broken_count', lang, n=len(library.broken))})"
                                           if library.broken else "")):
    choices = list(library.stories) + ([ui.DRAFT_ID] if ui.draft()["scenes"] else [])
    st.selectbox(t("brief_story", lang), choices, index=choices.index(story.id) if story.id in choices else 0,
                 key="brief_pick", on_change=lambda: play(st.session_state["brief_pick"]),
                 format_func=lambda s: t("brief_draft", lang) if s == ui.DRAFT_ID else library.stories[s].title[lang])
    st.markdown(f"[{t('brief_open_notes', lang)}](briefing?story={story.id}&scene={i + 1}&lang={lang}&notes=1)")
    st.caption(t("brief_keys", lang))
    source_yaml = stories.to_yaml(ui.draft()) if story.id == ui.DRAFT_ID else \
        (library.folder / f"{story.id}.yaml").read_text(encoding="utf-8")
    st.download_button(t("brief_download_html", lang), data=offline_html(source_yaml, story.id, lang),
                       file_name=f"{story.id}-{lang}.html", mime="text/html", key="brief_download",
                       help=t("brief_download_help", lang))
    from ui import publish as ui_publish  # matplotlib and the video writers: loaded after the map is on its way

    ui_publish.video_button(cat, joined, stories.scene_spec(scene), lang, "month", "brief_video",
                            f"{story.id}-{i + 1}")
    broken_files(library)

with st.expander(t("brief_draft", lang), expanded=story.id == ui.DRAFT_ID):
    if not ui.draft()["scenes"]:
        st.caption(t("brief_draft_empty", lang))
    else:
        ui.draft_editor(lang)
        problems = ui.draft_problems()
        if problems:
            st.warning(escape_markdown(t("brief_draft_problems", lang) + " " + "; ".join(problems), limit=1500))
        else:
            c1, c2 = st.columns(2)
            c1.download_button(t("brief_draft_download", lang), data=stories.to_yaml(ui.draft()),
                               file_name="my-story.yaml", mime="application/x-yaml", key="draft_download")
            c2.button(t("brief_draft_play", lang), key="draft_play", on_click=play, args=(ui.DRAFT_ID,))
