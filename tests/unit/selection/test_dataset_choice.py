"""The dataset choice as a value: read from and written to the address, carried by citations, named in words."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from territorio.outputs import citation, provenance
from territorio.selection import dataset as ds
from territorio.selection import urlstate
from territorio.selection.dataset import CATALOG_ONLY, DatasetChoice, DatasetInfo
from territorio.selection.filters import FilterSpec

KEPT = "registro-2023-1a2b3c4d"


def getter(**params):
    return lambda key: [params[key]] if key in params else []


@pytest.mark.parametrize("params, choice, notes", [
    ({}, None, 0),
    ({"dataset": KEPT}, DatasetChoice(KEPT), 0),
    ({"dataset": KEPT, "catalog": "1"}, DatasetChoice(KEPT, True), 0),
    ({"dataset": "../../etc/passwd"}, CATALOG_ONLY, 1),
    ({"dataset": "gone-0123abcd", "catalog": "1"}, CATALOG_ONLY, 1),
])
def test_the_address_names_a_kept_dataset_or_is_noted(params, choice, notes):
    got, said = urlstate.dataset_state(getter(**params), {KEPT})
    assert got == choice and len(said) == notes
    if said:
        assert params["dataset"][:20] in said[0].message("en") and "catalog" in said[0].message("en")


@pytest.mark.parametrize("choice", [CATALOG_ONLY, DatasetChoice(KEPT), DatasetChoice(KEPT, True)])
def test_the_choice_round_trips_through_the_address(choice):
    query = urlstate.dataset_query(choice)
    got, _ = urlstate.dataset_state(getter(**query), {KEPT})
    assert (got or CATALOG_ONLY) == choice


def test_a_citation_link_reopens_the_same_data():
    spec = FilterSpec(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    text = citation.cite(spec, "en", "0.1.0", dt.date(2026, 12, 6), base="https://map.example.org/",
                         data=DatasetChoice(KEPT, True), data_words="Data: Registro, imported 2026-12-06.")
    assert f"dataset={KEPT}&catalog=1" in text and text.startswith("Data: Registro")
    assert "dataset=" not in citation.view_link(spec, "en", "https://x.example/")


def test_rows_carry_their_provenance_and_name_their_data():
    info = DatasetInfo(id=KEPT, name="Registro", file="r.csv", sha256="0" * 64, imported_at="2026-12-06T10:00:00+00:00",
                       licence="CC0")
    own = ds.stamp(pd.DataFrame({"id": ["a", "b"]}), info)
    theirs = ds.stamp_catalog(pd.DataFrame({"id": ["c"]}), "Territorio catalog", "CC BY 4.0", "0.1.0")
    both = ds.combine(theirs, own)
    assert list(both.dataset) == [KEPT, KEPT, "catalog"] and list(both.licence) == ["CC0", "CC0", "CC BY 4.0"]
    assert ds.name_of(both) == "Registro" and ds.name_of(theirs) == ""
    assert provenance.data_sentence(own, "en") == "Data: Registro, imported 2026-12-06, licence CC0."
    assert "with the Territorio catalog" in provenance.data_sentence(both, "en")
    assert provenance.data_sentence(theirs, "en") == ""
    assert DatasetChoice(KEPT, True).key() == f"{KEPT}+catalog" and CATALOG_ONLY.key() == "catalog"
