"""Unit tests of territorio.imports: every format read, checked and bounded."""
