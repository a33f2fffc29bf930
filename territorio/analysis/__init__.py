"""Questions asked of the catalog: an area's profile, before/after a policy date, the timeline, coverage."""
