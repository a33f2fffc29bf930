"""The map page names actors in the page's language: the actor filter, the sentence and the what-held table."""

from tests.app.test_explore import run, shown_text

KOKI_ES = "Banda de Koki (megabanda de la Cota 905)"
KOKI_EN = "Koki's gang (Cota 905 megabanda)"


def test_spanish_page_names_actors_in_spanish_and_accepts_spanish_names_in_links():
    at = run(**{"from": "2019-02-01", "to": "2019-02-28", "actor": "Banda de Koki", "lang": "es"})
    assert not at.exception
    actors = at.multiselect(key="actors")
    assert actors.value == ["koki_gang"]
    assert KOKI_ES in actors.options and KOKI_EN not in actors.options
    assert f"con participación de {KOKI_ES}" in shown_text(at)
    table = next(m.value for m in at.markdown if "<table" in m.value)
    assert "Banda de Koki" in table and "Koki&#x27;s gang" not in table and "Koki's gang" not in table


def test_english_page_keeps_the_english_names():
    at = run(**{"from": "2019-02-01", "to": "2019-02-28", "actor": "koki_gang", "lang": "en"})
    assert not at.exception
    assert KOKI_EN in at.multiselect(key="actors").options
    assert f"involving {KOKI_EN}" in shown_text(at)
