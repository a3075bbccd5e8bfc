"""counselor-app core: vault, accounts, forms, records and statistics (no Qt here)."""

__version__ = "0.1.0"
