"""Data layers, legends, what held on a day, and the timeline chart."""

import datetime as dt
import json

import numpy as np
import pytest

from territorio.analysis import timeline
from territorio.catalog import asof
from territorio.map import groups, incidents, layers, legend, styles
from territorio.map.legend import LegendItem, LegendSection
from territorio.selection import filters

D = dt.date


def _render(group):
    import folium

    m = folium.Map(tiles=None)
    group.add_to(m)
    return m.get_root().render()


# --- what held on a day ------------------------------------------------------------------------------

@pytest.mark.parametrize("day,expected", [
    (D(2015, 3, 1), {"pz_cota_905": ("disputed", True)}),        # "declared in 2015": the year is all we know
    (D(2016, 5, 10), {"pz_cota_905": ("suspended", False), "pz_coche": ("in_force", True)}),
    (D(2019, 2, 12), {"pz_cota_905": ("in_force", False)}),
    (D(2021, 7, 8), {"pz_cota_905": ("ended", False)}),
    (D(2013, 6, 1), {}),
])
def test_zone_status_on_a_day(cat, day, expected):
    zones = asof.zones_as_of(cat, day)
    got = {r["designation_id"]: (r["status"], r["tentative"]) for r in zones.to_dict("records")}
    for key, value in expected.items():
        assert got[key] == value
    if not expected:
        assert got == {}
    assert zones.geometry.notna().all()


def test_control_changes_hands_with_the_july_2021_operation(cat):
    before = asof.control_as_of(cat, D(2021, 7, 8))
    after = asof.control_as_of(cat, D(2021, 7, 9))
    assert "cota_905" in set(before.sector_id) and "cota_905" not in set(after.sector_id)
    assert set(after.group_id) == {"wilexis_gang"}


def test_every_standing_row_has_sources(cat):
    day = D(2016, 5, 10)
    rows = asof.standing_rows(cat, asof.zones_as_of(cat, day), asof.control_as_of(cat, day), "es")
    assert len(rows) >= 5
    assert all(r["sources"] and r["note"].strip() for r in rows)


# --- choropleth -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("max_value,expected", [
    (0, [1]), (3, [1, 2, 3]), (5, [1, 2, 3, 4, 5]), (12, [1, 5, 10]), (44, [1, 10, 20, 30, 40]),
    (1000, [1, 200, 400, 600, 800]),
])
def test_class_breaks(max_value, expected):
    assert styles.class_breaks(max_value) == expected


@pytest.mark.parametrize("value,cls", [(0, -1), (None, -1), (1, 0), (9, 0), (10, 1), (45, 4)])
def test_class_of(value, cls):
    assert styles.class_of(value, [1, 10, 20, 30, 40]) == cls


def test_parish_values_count_incidents_and_upper_tolls(cat, joined):
    spec = filters.FilterSpec(D(2019, 2, 1), D(2019, 2, 28))
    mask = filters.apply(cat, joined, spec).mask
    # the 12 Feb massacre in Cota 905 (El Paraíso) and the 8 Feb FAES killings in Las Mayas (Coche)
    assert layers.parish_values(joined, mask, "incidents").to_dict() == {"VE010106": 1, "VE010108": 1}
    assert layers.parish_values(joined, mask, "fatalities").to_dict() == {"VE010106": 5, "VE010108": 7}


def test_parishes_without_events_are_none_recorded_not_zero(cat, joined):
    spec = filters.FilterSpec(D(2019, 2, 1), D(2019, 2, 28))
    values = layers.parish_values(joined, filters.apply(cat, joined, spec).mask, "incidents")
    group, section = layers.choropleth_layer(cat.parishes, values, "incidents", "en")
    html = _render(group)
    assert html.count('"cls": -1') == len(cat.parishes) - len(values)
    assert any("not a measured zero" in i.label for i in section.items)


# --- layers and legends ----------------------------------------------------------------------------------

def test_zone_layer_hatches_each_status_and_lists_only_those_shown(cat):
    zones = asof.zones_as_of(cat, D(2016, 5, 10))
    group, section = layers.zone_layer(zones, "10 May 2016", "en")
    html = _render(group)
    assert "zone zone-suspended" in html and "zone zone-in_force" in html
    assert [i.label for i in section.items] == ["In force", "Suspended (pact broken)"]
    assert all(i.swatch == "hatch" for i in section.items)


def test_control_legend_names_only_groups_on_the_map(cat):
    group, section = layers.control_layer(cat, asof.control_as_of(cat, D(2022, 1, 1)), "1 Jan 2022", "en")
    labels = [i.label for i in section.items]
    assert "Wilexis gang" in labels and not any("Koki" in label for label in labels)


def test_area_features_carry_the_id_a_click_selects(cat):
    group, _ = layers.sector_layer(cat.sectors, "en")
    assert '"area_id": "cota_905"' in _render(group)


def test_incident_legend_explains_every_colour_drawn(cat, joined):
    rows = joined[joined.mapped]
    group, section = incidents.clustered_layer(cat, rows, ["p"] * len(rows), "en")
    colours = {i.color for i in section.items}
    assert {styles.TYPE_COLORS.get(k, styles.OTHER_TYPE_COLOR) for k in rows["type"]} <= colours


def test_legend_text_is_escaped_and_cannot_close_its_script():
    section = LegendSection("Leyenda <b>", (LegendItem("a</script><script>alert(1)</script>", "fill", "#fff"),))
    html = legend.legend_html("T", [section])
    assert "Leyenda &lt;b&gt;" in html and "<script>" not in html
    layer = legend.LegendLayer("T", [section])
    assert "</" not in layer.html_json
    assert json.loads(layer.html_json.replace("<\\/", "</")) == legend.legend_html("T", [section])


# --- timeline chart ------------------------------------------------------------------------------------------

def test_policy_marks_come_from_catalog_dates(cat):
    marks = timeline.policy_marks(cat, "en")
    assert len(marks) == len(timeline.POLICY_MARKS)
    assert "First OLP raid (13 Jul 2015)" in set(marks["label"])
    assert str(marks.loc[marks.label.str.startswith("July 2021"), "date"].iloc[0].date()) == "2021-07-08"


def test_monthly_counts_place_month_dated_events_and_set_year_only_apart(cat, joined):
    m = timeline.monthly(joined, np.ones(len(joined), bool))
    year_only = int((joined["date_precision"] == "year").sum())
    assert m.undated == year_only and int(m.counts["n"].sum()) == len(joined) - year_only
    feb_2019 = m.counts[m.counts["month"] == "2019-02-01"]
    assert sorted(feb_2019[["type", "n"]].values.tolist()) == [["massacre", 1], ["police_killing", 1]]


def test_chart_summary_and_spec(cat, joined):
    m = timeline.monthly(joined, np.ones(len(joined), bool))
    marks = timeline.policy_marks(cat, "es")
    window = (D(2019, 2, 1), D(2019, 2, 28))
    text = timeline.summary(m, marks, window, 1, "es")
    assert "1–28 feb 2019, 1 incidentes" in text and "4 fechas de política" in text
    spec = timeline.timeline_spec(cat, m, marks, (D(2013, 1, 1), D(2024, 12, 31)), window, "es")
    assert len(spec["layer"]) == 4
    assert spec["layer"][0]["data"]["values"] == [{"start": "2019-02-01T00:00:00", "end": "2019-02-28T00:00:00"}]
    assert sum(r["n"] for r in spec["layer"][1]["data"]["values"]) == int(m.counts["n"].sum())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_chart_spec_is_valid_vega_lite(cat, joined, lang):
    import altair as alt

    m = timeline.monthly(joined, np.ones(len(joined), bool))
    spec = timeline.timeline_spec(cat, m, timeline.policy_marks(cat, lang), (D(2013, 1, 1), D(2024, 12, 31)),
                                (D(2019, 2, 1), D(2019, 2, 28)), lang)
    alt.LayerChart.from_dict(spec)                     # raises on anything the Vega-Lite schema rejects
    assert json.loads(json.dumps(spec)) == spec        # plain JSON, as Streamlit sends it


def test_an_unchanged_layer_renders_the_same_js_on_every_rerun(cat, joined):
    """st_folium swaps a layer whose JS changed; random folium ids would close popups and fold clusters
    on every click or pan."""
    import folium
    from streamlit_folium import _get_feature_group_string

    def js():
        group, _ = incidents.clustered_layer(cat, joined[joined.mapped], ["<b>p</b>"] * int(joined.mapped.sum()), "en")
        groups.stable_ids(group, "incidents")
        return _get_feature_group_string(group, folium.Map(tiles=None), 0)

    assert js() == js()


def test_the_spanish_chart_names_months_in_spanish(cat, joined):
    m = timeline.monthly(joined, np.ones(len(joined), bool))
    spec = timeline.timeline_spec(cat, m, timeline.policy_marks(cat, "es"), (D(2013, 1, 1), D(2024, 12, 31)),
                                (D(2019, 2, 1), D(2019, 2, 28)), "es")
    assert spec["config"]["locale"]["time"]["shortMonths"][1] == "feb"
    assert "locale" not in timeline.timeline_spec(cat, m, timeline.policy_marks(cat, "en"),
                                                  (D(2013, 1, 1), D(2024, 12, 31)),
                                                (D(2019, 2, 1), D(2019, 2, 28)), "en").get("config", {})


def test_types_sharing_a_colour_share_one_chart_legend_entry_as_on_the_map(cat, joined):
    m = timeline.monthly(joined, np.ones(len(joined), bool))
    spec = timeline.timeline_spec(cat, m, timeline.policy_marks(cat, "en"), (D(2013, 1, 1), D(2024, 12, 31)),
                                (D(2019, 2, 1), D(2019, 2, 28)), "en")
    scale = spec["layer"][1]["encoding"]["color"]["scale"]
    assert len(set(scale["range"])) == len(scale["range"])           # no two legend entries look the same
    rows = styles.type_colour_rows(cat, "en", set(m.counts["type"]))
    assert (scale["range"], scale["domain"]) == tuple(map(list, zip(*rows)))
    values = spec["layer"][1]["data"]["values"]
    labels = cat.event_types.set_index("key")["label_en"]
    assert {v["label"] for v in values} == {labels[k] for k in set(m.counts["type"])}   # tooltips keep the type
