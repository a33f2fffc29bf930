#!/usr/bin/env bash
# Set up (first time), lint, and run the whole test suite: unit, Streamlit AppTest, and Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/ruff check --quiet .          # the linter first: a lint error fails the run before any test
exec .venv/bin/python -m pytest "$@"
