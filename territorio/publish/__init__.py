"""The map for readers as static files: the explorer's payload (payload), the folder and its zip (folder), and
the page, script and styles themselves (explorer/, package data)."""
