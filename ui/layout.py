"""What every page's layout shares, as CSS and small blocks: the map's frame follows the window's height,
focus marks that show (WCAG 2.4.7), captions dark enough to read (WCAG 1.4.3), and the map's text
alternative: the sentence counting the selection, in a live region, with a link to the table."""

from __future__ import annotations

import html

import streamlit as st

from territorio.i18n.text import shorten

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TABLE_ANCHOR = "incidents-table"
MAP_HEIGHT = 600           # px: the frame's first height, before the CSS below makes it follow the window
FOCUS = "outline:3px solid #0b4f8a !important;outline-offset:2px"

# The map's frame: the window's height less room for the line above and the sentence below, never under
# 320 px; the map inside fills its frame (territorio.map.layout sizes the frame's own map to it).
PAGE_CSS = f"""<style>
{MAP_FRAME} {{ height: max(320px, calc(100vh - 140px)) !important; }}
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, textarea:focus-visible,
[role="button"]:focus-visible, [role="tab"]:focus-visible, [role="radio"]:focus-visible,
[role="checkbox"]:focus-visible, [role="switch"]:focus-visible, [data-baseweb="select"]:focus-within,
[data-testid="stSidebarNavLink"]:focus-visible, {MAP_FRAME}:focus-visible {{ {FOCUS}; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: #5a5956 !important;
  opacity: 1 !important; }}
label[data-testid="stWidgetLabel"][disabled] p, [data-testid="stSliderThumbValue"] p {{ color: #5a5956; }}
.map-sentence {{ font-weight: 600; margin: 0.3rem 0 0.6rem 0; }}
.block-container, [data-testid="stMainBlockContainer"] {{ padding-top: 3rem !important; }}
@media (max-width: 640px) {{
  h1 {{ font-size: 1.6rem !important; padding-top: 0.5rem !important; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]),
  [data-testid="stHorizontalBlock"]:has(.st-key-play) {{ flex-wrap: nowrap !important; gap: 0.5rem; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > div,
  [data-testid="stHorizontalBlock"]:has(.st-key-play) > div {{ min-width: 0 !important; flex: 1 1 0 !important; }}
  [data-testid="stMetricValue"] {{ font-size: 1.4rem !important; }}
  [data-testid="stMetricLabel"] p {{ font-size: 0.8rem !important; }}
}}
</style>"""


def page_css() -> None:
    st.html(PAGE_CSS)


def map_text(sentence: str, table_label: str) -> None:
    """The map's text alternative under it: the sentence that counts the selection, in a polite live region
    (a screen reader hears a filter's result), and a link to the table of the same incidents."""
    st.markdown(f'<p class="map-sentence" role="status" aria-live="polite">{_one_line(sentence)} '
                f'<a href="#{TABLE_ANCHOR}">{_one_line(table_label)}</a></p>', unsafe_allow_html=True)


def _one_line(value: str) -> str:
    """Escaped, capped and on one line (a blank line would end the HTML block and let markdown through)."""
    return html.escape(shorten(" ".join(str(value).split()), 1000), quote=False)
