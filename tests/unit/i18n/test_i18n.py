"""Every text exists in both languages, and feature tables merge without clashes."""

import re

import pytest

from territorio import i18n


@pytest.mark.parametrize("key", sorted(i18n.TEXTS))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    entry = i18n.TEXTS[key]
    assert set(entry) == set(i18n.LANGS), key
    assert all(entry[lang].strip() for lang in i18n.LANGS), key
    holes = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in i18n.LANGS}
    assert holes["en"] == holes["es"], key


def test_a_key_declared_twice_is_refused(monkeypatch):
    monkeypatch.setitem(i18n.TEXTS, "legend", {"en": "x", "es": "x"})
    import sys
    import types

    clash = types.ModuleType("territorio.i18n.strings.zz_clash")
    clash.TEXTS = {"legend": {"en": "y", "es": "y"}}
    monkeypatch.setitem(sys.modules, "territorio.i18n.strings.zz_clash", clash)
    monkeypatch.setattr("pkgutil.iter_modules", lambda _path: [types.SimpleNamespace(name="zz_clash")])
    with pytest.raises(KeyError, match="zz_clash.*legend"):
        i18n._merge_parts()
