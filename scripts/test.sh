#!/usr/bin/env bash
# Set up (first time), lint, and run the whole test suite: unit and Streamlit AppTest on two workers, then the
# browser tests (Playwright in Chromium) on their own. Arguments go to pytest, e.g. scripts/test.sh -q -x.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/ruff check --quiet .          # the linter first: a lint error fails the run before any test

tier() {                                # exit 5 is "no test selected": a path given may hold only one tier
  local rc=0
  .venv/bin/python -m pytest "$@" || rc=$?
  [ "$rc" -eq 5 ] && rc=0
  return "$rc"
}
tier -n 2 -m "not e2e" "$@"
tier -m e2e "$@"
