"""A click on the map, as st_folium reports it, turned into an area selection.

Every area feature on the map (parishes, sectors, peace zones, control) carries `area_id`; incidents
do not, so clicking an incident opens its popup and selects nothing. st_folium keeps reporting the last
click on every rerun: `last_object_clicked_count` tells a new click from an old one.
"""

from __future__ import annotations

RETURNED = ["last_active_drawing", "last_object_clicked_count", "center", "zoom", "bounds"]


def clicked_area(result: dict | None, seen_count: int | None) -> tuple[str | None, int | None]:
    """(area id of a new click, or None; the click count to remember)."""
    if not result:
        return None, seen_count
    count = result.get("last_object_clicked_count")
    if count is None or count == seen_count:
        return None, seen_count
    feature = result.get("last_active_drawing") or {}
    area = (feature.get("properties") or {}).get("area_id")
    return (str(area) if area else None), count


def toggle(areas: tuple[str, ...], area: str) -> tuple[str, ...]:
    """Clicking an area adds it to the selection; clicking it again removes it."""
    return tuple(a for a in areas if a != area) if area in areas else (*areas, area)


def view_of(result: dict | None) -> tuple[float, float, float] | None:
    """(lat, lon, zoom) the map reports, if any."""
    if not result or not result.get("center") or result.get("zoom") is None:
        return None
    c = result["center"]
    return float(c["lat"]), float(c["lng"]), float(result["zoom"])
