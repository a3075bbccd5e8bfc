"""The call list: a filter bar over a lazily paged table of calls, and one call's record."""
