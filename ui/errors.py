"""A page that fails says what failed in the visitor's language, never with a traceback or a server path.

The page runs inside `shown_on_page` (app.py); the server's st.App also hands it what escapes a page
(a widget callback) through `on_script_error`. Streamlit's own display is off (client.showErrorDetails =
"none" in .streamlit/config.toml) in case anything slips past both. The traceback goes to the server's log,
with a reference the visitor can quote.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from pathlib import PurePath

import streamlit as st

from loaders.geodata import DataPackageError
from territorio.i18n import normalise_lang, t

LOG = logging.getLogger("territorio.pages")


def message(exc: BaseException, lang: str, ref: str) -> str:
    """What a visitor is told about `exc`: the data file by its name in the package, any other file by its
    base name, anything else by the reference under which the log keeps it."""
    if isinstance(exc, DataPackageError):
        return t("error_data_missing" if exc.missing else "error_data_unreadable", lang, file=exc.file)
    if isinstance(exc, OSError) and exc.filename:
        return t("error_file_unreadable", lang, file=PurePath(str(exc.filename)).name, ref=ref)
    return t("error_unexpected", lang, ref=ref)


def show(exc: BaseException) -> None:
    """Log `exc` with its traceback and a fresh reference; tell the visitor in the page's language."""
    ref = secrets.token_hex(3)
    LOG.error("page error, reference %s", ref, exc_info=exc)
    st.error(message(exc, normalise_lang(st.session_state.get("lang")), ref), icon="⚠️")


@contextlib.contextmanager
def shown_on_page():
    """Run a page; an exception ends it with `show` (Streamlit's stop and rerun are not exceptions)."""
    try:
        yield
    except Exception as exc:       # noqa: BLE001 (every failure of a page is told the same way)
        show(exc)


def on_script_error(exc: Exception) -> bool:
    """st.App's hook for what escapes the page (a widget callback): shown like the rest; True hides
    Streamlit's own display."""
    show(exc)
    return True
