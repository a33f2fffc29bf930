"""The offline story player: an HTML page, its CSS and a small hand-written vanilla-JS player (no third-party code)."""
