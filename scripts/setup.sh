#!/usr/bin/env bash
# Set up Territorio in ./.venv (idempotent). Usage: scripts/setup.sh [run|test]
# Needs Python >= 3.11. On Debian, installs python3-venv if missing (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-run}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "territorio setup: '$*' needs root (or sudo)" >&2; return 1; fi; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq && as_root apt-get install -y -qq --no-install-recommends "$@"
}

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "territorio setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
  exit 1
fi
if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
  ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  apt_install "python${ver}-venv" || apt_install python3-venv
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv

# Exactly the versions that were tested, each checked against its hash: requirements/<profile>.lock
# (refreshed by scripts/lock.sh), then the project itself without resolving anything more.
case "$profile" in run|test) ;; *) echo "territorio setup: profile is run or test, not '$profile'" >&2; exit 2;; esac
digest() { cat "requirements/$1.lock" pyproject.toml | sha256sum | cut -d' ' -f1; }
installed() { [ -f ".venv/.installed-$1" ] && [ "$(cat ".venv/.installed-$1")" = "$(digest "$1")" ]; }
# The test lock holds every package of the run lock at the same version (tests/unit/test_lock.py), so a
# .venv set up for the tests is set up to run; a changed lock or pyproject.toml installs again.
if ! installed "$profile" && ! { [ "$profile" = run ] && installed test; }; then
  pip_() { .venv/bin/python -m pip --disable-pip-version-check "$@"; }
  pip_ install --quiet --upgrade pip
  pip_ install --quiet --require-hashes -r "requirements/${profile}.lock"
  pip_ install --quiet --no-deps -e .
  digest "$profile" > ".venv/.installed-${profile}"
fi

if [ "$profile" = "test" ] && ! command -v chromium >/dev/null; then
  echo "territorio setup: installing Debian's chromium for the browser tests" >&2
  apt_install chromium fonts-dejavu-core
fi
