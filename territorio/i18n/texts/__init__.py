"""Long-form texts of the app, one Markdown file per language."""

from pathlib import Path

from territorio.i18n import normalise_lang

_DIR = Path(__file__).parent


def text(name: str, lang: str) -> str:
    return (_DIR / f"{name}.{normalise_lang(lang)}.md").read_text(encoding="utf-8")
