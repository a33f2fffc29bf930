"""Unit tests of territorio.selection: filters, URL state, the sentences about a selection, playback."""
