"""The interactive map (folium/Leaflet): base map, data layers and their assembly for a view, incident layers
at every size, legend, popups, clicks, offline assets and the branca template fix.

`view` and `styles` import no folium: URL state, stories, pictures and charts use them too."""
