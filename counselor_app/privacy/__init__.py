"""Keeping identifying details out: the note scanner (and, later, small-count suppression)."""
