"""Aggregate statistics: counting records by field and code, for reports."""
