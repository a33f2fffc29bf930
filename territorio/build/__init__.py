"""The scripts that derive geodata/ from the reference data: parishes and municipalities, the catalog, and
the whole package byte for byte (geodata/build.py and `territorio data build` call them)."""
