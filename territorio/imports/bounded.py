"""An import as a whole within limits of time and memory: it runs in a child process that the caller ends when
time is up, in a temporary folder the caller removes whatever happens.

    result = bounded.read(data, "newsroom.csv", limits=Limits.from_env(), on_wait=show_seconds, **options)
    result = bounded.read_path("newsroom.csv", limits=..., **options)

The answer is what territorio.imports.read would give (an ImportResult, pickled back), or FileRejected with
the limit met: `time_limit` (TERRITORIO_IMPORT_SECONDS), `memory_limit` (TERRITORIO_IMPORT_MEMORY_MB), or
`reader_died`. `on_wait(seconds)` is called about every TICK seconds while the child works: the upload page
shows progress with it, and Streamlit may stop the script inside it (a rerun, a closed tab), which ends the
child too.

Children are forked from multiprocessing's fork server, a clean process that imported the readers once
(PRELOAD): no thread of the caller is copied (Streamlit runs many), and a fork costs milliseconds where a
fresh interpreter importing geopandas costs more than a second.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import Callable

from territorio.imports.report import FileRejected
from territorio.imports.safety import MB, Limits, check_size

CONTEXT = multiprocessing.get_context("forkserver")
PRELOAD = ["territorio.imports", "territorio.imports.bounded", "pyarrow.parquet", "pyarrow.compute",
           "defusedxml.ElementTree"]
TEMP_PREFIX = "territorio-import-"
TICK = 0.25   # seconds between on_wait calls, and the resolution of the time limit


def read(data: bytes, name: str, *, limits: Limits = Limits(), on_wait: Callable[[float], None] | None = None,
         **options) -> "ImportResult":  # noqa: F821  (territorio.imports.ImportResult)
    """territorio.imports.read in a child process, within `limits`."""
    from territorio import imports

    check_size(len(data), limits)          # before a copy goes anywhere
    return run(imports.read, (data, name), dict(options, limits=limits), limits, on_wait)


def read_path(path: str | Path, *, limits: Limits = Limits(), on_wait: Callable[[float], None] | None = None,
              **options) -> "ImportResult":  # noqa: F821
    """territorio.imports.read_path in a child process, within `limits`. The path is made absolute here: the
    child works in its own temporary folder, where a relative path would name nothing."""
    from territorio import imports

    return run(imports.read_path, (str(Path(path).absolute()),), dict(options, limits=limits), limits, on_wait)


def run(target: Callable, args: tuple, kwargs: dict, limits: Limits,
        on_wait: Callable[[float], None] | None = None):
    """target(*args, **kwargs) in a child process; its return value, or the FileRejected it raised, or one
    naming the limit it met. `target` must be importable by name (a module-level function)."""
    CONTEXT.set_forkserver_preload(PRELOAD)
    workdir = tempfile.mkdtemp(prefix=TEMP_PREFIX)
    receiver, sender = CONTEXT.Pipe(duplex=False)
    child = CONTEXT.Process(target=_child, args=(sender, workdir, limits, target, args, kwargs), daemon=True,
                            name="territorio-import")
    try:
        child.start()
        sender.close()
        outcome = _wait(receiver, child, limits, on_wait)
    finally:
        _end(child)
        receiver.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return _answer(outcome, child, limits)


# --- the parent's side -------------------------------------------------------------------------------

def _wait(receiver, child, limits: Limits, on_wait) -> tuple | None:
    """The child's answer, None when it died without one; FileRejected when time is up."""
    started = time.monotonic()
    while not receiver.poll(min(TICK, max(0.0, started + limits.max_seconds - time.monotonic()))):
        elapsed = time.monotonic() - started
        if elapsed >= limits.max_seconds:
            raise FileRejected("time_limit", seconds=f"{limits.max_seconds:g}")
        if on_wait is not None:
            on_wait(elapsed)
    try:
        return receiver.recv()
    except (EOFError, OSError):    # the child ended without sending (killed, crashed)
        return None


def _end(child) -> None:
    if child.pid is not None and child.exitcode is None:
        child.kill()
    if child.pid is not None:
        child.join(5)


def _answer(outcome: tuple | None, child, limits: Limits):
    if outcome is None:
        if child.exitcode == -signal.SIGXCPU:
            raise FileRejected("time_limit", seconds=f"{limits.max_seconds:g}")
        raise FileRejected("reader_died", exit=child.exitcode, limit_mb=limits.max_memory_mb)
    kind, *rest = outcome
    if kind == "ok":
        return rest[0]
    code, params = rest
    raise FileRejected(code, **params)


# --- the child's side --------------------------------------------------------------------------------

def _child(sender, workdir: str, limits: Limits, target: Callable, args: tuple, kwargs: dict) -> None:
    try:
        _confine(workdir, limits)
        outcome = ("ok", target(*args, **kwargs))
    except FileRejected as exc:
        outcome = ("rejected", exc.code, exc.params)
    except MemoryError:
        outcome = ("rejected", "memory_limit", {"limit_mb": limits.max_memory_mb})
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("rejected", "memory_limit", {"limit_mb": limits.max_memory_mb}))


def _confine(workdir: str, limits: Limits) -> None:
    """Everything the child writes goes to `workdir`; its memory and CPU time are capped by the kernel (the CPU
    cap ends it even if its parent is gone); PROJ may not fetch grids from the network."""
    import pyproj

    os.chdir(workdir)
    tempfile.tempdir = workdir
    os.environ["TMPDIR"] = os.environ["CPL_TMPDIR"] = workdir
    pyproj.network.set_network_enabled(False)
    cpu = int(limits.max_seconds) + 2
    _lower(resource.RLIMIT_CPU, cpu, cpu + 1)   # SIGXCPU at the soft limit: said as the time limit
    size = _address_space()
    if size is not None:          # RLIMIT_AS at what the child maps already plus its budget
        budget = size + limits.max_memory_mb * MB
        _lower(resource.RLIMIT_AS, budget, budget)


def _address_space() -> int | None:
    """This process's virtual size in bytes (Linux), None where /proc is missing."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _lower(which: int, soft: int, hard: int) -> None:
    """Set a limit, never above the hard limit the process was given (a process may only lower it)."""
    _, given = resource.getrlimit(which)
    if given != resource.RLIM_INFINITY:
        soft, hard = min(soft, given), min(hard, given)
    resource.setrlimit(which, (soft, hard))
