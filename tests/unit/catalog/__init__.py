"""Unit tests of territorio.catalog: the typed catalog, dates, the join, what held on a day, synthetic data."""
