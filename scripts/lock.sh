#!/usr/bin/env bash
# Refresh the lock files that scripts/setup.sh installs from: every package at an exact version with its
# hashes, for any platform and Python >= 3.11, resolved from pyproject.toml by uv.
#   scripts/lock.sh             after changing pyproject.toml: keeps every pin that still fits
#   scripts/lock.sh --upgrade   moves every package to its newest version allowed
# Then run scripts/test.sh (it reinstalls from the new lock) and commit requirements/*.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION="0.13.9"
tools=".venv-lock"     # uv lives apart from the app's .venv

if [ ! -x "$tools/bin/uv" ] || [ "$("$tools/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  "${PYTHON:-python3}" -m venv "$tools"
  "$tools/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

compile() {
  "$tools/bin/uv" pip compile pyproject.toml --quiet --universal --python-version 3.11 --generate-hashes \
    --custom-compile-command "scripts/lock.sh" "$@"
}
mkdir -p requirements
compile -o requirements/run.lock "$@"
compile --extra test -o requirements/test.lock "$@"
echo "wrote requirements/run.lock and requirements/test.lock"
