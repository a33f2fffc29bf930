"""Per-feature translation tables: each module here declares TEXTS = {key: {"en": ..., "es": ...}}.

i18n merges them all; see territorio/i18n/__init__.py."""
