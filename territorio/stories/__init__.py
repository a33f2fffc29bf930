"""Briefing stories: the story file's schema (model), scenes against the catalog, the offline HTML export and
its player, and the clicker's keys."""
