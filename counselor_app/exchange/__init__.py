"""Records in and out: JSON Lines import/export and synthetic training data."""
