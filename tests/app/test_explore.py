"""The map page under AppTest: the URL seeds every filter, the metrics match the CLI, bad links get a
note, playback steps, and everything speaks Spanish too."""

import datetime as dt
import re

import pytest

from loaders import catalog as catalog_loader
from tests import FIXTURES
from tests.app import opened, page

PAGE = "pages/explore.py"


def run(**params):
    """The page once the map is drawn: a link opened cold shows the map and its figures, and the map then
    reports its view in a browser, which reruns the page with the rest."""
    return opened(PAGE, **params).run()


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def cli_count(cli, *args):
    out = cli("incidents", *args, "--count")
    assert out.code == 0, out.err
    return out.out.strip()


def shown_text(at):
    return " ".join(m.value for m in at.markdown).replace("\\", "")


LINKS = [
    ({"from": "2019-02-01", "to": "2019-02-28"}, ["--from", "2019-02-01", "--to", "2019-02-28"]),
    ({"from": "2015-01-01", "to": "2016-12-31", "area": "cota_905"},
     ["--from", "2015-01-01", "--to", "2016-12-31", "--area", "cota_905"]),
    ({"type": ["massacre", "security_operation"]}, ["--type", "massacre", "--type", "security_operation"]),
    ({"actor": "koki"}, ["--actor", "koki"]),
    ({"min_fatalities": "10"}, ["--min-fatalities", "10"]),
    ({"area": "VE010110"}, ["--area", "VE010110"]),
]


@pytest.mark.parametrize("params,args", LINKS)
def test_a_link_opened_cold_shows_the_same_count_as_the_cli(cli, params, args):
    at = run(lang="en", **params)
    assert not at.exception, at.exception
    expected = cli_count(cli, *args)
    assert metric(at, "Incidents") == expected
    assert re.search(rf"\b{expected} incidents?\b", shown_text(at)), shown_text(at)


def test_the_february_2019_link_shows_the_massacre_in_words():
    at = run(**{"from": "2019-02-10", "to": "2019-02-28", "lang": "en"})
    assert at.slider(key="window").value == (dt.date(2019, 2, 10), dt.date(2019, 2, 28))
    assert metric(at, "Incidents") == "1" and metric(at, "Fatalities") == "7"
    assert "1 incident, 7 killed, in Cota 905 (El Paraíso), 10–28 Feb 2019." in shown_text(at)


def test_names_in_a_link_are_accepted_and_the_url_is_rewritten_with_ids():
    at = run(area="Cota 905", actor="El Koki", type="Masacre")
    assert not at.exception
    assert at.multiselect(key="areas").value == ["cota_905"]
    assert at.multiselect(key="actors").value == ["koki"]
    assert at.multiselect(key="types").value == ["massacre"]
    assert at.query_params["area"] == ["cota_905"] or at.query_params["area"] == "cota_905"
    assert not at.warning


def test_bad_values_fall_back_with_a_visible_note_never_an_error():
    at = run(**{"from": "yesterday", "to": "2030-01-01", "area": "Atlantis", "zoom": "99", "lat": "10.5",
                "lang": "en", "min_fatalities": "-3"})
    assert not at.exception
    notes = " ".join(w.value for w in at.warning).replace("\\", "")
    for needle in ("from=yesterday", "to=2030-01-01", "area=Atlantis", "zoom=99", "min_fatalities=-3"):
        assert needle in notes, needle
    window = at.slider(key="window").value
    assert window[0] == dt.date(2013, 1, 1) and window[1] == dt.date(2024, 12, 31)
    assert at.multiselect(key="areas").value == []


def test_hostile_link_values_are_shown_as_text():
    at = run(area="<img src=x onerror=alert(1)>", lang="en")
    assert not at.exception
    note = at.warning[0].value
    assert "\\<img" in note and not re.search(r"(?<!\\)<img", note)


def test_spanish_labels_numbers_and_sentence():
    at = run(**{"from": "2019-02-10", "to": "2019-02-28", "lang": "es"})
    labels = [m.label for m in at.metric]
    assert "Incidentes" in labels and "Víctimas fatales" in labels
    assert "1 incidente, 7 muertos, en Cota 905 (El Paraíso), 10–28 feb 2019." in shown_text(at)
    assert at.button(key="play").label.endswith("Reproducir")
    assert "Zonas de paz y control al 28 feb 2019" in " ".join(h.value for h in at.subheader)


def test_step_moves_the_window_on_by_the_chosen_unit():
    at = run(**{"from": "2019-02-01", "to": "2019-02-28"})
    at.radio(key="play_unit").set_value("month")
    at.button(key="step").click().run()
    assert at.slider(key="window").value == (dt.date(2019, 3, 1), dt.date(2019, 3, 31))
    assert at.query_params["from"] in ("2019-03-01", ["2019-03-01"])
    at.radio(key="play_unit").set_value("year")
    at.button(key="step").click().run()
    assert at.slider(key="window").value == (dt.date(2020, 3, 1), dt.date(2020, 3, 31))


def test_widgets_write_the_state_back_to_the_url():
    at = run(lang="en")
    at.multiselect(key="areas").set_value(["cota_905", "VE010110"])
    at.slider(key="window").set_value((dt.date(2021, 7, 1), dt.date(2021, 7, 31))).run()
    assert not at.exception
    assert at.query_params["from"] in ("2021-07-01", ["2021-07-01"])
    assert list(at.query_params["area"]) == ["cota_905", "VE010110"]


@pytest.mark.parametrize("measure", ["off", "incidents", "fatalities"])
def test_every_choropleth_measure_renders(measure):
    at = run(lang="en")
    at.radio(key="choropleth").set_value(measure).run()
    assert not at.exception


def test_zones_and_control_on_the_last_day_are_listed_with_source_links():
    at = run(**{"from": "2019-02-10", "to": "2019-02-28", "lang": "en"})
    table = next(m.value for m in at.markdown if "<table" in m.value)
    assert "Cota 905 peace zone" in table and "In force" in table
    assert "Koki" in table and "Wilexis" in table
    assert table.count('href="http') >= 3


def test_a_cold_link_shows_the_map_and_its_figures_first_and_the_rest_on_the_next_run():
    first = opened(PAGE, **{"from": "2019-02-10", "to": "2019-02-28", "lang": "en"})
    assert not first.exception, first.exception
    assert metric(first, "Incidents") == "1"
    assert "1 incident, 7 killed" in shown_text(first)
    captions = " ".join(c.value for c in first.caption)
    assert "follow once the map is drawn" in captions and "OCHA" in captions     # the credit is never deferred
    assert not first.get("vega_lite_chart") and not first.get("download_button")
    assert opened(PAGE, actor="Banda de Koki", lang="en").query_params["actor"] == "koki_gang"   # the URL is written
    then = first.run()
    assert then.get("vega_lite_chart") and then.get("download_button")
    assert "follow once the map is drawn" not in " ".join(c.value for c in then.caption)
    assert any("<table" in m.value for m in then.markdown)


def test_the_chart_has_a_text_summary_naming_the_window():
    at = run(**{"from": "2019-02-10", "to": "2019-02-28", "lang": "en"})
    caption = " ".join(c.value for c in at.caption)
    assert "busiest month" in caption and "10–28 Feb 2019, 1 incidents" in caption


def _with_upload(fixture, **params):
    from loaders import uploads
    from territorio import imports

    at = page(PAGE, **params)
    result = imports.read_path(FIXTURES / fixture, **uploads.context())   # in process: the import is tested apart
    at.session_state["uploads"] = {result.file: result}
    return at.run().run(), result


def test_an_uploaded_file_is_counted_under_the_same_filters_and_outside_points_wait():
    at, result = _with_upload("broken_rows.csv", lang="en")
    assert not at.exception, at.exception
    text = shown_text(at)
    loaded = result.rows_loaded
    assert f"Your data (broken_rows.csv): {loaded} of {loaded} incidents match the filters" in text
    assert "outside Caracas (hidden)" in text
    # the catalog's own metric is unchanged by the upload (it is what `territorio incidents` counts)
    assert metric(at, "Incidents") == str(len(catalog_loader.load().incidents))
    at.checkbox(key="show_outside").check().run()
    assert "outside Caracas (shown)" in shown_text(at)


def test_an_upload_is_filtered_by_the_window_too():
    at, result = _with_upload("acled_current.csv", **{"from": "2020-05-01", "to": "2020-05-15", "lang": "es"})
    assert not at.exception, at.exception
    frame = result.incidents
    day = frame["date"].str[:10]
    expected = int(((day >= "2020-05-01") & (day <= "2020-05-15")).sum())
    assert f"Sus datos (acled_current.csv): {expected} de {len(frame)} incidentes" in shown_text(at)


def test_the_citation_warns_that_uploads_do_not_travel_in_the_link():
    at, _ = _with_upload("good_en.csv", lang="en")
    cite = " ".join(c.value for c in at.code)
    assert "http://localhost:8501/?" in cite and "upload" in cite.lower()


def test_the_fatalities_metric_says_how_many_incidents_have_no_figure(joined):
    at = run(lang="en")
    unknown = int(joined["fatalities_max"].isna().sum())
    assert metric(at, "Fatalities") == f"{int(joined.fatalities_min.sum())}-{int(joined.fatalities_max.sum())}"
    assert f"{unknown} with no death toll reported" in " ".join(c.value for c in at.caption)


def test_save_this_view_as_a_scene_of_a_draft_story():
    at = run(**{"from": "2019-02-01", "to": "2019-02-28", "area": "cota_905", "lang": "en",
                "lat": "10.48", "lon": "-66.93", "zoom": "14"})
    at.button(key="save_scene").click().run()
    assert not at.exception, at.exception
    draft = at.session_state["story_draft"]
    scenes = draft["scenes"] if isinstance(draft, dict) else draft
    scene = scenes[-1]
    text = str(scene)
    assert "2019-02-01" in text and "2019-02-28" in text and "cota_905" in text and "14" in text


def test_the_incident_table_opens_on_request_with_readable_headers_and_sources(joined):
    at = run(**{"from": "2019-02-10", "to": "2019-02-28", "lang": "es"})
    assert not at.dataframe, "the table is built only when asked for (it is costly at scale)"
    at.toggle(key="show_table").set_value(True).run()
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    assert list(frame["id"]) == ["CCS-019"] and frame["type"].iloc[0] == "Masacre"
    assert frame["sources"].iloc[0].startswith("http")


def test_a_pace_control_sits_beside_play_in_both_languages():
    at = run(lang="es")
    pace = at.radio(key="play_pace")
    assert pace.value == 4 and list(pace.options) == ["2 pasos/s", "4 pasos/s", "8 pasos/s"]
    at = run(lang="en")
    assert list(at.radio(key="play_pace").options) == ["2 steps/s", "4 steps/s", "8 steps/s"]


def test_a_step_moves_the_chart_window_and_the_table_of_what_held_with_the_map():
    at = run(**{"from": "2019-02-01", "to": "2019-02-28", "lang": "en"})
    at.button(key="step").click().run()
    captions = " ".join(c.value for c in at.caption)
    assert "1–31 Mar 2019, " in captions                                     # the chart's summary names it
    assert any("Peace zones and control on 31 Mar 2019" in s.value for s in at.subheader)
    assert "1–31 Mar 2019." in shown_text(at)                                 # and so does the sentence


def test_play_then_pause_shows_the_controls_again_on_the_same_window():
    at = run(**{"from": "2019-02-01", "to": "2019-02-28", "lang": "en"})
    at.button(key="play").click().run()
    assert at.session_state["playing"] and at.button(key="step").disabled
    window = at.slider(key="window").value
    at.button(key="play").click().run()
    assert not at.session_state["playing"] and not at.button(key="step").disabled
    assert at.slider(key="window").value == window
    assert at.query_params["from"] in (window[0].isoformat(), [window[0].isoformat()])
