"""Unit tests of territorio.map: base map, layers, incidents at every size, density, legend, popups, templates."""
