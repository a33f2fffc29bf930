"""The IO edge: reading the embedded data package (and, later, users' files)."""
