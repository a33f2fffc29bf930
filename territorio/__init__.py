"""Territorio: the domain package (pure: never imports streamlit)."""

__version__ = "0.1.0"
