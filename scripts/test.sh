#!/usr/bin/env bash
# Set up (first time) and run the whole test suite: unit, Streamlit AppTest, and Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
