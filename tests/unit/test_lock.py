"""The lock files scripts/setup.sh installs from (requirements/*.lock, made by scripts/lock.sh) pin every
dependency pyproject.toml declares, at versions its specifiers allow, with hashes; and this environment,
set up from them, runs exactly those versions."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from territorio.paths import REPO_ROOT

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PROFILES = {"run": PYPROJECT["dependencies"],
            "test": PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["test"]}
ENTRY = re.compile(r"^(?P<req>[A-Za-z0-9][A-Za-z0-9._-]*==[^\s\\]+(?: ; [^\\]+?)?)\s*\\?$")


def pins(profile: str) -> list[tuple[Requirement, list[str]]]:
    """(requirement, hashes) for each entry of requirements/<profile>.lock."""
    entries: list[tuple[Requirement, list[str]]] = []
    for line in (REPO_ROOT / "requirements" / f"{profile}.lock").read_text(encoding="utf-8").splitlines():
        if match := ENTRY.match(line):
            entries.append((Requirement(match["req"]), []))
        elif line.strip().startswith("--hash=sha256:"):
            entries[-1][1].append(line.strip().removeprefix("--hash=").rstrip(" \\"))
    return entries


def versions(profile: str, name: str) -> list[str]:
    return [str(next(iter(req.specifier)).version) for req, _ in pins(profile)
            if canonicalize_name(req.name) == canonicalize_name(name)]


@pytest.mark.parametrize("profile,dependency", [(p, d) for p, deps in PROFILES.items() for d in deps])
def test_every_declared_dependency_is_pinned_at_an_allowed_version(profile, dependency):
    req = Requirement(dependency)
    pinned = versions(profile, req.name)
    assert pinned, f"{req.name} is not in requirements/{profile}.lock: run scripts/lock.sh"
    for version in pinned:
        assert req.specifier.contains(version, prereleases=True), \
            f"requirements/{profile}.lock pins {req.name}=={version}, outside {req.specifier}: run scripts/lock.sh"


@pytest.mark.parametrize("profile", PROFILES)
def test_every_pin_is_exact_and_hashed(profile):
    entries = pins(profile)
    assert len(entries) > len(PROFILES[profile])      # the dependencies' own dependencies are pinned too
    for req, hashes in entries:
        assert [s.operator for s in req.specifier] == ["=="], req
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), req


def test_the_test_lock_holds_the_run_lock_at_the_same_versions():
    # scripts/setup.sh counts a .venv set up for the tests as set up to run
    test_entries = {str(req) for req, _ in pins("test")}
    assert {str(req) for req, _ in pins("run")} <= test_entries


def test_this_environment_runs_the_locked_versions():
    wrong = []
    for req, _ in pins("test"):
        if req.marker is not None and not req.marker.evaluate():
            continue
        try:
            installed = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed is None or not req.specifier.contains(installed, prereleases=True):
            wrong.append(f"{req} (installed: {installed})")
    assert not wrong, f"not as locked (scripts/setup.sh test installs the lock; {sys.executable}): {wrong}"
