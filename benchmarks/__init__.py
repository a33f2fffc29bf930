"""`territorio bench`: how fast the map page is on synthetic data, against the straightforward approach.
Not part of the domain package (it measures the Streamlit stack itself: st_folium's payload)."""
