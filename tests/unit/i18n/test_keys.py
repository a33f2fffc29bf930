"""Every translation key is used by the code, and every key the code asks for exists. Keys are used as
written (t("legend", lang)) or built: a literal head and a value (t(f"layer_{name}", lang), where `name` is a
layer named elsewhere in the code), a plural (describe.plural adds _one / _other), or from the data."""

import ast

import pytest

from territorio.i18n import TEXTS
from territorio.paths import REPO_ROOT

CODE = [p for d in ("territorio", "ui", "pages", "loaders", "benchmarks") for p in (REPO_ROOT / d).rglob("*.py")
        if "strings" not in p.relative_to(REPO_ROOT).parts] + [REPO_ROOT / "app.py"]
PLURALS = ("_one", "_other")      # territorio.selection.describe.plural
# Keys whose last part comes from somewhere the code does not spell it, and where.
BUILT_FROM_DATA = {
    "pop_kind_": "the population file's `kind` column (analysis.profile.population_sentences)",
}
BUILT_BY_RENAMING = {
    "imp_date_end_unreadable": "imports.validate renames a date_ problem for the date_end field",
}


def _strings():
    """(string constants, literal heads of built strings) in the code."""
    consts, heads = set(), set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                consts.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                heads.add(node.values[0].value)                              # f"layer_{name}"
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
                heads.add(node.left.value)                                   # "status_" + status
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "startswith" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                heads.add(node.args[0].value)                                # k.startswith("conf_") over TEXTS
    return consts, {h for h in heads if isinstance(h, str) and h}


CONSTS, HEADS = _strings()


def spelled(text: str, depth: int = 2) -> bool:
    """The code writes `text` out, or builds it from a head and something it writes out (f"url_{reason}"
    where reason is itself f"unknown_{key}")."""
    if text in CONSTS:
        return True
    return depth > 0 and any(text.startswith(h) and spelled(text[len(h):], depth - 1) for h in HEADS)


def used(key: str, data_values) -> bool:
    if spelled(key) or key in BUILT_BY_RENAMING:
        return True
    if any(key.endswith(s) and spelled(key[: -len(s)]) for s in PLURALS):
        return True
    return any(key.startswith(prefix) and key[len(prefix):] in data_values[prefix] for prefix in BUILT_FROM_DATA)


@pytest.fixture(scope="module")
def data_values(cat):
    return {"pop_kind_": set(cat.population["kind"].str.strip()) - {""}}


def test_every_key_is_used(data_values):
    unused = sorted(k for k in TEXTS if not used(k, data_values))
    assert not unused, f"translation keys no code uses: {unused}"


def test_every_key_the_code_names_exists():
    """A key spelled out in a t(...) call is declared (a typo would fail at run time, on one page only)."""
    missing = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                if node.args[0].value not in TEXTS:
                    missing.add((path.name, node.args[0].value))
    assert not missing, sorted(missing)


def test_an_unused_key_is_caught(data_values):
    assert not used("legend_of_nothing_at_all", data_values)
    assert used("layer_incidents", data_values) and used("url_unknown_actor", data_values)
