"""Unit tests of territorio.i18n: the translations."""
