"""Text from a URL or a file is shown as text on the analyst pages and the upload page: a crafted link makes no
link, no image, no markup (issue 13), and a missing TERRITORIO_DATA file is named by its setting, not its path."""

import re

import pytest

from territorio.i18n.text import WORD_JOINER, shorten
from tests.app import opened

HOSTILE = "[Click to verify](https://evil.example/login) ![t](http://127.0.0.1:8802/track.png)"


def as_read(markdown: str) -> str:
    """What a reader sees of escaped Markdown: escapes resolved, word joiners invisible."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def assert_text_only(markdown: str) -> None:
    assert not re.search(r"(?<!\\)[\[\]()!<>]", markdown), markdown          # no link, image or tag syntax
    plain = markdown.replace("\\", "")
    assert "://" not in plain and "www." not in plain, markdown             # nothing left to autolink


@pytest.mark.parametrize("path, param, lang", [
    ("pages/profile.py", "area", "en"), ("pages/profile.py", "area", "es"),
    ("pages/study.py", "date", "en"), ("pages/study.py", "designation", "es"),
])
def test_a_crafted_value_in_the_address_is_shown_as_escaped_text(path, param, lang):
    at = opened(path, **{param: HOSTILE, "lang": lang})
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning if "evil" in w.value]
    assert len(warnings) == 1, [w.value for w in at.warning]
    assert shorten(HOSTILE) in as_read(warnings[0])              # the reader sees what was in the link (cut)
    assert_text_only(warnings[0])


def test_a_long_value_is_cut_but_the_message_keeps_its_words():
    at = opened("pages/profile.py", area="x" * 5000, lang="en")
    warning = next(w.value for w in at.warning if "xxx" in w.value)
    assert "x" * 81 not in warning and "…" in warning
    assert as_read(warning).endswith("is not a parish or sector; showing Cota 905.")


def test_a_missing_territorio_data_file_is_named_by_its_setting_not_its_path(monkeypatch, tmp_path):
    missing = tmp_path / "secret-folder" / "newsroom.csv"
    monkeypatch.setenv("TERRITORIO_DATA", str(missing))
    at = opened("pages/upload.py", lang="en")
    assert not at.exception, at.exception
    shown = " ".join(e.value for e in at.error)
    assert "TERRITORIO" in shown and "does not exist on the server" in shown
    assert "secret" not in shown and str(tmp_path) not in as_read(shown)
