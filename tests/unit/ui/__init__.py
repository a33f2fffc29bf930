"""Unit tests of ui/: the server's guard, settings and warm-up (no Streamlit page runs here)."""
