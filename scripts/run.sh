#!/usr/bin/env bash
# Set up (first time) and start the dashboard on the embedded data: http://localhost:8501/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
exec .venv/bin/territorio serve "$@"
