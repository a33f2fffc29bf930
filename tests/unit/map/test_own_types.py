"""A dataset's own types are values of their own: coloured from their own colour-blind-safe set and legended by
their own text; a kept dataset's points are drawn apart from the catalog's, named by their dataset."""

from __future__ import annotations

import numpy as np
import pandas as pd

from territorio.map import groups, styles
from territorio.selection.filters import own_names, type_choices


def test_own_types_get_their_own_colours_after_the_catalogs():
    colors = styles.type_colors({"homicide", "homicidio", "enfrentamiento"})
    assert colors["homicide"] == styles.TYPE_COLORS["homicide"]
    assert colors["enfrentamiento"] == styles.OWN_TYPE_COLORS[0] and colors["homicidio"] == styles.OWN_TYPE_COLORS[1]
    many = styles.type_colors({f"t{i:02d}" for i in range(12)})
    assert list(many.values()).count(styles.OTHER_TYPE_COLOR) == 12 - len(styles.OWN_TYPE_COLORS)


def test_the_legend_labels_own_types_by_their_text(cat):
    rows = dict((label, color) for color, label in styles.type_colour_rows(cat, "en", {"homicide", "homicidio"}))
    assert rows["homicidio"] == styles.OWN_TYPE_COLORS[0] and "Homicide" in rows


def test_the_filter_knows_own_types_and_actors(cat):
    frame = pd.DataFrame({"type": ["Battles: Armed clash", "homicide"], "actor_ids": ["Gang A | Police", ""]})
    assert type_choices(cat, frame)["battles armed clash"] == "Battles: Armed clash"
    assert set(own_names(frame, "actor_ids").values()) == {"Gang A", "Police"}


def test_a_kept_datasets_rows_are_drawn_apart_and_named():
    joined = pd.DataFrame({"dataset": ["catalog", "reg-1a2b3c4d", "reg-1a2b3c4d"], "dataset_name": ["C", "Reg", "Reg"],
                           "mapped": [True, True, False]})
    points, own = groups.split_datasets(joined, np.array([True, True, True]))
    assert list(points) == [True, False, False] and list(own) == ["Reg"] and len(own["Reg"]) == 1
    catalog_only = joined.drop(columns=["dataset_name"])
    assert list(groups.split_datasets(catalog_only, np.array([True, False, True]))[0]) == [True, False, True]
