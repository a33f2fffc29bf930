"""The `territorio` command (main), with the story commands in a module of their own."""
