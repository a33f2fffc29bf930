"""Streamlit glue shared by the pages: page set-up, language, cached data. Thin by design."""
