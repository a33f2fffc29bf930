"""The domain package never imports streamlit (it must stay testable and scriptable without an app)."""

import ast
from pathlib import Path

import pytest

import territorio

FILES = sorted(Path(territorio.__file__).parent.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_streamlit_import(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        assert not any(n.split(".")[0] in {"streamlit", "streamlit_folium"} for n in names), path
