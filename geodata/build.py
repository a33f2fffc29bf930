#!/usr/bin/env python3
"""Rebuild geodata/ from ../shared (the reference data beside a development checkout).

    python geodata/build.py          # write every derived file and datapackage.json
    python geodata/build.py --check  # exit 1 if a committed file differs from a fresh build

Same as `territorio data build [--check]`.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from territorio.cli.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["data", "build", *sys.argv[1:]]))
