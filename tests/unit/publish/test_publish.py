"""The published folder: what it holds, its size, its safety, and the rules its page applies (precomputed here,
applied in explorer.js) against the domain's own."""

import datetime as dt
import io
import json
import re
import zipfile
from html.parser import HTMLParser

import pytest

from loaders import geodata
from territorio.catalog import asof
from territorio.catalog.datapackage import DATA_VERSION
from territorio.publish import folder, payload
from territorio.selection import filters

MB = 1_000_000


@pytest.fixture(scope="module")
def municipalities():
    return geodata.read("municipalities")


@pytest.fixture(scope="module")
def catalog_files(cat, joined, municipalities):
    return folder.files(payload.build(cat, joined, filters.FilterSpec(), "en", municipalities))


def data_of(files: dict) -> dict:
    text = files[folder.DATA_FILE].decode("utf-8")
    assert text.startswith(f"window.{folder.DATA_GLOBAL}=") and text.endswith(";\n")
    return json.loads(text[len(f"window.{folder.DATA_GLOBAL}="):-2])


# --- what held on a day: the page's rule over the precomputed periods equals catalog/asof.py -------------

def held_by_the_page_rule(periods: list[dict], d: int) -> list[tuple]:
    """explorer.js's holding(), step for step: lo <= d <= hi; tentative when `always` or d <= startHi; conflict
    when the same key holds different values."""
    held = [p for p in periods if p["lo"] <= d <= p["hi"]]
    values = {}
    for p in held:
        values.setdefault(p["key"], set()).add(p["value"])
    return sorted((p["key"], p["value"], bool(p["always"] or d <= p["startHi"]), len(values[p["key"]]) > 1)
                  for p in held)


DAYS = [dt.date(2013, 6, 1), dt.date(2015, 1, 1), dt.date(2015, 3, 1), dt.date(2015, 6, 22),
        dt.date(2015, 6, 23), dt.date(2015, 7, 13), dt.date(2015, 7, 14), dt.date(2017, 3, 1),
        dt.date(2019, 2, 12), dt.date(2021, 7, 8), dt.date(2022, 2, 8), dt.date(2023, 12, 31)]


@pytest.mark.parametrize("day", DAYS)
def test_the_pages_rule_gives_what_asof_gives(cat, day):
    zones, control = payload.zones(cat), payload.control(cat)
    z, c = asof.zones_as_of(cat, day), asof.control_as_of(cat, day)
    expect_z = sorted(zip(z["designation_id"], z["status"], z["tentative"].astype(bool), z["conflict"].astype(bool)))
    expect_c = sorted(zip(c["sector_id"], c["group_id"], c["tentative"].astype(bool), c["conflict"].astype(bool)))
    assert held_by_the_page_rule(zones, payload.day(day)) == expect_z
    assert held_by_the_page_rule(control, payload.day(day)) == expect_c


def test_some_days_hold_zones_and_control_and_some_are_tentative(cat):
    """The comparison above is not vacuous: the days chosen see zones, control and tentative periods."""
    seen = [held_by_the_page_rule(payload.zones(cat) + payload.control(cat), payload.day(d)) for d in DAYS]
    assert all(len(s) for s in seen[1:]) and any(t for s in seen for (_k, _v, t, _c) in s)


# --- the folder ----------------------------------------------------------------------------------------

def test_the_folder_holds_the_pages_the_data_the_libraries_and_the_readme(catalog_files):
    assert {"index.html", "embed.html", "explorer.js", "explorer.css", folder.DATA_FILE, "README.txt",
            "vendor/LICENSES.txt", "vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
            "vendor/markercluster/leaflet.markercluster.js"} <= set(catalog_files)
    licences = catalog_files["vendor/LICENSES.txt"].decode()
    assert "Leaflet 1.9.3" in licences and "BSD 2-Clause" in licences and "Vladimir Agafonkin" in licences
    assert "David Leaver" in licences and "xstatic-leaflet-markercluster 1.4.1.1" in licences
    readme = catalog_files["README.txt"].decode()
    assert '<iframe src="https://example.org/maps/caracas/embed.html"' in readme
    assert "OCHA / INE Venezuela" in readme and DATA_VERSION in readme and "CC BY 4.0" in readme


def test_the_catalog_folder_is_under_2_mb(catalog_files):
    assert sum(len(b) for b in catalog_files.values()) < 2 * MB


def test_100000_synthetic_incidents_publish_under_6_mb_of_data(cat, municipalities):
    from loaders import catalog as catalog_loader

    joined = catalog_loader.joined((100_000, 0))
    data = folder.data_script(payload.build(cat, joined, filters.FilterSpec(), "en", municipalities, synthetic=True))
    assert len(data.encode("utf-8")) < 6 * MB
    assert '"synthetic":true' in data


def test_coordinates_are_kept_to_5_decimals(catalog_files, joined):
    inc = data_of(catalog_files)["incidents"]
    mapped = joined[joined["mapped"]]
    lat = [inc["origin"][0] + y / inc["scale"] for y in inc["y"] if y != payload.NONE]
    assert max(abs(a - b) for a, b in zip(lat, mapped["lat"])) <= 0.5e-5 + 1e-9


def test_ids_come_back_from_their_compact_form(catalog_files, joined):
    ids = data_of(catalog_files)["incidents"]["ids"]
    n, out = 0, []
    for step in ids["steps"]:
        n += step
        out.append(f"{ids['prefix']}{str(n).zfill(ids['width'])}")
    assert out == list(joined["id"])


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("page", list(folder.PAGES))
def test_pages_have_no_inline_script_or_handler_and_forbid_remote_loads(catalog_files, page):
    text = catalog_files[page].decode()
    tags = Tags()
    tags.feed(text)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert scripts and all(a.get("src") and not a["src"].startswith(("http", "//")) for a in scripts)
    assert not re.search(r"<script[^>]*>\s*[^<\s]", text), "an inline script"
    assert not [a for _t, attrs in tags.tags for a in attrs if a.startswith("on")], "an inline event handler"
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'none'" in csp
    assert "unsafe" not in csp


def test_the_zip_holds_exactly_the_folders_files(cat, joined, municipalities, catalog_files):
    data = payload.build(cat, joined, filters.FilterSpec(), "en", municipalities)
    with zipfile.ZipFile(io.BytesIO(folder.zip_bytes(data))) as z:
        inside = {n.removeprefix("territorio-map/"): z.read(n) for n in z.namelist()}
    assert inside == catalog_files
    assert folder.zip_bytes(data) == folder.zip_bytes(data), "the same selection gives the same zip"


def test_the_starting_filters_and_language_come_from_the_spec(cat, joined, municipalities):
    spec = filters.resolve(cat, date_from="2019-02-01", date_to="2019-02-28", areas=["Cota 905"], types=["massacre"],
                           actors=["koki"], min_fatalities=2)
    data = payload.build(cat, joined, spec, "es", municipalities, title="Cota 905")
    assert data["start"] == {"window": [payload.day(dt.date(2019, 2, 1)), payload.day(dt.date(2019, 2, 28))],
                             "areas": list(spec.areas), "types": ["massacre"], "actors": list(spec.actors),
                             "min": 2, "unit": "month"}
    page = folder.page(data, "full")
    assert '<html lang="es">' in page and "<title>Cota 905</title>" in page


def test_hostile_text_is_data_in_the_script_never_markup_in_a_page(cat, municipalities):
    from loaders import uploads
    from territorio.catalog import join
    from tests import FIXTURES

    imported = uploads.read_path(str(FIXTURES / "hostile.csv")).incidents
    data = payload.build(cat, join.join(cat, incidents=imported), filters.FilterSpec(), "en", municipalities)
    files = folder.files(data)
    details = data_of(files)["tables"]["details"]
    assert any("<img src=x onerror=alert(1)>" in d[0] for d in details)          # kept intact, as text
    assert data_of(files)["tables"]["sources"] == [["", "", ""]] or all(
        s[2] == "" or s[2].startswith(("http://", "https://")) for s in data_of(files)["tables"]["sources"])
    assert "javascript:alert(4)" not in json.dumps(data_of(files)["tables"]["sources"])
    for page in folder.PAGES:
        assert "onerror" not in files[page].decode()


def test_the_single_source_mark_is_the_catalogs_own(catalog_files, joined):
    """The reader sees "single source" where the catalog says one outlet alone backs the event (copies of one text
    count once), not wherever one source row happens to be listed."""
    single = data_of(catalog_files)["incidents"]["single"]      # in the rows' order (the ids test above)
    assert len(single) == len(joined)
    marked = {i for i, s in zip(joined["id"], single) if s}
    expected = set(joined.loc[joined["single_source"] == "true", "id"])
    assert marked == expected and len(expected) > 10
