"""Every TERRITORIO_* setting is in the one table (territorio.settings), shown on docs/SETTINGS.md exactly as
declared, and read through that table only."""

import ast
import re
from pathlib import Path

import pytest

from territorio import settings
from territorio.paths import REPO_ROOT

NAME = re.compile(r"\bTERRITORIO_[A-Z0-9_]*[A-Z0-9]\b")
TEXT_FILES = ("*.py", "*.md", "*.sh", "*.toml", "*.txt", "run")
SKIPPED = {".git", ".venv", ".venv-lock", "node_modules", "__pycache__"}
CODE = ("territorio", "loaders", "ui", "pages", "benchmarks", "app.py", "geodata/build.py")


def tree_files(patterns=TEXT_FILES, roots=(".",)):
    for root in roots:
        base = REPO_ROOT / root
        paths = [base] if base.is_file() else [p for pattern in patterns for p in base.rglob(pattern)]
        for path in paths:
            if not SKIPPED & set(path.relative_to(REPO_ROOT).parts) and path.is_file():
                yield path


def test_every_setting_named_anywhere_in_the_tree_is_in_the_table():
    named = {(m, p.relative_to(REPO_ROOT).as_posix()) for p in tree_files()
             for m in NAME.findall(p.read_text(encoding="utf-8", errors="replace"))}
    unknown = sorted((name, where) for name, where in named if name not in settings.BY_NAME)
    assert not unknown, f"settings missing from territorio/settings.py: {unknown}"


def test_the_docs_page_shows_the_table_as_declared():
    page = (REPO_ROOT / "docs" / "SETTINGS.md").read_text(encoding="utf-8")
    assert settings.markdown_table() in page, "docs/SETTINGS.md: paste territorio.settings.markdown_table() again"


def test_the_readme_links_the_settings_page():
    assert "docs/SETTINGS.md" in (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _reads(tree: ast.AST):
    """(line, key node) of every os.environ.get(k) / os.getenv(k) / os.environ[k] read."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            f = node.func
            if isinstance(f, ast.Attribute) and (
                    (f.attr == "get" and isinstance(f.value, ast.Attribute) and f.value.attr == "environ")
                    or f.attr == "getenv"):
                yield node.lineno, node.args[0]
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) \
                and isinstance(node.value, ast.Attribute) and node.value.attr == "environ":
            yield node.lineno, node.slice


@pytest.mark.parametrize("path", sorted(tree_files(("*.py",), CODE)), ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_no_module_reads_a_setting_behind_the_tables_back(path):
    """Outside territorio/settings.py no code names a setting as a bare string, and every read of the
    environment names a variable that is not ours (TMPDIR and the like) in so many words."""
    if path == REPO_ROOT / "territorio" / "settings.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bare = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and NAME.fullmatch(n.value)]
    assert not bare, f"{path.name}: lines {bare} name a setting; use territorio.settings"
    reads = [line for line, key in _reads(tree)
             if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and not NAME.match(key.value))]
    assert not reads, f"{path.name}: lines {reads} read the environment; settings are read by territorio.settings"


def test_a_setting_reads_its_value_or_its_default():
    env = {"TERRITORIO_MAX_ROWS": " 12 ", "TERRITORIO_PUBLIC_URL": "  "}
    assert settings.MAX_ROWS.value(env) == "12" and settings.MAX_ROWS.positive(env) == 12
    assert settings.PUBLIC_URL.value(env) == "http://localhost:8501/"
    assert settings.MAX_ROWS.positive({"TERRITORIO_MAX_ROWS": "-3"}) is None
    assert settings.MAX_ROWS.positive({"TERRITORIO_MAX_ROWS": "many"}) is None


def test_paths_default_to_the_repository_and_follow_their_settings(monkeypatch, tmp_path):
    from territorio import paths

    monkeypatch.delenv(settings.GEODATA.name, raising=False)
    monkeypatch.delenv(settings.SHARED.name, raising=False)
    assert paths.geodata_dir() == REPO_ROOT / "geodata"
    assert paths.shared_dir() == REPO_ROOT.parent / "shared"
    monkeypatch.setenv(settings.GEODATA.name, str(tmp_path))
    assert paths.geodata_dir() == Path(tmp_path)
