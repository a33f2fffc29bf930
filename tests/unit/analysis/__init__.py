"""Unit tests of territorio.analysis: area profile, before/after study, timeline, coverage."""
