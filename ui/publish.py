"""The map page's "Publish this selection" (a zip of the explorer for readers) and the video downloads of the
map and briefing pages. Built only when their button is clicked (Streamlit calls the function then): a rerun of
the page pays nothing for them."""

from __future__ import annotations

from functools import partial

import streamlit as st

from loaders import geodata
from territorio.i18n import t
from territorio.outputs import animation
from territorio.publish import folder, payload
from territorio.selection import filters

ZIP_NAME = "territorio-map.zip"
VIDEO_SIZE = (1280, 720)


def publish_zip(cat, joined, spec: filters.FilterSpec, lang: str) -> bytes:
    """The folder `territorio publish --out DIR` writes for the same filters and language, as a zip."""
    return folder.zip_bytes(payload.build(cat, joined, spec, lang, geodata.read("municipalities")))


def playback_gif(cat, joined, spec: filters.FilterSpec, lang: str, unit: str) -> bytes:
    """What `territorio animate --out FILE.gif` writes for the same filters, step and language."""
    return animation.render(cat, joined, spec, lang, "gif", unit, VIDEO_SIZE, geodata.read("municipalities")).data


def publish_button(cat, joined, spec: filters.FilterSpec, lang: str, key: str) -> None:
    st.download_button(t("publish_button", lang), partial(publish_zip, cat, joined, spec, lang), ZIP_NAME,
                       "application/zip", key=key, on_click="ignore", help=t("publish_button_help", lang))


def video_button(cat, joined, spec: filters.FilterSpec, lang: str, unit: str, key: str, stem: str = "territorio"
                 ) -> None:
    st.download_button(t("animate_button", lang), partial(playback_gif, cat, joined, spec, lang, unit),
                       f"{stem}-playback-{unit}.gif", animation.FORMATS["gif"], key=key, on_click="ignore",
                       help=t("animate_button_help", lang, unit=t(f"unit_{unit}", lang)))
