"""The data package descriptor (Frictionless Data Package), declared here as data.

`geodata/build.py` writes `geodata/datapackage.json` from these declarations plus each file's
size and hash; `loaders.geodata` reads resources back and checks them against it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

DATA_VERSION = "0.2.0"   # semantic: corrections and additions move the minor version (geodata/CHANGELOG.md)
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


# --- the catalog ---------------------------------------------------------------------------------

FACTS_SOURCE = {
    "title": "Territorio research notes: events, places and population facts, each row citing the published "
    "reports it was read from (source_publisher / source_url / source_title)",
    "path": "sources/NOTES.md",
}
REVIEW_SOURCE = {"title": "Reviewed by the Territorio team from the facts in geodata/sources/",
                 "path": "sources/events.csv"}
ID = "^CCS-[0-9]{3}$"
CORRECTABLE = ["date", "date_precision", "fatalities", "place", "parish", "summary"]
DATE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DAY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PRECISION = ["day", "month", "year"]
BOOL = ["true", "false"]
LOCATION_PRECISION = ["site_point", "sector_proxy", "parish_reference", "town_point", "estimate_unverified",
                      "not_mapped"]
INCIDENT_TYPES = ["massacre", "homicide", "killing_of_leader", "killing_of_officer", "clash_security",
                  "clash_armed_groups", "security_operation", "attack_on_security_forces", "attack_on_official",
                  "curfew", "protest", "police_killing"]
TIMELINE_TYPES = ["peace_zone_policy", "peace_zone_designation", "political_visit", "government_statement",
                  "gang_consolidation"]
STATUSES = ["in_force", "suspended", "ended", "disputed"]
SOURCE_KINDS = ["original", "copy", "wire", "official", "ngo"]
CONFIDENCE = ["assessed", "claimed", "disputed"]


def _fields(*rows: tuple) -> list[dict]:
    """(name, type, description[, constraints]) tuples -> Frictionless field descriptors."""
    return [field(r[0], r[1], r[2], **(r[3] if len(r) > 3 else {})) for r in rows]


REQ = {"required": True}
EVENT_FIELDS = [
    ("id", "string", "Stable id of the fact row (CCS-nnn).", {"required": True, "unique": True, "pattern": ID}),
    ("date", "string", "Start date as precise as the sources allow: YYYY-MM-DD, YYYY-MM or YYYY.",
     {"required": True, "pattern": DATE}),
    ("date_end", "string", "Last day of a multi-day event (blank: a single date).", {"pattern": DAY}),
    ("date_precision", "string", "Precision of `date`.", {"required": True, "enum": PRECISION}),
    ("type", "string", "Type key from catalog/event_types.csv (language-independent).", REQ),
    ("type_original", "string", "The event type in the facts' own words.", REQ),
    ("title_en", "string", "Short headline (English).", REQ),
    ("title_es", "string", "Short headline (Spanish).", REQ),
    ("actor_ids", "string", "Ids from catalog/actors.csv, separated by ' | '."),
    ("actors_en", "string", "Who was involved, from the facts; names of private victims removed."),
    ("actors_es", "string", "The same, in Spanish."),
]
INCIDENT_FIELDS = _fields(
    *EVENT_FIELDS,
    ("fatalities_min", "integer", "Lowest reported death toll; blank when no figure was reported (never 0 "
     "for unknown).", {"minimum": 0}),
    ("fatalities_max", "integer", "Highest reported death toll (equal to the minimum unless sources disagree).",
     {"minimum": 0}),
    ("fatalities_text", "string", "The toll exactly as the facts give it (a number, a range a-b, or blank)."),
    ("lat", "number", "Latitude (WGS84) where a point is sourced; blank otherwise (the incident is counted, "
     "not mapped).", {"minimum": -90, "maximum": 90}),
    ("lon", "number", "Longitude (WGS84), as lat.", {"minimum": -180, "maximum": 180}),
    ("location_precision", "string", "How the point was obtained: site_point, sector_proxy (a sector's single "
     "sourced point stands in), parish_reference, town_point, estimate_unverified (about 1 km), not_mapped.",
     {"required": True, "enum": LOCATION_PRECISION}),
    ("coord_method", "string", "How the coordinate was obtained, from the facts.", REQ),
    ("place", "string", "Place as the facts name it.", REQ),
    ("parish_stated", "string", "Parish as the facts state it (may name several, or 'unknown')."),
    ("pcode_stated", "string", "For unmapped incidents with a stated parish: its pcode.", {"pattern": "^VE[0-9]{6}$"}),
    ("in_study_area", "string", "false for events outside metropolitan Caracas kept because they are central "
     "to the story (Koki's death in Aragua, Lucifer's in the Altos Mirandinos).", {"required": True, "enum": BOOL}),
    ("summary_en", "string", "Summary (English), from the facts; private victims' names removed.", REQ),
    ("summary_es", "string", "Summary (Spanish): a translation, see summary_es_translated.", REQ),
    ("summary_es_translated", "string", "Says that summary_es is a translation and by whom.", REQ),
    ("sources", "string", "Source URLs, ' | '-separated (details in sources.csv).", REQ),
    ("source_count", "integer", "Number of sources.", {"required": True, "minimum": 1}),
    ("date_end_note", "string", "Where date_end comes from."),
    ("date_note", "string", "Where sources disagree on the date: who says which (both kept)."),
    ("parishes", "string", "Every parish the sources name for the event, as pcodes ' | '-separated (a multi-parish "
     "operation lists them all; the join's `pcode` is only where its point lies)."),
    ("independent_outlets", "integer", "Outlets behind the event: copies and wire republications count as their "
     "original, and pages of one outlet count once.", {"required": True, "minimum": 1}),
    ("single_source", "string", "true when one outlet alone backs the event (not independently confirmed).",
     {"required": True, "enum": BOOL}),
)
TIMELINE_FIELDS = _fields(
    *EVENT_FIELDS,
    ("place", "string", "Place as the facts name it.", REQ),
    ("lat", "number", "Latitude where sourced.", {"minimum": -90, "maximum": 90}),
    ("lon", "number", "Longitude where sourced.", {"minimum": -180, "maximum": 180}),
    ("summary_en", "string", "Summary (English), from the facts.", REQ),
    ("summary_es", "string", "Summary (Spanish): a translation.", REQ),
    ("summary_es_translated", "string", "Says that summary_es is a translation and by whom.", REQ),
    ("sources", "string", "Source URLs, ' | '-separated.", REQ),
    ("source_count", "integer", "Number of sources.", {"required": True, "minimum": 1}),
)
SOURCE_FIELDS = _fields(
    ("event_id", "string", "The incident or timeline event this source supports.", {"required": True, "pattern": ID}),
    ("n", "integer", "Order of the source within its event.", {"required": True, "minimum": 1}),
    ("outlet", "string", "The original outlet (mirror or copy notes removed).", REQ),
    ("publisher", "string", "Publisher exactly as the facts give it, including mirror notes.", REQ),
    ("mirror", "string", "true when only a mirror or copy of the original was read.", {"required": True, "enum": BOOL}),
    ("host", "string", "Host of the URL actually read.", REQ),
    ("url", "string", "The URL actually read (http or https only).", {"required": True, "pattern": "^https?://.+$"}),
    ("title", "string", "Headline; rebuilt from the URL slug where none was visible; '(untitled crawl) ...' "
     "where neither worked.", REQ),
    ("title_quality", "string", "untitled, or headline_or_slug (slug-derived titles are approximate).",
     {"required": True, "enum": ["untitled", "headline_or_slug"]}),
    ("kind", "string", "What the page is: original (the outlet's own report), copy (a mirror or repost of another "
     "outlet's text), wire (an agency story republished), official (a government statement), ngo (an NGO count).",
     {"required": True, "enum": SOURCE_KINDS}),
    ("original_outlet", "string", "For a copy or a wire story: the outlet or agency whose text it is."),
)
SECTOR_FIELDS = _fields(
    ("sector_id", "string", "Stable id of the sector.", {"required": True, "unique": True}),
    ("name", "string", "Sector name.", REQ),
    ("pcodes", "string", "Parishes the outline is clipped to, ' | '-separated.", REQ),
    ("anchor_place", "string", "The place in sources/places.csv whose point the outline is drawn around.", REQ),
    ("anchor_lat", "number", "Its latitude.", REQ),
    ("anchor_lon", "number", "Its longitude.", REQ),
    ("radius_m", "integer", "Radius of the disc drawn around the point, metres.", {"required": True, "minimum": 1}),
    ("geometry_method", "string", "How the outline was drawn.", REQ),
    ("geometry_quality", "string", "Always 'approximate': no real outline exists.", {"required": True,
                                                                                      "enum": ["approximate"]}),
    ("uncertainty_en", "string", "How far to trust the outline (English).", REQ),
    ("uncertainty_es", "string", "How far to trust the outline (Spanish).", REQ),
    ("source_refs", "string", "The fact rows and notes behind the outline.", REQ),
)
PERIOD_BOUNDS = [
    ("start", "string", "Start date (YYYY-MM-DD, YYYY-MM or YYYY).", {"required": True, "pattern": DATE}),
    ("start_precision", "string", "Precision of start.", {"required": True, "enum": PRECISION}),
    ("start_kind", "string", "known, attested (the first evidence; it may have begun earlier), or disputed (sources "
     "give different starts: from `start` to `start_latest`, each version in the note).",
     {"required": True, "enum": ["known", "attested", "disputed"]}),
    ("start_latest", "string", "For a disputed start: the latest start a source gives (YYYY-MM-DD, YYYY-MM or YYYY).",
     {"pattern": DATE}),
    ("end", "string", "End date; blank while open (the facts give no end).", {"pattern": DATE}),
    ("end_precision", "string", "Precision of end.", {"enum": PRECISION}),
    ("end_kind", "string", "known, open (no end in the facts), or last_evidence (it may have lasted longer).",
     {"required": True, "enum": ["known", "open", "last_evidence"]}),
]

FACT_FILE_FIELDS = {
    "events": [("event_id", "Fact row id."), ("date", "Date (ISO, as precise as known)."),
               ("date_precision", "day, month or year."), ("event_type", "Type in the researcher's words."),
               ("place", "Place."), ("parish", "Parish as stated."), ("municipality", "Municipality."),
               ("lat", "Latitude, where sourced."), ("lon", "Longitude, where sourced."),
               ("coord_method", "How the coordinate was obtained."), ("actors", "Who was involved."),
               ("fatalities", "Number, range a-b, or blank (unknown)."), ("summary", "Summary."),
               ("source_publisher", "Publishers, ' | '-separated."), ("source_url", "URLs, ' | '-separated."),
               ("source_title", "Titles, ' | '-separated.")],
    "places": [("place", "Place."), ("parish", "Parish."), ("municipality", "Municipality."),
               ("lat", "Latitude."), ("lon", "Longitude."), ("coord_method", "How the point was obtained."),
               ("notes", "Notes.")],
    "parish_population": [("pcode", "Parish pcode."), ("municipio", "Municipality."), ("parroquia", "Parish."),
                          ("population", "Population figure, blank when none was found (never imputed)."),
                          ("year", "Year of the figure."), ("kind", "census, projection or estimate."),
                          ("source_publisher", "Publisher."), ("source_url", "URL."), ("source_title", "Title."),
                          ("notes", "Notes and doubts.")],
}


def _csv(name: str, path: str, title: str, description: str, fields: list[dict], sources: list[dict],
         primary_key: str | None = None, **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": fields}
    if primary_key:
        schema["primaryKey"] = primary_key
    return {"name": name, "path": path, "title": title, "description": description, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "sources": sources, "licenses": [CATALOG_LICENCE],
            **extra, "schema": schema}


def _fact_resource(name: str, title: str) -> dict[str, Any]:
    fields = [field(n, "string", d) for n, d in FACT_FILE_FIELDS[name]]
    return _csv(f"facts_{name}", f"sources/{name}.csv", title,
                "Copied unchanged from the research notes; the catalog is derived from it.", fields, [FACTS_SOURCE])


_DERIVED = "geodata/build.py (territorio.catalog_build)"
_AUTHORED = "authored and reviewed by hand; every row names the fact rows behind it"

RESOURCES += [
    _fact_resource("events", "Facts: sourced events, 2013-2023 (the research notes)"),
    _fact_resource("places", "Facts: places with coordinates and how they were obtained"),
    _fact_resource("parish_population", "Facts: parish population figures, with year and kind"),
    {"name": "facts_notes", "path": "sources/NOTES.md", "title": "Facts: research notes (conflicts, uncertainty, gaps)",
     "format": "md", "mediatype": "text/markdown", "encoding": "utf-8", "sources": [FACTS_SOURCE],
     "licenses": [CATALOG_LICENCE]},
    _csv("event_types", "catalog/event_types.csv", "Vocabulary of event types",
         "Language-independent type keys with English and Spanish labels.",
         _fields(("key", "string", "Type key.", {"required": True, "unique": True}),
                 ("kind", "string", "incident or timeline.", {"required": True, "enum": ["incident", "timeline"]}),
                 ("label_en", "string", "Label (English).", REQ), ("label_es", "string", "Label (Spanish).", REQ),
                 ("description", "string", "What the type covers.", REQ)),
         [REVIEW_SOURCE], "key", authoredBy=_AUTHORED),
    _csv("event_review", "catalog/event_review.csv", "Reviewed classification of every fact event",
         "Kind, type, end date, titles, actors (private victims' names removed), stated pcode, location precision, "
         "study-area flag, summaries and their Spanish translation, one row per fact row.",
         _fields(("event_id", "string", "Fact row id.", {"required": True, "unique": True, "pattern": ID}),
                 ("kind", "string", "incident or timeline.", {"required": True, "enum": ["incident", "timeline"]}),
                 ("type", "string", "Type key.", {"required": True, "enum": INCIDENT_TYPES + TIMELINE_TYPES}),
                 ("date_end", "string", "Last day of a multi-day event.", {"pattern": DAY}),
                 ("date_end_note", "string", "Where date_end comes from."),
                 ("title_en", "string", "Headline (English).", REQ), ("title_es", "string", "Headline (Spanish).", REQ),
                 ("actor_ids", "string", "Actor ids, ' | '-separated."),
                 ("actors_en", "string", "Actors text, redacted."), ("actors_es", "string", "Actors text (Spanish)."),
                 ("pcode", "string", "Stated parish pcode for unmapped events.", {"pattern": "^VE[0-9]{6}$"}),
                 ("location_precision", "string", "How the point was obtained.",
                  {"required": True, "enum": LOCATION_PRECISION}),
                 ("in_study_area", "string", "Inside metropolitan Caracas.", {"required": True, "enum": BOOL}),
                 ("summary_en", "string", "Summary (English), redacted.", REQ),
                 ("summary_es", "string", "Summary (Spanish translation).", REQ),
                 ("review_note", "string", "Reviewer's note."),
                 ("date_note", "string", "Where sources disagree on the date: who says which."),
                 ("parishes", "string", "Every parish the sources name, pcodes ' | '-separated (blank: `pcode` or "
                  "the point's parish).")),
         [REVIEW_SOURCE], "event_id", authoredBy=_AUTHORED),
    _csv("events_added", "catalog/events_added.csv", "Events added after the research notes, each checked against "
         "a stored page", "The facts' own columns (the catalog is derived from them as from sources/events.csv), "
         "plus the research row it came from and the stored page re-opened to check its date, place and toll.",
         [field(n, "string", d) for n, d in FACT_FILE_FIELDS["events"]] + _fields(
             ("research_ref", "string", "The research row (issue 16's verified leads) the event came from.", REQ),
             ("verified_against", "string", "The stored page re-opened before the event went in.",
              {"required": True, "pattern": "^https?://.+$"})),
         [REVIEW_SOURCE], "event_id", authoredBy=_AUTHORED),
    _csv("event_corrections", "catalog/event_corrections.csv", "Corrections of fact fields",
         "A fact field corrected after a review: what it said, what it says now and why (docs/CORRECTIONS.md); the "
         "build stops if the fact no longer says what the correction replaced.",
         _fields(("event_id", "string", "Event.", {"required": True, "pattern": ID}),
                 ("field", "string", "The fact field.", {"required": True, "enum": list(CORRECTABLE)}),
                 ("was", "string", "What the fact said."), ("now", "string", "What it says now."),
                 ("correction", "string", "Correction id (geodata/CHANGELOG.md, docs/CORRECTIONS.md).", REQ),
                 ("note", "string", "Why, with the sources.", REQ)),
         [REVIEW_SOURCE], authoredBy=_AUTHORED),
    _csv("source_review", "catalog/source_review.csv", "What every source is, and the sources added",
         "One row per source of every event: its kind and, for copies and wire stories, the original outlet; rows "
         "with action 'add' add a source (publisher, URL, title) to an event.",
         _fields(("event_id", "string", "Event.", {"required": True, "pattern": ID}),
                 ("url", "string", "The URL read.", {"required": True, "pattern": "^https?://.+$"}),
                 ("kind", "string", "original, copy, wire, official or ngo.", {"required": True, "enum": SOURCE_KINDS}),
                 ("original_outlet", "string", "For a copy or wire story: whose text it is."),
                 ("action", "string", "add: a source added to the event; blank: a source of the facts.",
                  {"enum": ["", "add"]}),
                 ("publisher", "string", "For an added source: the publisher as read."),
                 ("title", "string", "For an added source: its headline."),
                 ("note", "string", "Why this kind (when not obvious).")),
         [REVIEW_SOURCE], authoredBy=_AUTHORED),
    _csv("actors", "catalog/actors.csv", "Actors: gangs, leaders, security forces, officials",
         "Each actor with aliases; a leader points to his group.",
         _fields(("actor_id", "string", "Stable id.", {"required": True, "unique": True, "pattern": "^[a-z0-9_]+$"}),
                 ("name", "string", "Common short name.", REQ),
                 ("name_es", "string", "The same name in Spanish: proper names and aliases unchanged, descriptive "
                                       "parts and institutions in their Spanish wording.", REQ),
                 ("kind", "string", "Kind of actor.", {"required": True, "enum": ["gang", "leader", "security_force",
                                                                                  "official", "armed_group"]}),
                 ("aliases", "string", "Other names and spellings, ' | '-separated."),
                 ("group_id", "string", "For a leader: his group's actor_id."),
                 ("public_figure", "string", "Officials and gang leaders: true.", {"required": True, "enum": BOOL}),
                 ("description_en", "string", "One sentence (English).", REQ),
                 ("description_es", "string", "One sentence (Spanish).", REQ),
                 ("event_ids", "string", "Fact rows where the actor appears, ' | '-separated.")),
         [REVIEW_SOURCE], "actor_id", authoredBy=_AUTHORED),
    _csv("sector_recipes", "catalog/sectors.csv", "How each approximate sector outline is drawn",
         "Anchor place, radius and parishes for each sector; sectors.geojson is built from it.",
         _fields(("sector_id", "string", "Stable id.", {"required": True, "unique": True}),
                 ("name", "string", "Name.", REQ), ("anchor_places", "string", "Place in sources/places.csv.", REQ),
                 ("radius_m", "integer", "Disc radius, metres.", {"required": True, "minimum": 1}),
                 ("clip_parishes", "string", "pcodes, ' | '-separated.", REQ),
                 ("uncertainty_en", "string", "How far to trust it (English).", REQ),
                 ("uncertainty_es", "string", "How far to trust it (Spanish).", REQ),
                 ("source_refs", "string", "Fact rows behind it.", REQ)),
         [REVIEW_SOURCE], "sector_id", authoredBy=_AUTHORED),
    _csv("designations", "catalog/designations.csv", "Peace zones (designations)",
         "Each peace zone and the area it covers (a sector or, where no outline exists, a parish).",
         _fields(("designation_id", "string", "Stable id.", {"required": True, "unique": True}),
                 ("kind", "string", "peace_zone.", {"required": True, "enum": ["peace_zone"]}),
                 ("name_en", "string", "Name (English).", REQ), ("name_es", "string", "Name (Spanish).", REQ),
                 ("area_kind", "string", "sector or parish.", {"required": True, "enum": ["sector", "parish"]}),
                 ("area_id", "string", "sector_id or pcode.", REQ),
                 ("note_en", "string", "Note (English).", REQ), ("note_es", "string", "Note (Spanish).", REQ)),
         [REVIEW_SOURCE], "designation_id", authoredBy=_AUTHORED),
    _csv("designation_periods", "catalog/designation_periods.csv", "Peace-zone status history",
         "Dated status periods (in_force, suspended, ended, disputed), each with its sources; where sources "
         "conflict the period is 'disputed' and the note attributes each version.",
         _fields(("designation_id", "string", "Designation.", REQ),
                 ("status", "string", "Status in this period.", {"required": True, "enum": STATUSES}),
                 *PERIOD_BOUNDS,
                 ("source_event_ids", "string", "Fact rows behind the period, ' | '-separated.", REQ),
                 ("note_en", "string", "Who says what (English).", REQ),
                 ("note_es", "string", "Who says what (Spanish).", REQ)),
         [REVIEW_SOURCE], authoredBy=_AUTHORED),
    _csv("control_claims", "catalog/control_claims.csv", "Control claims: who controls which sector, when",
         "Group, sector, start and end with their own precision (open where the facts give no bound), "
         "confidence (assessed, claimed, disputed) and sources.",
         _fields(("claim_id", "string", "Stable id.", {"required": True, "unique": True}),
                 ("group_id", "string", "Controlling group (actor_id).", REQ),
                 ("sector_id", "string", "Sector.", REQ),
                 *PERIOD_BOUNDS,
                 ("confidence", "string", "assessed (several sources agree), claimed (one source or one side), "
                  "disputed (sources conflict).", {"required": True, "enum": CONFIDENCE}),
                 ("source_event_ids", "string", "Fact rows behind the claim, ' | '-separated.", REQ),
                 ("place_refs", "string", "Places whose notes in sources/places.csv support the claim."),
                 ("note_en", "string", "Note (English).", REQ), ("note_es", "string", "Note (Spanish).", REQ)),
         [REVIEW_SOURCE], "claim_id", authoredBy=_AUTHORED),
    _csv("incidents", "incidents.csv", "Incidents: sourced violent events, 2013-2024",
         "One row per violent event, with date precision, type, actors, fatality range, point where sourced, "
         "summaries in English and Spanish, and sources.", INCIDENT_FIELDS, [FACTS_SOURCE], "id",
         derivedBy=_DERIVED),
    _csv("timeline", "timeline.csv", "Timeline: policy and political events",
         "Peace-zone policy, designations, visits and government statements (not incidents).",
         TIMELINE_FIELDS, [FACTS_SOURCE], "id", derivedBy=_DERIVED),
    _csv("sources", "sources.csv", "Sources of every incident and timeline event",
         "One row per source: outlet, URL read, mirror flag, title.", SOURCE_FIELDS, [FACTS_SOURCE],
         derivedBy=_DERIVED),
    {"name": "sectors", "path": "sectors.geojson", "title": "Sectors: approximate neighbourhood outlines",
     "description": "No real outlines exist: each is a disc around a sourced point, clipped to parishes. "
     "Draw them as approximate (dashed).", "format": "geojson", "mediatype": "application/geo+json",
     "crs": WGS84, "geometryType": "Polygon", "coordinatePrecision": 6, "derivedBy": _DERIVED,
     "sources": [FACTS_SOURCE, OCHA_SOURCE], "licenses": [CATALOG_LICENCE, OCHA_LICENCE],
     "schema": {"fields": SECTOR_FIELDS, "primaryKey": "sector_id"}},
]
