"""Uploading a hostile CSV in real Chromium: its text shows as text, no script runs, no dialog opens."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def test_hostile_csv_upload_fires_no_dialog(watched, app_url, tmp_path):
    dialogs = []
    watched.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = tmp_path / "<img src=x onerror=alert(5)>.csv"
    hostile.write_bytes((FIXTURES / "hostile.csv").read_bytes())
    watched.open(app_url + "/upload")
    watched.page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(str(hostile))
    watched.page.get_by_text("1 rows, 1 loaded, 0 rejected").wait_for(timeout=30_000)
    watched.wait_idle()
    body = watched.page.inner_text("body")
    assert "<img src=x onerror=alert(5)>.csv" in body            # the name shown as text
    assert watched.page.locator("img[src=x]").count() == 0       # never as an element
    assert dialogs == []
    assert watched.external == []
