"""The catalog: its typed frames and label lookups (model), dates with a precision, the join of incidents to
parishes, sectors, peace zones and control, what held on a day, the data package's declarations, and
synthetic incidents for benchmarks and tests."""
