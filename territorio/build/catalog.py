"""Derive the catalog from the facts (geodata/sources/, copied unchanged) and the reviewed files
(geodata/catalog/): incidents, timeline events, their sources, and the approximate sector outlines.

Nothing here invents a value: every date, number and coordinate is read from the facts; the reviewed
files only classify, translate and redact (private victims' names), and every row names its fact rows.
Facts found after the research notes enter through the reviewed files, each naming its sources:
catalog/events_added.csv (new events, the facts' columns), catalog/event_corrections.csv (a fact field
corrected: what it said, what it says now, why) and catalog/source_review.csv (every source's kind and
original outlet, and the sources added to an event).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlparse

import geopandas as gpd
import shapely

from territorio.build import geojson_io
from territorio.catalog import dates
from territorio.catalog.datapackage import CORRECTABLE, SOURCE_KINDS
from territorio.catalog.model import outlet_key

FACT_FILES = ("events.csv", "places.csv", "parish_population.csv", "NOTES.md")
SEP = " | "

# NOTES.md section 7: hosts that serve copies of other outlets' articles.
MIRROR_HOSTS = (
    "cocuyo.1eye.us", "bitlysdowssl-aws.com", "bitlyanews.com", "idaed.com", "58reports.com",
    "kingsmeninternationalgroup.blogspot.com", "storage.googleapis.com", "lanuevavenezuela.com",
    "notidiariooscar.blogspot.com",
)
_MIRROR_WORDS = re.compile(r"\b(mirror|copy on|reproduced on)\b", re.IGNORECASE)

INCIDENT_COLUMNS = [
    "id", "date", "date_end", "date_precision", "type", "type_original", "title_en", "title_es",
    "actor_ids", "actors_en", "actors_es", "fatalities_min", "fatalities_max", "fatalities_text",
    "lat", "lon", "location_precision", "coord_method", "place", "parish_stated", "pcode_stated",
    "in_study_area", "summary_en", "summary_es", "summary_es_translated", "sources", "source_count",
    "date_end_note", "date_note", "parishes", "independent_outlets", "single_source",
]
TIMELINE_COLUMNS = [
    "id", "date", "date_end", "date_precision", "type", "type_original", "title_en", "title_es",
    "actor_ids", "actors_en", "actors_es", "place", "lat", "lon", "summary_en", "summary_es",
    "summary_es_translated", "sources", "source_count",
]
SOURCE_COLUMNS = ["event_id", "n", "outlet", "publisher", "mirror", "host", "url", "title", "title_quality", "kind",
                  "original_outlet"]
SECTOR_COLUMNS = ["sector_id", "name", "pcodes", "anchor_place", "anchor_lat", "anchor_lon", "radius_m",
                  "geometry_method", "geometry_quality", "uncertainty_en", "uncertainty_es", "source_refs"]

TRANSLATION_NOTE = "translated from the English summary by the Territorio team"
UTM19N = 32619


class CatalogBuildError(ValueError):
    """A fact or reviewed row the build cannot use, named by file, row and field."""


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="raise")
    w.writeheader()
    for row in rows:
        w.writerow({c: row.get(c, "") for c in columns})
    return buf.getvalue()


# --- pieces of one event --------------------------------------------------------------------------

def fatalities(text: str, where: str) -> tuple[str, str]:
    """'' -> unknown (blank, never 0); '7' -> (7, 7); '14-24' -> (14, 24)."""
    text = text.strip()
    if not text:
        return "", ""
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", text)
    if not m:
        raise CatalogBuildError(f"{where}: fatalities {text!r} is not a number or a range a-b")
    lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
    if hi < lo:
        raise CatalogBuildError(f"{where}: fatalities range {text!r} runs backwards")
    return str(lo), str(hi)


def split_sources(fact: dict, where: str, added: list[dict] = ()) -> list[dict]:
    """The fact's sources, then the reviewed ones added to it (catalog/source_review.csv, action 'add')."""
    publishers = [p.strip() for p in fact["source_publisher"].split(SEP)]
    urls = [u.strip() for u in fact["source_url"].split(SEP)]
    titles = [t.strip() for t in fact["source_title"].split(SEP)]
    if not (len(publishers) == len(urls) == len(titles)):
        raise CatalogBuildError(
            f"{where}: {len(publishers)} publishers, {len(urls)} URLs and {len(titles)} titles do not match")
    publishers += [a["publisher"] for a in added]
    urls += [a["url"] for a in added]
    titles += [a["title"] for a in added]
    out = []
    for n, (pub, url, title) in enumerate(zip(publishers, urls, titles), start=1):
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise CatalogBuildError(f"{where}: source_url {url!r} is not an http(s) link")
        host = parsed.hostname
        mirror = bool(_MIRROR_WORDS.search(pub)) or any(host == h or host.endswith("." + h) for h in MIRROR_HOSTS)
        outlet = re.sub(r"\s*\((?:[^()]*\b(?:mirror|copy|reproduced|via)\b[^()]*)\)", "", pub).strip()
        out.append({
            "event_id": fact["event_id"], "n": n, "outlet": outlet, "publisher": pub,
            "mirror": "true" if mirror else "false", "host": host, "url": url, "title": title,
            "title_quality": "untitled" if title.startswith("(untitled crawl)") else "headline_or_slug",
        })
    return out


def independent_outlets(sources: list[dict]) -> int:
    """How many outlets stand behind an event: copies and wire republications count as their original, and
    pages of one outlet count once; the smaller of the two counts (originals, outlets read), so an event read
    only on one outlet's pages is single-source whatever those pages cite."""
    originals = {outlet_key(s["original_outlet"] or s["outlet"]) for s in sources}
    read = {outlet_key(s["outlet"]) for s in sources}
    return min(len(originals), len(read))


def with_kinds(sources: list[dict], kinds: dict[tuple[str, str], dict], where: str) -> list[dict]:
    """Each source with its kind and original outlet from catalog/source_review.csv (every source has one)."""
    out = []
    for s in sources:
        review = kinds.get((s["event_id"], s["url"]))
        if review is None:
            raise CatalogBuildError(f"{where}: source {s['url']!r} has no row (kind) in catalog/source_review.csv")
        out.append({**s, "kind": review["kind"], "original_outlet": review["original_outlet"]})
    return out


def corrected(fact: dict, corrections: list[dict]) -> dict:
    """The fact with its reviewed corrections applied; each names the value it replaces, so a changed fact
    (or a stale correction) stops the build instead of being overwritten silently."""
    fact = dict(fact)
    for c in corrections:
        where = f"catalog/event_corrections.csv {c['event_id']} {c['field']}"
        if c["field"] not in CORRECTABLE:
            raise CatalogBuildError(f"{where}: field is not one of {', '.join(CORRECTABLE)}")
        if fact[c["field"]] != c["was"]:
            raise CatalogBuildError(f"{where}: 'was' {c['was']!r} is not the fact's value {fact[c['field']]!r}")
        fact[c["field"]] = c["now"]
    return fact


def _check_dates(fact: dict, review: dict, where: str) -> None:
    try:
        dates.interval(fact["date"], fact["date_precision"], review["date_end"])
    except dates.DateError as exc:
        raise CatalogBuildError(f"{where}: {exc}") from exc
    m = re.match(r"Date range (\S+) to (\S+?)\.", fact["summary"])
    if m and (m.group(1) != fact["date"] or m.group(2) != review["date_end"]):
        raise CatalogBuildError(f"{where}: summary says 'Date range {m.group(1)} to {m.group(2)}' "
                                f"but date/date_end are {fact['date']}/{review['date_end']}")


def _parishes(review: dict, where: str) -> str:
    codes = [c.strip() for c in (review.get("parishes") or review["pcode"]).split("|") if c.strip()]
    if any(not re.fullmatch(r"VE[0-9]{6}", c) for c in codes):
        raise CatalogBuildError(f"{where}: parishes {codes} are not all pcodes")
    return SEP.join(codes)


def _event_row(fact: dict, review: dict, sources: list[dict], where: str) -> dict:
    _check_dates(fact, review, where)
    lo, hi = fatalities(fact["fatalities"], where)
    outlets = independent_outlets(sources)
    return {
        "id": fact["event_id"], "date": fact["date"], "date_end": review["date_end"],
        "date_precision": fact["date_precision"], "type": review["type"], "type_original": fact["event_type"],
        "title_en": review["title_en"], "title_es": review["title_es"], "actor_ids": review["actor_ids"],
        "actors_en": review["actors_en"], "actors_es": review["actors_es"],
        "fatalities_min": lo, "fatalities_max": hi, "fatalities_text": fact["fatalities"],
        "lat": fact["lat"], "lon": fact["lon"], "location_precision": review["location_precision"],
        "coord_method": fact["coord_method"], "place": fact["place"], "parish_stated": fact["parish"],
        "pcode_stated": review["pcode"], "in_study_area": review["in_study_area"],
        "summary_en": review["summary_en"] or fact["summary"], "summary_es": review["summary_es"],
        "summary_es_translated": TRANSLATION_NOTE, "sources": SEP.join(s["url"] for s in sources),
        "source_count": len(sources), "date_end_note": review["date_end_note"],
        "date_note": review.get("date_note", ""), "parishes": _parishes(review, where),
        "independent_outlets": outlets, "single_source": "true" if outlets == 1 else "false",
    }


def _facts(sources_dir: Path, catalog_dir: Path) -> list[tuple[str, dict]]:
    """(where, fact) for the research facts then the reviewed additions, corrections applied."""
    facts = [(f"sources/events.csv row {i} ({f['event_id']})", f)
             for i, f in enumerate(read_csv(sources_dir / "events.csv"), start=1)]
    facts += [(f"catalog/events_added.csv row {i} ({f['event_id']})", f)
              for i, f in enumerate(read_csv(catalog_dir / "events_added.csv"), start=1)]
    fixes: dict[str, list[dict]] = {}
    for c in read_csv(catalog_dir / "event_corrections.csv"):
        fixes.setdefault(c["event_id"], []).append(c)
    out = [(where, corrected(f, fixes.pop(f["event_id"], []))) for where, f in facts]
    if fixes:
        raise CatalogBuildError(f"catalog/event_corrections.csv: rows for unknown events {sorted(fixes)}")
    return out


def _source_review(catalog_dir: Path) -> tuple[dict[tuple[str, str], dict], dict[str, list[dict]]]:
    """(event_id, url) -> review row; event_id -> sources added to it."""
    kinds, added = {}, {}
    for i, r in enumerate(read_csv(catalog_dir / "source_review.csv"), start=1):
        where = f"catalog/source_review.csv row {i} ({r['event_id']})"
        if r["kind"] not in SOURCE_KINDS:
            raise CatalogBuildError(f"{where}: kind {r['kind']!r} is not one of {', '.join(SOURCE_KINDS)}")
        if r["kind"] in ("copy", "wire") and not r["original_outlet"]:
            raise CatalogBuildError(f"{where}: a {r['kind']} names its original outlet")
        if (r["event_id"], r["url"]) in kinds:
            raise CatalogBuildError(f"{where}: {r['url']!r} is reviewed twice")
        kinds[(r["event_id"], r["url"])] = r
        if r["action"] == "add":
            added.setdefault(r["event_id"], []).append(r)
    return kinds, added


def events(sources_dir: Path, catalog_dir: Path) -> dict[str, str]:
    """incidents.csv, timeline.csv and sources.csv, as text."""
    reviews = {r["event_id"]: r for r in read_csv(catalog_dir / "event_review.csv")}
    types = {r["key"]: r for r in read_csv(catalog_dir / "event_types.csv")}
    kinds, added = _source_review(catalog_dir)
    used: set[tuple[str, str]] = set()
    incidents, timeline, all_sources = [], [], []
    for where, fact in _facts(sources_dir, catalog_dir):
        review = reviews.pop(fact["event_id"], None)
        if review is None:
            raise CatalogBuildError(f"{where}: no row in catalog/event_review.csv")
        kind = types.get(review["type"], {}).get("kind")
        if kind != review["kind"]:
            raise CatalogBuildError(f"catalog/event_review.csv {fact['event_id']}: type {review['type']!r} "
                                    f"is not a {review['kind']} type in catalog/event_types.csv")
        srcs = with_kinds(split_sources(fact, where, added.get(fact["event_id"], [])), kinds, where)
        used |= {(s["event_id"], s["url"]) for s in srcs}
        all_sources.extend(srcs)
        (incidents if kind == "incident" else timeline).append(_event_row(fact, review, srcs, where))
    if reviews:
        raise CatalogBuildError(f"catalog/event_review.csv: rows for unknown events {sorted(reviews)}")
    if set(kinds) - used:
        raise CatalogBuildError(f"catalog/source_review.csv: rows for sources no event has {sorted(set(kinds) - used)}")
    return {
        "incidents.csv": write_csv(incidents, INCIDENT_COLUMNS),
        "timeline.csv": write_csv(timeline, TIMELINE_COLUMNS),
        "sources.csv": write_csv(all_sources, SOURCE_COLUMNS),
    }


# --- sectors ------------------------------------------------------------------------------------------

def _sector_method(spec: dict, place: dict, parish_names: list[str]) -> str:
    return (f"Disc of {spec['radius_m']} m around the point of '{place['place']}' in places.csv "
            f"({place['coord_method'].split(':')[0]}), clipped to the parish(es) {', '.join(parish_names)}, "
            "and cut from any neighbouring sector halfway between their points.")


def sectors(sources_dir: Path, catalog_dir: Path, parishes: gpd.GeoDataFrame, precision: int) -> str:
    specs = read_csv(catalog_dir / "sectors.csv")
    places = {p["place"]: p for p in read_csv(sources_dir / "places.csv")}
    metric = parishes.to_crs(UTM19N).set_index("pcode")
    anchors = []
    for i, spec in enumerate(specs, start=1):
        place = places.get(spec["anchor_places"])
        if place is None or not place["lat"]:
            raise CatalogBuildError(f"catalog/sectors.csv row {i}: anchor place {spec['anchor_places']!r} "
                                    "has no coordinates in sources/places.csv")
        anchors.append((spec, place, shapely.Point(float(place["lon"]), float(place["lat"]))))
    pts = gpd.GeoSeries([a[2] for a in anchors], crs=4326).to_crs(UTM19N)
    cells = shapely.voronoi_polygons(shapely.MultiPoint(list(pts)), extend_to=pts.union_all().buffer(1e5))
    features = []
    for (spec, place, _pt), ptm in zip(anchors, pts):
        pcodes = [c.strip() for c in spec["clip_parishes"].split("|")]
        missing = [c for c in pcodes if c not in metric.index]
        if missing:
            raise CatalogBuildError(f"catalog/sectors.csv {spec['sector_id']}: unknown parish pcodes {missing}")
        clip = shapely.union_all(metric.loc[pcodes].geometry.values)
        cell = next(c for c in cells.geoms if c.contains(ptm))
        shape = ptm.buffer(float(spec["radius_m"]), quad_segs=16).intersection(clip).intersection(cell)
        geom = gpd.GeoSeries([shape], crs=UTM19N).to_crs(4326).iloc[0]
        names = [parishes.set_index("pcode").loc[c, "name"] for c in pcodes]
        props = {
            "sector_id": spec["sector_id"], "name": spec["name"], "pcodes": SEP.join(pcodes),
            "anchor_place": place["place"], "anchor_lat": float(place["lat"]), "anchor_lon": float(place["lon"]),
            "radius_m": int(spec["radius_m"]), "geometry_method": _sector_method(spec, place, names),
            "geometry_quality": "approximate", "uncertainty_en": spec["uncertainty_en"],
            "uncertainty_es": spec["uncertainty_es"], "source_refs": spec["source_refs"],
        }
        features.append(geojson_io.feature(props, geojson_io.canonical(geom, precision), precision))
    return geojson_io.dumps(features, "sectors")


def copy_facts(shared: Path) -> dict[str, bytes]:
    """The facts files, byte for byte (only when ../shared is present)."""
    return {name: (shared / "facts" / name).read_bytes() for name in FACT_FILES}
