"""`python -m benchmarks.uploads` at a small size, so it cannot rot. Figures are checked for shape, never for
speed (no timed assertions)."""

import numbers

from benchmarks import uploads


def test_an_uploaded_file_is_read_drawn_and_measured_in_both_views():
    out = uploads.measure(1500, seed=2)
    assert out["rows"] == out["loaded"] == 1500 and 0 < out["drawn"] <= 1500
    for view in ("city", "sector_zoom_17"):
        figures = out[view]
        assert all(isinstance(figures[k], numbers.Real) and figures[k] >= 0
                   for k in ("layers_s", "to_js_s", "payload_kb"))
        assert figures["upload_drawn_as"] in {"Hexagons", "CanvasPoints", "MarkerCluster"}
    assert out["city"]["upload_drawn_as"] == "Hexagons"          # 1,500 points are more than the map draws one by one
