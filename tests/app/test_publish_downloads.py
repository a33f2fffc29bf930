"""The map page's "Publish this selection" zip equals the folder `territorio publish` writes for the same filters,
and the map and briefing pages offer the playback video, built only when clicked."""

import io
import zipfile

from territorio.i18n import t
from territorio.selection import filters
from tests.app import opened
from ui import publish as ui_publish


def test_the_pages_zip_equals_the_folder_the_cli_writes(cli, cat, joined, tmp_path):
    args = {"date_from": "2015-01-01", "date_to": "2021-12-31", "types": ["massacre", "security_operation"],
            "areas": ["cota_905"]}
    spec = filters.resolve(cat, **args)
    with zipfile.ZipFile(io.BytesIO(ui_publish.publish_zip(cat, joined, spec, "es"))) as z:
        zipped = {n.removeprefix("territorio-map/"): z.read(n) for n in z.namelist()}
    ran = cli("publish", "--out", tmp_path, "--from", "2015-01-01", "--to", "2021-12-31", "--type", "massacre",
              "--type", "security_operation", "--area", "cota_905", "--lang", "es")
    assert ran.code == 0, ran.err
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert zipped == written and "data/explorer-data.js" in zipped


def test_the_pages_video_equals_what_the_cli_writes(cli, cat, joined, tmp_path):
    spec = filters.resolve(cat, date_from="2019-01-01", date_to="2019-06-30")
    ran = cli("animate", "--out", tmp_path / "v.gif", "--from", "2019-01-01", "--to", "2019-06-30", "--step", "month")
    assert ran.code == 0, ran.err
    assert ui_publish.playback_gif(cat, joined, spec, "en", "month") == (tmp_path / "v.gif").read_bytes()


def test_the_map_page_offers_publish_and_video_once_the_map_is_drawn():
    at = opened("pages/explore.py", lang="es", **{"from": "2019-01-01", "to": "2019-12-31"}).run()
    assert not at.exception, at.exception
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    assert t("publish_button", "es") in buttons and t("animate_button", "es") in buttons
    assert not buttons[t("publish_button", "es")].url, "built when clicked, not on every run"


def test_the_briefing_page_offers_the_scenes_video():
    at = opened("pages/briefing.py", story="cota-905", lang="en")
    assert not at.exception, at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("animate_button", "en") in labels
