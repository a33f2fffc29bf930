"""Presentation clickers send arrow and page keys: which key does what, declared once for the briefing page
(the page-level listener and the map iframe's forwarder) and for the offline player.

The map lives in its own iframe, so a key pressed while it has focus never reaches the page. The base map
therefore carries a tiny script (KeyForwarder) that posts those keys to window.parent; the page's listener
(bridge_script) turns a key, pressed on the page or forwarded, into a click on the Previous/Next button.
"""

from __future__ import annotations

import json
from importlib import resources

from branca.element import MacroElement
from jinja2 import Template

KEY_ACTIONS = {"ArrowRight": "next", "PageDown": "next", "ArrowLeft": "prev", "PageUp": "prev",
               "s": "sources", "S": "sources"}     # S shows or hides the scene's sources, folded to a count
STEPS = ("prev", "next")
ROOM = {"captionMax": 30, "captionMin": 20, "channel": "territorio-briefing"}   # px; see room.js
MESSAGE_FIELD = "territorioKey"


class KeyForwarder(MacroElement):
    """In the map's iframe: forward clicker keys to the parent page (and keep them from scrolling)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function(){
          var keys = {{ this.keys }};
          document.addEventListener('keydown', function(e){
            if (!keys[e.key] || e.altKey || e.ctrlKey || e.metaKey) { return; }
            e.preventDefault();
            if (e.repeat) { return; }
            var msg = {}; msg['{{ this.field }}'] = e.key;
            window.parent.postMessage(msg, '*');
          });
        })();
        {% endmacro %}"""
    )

    def __init__(self):
        super().__init__()
        self._name = "KeyForwarder"
        self.keys = json.dumps(KEY_ACTIONS)
        self.field = MESSAGE_FIELD


def button_selector(action: str, key_prefix: str) -> str:
    """The CSS selector of a Streamlit button with key `<key_prefix><action>` (Streamlit marks its container)."""
    return f".st-key-{key_prefix}{action} button"


def room_script(key_prefix: str) -> str:
    """room.js (beside this module): the caption that fits the window, the two windows that follow each other."""
    text = resources.files("territorio.stories").joinpath("room.js").read_text(encoding="utf-8")
    options = {**ROOM, "buttons": {a: button_selector(a, key_prefix) for a in STEPS}}
    return text.replace("__OPTIONS__", json.dumps(options))


def bridge_script(key_prefix: str) -> str:
    """JS for a tiny same-origin iframe (st.iframe): listens on the parent page for clicker keys and
    for keys forwarded by the map, and clicks the Previous/Next button. Typing in a text field is left alone.
    The listeners are removed when the iframe goes away."""
    selectors = json.dumps({a: button_selector(a, key_prefix) for a in STEPS})
    return f"""<script>
(function(){{
  var P = window.parent, keys = {json.dumps(KEY_ACTIONS)}, sel = {selectors}, field = {json.dumps(MESSAGE_FIELD)};
  function act(key) {{
    if (keys[key] === "sources") {{
      var d = P.document.querySelector("details.brief-sources");
      if (d) {{ d.open = !d.open; }}
      return;
    }}
    var b = P.document.querySelector(sel[keys[key]]);
    if (b && !b.disabled) {{ b.click(); }}
  }}
  function typing(el) {{
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }}
  function onKey(e) {{
    if (!keys[e.key] || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) {{ return; }}
    e.preventDefault();
    if (!e.repeat) {{ act(e.key); }}
  }}
  function onMessage(e) {{
    if (e.origin !== P.location.origin || !e.data || !keys[e.data[field]]) {{ return; }}
    act(e.data[field]);
  }}
  P.document.addEventListener('keydown', onKey);
  P.addEventListener('message', onMessage);
  window.addEventListener('pagehide', function(){{
    P.document.removeEventListener('keydown', onKey);
    P.removeEventListener('message', onMessage);
  }});
}})();
</script>
<script>{room_script(key_prefix)}</script>"""
