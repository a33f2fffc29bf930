"""Incidents out: CSV, GeoJSON and GeoPackage, one row per incident, mapped or not, with sources and provenance."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from territorio.catalog.model import Catalog, actor_label
from territorio.i18n import t
from territorio.outputs import provenance
from territorio.selection import filters
from territorio.selection.dataset import CATALOG

COLUMNS = [
    "id", "date", "date_end", "date_precision", "date_uncertain", "type", "title", "pcode", "parish", "parishes",
    "sector_id", "sector", "designation_id", "designation", "designation_status", "controlling_group",
    "control_confidence", "fatalities_min", "fatalities_max", "lat", "lon", "location_precision", "in_study_area",
    "actor_ids", "summary", "sources", "single_source",
]


ORIGIN_COLUMNS = ["dataset", "imported_at", "licence"]   # each row's own: a kept dataset's, or the catalog's


def _origin(sel: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each row's dataset name, import date and licence; the catalog's rows name the catalog and its licence."""
    own = (sel["dataset"] != CATALOG).to_numpy(bool) if "dataset" in sel and "dataset_name" in sel else \
        np.zeros(len(sel), dtype=bool)
    column = lambda name: sel[name].to_numpy(dtype=object) if name in sel else np.full(len(sel), "", object)  # noqa: E731
    return pd.DataFrame({
        "dataset": np.where(own, column("dataset_name"), t("dataset_catalog", lang)),
        "imported_at": np.where(own, column("imported_at"), ""),
        "licence": np.where(own, column("licence"), provenance.licence(lang)),
    }, index=sel.index)


def table(cat: Catalog, joined: pd.DataFrame, mask, uncertain, lang: str = "en") -> pd.DataFrame:
    """The selected incidents with the export columns and each row's origin, in date order."""
    sel = joined[mask].copy()
    sel["date_uncertain"] = pd.Series(uncertain[mask], index=sel.index)
    sel["title"] = sel[f"title_{lang}"]
    sel["summary"] = sel[f"summary_{lang}"]
    sel["controlling_group"] = sel["controlling_group"].map(
        lambda g: actor_label(cat, g, lang) if g and g != "uncertain" else g)
    # the designation an incident fell under, by id and name: a status alone ('in_force') cannot be placed
    names = dict(zip(cat.designations.designation_id, cat.designations[f"name_{lang}"]))
    sel["designation"] = sel["designation_id"].map(lambda d: names.get(d, "") if d else "")
    out = pd.concat([sel[COLUMNS], _origin(sel, lang)], axis=1)
    return out.loc[sel.sort_values(["date_lo", "id"]).index].reset_index(drop=True)


def _cell(v):
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def to_csv(frame: pd.DataFrame) -> str:
    out = frame.copy()
    for col in ("date_uncertain", "in_study_area"):
        out[col] = out[col].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n")


def to_geojson(frame: pd.DataFrame, meta: dict | None = None) -> str:
    features = []
    for rec in frame.to_dict("records"):
        props = {k: _cell(v) for k, v in rec.items()}
        geom = None
        if props["lat"] is not None and props["lon"] is not None:
            geom = {"type": "Point", "coordinates": [props["lon"], props["lat"]]}
        features.append({"type": "Feature", "id": props["id"], "properties": props, "geometry": geom})
    doc = {"type": "FeatureCollection", **({"metadata": meta} if meta else {}), "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


# --- exports of a view, with provenance ---------------------------------------------------------------
# The same rows in every format: the filtered incidents plus provenance columns (data version, filter in
# words, licence); GeoJSON and GeoPackage also carry the provenance once as metadata.

PROVENANCE_COLUMNS = ["data_version", "filter", "licence"]
FORMULA_START = ("=", "+", "-", "@")   # a spreadsheet would run such a cell as a formula


def selection_table(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en") -> pd.DataFrame:
    """`table` for what a FilterSpec selects (date-uncertain flags from its window)."""
    sel = filters.apply(cat, joined, spec)
    return table(cat, joined, sel.mask, sel.uncertain, lang)


def with_provenance(frame: pd.DataFrame, meta: dict[str, str]) -> pd.DataFrame:
    """The view's provenance on each row; a row's own licence (its dataset's) stays, and the data version is
    the catalog's for its rows only (an imported row has its import date instead)."""
    out = frame.copy()
    for col in PROVENANCE_COLUMNS:
        if col not in out:
            out[col] = meta[col]
    if "imported_at" in out:
        out["data_version"] = np.where(out["imported_at"].astype(str) != "", "", meta["data_version"])
    return out[[c for c in out.columns if c not in PROVENANCE_COLUMNS] + PROVENANCE_COLUMNS]


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells starting with = + - @ get a leading ' ; numeric columns are left alone."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col]):
            continue
        out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


def view_rows(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str
              ) -> tuple[pd.DataFrame, dict[str, str]]:
    """(rows with provenance columns, provenance)."""
    meta = provenance.metadata(cat, spec, lang, provenance.data_sentence(joined, lang))
    return with_provenance(selection_table(cat, joined, spec, lang), meta), meta


def csv_view(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en") -> str:
    rows, _ = view_rows(cat, joined, spec, lang)
    return to_csv(neutralise_formulas(rows))


def geojson_view(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en") -> str:
    rows, meta = view_rows(cat, joined, spec, lang)
    return to_geojson(rows, meta)


def _geoframe(rows: pd.DataFrame):
    mapped = rows["lat"].notna() & rows["lon"].notna()
    geometry = gpd.points_from_xy(rows["lon"].where(mapped), rows["lat"].where(mapped))
    geometry = [g if m else None for g, m in zip(geometry, mapped)]
    return gpd.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")


def write_gpkg(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, path, lang: str = "en") -> None:
    """Layer `incidents` (points; unmapped rows have no geometry) and table `provenance` (key, value)."""
    rows, meta = view_rows(cat, joined, spec, lang)
    frame = _geoframe(rows)
    for col in ("date_uncertain", "in_study_area"):
        frame[col] = frame[col].astype(bool)
    frame.to_file(path, layer="incidents", driver="GPKG", engine="pyogrio")
    pyogrio.write_dataframe(pd.DataFrame({"key": list(meta), "value": list(meta.values())}), path,
                            layer="provenance", driver="GPKG", append=False)


def gpkg_view(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en") -> bytes:
    """The GeoPackage as bytes (for a download button)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "territorio.gpkg"
        write_gpkg(cat, joined, spec, path, lang)
        return path.read_bytes()


# format -> (file extension, MIME type, function returning str or bytes)
FORMATS = {
    "csv": ("csv", "text/csv", csv_view),
    "geojson": ("geojson", "application/geo+json", geojson_view),
    "gpkg": ("gpkg", "application/geopackage+sqlite3", gpkg_view),
}
