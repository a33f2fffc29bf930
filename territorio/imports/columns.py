"""Which column holds what: header aliases people use in Spanish and English, declared as data.

A record's cells are mapped to canonical fields (id, date, lat, ...); columns that match nothing are
reported once as unknown.
"""

from __future__ import annotations

from territorio.i18n.text import fold

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "event id", "codigo", "code", "identifier", "identificador"),
    "date": ("date", "fecha", "dia", "day", "when", "fecha del hecho", "event date"),
    "date_end": ("date end", "end date", "fecha fin", "fecha final", "hasta", "end"),
    "date_precision": ("date precision", "precision fecha", "precision de fecha"),
    "lat": ("lat", "latitude", "latitud", "y"),
    "lon": ("lon", "lng", "long", "longitude", "longitud", "x"),
    "title": ("title", "titulo", "name", "nombre", "headline", "titular", "title en", "title es"),
    "summary": ("summary", "resumen", "description", "descripcion", "notes", "notas", "detalle",
                "summary en", "summary es"),
    "type": ("type", "tipo", "event type", "tipo de evento", "category", "categoria"),
    "fatalities": ("fatalities", "muertos", "fallecidos", "victimas", "victimas fatales", "deaths", "killed",
                   "dead", "fatalities text"),
    "fatalities_min": ("fatalities min", "muertos min", "minimo"),
    "fatalities_max": ("fatalities max", "muertos max", "maximo"),
    "sources": ("sources", "source", "fuente", "fuentes", "url", "urls", "link", "links", "enlace", "enlaces"),
    "place": ("place", "lugar", "sitio", "location", "ubicacion", "direccion", "address"),
    "actors": ("actors", "actores", "actors en", "actors es", "actor"),
    "actor_ids": ("actor ids",),
    "location_precision": ("location precision", "precision ubicacion"),
    "coord_method": ("coord method",),
    "parish": ("parish", "parroquia", "parish stated"),
    "pcode": ("pcode", "pcode stated"),
    "date_end_note": ("date end note",),
}
# Columns our own exports and the catalog carry that are derived again on import: known, not loaded.
DERIVED = ("date uncertain", "in study area", "sector id", "designation status", "controlling group",
           "control confidence", "source count", "type original", "summary es translated", "municipality",
           "municipio", "sector", "designation id", "gx media links", "control claim id", "mapped",
           # the source review's marks (data 0.2.0): they describe the catalog's sources, not a file's
           "designation", "parishes", "single source", "independent outlets", "date note",
           "dataset", "imported at", "licence")     # an export row's origin: the new import is its own

_LOOKUP = {fold(a): canon for canon, names in ALIASES.items() for a in names}
_KNOWN = _LOOKUP.keys() | {fold(d) for d in DERIVED}


def column_map(columns: list[str]) -> dict[str, list[str]]:
    """Canonical field -> the file's columns that may hold it, in file order (title_en before title_es)."""
    out: dict[str, list[str]] = {}
    for col in columns:
        canon = _LOOKUP.get(fold(col))
        if canon:
            out.setdefault(canon, []).append(col)
    return out


def unknown_columns(columns: list[str], known: set[str] = frozenset()) -> list[str]:
    return [c for c in columns if fold(c) not in _KNOWN and fold(c) not in known and c.strip()]


def generic_mapper(columns: list[str]):
    """cells -> canonical fields; where several columns may hold a field, the first non-empty one wins."""
    cmap = column_map(columns)

    def canonical(fields: dict[str, str]) -> dict[str, str]:
        return {canon: next((fields[c] for c in cols if str(fields.get(c, "")).strip()), "")
                for canon, cols in cmap.items()}

    return canonical
