"""Unit tests of territorio.stories: the story schema, scenes, the offline export, the clicker."""
