"""The domain package's architecture rules: it never imports streamlit; only the CLI (a face, like the
pages) imports loaders or benchmarks; importing a module has no side effect: it patches no library, and pulls
in folium or branca only when the module draws the interactive map."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import territorio

PACKAGE = Path(territorio.__file__).parent
FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = sorted(".".join(("territorio", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
                 for p in FILES if p.name != "__main__.py")
# Modules that draw the interactive map (folium, and branca under it); every other one must not import them.
DRAWS_THE_MAP = {"territorio.map.basemap", "territorio.map.groups", "territorio.map.layers",
                 "territorio.map.incidents", "territorio.map.legend", "territorio.map.templates",
                 "territorio.map.layout",
                 "territorio.stories.scenes", "territorio.stories.export", "territorio.stories.clicker"}
FACES = ("territorio.cli",)     # the command line calls loaders and benchmarks, as the pages do


def imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
    return names


def module_of(path: Path) -> str:
    return ".".join(("territorio", *path.relative_to(PACKAGE).with_suffix("").parts))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_streamlit_import(path):
    assert not [n for n in imported_names(path) if n.split(".")[0] in {"streamlit", "streamlit_folium"}], path


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_command_line_imports_loaders_or_benchmarks(path):
    if module_of(path).startswith(FACES):
        return
    assert not [n for n in imported_names(path) if n.split(".")[0] in {"loaders", "benchmarks"}], path


# One child process imports what every module needs from other libraries, then forks once per module (two at a
# time): each fork imports that module alone into a fresh namespace, and says what it brought in and changed.
PROBE = r"""
import json, os, sys
import geopandas, jinja2, matplotlib.figure, numpy, pandas, pyarrow, pyogrio, pyproj, shapely, yaml

def probe(name, write):
    try:
        import branca.element   # only to start from branca's own class: forget it, so an import shows
        del sys.modules["branca"], sys.modules["branca.element"]
        __import__(name)
        after = sys.modules.get("branca.element")
        out = {"loaded": sorted(m for m in ("folium", "branca", "streamlit") if m in sys.modules),
               "patched": after is not None and after.Template is not jinja2.Template}
    except BaseException as exc:
        out = {"error": f"{type(exc).__name__}: {exc}"}
    os.write(write, json.dumps(out).encode())

results, running = {}, []           # two forks at a time: one per core
for name in sys.argv[1:] + [None, None]:
    if name is not None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            probe(name, write)
            os._exit(0)
        os.close(write)
        running.append((name, read, pid))
    if len(running) == 2 or (name is None and running):
        done, read, pid = running.pop(0)
        with os.fdopen(read) as pipe:
            results[done] = json.loads(pipe.read() or '{"error": "no answer"}')
        os.waitpid(pid, 0)
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def imports():
    done = subprocess.run([sys.executable, "-c", PROBE, *MODULES], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", MODULES)
def test_importing_a_module_has_no_side_effect(imports, module):
    got = imports[module]
    assert "error" not in got, got
    assert not got["patched"], f"importing {module} patches branca"
    assert "streamlit" not in got["loaded"]
    if module not in DRAWS_THE_MAP:
        assert not {"folium", "branca"} & set(got["loaded"]), f"{module} imports {got['loaded']} but draws no map"


def test_the_probe_sees_an_import_that_patches_branca():
    """The fork probe itself: a module that installs the template fix when imported is caught."""
    code = PROBE.replace("        __import__(name)\n",
                         "        __import__(name)\n        from territorio.map import templates\n        "
                         "templates.install()\n")
    done = subprocess.run([sys.executable, "-c", code, "territorio.settings"], capture_output=True, text=True,
                          timeout=120)
    assert json.loads(done.stdout.splitlines()[-1])["territorio.settings"]["patched"] is True
