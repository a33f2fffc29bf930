"""Unit tests of territorio.build: geodata/ derived from the reference data."""
