"""`territorio bench --data FILE_OR_ID`: the benchmark on a kept dataset instead of synthetic incidents.

A file is imported as the app imports it (the bounded child process) and kept in a temporary workspace; an id
names a dataset of the workspace (TERRITORIO_WORKSPACE). Then the kept dataset is read and joined cold, as a
server does on the first page that chooses it: that is `load_join_s`, the figure issue 15 budgets (2 s at
100,000 rows). The first paint opens the map at ?dataset=ID on a fresh server of that workspace.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loaders import workspace
from territorio import settings
from territorio.selection import urlstate
from territorio.selection.dataset import DatasetChoice


@dataclass(frozen=True)
class Source:
    joined: pd.DataFrame
    figures: dict         # import_s (a file), load_join_s, read_s, join_s
    env: dict             # the settings a server of this workspace runs with
    query: str            # the page address's query that chooses the dataset


def _import(path: Path, base: Path, say) -> tuple[str, float]:
    from loaders import uploads
    from territorio.imports import Limits

    say(f"importing {path.name} as the app does (bounded child process)")
    t0 = time.perf_counter()
    result = uploads.read_path(path, limits=Limits.from_env())
    info = workspace.keep(result, name=path.stem, sha256=hashlib.sha256(path.read_bytes()).hexdigest(), base=base)
    return info.id, time.perf_counter() - t0


def cold_read_and_join(dataset_id: str, base: Path) -> tuple[pd.DataFrame, dict]:
    """The kept dataset read from its GeoParquet and joined with nothing cached, each step timed."""
    workspace.clear_caches()
    t0 = time.perf_counter()
    workspace.incidents(dataset_id, base)
    read_s = time.perf_counter() - t0
    joined = workspace.joined(DatasetChoice(dataset_id), base)
    total = time.perf_counter() - t0
    return joined, {"read_s": round(read_s, 3), "join_s": round(total - read_s, 3), "load_join_s": round(total, 3)}


@contextlib.contextmanager
def dataset(text: str, say=lambda _m: None):
    """A Source for a file (kept in a temporary workspace for the run) or a kept dataset's id or name."""
    with contextlib.ExitStack() as stack:
        figures = {}
        if Path(text).is_file():
            base = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="territorio-bench-ws-")))
            dataset_id, import_s = _import(Path(text), base, say)
            figures["import_s"] = round(import_s, 3)
        else:
            base = workspace.root()
            dataset_id = workspace.find(text, base).id
        say(f"reading and joining the kept dataset {dataset_id}")
        joined, timed = cold_read_and_join(dataset_id, base)
        query = "?" + "&".join(f"{k}={v}" for k, v in urlstate.dataset_query(DatasetChoice(dataset_id)).items())
        yield Source(joined, {"dataset": dataset_id, **figures, **timed}, {settings.WORKSPACE.name: str(base)}, query)
