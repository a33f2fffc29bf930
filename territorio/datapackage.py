"""The data package descriptor (Frictionless Data Package), declared here as data.

`geodata/build.py` writes `geodata/datapackage.json` from these declarations plus each file's
size and hash; `loaders.geodata` reads resources back and checks them against it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

DATA_VERSION = "0.1.0"
CREATED = "2026-11-25"

OCHA_LICENCE = {
    "name": "CC-BY-IGO-3.0",
    "title": "Creative Commons Attribution 3.0 IGO",
    "path": "https://creativecommons.org/licenses/by/3.0/igo/",
}
CATALOG_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
OCHA_SOURCE = {
    "title": "OCHA / INE Venezuela: Venezuela subnational administrative boundaries (COD-AB, adm3), "
    "simplified by a third party (Leoneldg/inspeccion-sismos)",
    "path": "https://data.humdata.org/dataset/cod-ab-ven",
}
OCHA_ATTRIBUTION = "OCHA / INE Venezuela, CC BY-IGO"
WGS84 = "EPSG:4326"


def field(name: str, type_: str, description: str, **constraints: Any) -> dict:
    out: dict[str, Any] = {"name": name, "type": type_, "description": description}
    if constraints:
        out["constraints"] = constraints
    return out


PARISH_FIELDS = [
    field("pcode", "string", "OCHA place code of the parish (primary key).", required=True, unique=True,
          pattern="^VE[0-9]{6}$"),
    field("name", "string", "Parish name as used in Caracas (accents restored, HDX misspellings fixed).",
          required=True),
    field("name_hdx", "string", "Name exactly as spelled in the HDX source.", required=True),
    field("municipality", "string", "Municipality (Libertador, Baruta, Chacao, El Hatillo, Sucre).",
          required=True, enum=["Libertador", "Baruta", "Chacao", "El Hatillo", "Sucre"]),
    field("municipality_pcode", "string", "OCHA place code of the municipality.", required=True),
    field("state", "string", "State: Distrito Capital or Miranda.", required=True,
          enum=["Distrito Capital", "Miranda"]),
    field("label_lat", "number", "Latitude of a point inside the parish, for its label (source center_lat).",
          required=True),
    field("label_lon", "number", "Longitude of a point inside the parish, for its label (source center_lon).",
          required=True),
]

MUNICIPALITY_FIELDS = [
    field("municipality_pcode", "string", "OCHA place code of the municipality (primary key).",
          required=True, unique=True),
    field("name", "string", "Municipality name.", required=True),
    field("state", "string", "State.", required=True),
    field("parishes", "integer", "Number of parishes dissolved into this outline.", required=True, minimum=1),
]

RESOURCES: list[dict[str, Any]] = [
    {
        "name": "parishes",
        "path": "parishes.geojson",
        "title": "Parishes (parroquias) of metropolitan Caracas",
        "description": "The 22 parishes of Libertador (Distrito Capital) and the 10 of Baruta, Chacao, "
        "El Hatillo and Sucre (Miranda). Strongly generalised boundaries: fine for maps and "
        "point-in-parish joins, not for area statistics.",
        "format": "geojson",
        "mediatype": "application/geo+json",
        "crs": WGS84,
        "geometryType": "Polygon",
        "coordinatePrecision": 6,
        "rows": 32,
        "derivedBy": "geodata/build.py (territorio.parish_build)",
        "sources": [OCHA_SOURCE],
        "licenses": [OCHA_LICENCE],
        "attribution": OCHA_ATTRIBUTION,
        "schema": {"fields": PARISH_FIELDS, "primaryKey": "pcode"},
    },
    {
        "name": "municipalities",
        "path": "municipalities.geojson",
        "title": "Municipal outlines of metropolitan Caracas",
        "description": "The parishes dissolved by municipality, so outlines and parishes always agree.",
        "format": "geojson",
        "mediatype": "application/geo+json",
        "crs": WGS84,
        "geometryType": "Polygon",
        "coordinatePrecision": 6,
        "rows": 5,
        "derivedBy": "geodata/build.py (territorio.parish_build)",
        "sources": [OCHA_SOURCE],
        "licenses": [OCHA_LICENCE],
        "attribution": OCHA_ATTRIBUTION,
        "schema": {"fields": MUNICIPALITY_FIELDS, "primaryKey": "municipality_pcode"},
    },
]


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def descriptor(files: dict[str, bytes]) -> dict[str, Any]:
    """The whole descriptor, with `bytes` and `hash` of every file given by path."""
    resources = []
    for spec in RESOURCES:
        data = files[spec["path"]]
        resources.append({**spec, "bytes": len(data), "hash": sha256(data)})
    return {
        "name": "territorio-caracas",
        "title": "Territorio: territorial control, peace zones and violence in Caracas",
        "version": DATA_VERSION,
        "created": CREATED,
        "licenses": [CATALOG_LICENCE, OCHA_LICENCE],
        "resources": resources,
    }


def dumps(desc: dict[str, Any]) -> str:
    return json.dumps(desc, ensure_ascii=False, indent=2) + "\n"
