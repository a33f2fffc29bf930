"""What a person asked to see: the filter spec and its mask, the state a page's URL carries, the sentences
that describe a selection, and time playback."""
