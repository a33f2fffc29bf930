"""What leaves the app: exports (CSV, GeoJSON, GeoPackage), pictures (PNG, SVG), citations, and the
provenance every one of them carries."""
