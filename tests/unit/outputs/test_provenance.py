"""The filter in words and localised numbers, as every export, picture and citation states them."""

import pytest

from territorio.outputs import provenance
from territorio.selection import filters


@pytest.mark.parametrize("values, lang, expected", [
    ({}, "en", "Incidents, all dates; all areas; all types; all actors."),
    ({}, "es", "Incidentes, todas las fechas; todas las zonas; todos los tipos; todos los actores."),
    ({"date_from": "2019-02-01", "date_to": "2019-02-28", "areas": ["el paraiso"]}, "en",
     "Incidents, 1 Feb 2019 – 28 Feb 2019; area: El Paraíso; all types; all actors."),
    ({"date_from": "2019-02-01", "types": ["homicide"], "actors": ["Koki"]}, "es",
     "Incidentes, desde el 1 feb 2019; todas las zonas; tipo: Homicidio; actor: Koki (Carlos Luis Revete)."),
    ({"date_to": "2016-12-31", "min_fatalities": 3}, "en",
     "Incidents, until 31 Dec 2016; all areas; all types; all actors; at least 3 killed."),
])
def test_filter_sentence(cat, values, lang, expected):
    assert provenance.filter_sentence(cat, filters.resolve(cat, **values), lang) == expected

