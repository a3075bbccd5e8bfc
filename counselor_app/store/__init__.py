"""Schema, migrations and the tables of the vault."""
