"""Territorio's tests, in three tiers: unit/ (pure logic, folders mirroring territorio/), app/ (each page under
Streamlit's AppTest) and e2e/ (the running app in real Chromium). Shared fixtures: tests/conftest.py."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imports"   # hostile and ordinary files to import
