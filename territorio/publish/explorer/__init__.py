"""The published explorer's page, script, styles and README template (package data, hand-written)."""
