"""The audit trail window, for admins."""
