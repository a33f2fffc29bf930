"""Unit tests of territorio.cli: the command line, in process through the `cli` fixture."""
