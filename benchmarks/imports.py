"""What the bounded import costs: a synthetic N-row CSV (the catalog's export layout) imported in this process
and in a child process (territorio.imports.bounded), alternately, `repeat` times each; medians in seconds.

    python -m benchmarks.imports [N] [repeat]       (defaults 100000 and 3)

The child's peak memory is reported too: its address space is what TERRITORIO_IMPORT_MEMORY_MB caps.
"""

from __future__ import annotations

import statistics
import sys
import time


def synthetic_csv(n: int) -> bytes:
    from loaders import catalog as catalog_loader
    from territorio.catalog import synthetic

    frame = synthetic.incidents(catalog_loader.load(), n, seed=0)
    columns = ["id", "date", "date_end", "title_en", "fatalities_min", "fatalities_max", "lat", "lon", "sources"]
    return frame[columns].to_csv(index=False).encode()


def peaks(data: bytes, limits, context: dict) -> dict:
    """Run in a child: the import, then how much address space (what the memory limit caps) and resident
    memory it needed beyond what the child had when it started (Linux)."""
    from pathlib import Path

    from territorio import imports

    def status() -> dict:
        lines = Path("/proc/self/status").read_text().splitlines()
        return {k: int(v.split()[0]) / 1024 for k, v in (line.split(":", 1) for line in lines)
                if k in ("VmSize", "VmPeak", "VmRSS", "VmHWM")}

    before = status()
    imports.read(data, "synthetic.csv", limits=limits, **context)
    after = status()
    return {"child_address_space_mb": round(after["VmPeak"] - before["VmSize"]),
            "child_resident_mb": round(after["VmHWM"] - before["VmRSS"])}


def run(n: int = 100_000, repeat: int = 3) -> dict:
    from loaders import uploads
    from territorio import imports
    from territorio.imports import Limits, bounded

    data = synthetic_csv(n)
    limits = Limits(max_bytes=len(data) + 1)
    context = uploads.context()
    times = {"in_process": [], "bounded": []}
    for _ in range(repeat):
        for way, read in (("in_process", imports.read), ("bounded", bounded.read)):
            t0 = time.perf_counter()
            result = read(data, "synthetic.csv", limits=limits, **context)
            times[way].append(time.perf_counter() - t0)
            assert result.rows_loaded + result.rows_rejected == n
    median = {way: statistics.median(ts) for way, ts in times.items()}
    return {"rows": n, "csv_mb": round(len(data) / 2**20, 1),
            **{f"{way}_s": round(s, 2) for way, s in median.items()},
            "overhead_s": round(median["bounded"] - median["in_process"], 2),
            "overhead_pct": round(100 * (median["bounded"] / median["in_process"] - 1)),
            **bounded.run(peaks, (data, limits, context), {}, limits)}


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    for key, value in run(*args).items():
        print(f"{key}: {value}")
