"""An uploaded file's incidents on the map, at size: a synthetic newsroom CSV of N rows read by the importer,
joined, and drawn as the map page draws it (its incidents and the catalog's, through map.groups.page_layers),
timed, with the size of the JS st_folium sends for the layers. As the map opens (the whole city) and zoomed in
on a sector.

    python -m benchmarks.uploads --rows 20000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time

from streamlit.logger import get_logger

get_logger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel("ERROR")   # "no ScriptRunContext"
from streamlit_folium import _get_feature_group_string

from loaders import catalog as catalog_loader
from loaders import geodata
from territorio.catalog import join, synthetic
from territorio.i18n import t
from territorio.imports import read
from territorio.map import basemap, density, groups
from territorio.map.view import LayerRequest
from territorio.selection.filters import FilterSpec


def _sector_view(cat) -> tuple[density.Bounds, float]:
    c = cat.sectors.geometry.iloc[0].representative_point()
    return density.Bounds(c.y - 0.0015, c.x - 0.003, c.y + 0.0015, c.x + 0.003), 17.0


def measure(rows: int, seed: int = 1, lang: str = "en") -> dict:
    cat, joined = catalog_loader.load(), catalog_loader.joined()
    t0 = time.perf_counter()
    result = read(synthetic.upload_csv(cat, rows, seed), "newsroom.csv")
    frame = join.join(cat, incidents=result.incidents)
    import_s = time.perf_counter() - t0
    drawn = frame[frame["mapped"] & frame["in_study_area"].astype(bool)]
    base = basemap.caracas_map(cat.parishes, geodata.read("municipalities"), basemap.MapOptions(lang=lang))
    spec = FilterSpec(date_to=dt.date(2023, 12, 31))      # every catalog incident, the map as of that day
    out = {"rows": rows, "loaded": result.rows_loaded, "drawn": len(drawn), "import_join_s": round(import_s, 2)}
    for view in ("city", "sector_zoom_17"):
        bounds, zoom = (None, None) if view == "city" else _sector_view(cat)
        t0 = time.perf_counter()
        page = groups.page_layers(cat, joined, spec, LayerRequest(("incidents",), "off", bounds, zoom), lang,
                                  uploads={"newsroom": drawn})
        built = time.perf_counter()
        js = "".join(_get_feature_group_string(g, base, i) for i, g in enumerate(page.groups))
        done = time.perf_counter()
        upload = next(g for g in page.groups if g.layer_name == t("layer_upload", lang, name="newsroom"))
        out[view] = {"layers_s": round(built - t0, 3), "to_js_s": round(done - built, 3),
                     "payload_kb": round(len(js.encode()) / 1024, 1),
                     "upload_drawn_as": type(list(upload._children.values())[0]).__name__}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.uploads", description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=20_000, help="rows of the synthetic uploaded file (default 20000)")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    print(json.dumps(measure(args.rows, args.seed), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
