"""The Reports dialog: a period and filters, the report's tables and charts, PDF and CSV."""
