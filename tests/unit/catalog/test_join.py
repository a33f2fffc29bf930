"""The vectorised join and filters give exactly what the row-by-row versions gave."""

import numpy as np
import pandas as pd
import pytest

from territorio.catalog import join, synthetic
from territorio.selection import filters
from tests.unit.catalog import join_reference


def _frames(cat):
    return {"catalog": cat.incidents, "synthetic": synthetic.incidents(cat, 5000, seed=11)}


@pytest.mark.parametrize("which", ["catalog", "synthetic"])
def test_join_equals_row_by_row(cat, which):
    incidents = _frames(cat)[which]
    pd.testing.assert_frame_equal(join.join(cat, incidents=incidents), join_reference.join(cat, incidents=incidents))


def test_join_marks_uncertain_and_assigns(cat):
    joined = join.join(cat)
    assert (joined["designation_status"] != "").any() and (joined["controlling_group"] != "").any()


def _has_any_rowwise(column: pd.Series, wanted: set[str]) -> np.ndarray:
    return column.fillna("").map(lambda v: bool(wanted & {a.strip() for a in v.split("|")})).to_numpy(bool)


@pytest.mark.parametrize("which", ["catalog", "synthetic"])
@pytest.mark.parametrize("wanted", [{"koki"}, {"pnb", "faes"}, {"koki_gang", "el_culon"}, {"nobody"}])
def test_actor_filter_equals_row_by_row(cat, which, wanted):
    column = _frames(cat)[which]["actor_ids"]
    assert (filters._has_any(column, wanted) == _has_any_rowwise(column, wanted)).all()
