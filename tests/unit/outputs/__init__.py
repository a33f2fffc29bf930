"""Unit tests of territorio.outputs: exports, pictures, citations, provenance."""
