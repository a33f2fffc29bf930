"""A page whose data cannot be read says which file, in the visitor's language, with no traceback and no
server path (ui/errors.py through app.py). AppTest runs a switched-to page alone, not through app.py as
the server does, so every page's deep link is checked on the real server: tests/e2e/test_serving.py."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from territorio.i18n import t
from territorio.paths import REPO_ROOT
from ui import errors


def _remove(name):
    return lambda root: (root / name).unlink()


def _garble(name):
    return lambda root: (root / name).write_bytes(b"\x00\x01 not a data file \xff")


DAMAGES = {   # what is done to a copy of geodata/ -> (text key, file named)
    "incidents missing": (_remove("incidents.csv"), "error_data_missing", "incidents.csv"),
    "parishes garbled": (_garble("parishes.geojson"), "error_data_unreadable", "parishes.geojson"),
    "descriptor missing": (_remove("datapackage.json"), "error_data_missing", "datapackage.json"),
    "incidents garbled": (_garble("incidents.csv"), "error_data_unreadable", "incidents.csv"),
}


@pytest.fixture
def damaged(tmp_path, monkeypatch):
    """A damaged copy of geodata/ the pages read (loaders.catalog keeps one catalog per data package, so the
    embedded one stays loaded for the other tests)."""
    def make(damage):
        root = tmp_path / "geodata"
        shutil.copytree(REPO_ROOT / "geodata", root)
        damage(root)
        monkeypatch.setenv("TERRITORIO_GEODATA", str(root))
        return root

    return make


def shown(at) -> str:
    kinds = ("error", "warning", "markdown", "caption", "title")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


@pytest.mark.parametrize("case", DAMAGES)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_damaged_data_is_named_without_traceback_or_path(damaged, case, lang):
    damage, key, file = DAMAGES[case]
    root = damaged(damage)
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [t(key, lang, file=file)]
    text = shown(at)
    assert str(root) not in text and str(REPO_ROOT) not in text and "Traceback" not in text


@pytest.mark.parametrize("exc,expected", [
    (FileNotFoundError(2, "No such file or directory", "/srv/secret/place/upload.csv"), "upload.csv"),
    (KeyError("/srv/secret/place"), "ab12cd"),
])
def test_any_other_error_is_told_by_file_name_or_reference_only(exc, expected):
    for lang in ("en", "es"):
        said = errors.message(exc, lang, "ab12cd")
        assert expected in said and "/srv" not in said and "secret" not in said
